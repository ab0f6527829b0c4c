"""The pre/post quizzes: the same items before and after, in SCHOOL's data and in the built assignments."""
from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest

from conduct.datafiles import DataError, load
from conduct.school import BANDS, TOPICS, prepost

SOURCE = Path(__file__).resolve().parents[2] / "exercises" / "source"


def _grade_ids(name: str) -> list[str]:
    folder = SOURCE / name
    notebooks = sorted(folder.glob("*.ipynb"))
    assert notebooks, f"no built assignment {name} in {SOURCE}: run the exercises builder"
    ids = []
    for path in notebooks:
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade"):
                ids.append(meta["grade_id"])
    return ids


@pytest.mark.parametrize("band", BANDS)
def test_items_are_well_formed_and_cover_every_topic(band):
    items = prepost.items(band)
    assert len(items) >= 6
    assert {it["topic"] for it in items} == set(TOPICS)
    for it in items:
        assert sum(o["correct"] for o in it["options"]) == 1
        assert all(o["feedback"]["vi"] and o["feedback"]["en"] for o in it["options"])
    assert len(prepost.all_ids()) == sum(len(prepost.items(b)) for b in BANDS)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("band", BANDS)
def test_pre_and_post_assignments_share_the_same_item_ids(band, lang):
    suffix = BANDS[band]
    pre, post = _grade_ids(f"school-pre-{suffix}-{lang}"), _grade_ids(f"school-post-{suffix}-{lang}")
    assert pre == post, "pre- and post-quiz must grade the same items in the same order"
    for item in prepost.items(band):
        assert any(g.startswith(item["id"]) for g in pre), f"item {item['id']} is not graded in school-pre-{suffix}-{lang}"


def test_two_correct_options_are_refused(monkeypatch):
    data = copy.deepcopy(load(prepost.prepost_file("minors_11_14")))
    for o in data["items"][0]["options"]:
        o["correct"] = True
    monkeypatch.setattr(prepost, "load_versioned", lambda file: data)
    prepost.items.cache_clear()
    try:
        with pytest.raises(DataError, match="exactly one"):
            prepost.items("minors_11_14")
    finally:
        prepost.items.cache_clear()
