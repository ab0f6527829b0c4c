"""Every widget: keyboard-friendly controls only, feedback in a live region, labelled buttons."""
from pathlib import Path

import ipywidgets as W
import pytest

import conduct.widgets as cw
from conduct.widgets.a11y import walk

ITEMS = [{"id": "q", "question": {"vi": "?", "en": "?"},
          "options": [{"text": {"vi": "a", "en": "a"}, "correct": True, "feedback": {"vi": "x", "en": "x"}},
                      {"text": {"vi": "b", "en": "b"}, "correct": False, "feedback": {"vi": "y", "en": "y"}}]}]


def builds(store):
    return {
        "classifier": lambda lang: cw.classifier(["vi-a-001", "vi-a-002"], lang=lang, exercise_id="a11y", store=store),
        "quiz": lambda lang: cw.quiz(ITEMS, lang=lang, quiz_id="a11y-q", store=store),
        "role_explorer": lambda lang: cw.role_explorer(lang=lang),
        "progress_panel": lambda lang: cw.progress_panel(lang=lang, store=store),
        "post_checker": lambda lang: cw.post_checker(lang=lang),
    }


@pytest.mark.parametrize("name", ["classifier", "quiz", "role_explorer", "progress_panel", "post_checker"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_widget_tree(store, name, lang):
    w = cw.language_switch(builds(store)[name], lang=lang)
    tree = list(walk(w))
    assert not any(isinstance(x, (W.RadioButtons, W.Dropdown, W.Select)) for x in tree)
    buttons = [x for x in tree if isinstance(x, W.Button)]
    assert all(b.description.strip() and b.tooltip for b in buttons)
    for tb in (x for x in tree if isinstance(x, W.ToggleButtons)):
        assert len(tb.tooltips) == len(tb.options) and all(tb.tooltips)
    live = [x for x in tree if isinstance(x, W.HTML) and x.value.startswith('<div role="status" aria-live="polite"')]
    assert live, f"{name} has no ARIA live region"


def test_no_radio_buttons_in_the_source():
    src = Path(cw.__file__).parent
    offenders = [p.name for p in src.glob("*.py") if "RadioButtons(" in p.read_text(encoding="utf-8")]
    assert offenders == []
