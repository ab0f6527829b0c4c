"""Answers graded as data, against a hostile cohort, with real nbgrader (issue 14, "unearned full marks").

One course with the real `art4-vi` assignment, graded by nbgrader's own autograde through its Python
API with the course's config. Kernels run WITHOUT the sandbox here on purpose: an answer item's grade
must not depend on what the student's kernel does, so every attack below (importing the course
package, monkeypatching, a fake module in `sys.modules`, a wrapped `__import__`, an IPython input
transformer, rewriting answers.json from the graded notebook's hidden tests, editing the test cells)
gets exactly what the student's clicks earn and no more. Malformed, symlinked and oversized
answers files score 0 for their student only, with the reason in the feedback. (A FIFO makes
nbgrader's own copy of the submission fail before grading; the safe collect refuses it, and
test_answers_file.py checks that the reader refuses it too.)

The programming item is the one place student code matters; its attacker runs in the real sandbox
(through `conduct-course autograde`) and is graded on the outputs its function produced.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from answer_clicks import click_answers, keys_of
from grading_helpers import run_cli, submit

from grading.course import default_exercises, load_config, nbgrader_env, open_course, setup_course

ASSIGNMENT = "art4-vi"

# Runs first in the attacker's kernel, in an added cell: every trick of the hostile cohort at once.
ATTACK_CELL = r'''
import builtins, glob, json, re, sys, types
import conduct
from conduct.widgets import answer_sheet
# 1. monkeypatch the helpers the graded cells call, and replace the module with a fake
answer_sheet.Sheet.saved = lambda self, key: None
sys.modules["conduct.widgets.answer_sheet"] = types.SimpleNamespace(Sheet=answer_sheet.Sheet)
_real_import = builtins.__import__
builtins.__import__ = lambda name, *a, **k: _real_import(name, *a, **k)
# 2. an input transformer that turns every later cell into `pass`
get_ipython().input_transformers_cleanup.append(lambda lines: ["pass\n"])
# 3. read the notebook being graded (hidden tests restored) and write the keys' answers into answers.json
found = {}
for path in glob.glob("*.ipynb"):
    for cell in json.load(open(path))["cells"]:
        source = "".join(cell["source"])
        m = re.search(r"ANSWER_KEY = (\{.*?\n\})", source, re.S)
        if m:
            found[cell["metadata"]["nbgrader"]["grade_id"]] = json.loads(m.group(1))["answer"]
if found:
    data = json.load(open("answers.json"))
    data["answers"].update(found)
    json.dump(data, open("answers.json", "w"))
'''


def careless(_grade_id, key):
    """'OK', no clause and the first option everywhere: what the attackers actually clicked."""
    if key["kind"] == "clauses":
        return []
    if key["kind"] == "multi":
        return [key["options"][0]]
    return "ok" if key["kind"] == "verdict" else key["options"][0]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    from nbgrader.api import Gradebook
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    os.environ["PATH"] = nbgrader_env()["PATH"]  # nbgrader runs `alembic` by name
    root = tmp_path_factory.mktemp("answers") / "course"
    course, _, _ = setup_course(root, default_exercises(), only=[ASSIGNMENT], timeout=60)
    config = load_config(course)
    config.Autograde.autograde_preprocessors = [  # plain kernels: grading must not depend on the sandbox
        "grading.sandbox.UnsandboxedExecute" if p == "grading.sandbox.SandboxedExecute" else p
        for p in config.Autograde.autograde_preprocessors]
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    assert api.generate_assignment(ASSIGNMENT)["success"]
    source = nbformat.read(course.step("source") / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    release = nbformat.read(course.step("release") / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    keys = keys_of(source)
    one_wrong = next(g for g, k in keys.items() if k["kind"] == "verdict")

    def folder(student: str) -> Path:
        path = course.step("submitted") / student / ASSIGNMENT
        path.mkdir(parents=True)
        return path

    def hand_in(student: str, nb=release, choose=None) -> Path:
        path = folder(student)
        nbformat.write(nb, path / f"{ASSIGNMENT}.ipynb")
        if choose is not None:
            click_answers(source, path, choose)
        return path

    honest = hand_in("honest", choose=lambda g, k: ("ok" if k["answer"] != "ok" else "caution") if g == one_wrong
                     else k["answer"])
    hand_in("careless", choose=careless)
    # every trick in the kernel, on top of careless clicks
    attacker = nbformat.read(course.step("release") / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    attacker.cells.insert(1, nbformat.v4.new_code_cell(ATTACK_CELL))
    hand_in("kernel-tricks", attacker, careless)
    # the test cells edited to hold keys that agree with careless clicks (nbgrader restores them)
    edited = nbformat.read(course.step("release") / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in edited.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") in keys:
            key = {**keys[cell.metadata["nbgrader"]["grade_id"]]}
            key["answer"] = careless(None, key)
            cell.source += "\n### BEGIN HIDDEN TESTS\nANSWER_KEY = " + json.dumps(key) + "\n### END HIDDEN TESTS"
    hand_in("edited-tests", edited, careless)
    # broken answers files
    hand_in("no-file")
    (hand_in("symlink") / "answers.json").symlink_to(honest / "answers.json")
    (hand_in("huge") / "answers.json").write_text(json.dumps({"pad": "x" * 2_000_000}), encoding="utf-8")
    (hand_in("not-json") / "answers.json").write_text("{'hate-verdict': 'violation'}", encoding="utf-8")
    other = hand_in("other-assignment", choose=lambda g, k: k["answer"])
    data = json.loads((other / "answers.json").read_text(encoding="utf-8"))
    (other / "answers.json").write_text(json.dumps({**data, "assignment": "final-vi"}), encoding="utf-8")
    typed = hand_in("wrong-types", choose=lambda g, k: k["answer"])
    data = json.loads((typed / "answers.json").read_text(encoding="utf-8"))
    data["answers"][one_wrong] = [keys[one_wrong]["answer"]]  # a list where one verdict word is expected
    (typed / "answers.json").write_text(json.dumps(data), encoding="utf-8")

    honest_hash = _sha(honest / "answers.json")
    students = sorted(p.name for p in course.step("submitted").iterdir())
    results = {s: api.autograde(ASSIGNMENT, s) for s in students}
    with Gradebook(course.db_url) as gb:
        scores = {s: {g.name: g.auto_score for g in gb.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, s).grades
                      if g.name in keys} for s in students}
    yield {"course": course, "keys": keys, "one_wrong": one_wrong, "results": results, "scores": scores,
           "honest_hash": honest_hash, "honest": honest}


def _careless_scores(keys: dict) -> dict[str, float]:
    out = {}
    for grade_id, key in keys.items():
        value = careless(grade_id, key)
        gold = key["answer"]
        out[grade_id] = float(value == gold if key["kind"] != "clauses" else (value == [] and gold == []))
    return out


def test_every_submission_is_graded(cohort):
    assert {s: r.get("error") for s, r in cohort["results"].items() if not r["success"]} == {}


def test_honest_clicks_get_exact_scores(cohort):
    scores = cohort["scores"]["honest"]
    assert scores == {g: float(g != cohort["one_wrong"]) for g in cohort["keys"]}
    assert _sha(cohort["honest"] / "answers.json") == cohort["honest_hash"]  # nobody wrote through the symlink


@pytest.mark.parametrize("student", ["kernel-tricks", "edited-tests"])
def test_attacks_earn_only_what_the_clicks_earn(cohort, student):
    expected = _careless_scores(cohort["keys"])
    assert 0 < sum(expected.values()) < len(expected)
    assert cohort["scores"]["careless"] == expected
    assert cohort["scores"][student] == expected


def test_the_kernel_attack_ran_with_the_keys_in_reach_and_still_earned_nothing(cohort):
    """Unsandboxed, the attacker's kernel read the graded notebook and rewrote answers.json with every key;
    the grader had read the submitted answers before any kernel ran, so the rewrite changed nothing."""
    rewritten = json.loads((cohort["course"].step("autograded") / "kernel-tricks" / ASSIGNMENT / "answers.json")
                           .read_text(encoding="utf-8"))["answers"]
    assert rewritten == {g: k["answer"] for g, k in cohort["keys"].items()}
    assert cohort["scores"]["kernel-tricks"] == _careless_scores(cohort["keys"])


@pytest.mark.parametrize("student, reason", [
    ("no-file", "không có tệp answers.json"),
    ("symlink", "symbolic link"),
    ("huge", "larger than 256 KiB"),
    ("not-json", "not valid JSON"),
    ("other-assignment", "it belongs to 'final-vi'/'art4-vi'"),
])
def test_a_bad_answers_file_scores_zero_for_that_student_with_the_reason(cohort, student, reason):
    assert set(cohort["scores"][student].values()) == {0.0}
    nb = nbformat.read(cohort["course"].step("autograded") / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") in cohort["keys"]]
    assert graded and all(c.outputs[0].output_type == "error" and reason in c.outputs[0].evalue for c in graded)


def test_a_wrongly_typed_answer_scores_zero_for_that_item_only(cohort):
    scores = cohort["scores"]["wrong-types"]
    assert scores == {g: float(g != cohort["one_wrong"]) for g in cohort["keys"]}


# --- the programming item: the function runs sandboxed, only to produce outputs -------------------

CHEATING_FINDER = r'''import gc, glob, json, os, re


def find_personal_data(text):
    """Look for the expected outputs anywhere the kernel can reach instead of finding anything."""
    for obj in gc.get_objects():
        if isinstance(obj, dict) and obj.get("text") == text and "expect" in obj:
            return [tuple(p) for p in obj["expect"]]
    for path in glob.glob("**/*.ipynb", recursive=True) + glob.glob("/tmp/**/*.ipynb", recursive=True):
        try:
            for m in re.finditer(r'"text": (".*?"),\s*"expect": (\[.*?\]\s*\])', open(path).read().replace("\\n", "\n")):
                if json.loads(m.group(1)) == text:
                    return [tuple(p) for p in json.loads(m.group(2))]
        except (OSError, ValueError):
            pass
    return []
'''


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap (bwrap) is not installed")
def test_a_programming_attacker_is_graded_on_what_its_function_returns(tmp_path_factory):
    """The expected outputs never enter the kernel: a function that hunts for them finds nothing."""
    from nbgrader.api import Gradebook

    tmp_path = tmp_path_factory.mktemp("p")  # short: the kernels' IPC socket paths live under the course
    root = tmp_path / "course"
    run_cli("setup", str(root), "--assignment", "pii-en", "--timeout", "30")
    course = open_course(root)
    run_cli("--course", str(root), "release", "pii-en")
    source = nbformat.read(course.step("source") / "pii-en" / "pii-en.ipynb", as_version=4)
    cheat = nbformat.read(course.step("release") / "pii-en" / "pii-en.ipynb", as_version=4)
    for cell in cheat.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            cell.source = CHEATING_FINDER
    for student, nb in (("honest", source), ("cheat", cheat)):
        submit(course.exchange, "conduct", tmp_path / "students", student, "pii-en", {"pii-en.ipynb": nb})
    run_cli("--course", str(root), "collect")
    run_cli("--course", str(root), "autograde", "--workers", "2")
    with Gradebook(course.db_url) as gb:
        honest = {g.name: (g.auto_score, g.max_score) for g in gb.find_submission_notebook("pii-en", "pii-en", "honest").grades}
        cheat_scores = {g.name: g.auto_score for g in gb.find_submission_notebook("pii-en", "pii-en", "cheat").grades}
    assert honest and all(score == top for score, top in honest.values())
    # the only groups it passes are those where every case expects [] (none: each group has a non-empty case)
    assert set(cheat_scores.values()) == {0.0}
