"""Real assignments from exercises/source through the whole instructor workflow, sandboxed.

The fixture cohort (test_grading_course.py) covers hostile submissions; this module checks that
the real exercises (which import `conduct` inside the sandbox for their checks) grade as their
source says: the full solutions (with their answers.json, as the answer sheet saves it) score every
auto-graded point, the blank release scores nothing, and answering only the first question scores
exactly that question's points. Expected scores are computed from the source notebook's
nbgrader metadata, so the test follows the exercises as developer EXERCISES revises them. The school
track's paired pre- and post-quiz are graded too, for the report's before/after comparison.
"""
from __future__ import annotations

import csv
import json
import shutil

import nbformat
import pytest
from grading_helpers import run_cli, submit

from conduct.exercises.keys import ANSWER_KINDS, parse_key
from grading.course import default_exercises, open_course
from grading.reports import detect_pairs, mastery, prepost, read_results

ASSIGNMENT = "art4-vi"
SOURCE = default_exercises() / ASSIGNMENT
PRE, POST = "school-pre-11-14-vi", "school-post-11-14-vi"

pytestmark = [
    pytest.mark.skipif(shutil.which("bwrap") is None,
                       reason="bubblewrap (bwrap) is not installed, so autograding cannot be sandboxed: "
                              "`apt-get install bubblewrap` (./course test does it when run as root)"),
    pytest.mark.skipif(not all((default_exercises() / a).is_dir() for a in (ASSIGNMENT, PRE, POST)),
                       reason="exercises/source is not generated yet (python -m conduct.exercises.build)"),
]


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _answers(source_nb, first_item_only: bool = False) -> str:
    """answers.json with the keys' answers, as the answer sheet saves it (only the first item's, if asked).

    Answers are data graded by grading.answers (exercises/README.md); the notebook itself carries no answer.
    """
    answers = {}
    for c in source_nb.cells:
        key = parse_key(c.source) if _meta(c).get("grade") else None
        if key and key["kind"] in ANSWER_KINDS:
            item = c.metadata["conduct"]["item"]
            if first_item_only and answers and item != first_item_only:
                break
            first_item_only = first_item_only and item
            answers[_meta(c)["grade_id"]] = key["answer"]
    meta = source_nb.metadata["conduct"]
    return json.dumps({"schema_version": 1, "assignment": meta["assignment"], "notebook": meta["assignment"],
                       "answers": answers})


def _expected(source_nb):
    """(all auto points, points of the first item's graded cells)."""
    auto = sum(_meta(c).get("points", 0) for c in source_nb.cells if _meta(c).get("grade") and c.cell_type == "code")
    first = json.loads(_answers(source_nb, first_item_only=True))["answers"]
    return auto, sum(_meta(c).get("points", 0) for c in source_nb.cells if _meta(c).get("grade_id") in first)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("real")
    root = base / "course"
    run_cli("setup", str(root), "--assignment", ASSIGNMENT, "--assignment", PRE, "--assignment", POST, "--timeout", "20")
    course = open_course(root)
    for assignment in (ASSIGNMENT, PRE, POST):
        run_cli("--course", str(root), "release", assignment)
    notebook = next(SOURCE.glob("*.ipynb")).name
    source_nb = nbformat.read(course.step("source") / ASSIGNMENT / notebook, as_version=4)
    release_nb = nbformat.read(course.step("release") / ASSIGNMENT / notebook, as_version=4)
    auto, first_points = _expected(source_nb)
    students = {"solution": {notebook: source_nb, "answers.json": _answers(source_nb)},
                "blank": {notebook: release_nb},
                "partly": {notebook: release_nb, "answers.json": _answers(source_nb, first_item_only=True)}}
    for student, files in students.items():
        submit(course.exchange, "conduct", base / "students", student, ASSIGNMENT, files)
    # the school pair: "blank" hands in the pre-quiz blank and the post-quiz solved; "solution" solves both
    for assignment in (PRE, POST):
        quiz = next((course.step("source") / assignment).glob("*.ipynb")).name
        solved = nbformat.read(course.step("source") / assignment / quiz, as_version=4)
        blank = nbformat.read(course.step("release") / assignment / quiz, as_version=4)
        answers = _answers(solved)
        submit(course.exchange, "conduct", base / "students", "solution", assignment, {quiz: solved, "answers.json": answers})
        submit(course.exchange, "conduct", base / "students", "blank", assignment,
               {quiz: blank} if assignment == PRE else {quiz: solved, "answers.json": answers})
    run_cli("--course", str(root), "collect")
    run_cli("--course", str(root), "autograde", "--workers", "2")
    run_cli("--course", str(root), "feedback", ASSIGNMENT, "--partial")  # the written answer waits for a human
    run_cli("--course", str(root), "export", str(base / "grades.csv"))
    run_cli("--course", str(root), "--lang", "vi", "report", str(base / "report"))
    yield {"course": course, "base": base, "notebook": notebook,
           "expected": {"solution": auto, "blank": 0, "partly": first_points}, "source": source_nb}


def test_scores_follow_the_source(graded):
    from nbgrader.api import Gradebook

    expected = graded["expected"]
    assert expected["solution"] > 0 and 0 < expected["partly"] < expected["solution"]
    with Gradebook(graded["course"].db_url) as gb:
        for student, score in expected.items():
            assert gb.find_submission(ASSIGNMENT, student).score == score, student


def test_feedback_and_export_for_every_student(graded):
    stem = graded["notebook"].removesuffix(".ipynb")
    for student in graded["expected"]:
        assert (graded["course"].step("feedback") / student / ASSIGNMENT / f"{stem}.html").is_file()
    with open(graded["base"] / "grades.csv", encoding="utf-8-sig", newline="") as fh:
        scores = {r["student_id"]: float(r["score"]) for r in csv.DictReader(fh) if r["assignment"] == ASSIGNMENT}
    assert scores == {s: float(v) for s, v in graded["expected"].items()}


def test_mastery_uses_the_articles_in_the_source(graded):
    _, cells = read_results(graded["course"])
    cells = [c for c in cells if c.assignment == ASSIGNMENT]
    wanted = sorted({a for c in graded["source"].cells for a in c.metadata.get("conduct", {}).get("articles", [])})
    students, articles, grid = mastery(cells)
    assert articles == wanted and students == ["blank", "partly", "solution"]
    assert all(v == 1.0 for v in grid[2]) and all(v == 0.0 for v in grid[0])


def test_pre_post_comparison(graded):
    subs, cells = read_results(graded["course"])
    assert detect_pairs(sorted({s.assignment for s in subs})) == [(PRE, POST)]
    pp = prepost(subs, cells, PRE, POST)
    assert pp.students == (("blank", 0.0, 100.0), ("solution", 100.0, 100.0))  # "partly" took neither quiz
    assert pp.items and all((pre, post) == (0.5, 1.0) for _, pre, post in pp.items)
    report = graded["base"] / "report"
    page = (report / "index.html").read_text(encoding="utf-8")
    assert f"Trước và sau: {PRE} → {POST}" in page and "<tr><td>blank</td><td>0%</td><td>100%</td></tr>" in page
    assert (report / "prepost-1.png").stat().st_size > 1000
