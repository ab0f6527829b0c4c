"""The exercises against real nbgrader: reproducible, valid, nothing passes blank, honest clicks score exactly.

All the nbgrader work happens once, in the session `course` fixture (conftest.py) and the module
fixtures below; each test asserts on one property of what they produced.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from answer_clicks import click_answers, keys_of
from exercise_helpers import read_source

from conduct.exercises.build import DEFAULT_OUT, build_all, index

SOLUTION_STUDENT = "solution"
WRONG_STUDENT = "naive"
CARELESS_STUDENT = "careless"  # clicks "ok" / no clause / the first option everywhere in art4-vi
# A plausible first attempt: right on every visible example, wrong on separators, order and boundaries.
NAIVE_FINDER = '''import re


def find_personal_data(text):
    found = [("email", m) for m in re.findall(r"\\S+@\\S+", text)]
    found += [("phone", m) for m in re.findall(r"\\b0\\d{9}\\b", text)]
    found += [("id_number", m) for m in re.findall(r"\\b\\d{12}\\b", text)]
    return found
'''


def submit(root: Path, student: str, aid: str, nb, choose=None) -> None:
    """Hand in a notebook and, for answer items, the answers.json its widgets save when clicked."""
    folder = root / "submitted" / student / aid
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, folder / f"{aid}.ipynb")
    if choose is not None and keys_of(read_source(root, aid)):
        click_answers(read_source(root, aid), folder, choose)


def gold(_grade_id, key):
    return key["answer"]


def careless(_grade_id, key):
    if key["kind"] == "clauses":
        return []
    if key["kind"] == "multi":
        return [key["options"][0]]
    return "ok" if key["kind"] == "verdict" else key["options"][0]


def test_generator_reproduces_the_committed_notebooks(tmp_path):
    wanted = build_all(tmp_path)
    committed = sorted(p.relative_to(DEFAULT_OUT) for p in DEFAULT_OUT.glob("*/*.ipynb"))
    assert committed == sorted(p.relative_to(tmp_path) for p in wanted), "run: python -m conduct.exercises.build"
    for path, text in wanted.items():
        assert (DEFAULT_OUT / path.relative_to(tmp_path)).read_text(encoding="utf-8") == text, path


def test_every_assignment_generates_without_keys_or_solutions_in_the_release(course):
    failed = {aid: r.get("error") or r.get("log") for aid, r in course["generated"].items() if not r["success"]}
    assert not failed
    for aid in course["ids"]:
        source = (course["root"] / "source" / aid / f"{aid}.ipynb").read_text(encoding="utf-8")
        release = (course["root"] / "release" / aid / f"{aid}.ipynb").read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in release and "BEGIN HIDDEN TESTS" not in release, aid
        assert "ANSWER_KEY" in source and "ANSWER_KEY" not in release, aid
        assert '\\"expect\\"' in source or '\\"reason\\"' in source, aid  # key fields, JSON-escaped in a cell
        assert '\\"expect\\"' not in release and '\\"reason\\"' not in release, aid


def test_written_answers_get_a_stub_in_the_notebooks_language(course):
    def stubs(aid):
        nb = nbformat.read(course["root"] / "release" / aid / f"{aid}.ipynb", as_version=4)
        return [c.source for c in nb.cells if c.cell_type == "markdown" and c.metadata["nbgrader"].get("solution")]

    assert stubs("art4-vi") == ["✎ Viết câu trả lời của bạn vào đây."]
    assert stubs("art4-en") == ["✎ Write your answer here."]


@pytest.fixture(scope="module")
def blank_results(course):
    """`nbgrader validate --invert` on every blank release, through the Python API (the CLI exits 0 regardless)."""
    from nbgrader.validator import Validator

    validator = Validator(invert=True, config=course["api"].config)
    return {aid: validator.validate(str(course["root"] / "release" / aid / f"{aid}.ipynb")) for aid in course["ids"]}


def test_no_test_passes_on_a_blank_release(blank_results):
    passed = {aid: [c["source"].splitlines()[0] for c in r.get("passed", [])] for aid, r in blank_results.items()}
    assert not {aid: cells for aid, cells in passed.items() if cells}
    assert not {aid: r for aid, r in blank_results.items() if r}  # no changed cells, no type changes either


def _scores(root: Path, aid: str, student: str):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(aid, aid, student)
        return {g.name: (g.auto_score, g.max_score, g.needs_manual_grade, g.cell_type) for g in nb.grades}


@pytest.fixture(scope="module")
def graded(course):
    """Every assignment answered right by clicking (the source notebook handed in with its answers.json),
    one naive programming answer, and one careless clicker, autograded."""
    root, api = course["root"], course["api"]
    for aid in course["ids"]:
        submit(root, SOLUTION_STUDENT, aid, read_source(root, aid), gold)
    naive = nbformat.read(root / "release" / "pii-en" / "pii-en.ipynb", as_version=4)
    for cell in naive.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = NAIVE_FINDER
    submit(root, WRONG_STUDENT, "pii-en", naive)
    release = nbformat.read(root / "release" / "art4-vi" / "art4-vi.ipynb", as_version=4)
    submit(root, CARELESS_STUDENT, "art4-vi", release, careless)
    results = {(aid, SOLUTION_STUDENT): api.autograde(aid, SOLUTION_STUDENT) for aid in course["ids"]}
    results[("pii-en", WRONG_STUDENT)] = api.autograde("pii-en", WRONG_STUDENT)
    results[("art4-vi", CARELESS_STUDENT)] = api.autograde("art4-vi", CARELESS_STUDENT)
    return results


def test_right_clicks_score_full_marks(course, graded):
    assert not {key: r.get("error") for key, r in graded.items() if not r["success"]}
    for aid in course["ids"]:
        scores = _scores(course["root"], aid, SOLUTION_STUDENT)
        expected = {c.grade_id: c.points for c in index(aid)}
        assert set(scores) == set(expected), aid
        for name, (auto, top, manual, cell_type) in scores.items():
            assert top == expected[name], (aid, name)
            if cell_type == "code":
                assert auto == top and not manual, (aid, name, auto, top)
            else:  # written reflections wait for the instructor, with the rubric in the question
                assert manual, (aid, name)


def test_hidden_cases_catch_a_naive_personal_data_finder(course, graded):
    from nbgrader.validator import Validator

    # what the learner can see: the visible examples all pass ...
    release = course["root"] / "submitted" / WRONG_STUDENT / "pii-en" / "pii-en.ipynb"
    visible = Validator(config=course["api"].config).validate(str(release))
    assert not visible.get("failed"), visible
    # ... but the grader, comparing the function's outputs on every case, gives no credit where it is wrong
    scores = _scores(course["root"], "pii-en", WRONG_STUDENT)
    lost = {name for name, (auto, top, _, _) in scores.items() if auto < top}
    assert {"finder-phones", "finder-emails", "finder-mixed"} <= lost
    assert sum(s[0] for s in scores.values()) < sum(s[1] for s in scores.values())


def _expected_careless(aid: str) -> dict[str, float]:
    expected = {}
    for cell in index(aid):
        if cell.kind == "verdict":
            expected[cell.grade_id] = float(cell.gold == "ok")
        elif cell.kind == "clauses":
            expected[cell.grade_id] = float(cell.gold == [])
        elif cell.kind == "choice":
            expected[cell.grade_id] = float(cell.gold == cell.options[0])
        elif cell.kind == "multi":
            expected[cell.grade_id] = float(cell.gold == [cell.options[0]])
    return expected


def test_careless_clicks_score_exactly_where_the_key_agrees(course, graded):
    """Clicking "OK", no clause and the first option everywhere scores exactly where the key says so."""
    scores = _scores(course["root"], "art4-vi", CARELESS_STUDENT)
    expected = _expected_careless("art4-vi")
    assert 0 < sum(expected.values()) < len(expected)
    assert {k: scores[k][0] for k in expected} == expected


def test_feedback_names_the_choice_and_says_why(course, graded):
    nb = nbformat.read(course["root"] / "autograded" / CARELESS_STUDENT / "art4-vi" / "art4-vi.ipynb", as_version=4)
    cells = {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    wrong = cells["hate-verdict"].outputs[0]
    assert wrong.output_type == "error"
    assert "Bạn chọn: Không vi phạm." in wrong.evalue and "Đáp án đúng: Vi phạm." in wrong.evalue
    assert "phân biệt vùng miền" in wrong.evalue  # the post's reason
    choice = cells["hacked-check"].outputs[0].evalue
    assert "Tài khoản cũ vẫn tiếp tục lừa bạn bè bạn" in choice  # the feedback written for option A
    right = cells["criticism-verdict"].outputs[0]
    assert right.output_type == "stream" and right.text.startswith("✓ Đúng.")
    assert "sheet.saved" in cells["hate-verdict"].source and "ANSWER_KEY" in cells["hate-verdict"].source
