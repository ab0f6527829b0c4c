"""Every one-line call the notebooks make builds the real widget, in both languages, without a
kernel (nbval runs the same calls in a kernel; this is the quick, precise check)."""
from __future__ import annotations

import pytest

from conduct.curriculum import show
from conduct.curriculum.lessons import LANGS, all_lessons

widgets = pytest.importorskip("ipywidgets")
PARTS = [(p.kind, p.id) for l in all_lessons() if l.track == "course" for p in l.parts if p.kind in ("exercise", "quiz")]


def _texts(w, seen=None) -> list[str]:
    """Every string a widget tree shows (values, descriptions, tooltips, HTML)."""
    seen = seen if seen is not None else set()
    if id(w) in seen:
        return []
    seen.add(id(w))
    out = []
    for attr in ("value", "description", "tooltip", "placeholder"):
        v = getattr(w, attr, None)
        if isinstance(v, str):
            out.append(v)
    for attr in ("options",):
        for o in getattr(w, attr, ()) or ():
            out.append(o[0] if isinstance(o, tuple) else str(o))
    for child in getattr(w, "children", ()) or ():
        out.extend(_texts(child, seen))
    return out


@pytest.mark.parametrize("kind, part_id", PARTS, ids=[p[1] for p in PARTS])
@pytest.mark.parametrize("lang", LANGS)
def test_exercise_and_quiz_calls_build_widgets(kind, part_id, lang, tmp_path, monkeypatch):
    monkeypatch.setenv("CONDUCT_PROGRESS", str(tmp_path / "progress.json"))
    w = getattr(show, kind)(part_id, lang)
    assert isinstance(w, widgets.Widget)
    shown = " ".join(_texts(w))
    assert shown.strip(), f"{part_id} shows no text"
    assert "[[" not in shown, f"{part_id}: a citation was not written out"


@pytest.mark.parametrize("name", ["role_explorer", "progress_panel", "post_checker"])
@pytest.mark.parametrize("lang", LANGS)
def test_widget_calls_build_widgets(name, lang, tmp_path, monkeypatch):
    monkeypatch.setenv("CONDUCT_PROGRESS", str(tmp_path / "progress.json"))
    assert isinstance(getattr(show, name)(lang), widgets.Widget)


def test_unknown_ids_fail_with_a_message_that_says_what_to_do():
    with pytest.raises(KeyError, match="python -m conduct.curriculum.build"):
        show.exercise("c99-nothing", "vi")
    with pytest.raises(ValueError, match="unknown language"):
        show.quiz("c03-quiz", "fr")
