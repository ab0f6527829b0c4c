"""The lesson format rejects broken lessons with a message naming the key and the fix, and the
builder's drift check really notices a hand edit, a missing notebook and a stale one."""
from __future__ import annotations

import copy
import re
import shutil

import nbformat
import pytest

from conduct.curriculum import build
from conduct.curriculum.cite import expand
from conduct.curriculum.lessons import TRACKS, KINDS, parse_lesson
from conduct.datafiles import DataError

COURSE = TRACKS[0]
GOOD = {
    "schema_version": 1, "number": "42", "audience": "adults", "minutes": 5, "articles": [4],
    "title": {"vi": "Bài thử", "en": "A test lesson"},
    "parts": [
        {"kind": "question", "text": {"vi": "Vì sao [[4(5)]]?", "en": "Why [[4(5)]]?"}},
        {"kind": "quiz", "id": "c42-quiz", "items": [{"id": "q1", "question": {"vi": "Hỏi?", "en": "Ask?"}, "options": [
            {"text": {"vi": "Có", "en": "Yes"}, "correct": True, "feedback": {"vi": "Đúng.", "en": "Right."}},
            {"text": {"vi": "Không", "en": "No"}, "correct": False, "feedback": {"vi": "Sai.", "en": "Wrong."}}]}]},
    ],
}


def _broken(path: list, value) -> dict:
    data = copy.deepcopy(GOOD)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def test_a_good_lesson_parses_and_derives_ascii_file_names():
    lesson = parse_lesson("x.yaml", GOOD, COURSE)
    assert lesson.filename("vi") == "42-Bai-Thu.ipynb" and lesson.filename("en") == "42-A-Test-Lesson.ipynb"
    assert [p.kind for p in lesson.parts] == ["question", "quiz"]


@pytest.mark.parametrize("path, value, message", [
    (["title", "en"], KeyError, "title.en: missing"),
    (["number"], "3", "bad lesson number"),
    (["audience"], "kids", "unknown value 'kids'"),
    (["parts", 0, "kind"], "essay", "unknown value 'essay'"),
    (["parts", 0, "text", "en"], "Why?", "vi and en cite different clauses"),
    (["parts", 1, "id"], "x42-quiz", "lacks the track prefix"),
    (["parts", 1, "items", 0, "options", 0, "correct"], False, "no option is marked correct"),
    (["parts", 1, "items", 0, "options", 1, "feedback"], KeyError, "feedback: missing"),
])
def test_broken_lessons_are_rejected_with_the_key_named(path, value, message):
    with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")) as err:
        parse_lesson("x.yaml", _broken(path, value), COURSE)
    assert err.value.fix  # every error says what to do


def test_every_part_kind_has_a_renderer():
    assert set(KINDS) == set(build.RENDERERS)


def test_citations_are_written_out_per_language_and_unknown_ones_fail():
    assert expand("see [[4(5)]] and [[9(1)]]", "vi") == "see Điều 4 khoản 5 and Điều 9"
    assert expand("see [[4(5)]] and [[9]]", "en") == "see Art. 4(5) and Art. 9"
    with pytest.raises(KeyError):
        expand("[[4(42)]]", "en")


def test_drift_check_notices_edits_missing_and_stale_notebooks(tmp_path):
    shutil.copytree(build.default_root(), tmp_path, dirs_exist_ok=True)
    assert build.differences(tmp_path, (COURSE,)) == []
    edited = next((tmp_path / "vi").glob("03-*.ipynb"))
    nb = nbformat.read(edited, as_version=4)
    nb.cells[2].source += "\nhand edit"
    nbformat.write(nb, edited)
    gone = next((tmp_path / "en").glob("05-*.ipynb"))
    gone.unlink()
    stale = tmp_path / "en" / "99-Old-Lesson.ipynb"
    shutil.copy(next((tmp_path / "en").glob("04-*.ipynb")), stale)
    problems = build.differences(tmp_path, (COURSE,))
    assert any(edited.name in p and "differs" in p for p in problems)
    assert any(gone.name in p and "missing" in p for p in problems)
    assert any("99-Old-Lesson" in p and "stale" in p for p in problems)
    assert build.main(["--check", "--out", str(tmp_path), "--track", "course"]) == 1
    # rebuilding repairs all three, and a second run changes nothing (safe to rerun)
    assert build.build(tmp_path, (COURSE,))
    assert build.differences(tmp_path, (COURSE,)) == [] and build.build(tmp_path, (COURSE,)) == []


@pytest.mark.parametrize("part, problem", [
    ({"kind": "exercise", "id": "c42-posts", "posts": ["vi-a-001", "vi-a-999999"]}, "no post 'vi-a-999999'"),
    ({"kind": "clauses", "clauses": ["4(42)"]}, "4(42)"),
    ({"kind": "summary", "points": [{"vi": "Xem [[12(1)]].", "en": "See [[12(1)]]."}]}, "12"),
])
def test_unknown_posts_and_clauses_fail_the_build_naming_the_lesson(part, problem, monkeypatch):
    data = copy.deepcopy(GOOD)
    data["parts"].append(part)
    lesson = parse_lesson("curriculum/data/lessons/42-test.yaml", data, COURSE)
    monkeypatch.setattr(build, "load_track", lambda track: (lesson,))
    with pytest.raises(DataError, match=r"42-test\.yaml.*" + re.escape(problem)):
        build.render_track(COURSE)
