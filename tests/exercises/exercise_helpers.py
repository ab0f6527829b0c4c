"""Helpers of the exercise tests (the clicks themselves are in tests/answer_clicks.py).

A module of its own (not conftest.py): tests/grading has a conftest.py too, and `from conftest import`
would find whichever was imported first.
"""
from __future__ import annotations

from pathlib import Path

import nbformat


def read_source(root: Path, aid: str):
    return nbformat.read(root / "source" / aid / f"{aid}.ipynb", as_version=4)
