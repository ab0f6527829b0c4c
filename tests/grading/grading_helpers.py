"""Shared helpers for the grading tests: run the CLI in process, act as a student."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from traitlets.config import Config

from grading import cli

FILES = Path(__file__).resolve().parent / "files"


def run_cli(*args: str, expect: int = 0, capsys=None) -> str:
    """Run `conduct-course ARGS` in process; check the exit code; return what it printed."""
    code = cli.main(["--lang", "en", *args])
    out = ""
    if capsys is not None:
        captured = capsys.readouterr()
        out = captured.out + captured.err
    assert code == expect, f"conduct-course {' '.join(args)} exited {code}, expected {expect}\n{out}"
    return out


def cell_by_id(nb, grade_id: str):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return cell
    raise KeyError(grade_id)


def student_copy(release_nb: Path, answers: dict[str, str], delete: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    """The released notebook with some cells' sources replaced (by grade id) and some deleted."""
    nb = nbformat.read(release_nb, as_version=4)
    for grade_id, source in answers.items():
        cell_by_id(nb, grade_id).source = source
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in delete]
    return nb


def submit(exchange: Path, course_id: str, workspace: Path, student: str, assignment: str,
           files: dict[str, object]) -> None:
    """Submit through nbgrader's own exchange, as `nbgrader submit --student` would (in process)."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeSubmit

    folder = workspace / student / assignment
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, content in files.items():
        if isinstance(content, str):
            (folder / name).write_text(content, encoding="utf-8")
        else:
            nbformat.write(content, folder / name)
    config = Config()
    config.CourseDirectory.course_id = course_id
    config.CourseDirectory.assignment_id = assignment
    config.CourseDirectory.student_id = student
    config.Exchange.root = str(exchange)
    config.Exchange.assignment_dir = str(workspace / student)
    config.Exchange.cache = str(workspace / ".cache" / student)
    coursedir = CourseDirectory(config=config)
    ExchangeSubmit(coursedir=coursedir, authenticator=Authenticator(config=config), config=config).start()
