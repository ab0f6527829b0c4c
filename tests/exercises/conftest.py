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

import pytest

from conduct.exercises.build import DEFAULT_OUT, assignments
from grading.course import load_config, setup_course, without_sandbox

VENV_BIN = str(Path(sys.executable).parent)


def nbgrader_api(root: Path):
    """nbgrader's Python API on the course, configured by its nbgrader_config.py (kernels unsandboxed)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    course, _, _ = setup_course(root, DEFAULT_OUT, timeout=60)
    config = without_sandbox(load_config(course))
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """A course whose source/ is a copy of the committed exercises/source, every assignment generated."""
    os.environ["PATH"] = VENV_BIN + os.pathsep + os.environ.get("PATH", "")  # nbgrader runs `alembic` by name
    root = tmp_path_factory.mktemp("course")
    api = nbgrader_api(root)
    ids = sorted(assignments())
    results = {aid: api.generate_assignment(aid) for aid in ids}
    return {"root": root, "api": api, "ids": ids, "generated": results}
