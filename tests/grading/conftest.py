"""The grading tests' shared setting: students' nbgrader config goes to a per-session folder.

`conduct-course setup` writes the students' exchange settings at the environment's Jupyter config
level (grading/course.py, student_config_dir); $JUPYTER_CONFIG_PATH points that level at a
throw-away folder, so tests never write into the virtual environment other runs share.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def students_jupyter_config(tmp_path_factory):
    folder = tmp_path_factory.mktemp("jupyter-config")
    mp = pytest.MonkeyPatch()
    mp.setenv("JUPYTER_CONFIG_PATH", str(folder))
    yield folder
    mp.undo()
