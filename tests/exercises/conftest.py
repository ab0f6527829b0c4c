"""One real nbgrader course per test session, shared by the exercise tests.

The course is made by `grading.course.setup_course` from the committed exercises/source, so the tests
run the course's own nbgrader config (answers graded by grading.answers in the grader's process), with
nbgrader's plain kernels instead of the bubblewrap sandbox (tests/grading covers the sandbox). The
expensive steps (generate every assignment, execute every blank release, autograde every solution)
run once here; the tests then assert on what they produced.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest

from conduct.exercises.build import DEFAULT_OUT, assignments
from conduct.exercises.keys import parse_key
from conduct.widgets.answer_sheet import Sheet
from grading.course import load_config, setup_course, without_sandbox

VENV_BIN = str(Path(sys.executable).parent)


def nbgrader_api(root: Path):
    """nbgrader's Python API on the course, configured by its nbgrader_config.py (kernels unsandboxed)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    course, _, _ = setup_course(root, DEFAULT_OUT, timeout=60)
    config = without_sandbox(load_config(course))
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def keys_of(source_nb) -> dict[str, dict]:
    """{grade id: key} of every answer item of an instructor's source notebook."""
    return {c.metadata["nbgrader"]["grade_id"]: key for c in source_nb.cells
            if c.cell_type == "code" and (key := parse_key(c.source)) and key["kind"] != "function"}


def click_answers(source_nb, folder: Path, choose) -> dict:
    """Answer as a learner does: draw the notebook's own answer widgets and click them.

    `choose(grade_id, key)` returns the value to click (None: leave the item unanswered). The widget
    cells are the notebook's own locked `sheet.…` lines; the clicks go through the widgets, which save
    answers.json in `folder`.
    """
    meta = source_nb.metadata["conduct"]
    sheet = Sheet(meta["assignment"], meta["lang"], folder=folder)
    for cell in source_nb.cells:
        if cell.cell_type == "code" and cell.source.startswith("sheet."):
            eval(cell.source, {"sheet": sheet})  # our own locked cell: it only draws the widget
    for grade_id, key in keys_of(source_nb).items():
        value = choose(grade_id, key)
        if value is None:
            continue
        buttons = sheet.buttons[grade_id]
        for option in ([value] if isinstance(value, str) else value) or [""]:
            buttons[option].value = True
    return sheet.file.answers()


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """A course whose source/ is a copy of the committed exercises/source, every assignment generated."""
    os.environ["PATH"] = VENV_BIN + os.pathsep + os.environ.get("PATH", "")  # nbgrader runs `alembic` by name
    root = tmp_path_factory.mktemp("course")
    api = nbgrader_api(root)
    ids = sorted(assignments())
    results = {aid: api.generate_assignment(aid) for aid in ids}
    return {"root": root, "api": api, "ids": ids, "generated": results}


def read_source(root: Path, aid: str):
    return nbformat.read(root / "source" / aid / f"{aid}.ipynb", as_version=4)
