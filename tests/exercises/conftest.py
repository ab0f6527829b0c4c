"""One real nbgrader course per test session, shared by the exercise tests.

The expensive steps (generate every assignment, execute every blank release, autograde every full
solution) run once here; the tests then assert on what they produced.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from conduct.exercises import configure
from conduct.exercises.build import DEFAULT_OUT, assignments

VENV_BIN = str(Path(sys.executable).parent)


def nbgrader_api(root: Path):
    """The nbgrader Python API on a course folder, with the exercises' settings (as nbgrader_config.py would)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    config = Config()
    configure(config)
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.db_url = f"sqlite:///{root / 'gradebook.db'}"
    config.Exchange.root = str(root / "exchange")
    config.Execute.timeout = 60
    coursedir = CourseDirectory(config=config)
    return NbGraderAPI(coursedir=coursedir, config=config)


@pytest.fixture(scope="session")
def course(tmp_path_factory):
    """A course whose source/ is a copy of the committed exercises/source, every assignment generated."""
    os.environ["PATH"] = VENV_BIN + os.pathsep + os.environ.get("PATH", "")  # nbgrader runs `alembic` by name
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(DEFAULT_OUT, root / "source")
    (root / "exchange").mkdir()
    api = nbgrader_api(root)
    ids = sorted(assignments())
    results = {aid: api.generate_assignment(aid) for aid in ids}
    return {"root": root, "api": api, "ids": ids, "generated": results}
