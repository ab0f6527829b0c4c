"""The exercises against real nbgrader: reproducible, valid, nothing passes blank, solutions score full.

All the nbgrader work happens once, in the session `course` fixture (conftest.py) and the module
fixtures below; each test asserts on one property of what they produced.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from conduct.exercises.build import DEFAULT_OUT, build_all, index

SOLUTION_STUDENT = "solution"
WRONG_STUDENT = "naive"
CARELESS_STUDENT = "careless"  # answers "ok" / [] / "A" everywhere in art4-vi
# A plausible first attempt: right on every visible example, wrong on separators, order and boundaries.
NAIVE_FINDER = '''import re


def find_personal_data(text):
    found = [("email", m) for m in re.findall(r"\\S+@\\S+", text)]
    found += [("phone", m) for m in re.findall(r"\\b0\\d{9}\\b", text)]
    found += [("id_number", m) for m in re.findall(r"\\b\\d{12}\\b", text)]
    return found
'''


def submit(root: Path, student: str, aid: str, notebook_text: str) -> None:
    folder = root / "submitted" / student / aid
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{aid}.ipynb").write_text(notebook_text, encoding="utf-8")


def test_generator_reproduces_the_committed_notebooks(tmp_path):
    wanted = build_all(tmp_path)
    committed = sorted(p.relative_to(DEFAULT_OUT) for p in DEFAULT_OUT.glob("*/*.ipynb"))
    assert committed == sorted(p.relative_to(tmp_path) for p in wanted), "run: python -m conduct.exercises.build"
    for path, text in wanted.items():
        assert (DEFAULT_OUT / path.relative_to(tmp_path)).read_text(encoding="utf-8") == text, path


def test_every_assignment_generates_with_nbgrader(course):
    failed = {aid: r.get("error") or r.get("log") for aid, r in course["generated"].items() if not r["success"]}
    assert not failed
    for aid in course["ids"]:
        source = (course["root"] / "source" / aid / f"{aid}.ipynb").read_text(encoding="utf-8")
        release = (course["root"] / "release" / aid / f"{aid}.ipynb").read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in release and "BEGIN HIDDEN TESTS" not in release, aid
        hidden = re.findall(r"### BEGIN HIDDEN TESTS\\n\",\n(.*?)\n\s*\"### END HIDDEN TESTS", source, re.S)
        assert hidden, aid
        for block in hidden:
            for line in block.splitlines():
                assert line.strip() not in release, (aid, line)


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
    """Every full solution (the source notebook) and one naive programming answer, autograded."""
    root, api = course["root"], course["api"]
    for aid in course["ids"]:
        submit(root, SOLUTION_STUDENT, aid, (root / "source" / aid / f"{aid}.ipynb").read_text(encoding="utf-8"))
    naive = nbformat.read(root / "release" / "pii-en" / "pii-en.ipynb", as_version=4)
    for cell in naive.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = NAIVE_FINDER
    submit(root, WRONG_STUDENT, "pii-en", nbformat.writes(naive))
    careless = nbformat.read(root / "release" / "art4-vi" / "art4-vi.ipynb", as_version=4)
    for cell in careless.cells:
        if cell.metadata.get("nbgrader", {}).get("solution") and cell.cell_type == "code":
            cell.source = (cell.source.replace('= "..."', '= "ok"', 1) if "verdict_post_" in cell.source
                           else cell.source.replace('= "..."', '= "A"'))
            cell.source = cell.source.replace("= [...]", "= []", 1) if "clauses_post_" in cell.source else cell.source
    submit(root, CARELESS_STUDENT, "art4-vi", nbformat.writes(careless))
    results = {(aid, SOLUTION_STUDENT): api.autograde(aid, SOLUTION_STUDENT) for aid in course["ids"]}
    results[("pii-en", WRONG_STUDENT)] = api.autograde("pii-en", WRONG_STUDENT)
    results[("art4-vi", CARELESS_STUDENT)] = api.autograde("art4-vi", CARELESS_STUDENT)
    return results


def test_full_solutions_score_full_marks(course, graded):
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


def test_hidden_tests_catch_a_naive_personal_data_finder(course, graded):
    from nbgrader.validator import Validator

    # what the learner can see: the visible examples all pass ...
    release = course["root"] / "submitted" / WRONG_STUDENT / "pii-en" / "pii-en.ipynb"
    visible = Validator(config=course["api"].config).validate(str(release))
    assert not visible.get("failed"), visible
    # ... but grading with the hidden tests gives it no credit on the groups it gets wrong
    scores = _scores(course["root"], "pii-en", WRONG_STUDENT)
    lost = {name for name, (auto, top, _, _) in scores.items() if auto < top}
    assert {"finder-phones", "finder-emails", "finder-mixed"} <= lost
    assert sum(s[0] for s in scores.values()) < sum(s[1] for s in scores.values())


def test_hidden_tests_grade_the_content_of_post_answers(course, graded):
    """Answering "ok" and [] to every post scores exactly where the bank's gold is ok / []."""
    scores = _scores(course["root"], "art4-vi", CARELESS_STUDENT)
    expected = {}
    for cell in index("art4-vi"):
        if cell.kind == "verdict":
            expected[cell.grade_id] = float(cell.gold == "ok")
        elif cell.kind == "clauses":
            expected[cell.grade_id] = float(cell.gold == [])
        elif cell.kind == "choice":
            expected[cell.grade_id] = float(cell.gold == "A")
        elif cell.kind == "multi":  # left as [...]: the form check fails
            expected[cell.grade_id] = 0.0
    assert 0 < sum(expected.values()) < len(expected)  # the bank's gold decides, not the form
    assert {k: scores[k][0] for k in expected} == expected
