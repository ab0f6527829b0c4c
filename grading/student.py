"""The students' side of the single-machine exchange: fetch, submit, list, fetch feedback.

Plain functions over nbgrader's own exchange classes (the ones `nbgrader fetch_assignment`,
`nbgrader submit`, `nbgrader list` and `nbgrader fetch_feedback` run), so that the command line
(`conduct-course student …`) and the learner app's buttons share one implementation.

Where the exchange is: `conduct-course setup` writes the course's exchange folder and course id into
the nbgrader_config.py of this environment's Jupyter config level (grading/course.py,
`student_config_dir`), which every student's `nbgrader` reads, so no flag is needed. `course=` (or
$CONDUCT_COURSE) names a course folder instead; its own config then says where its exchange is.
The student is the logged-in user (nbgrader's rule); `student=` overrides it, as `nbgrader submit
--student` does, for a shared account at a kiosk.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange import ExchangeError
from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeFetchFeedback, ExchangeList, ExchangeSubmit
from nbgrader.utils import get_username
from traitlets.config import Config
from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

from grading.course import CONFIG_NAME, student_config
from grading.messages import nbgrader_reason

COURSE_ENV = "CONDUCT_COURSE"
_QUIET = logging.getLogger("grading.student.exchange")  # nbgrader's log lines become our one line
_QUIET.addHandler(logging.NullHandler())
_QUIET.propagate = False


class StudentError(RuntimeError):
    """The exchange refused; `reason` is nbgrader's own line (messages.explain words it)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Settings:
    exchange: str
    course_id: str


@dataclass(frozen=True)
class AssignmentState:
    """One released assignment as this student sees it."""

    name: str
    fetched: bool
    submissions: tuple[str, ...]  # timestamps, oldest first
    feedback_ready: bool
    feedback_fetched: bool


def settings(course: str | os.PathLike | None = None) -> Settings:
    """Exchange folder and course id: from the named folder, or from the students' nbgrader config.

    The named folder is the course's exchange (readable by students; setup writes the settings there)
    or, for the instructor, the course folder itself: both hold an nbgrader_config.py that says.
    """
    named = course or os.environ.get(COURSE_ENV)
    if named:
        try:
            config = PyFileConfigLoader(CONFIG_NAME, path=str(Path(named).resolve())).load_config()
        except (ConfigFileNotFound, OSError):
            raise StudentError("No course id specified") from None
    else:
        config = student_config()
    root = config.Exchange.get("root") if "Exchange" in config else None
    course_id = config.CourseDirectory.get("course_id") if "CourseDirectory" in config else None
    if not root or not course_id:
        raise StudentError("No course id specified")
    return Settings(str(root), str(course_id))


def _run(
    cls,
    assignment: str | None,
    workspace: str | os.PathLike,
    student: str | None,
    course: str | os.PathLike | None,
    **extra,
):
    s = settings(course)
    config = Config()
    config.CourseDirectory.course_id = s.course_id
    config.CourseDirectory.root = str(Path(workspace).resolve())
    if assignment:
        config.CourseDirectory.assignment_id = assignment
    if student:
        config.CourseDirectory.student_id = student
    config.Exchange.root = s.exchange
    config.Exchange.assignment_dir = str(Path(workspace).resolve())
    for key, value in extra.items():
        config[cls.__name__][key] = value
    coursedir = CourseDirectory(config=config)
    exchange = cls(coursedir=coursedir, authenticator=Authenticator(config=config), config=config, log=_QUIET)
    try:
        return exchange, exchange.start()
    except ExchangeError as exc:  # nbgrader logged it too; the exception carries the same line
        raise StudentError(nbgrader_reason(str(exc))) from None
    except OSError as exc:
        raise StudentError(str(exc)) from None


def fetch(
    assignment: str,
    *,
    workspace: str | os.PathLike = ".",
    student: str | None = None,
    course: str | os.PathLike | None = None,
) -> Path:
    """Copy a released assignment into `workspace/<assignment>/`; return that folder."""
    _run(ExchangeFetchAssignment, assignment, workspace, student, course)
    return Path(workspace).resolve() / assignment


def submit(
    assignment: str,
    *,
    workspace: str | os.PathLike = ".",
    student: str | None = None,
    course: str | os.PathLike | None = None,
) -> str:
    """Hand in `workspace/<assignment>/`; return the submission's timestamp."""
    folder = Path(workspace).resolve() / assignment
    if not folder.is_dir():
        raise StudentError(f"Assignment not found: {folder}")
    exchange, _ = _run(ExchangeSubmit, assignment, workspace, student, course)
    return str(exchange.timestamp)


def list_assignments(
    *, workspace: str | os.PathLike = ".", student: str | None = None, course: str | os.PathLike | None = None
) -> list[AssignmentState]:
    """Every released assignment with what this student did with it."""
    released = _run(ExchangeList, None, workspace, student, course)[1] or []
    submitted = _run(ExchangeList, None, workspace, student, course, cached=True)[1] or []
    by_name: dict[str, list[dict]] = {}
    me = student or get_username()
    for info in submitted:  # the cache is per user; on a shared account, keep only this student's
        if info.get("course_id") == settings(course).course_id and info.get("student_id") == me:
            by_name.setdefault(info["assignment_id"], []).extend(info.get("submissions", []))
    out = []
    for info in released:
        name = info["assignment_id"]
        subs = sorted(by_name.get(name, []), key=lambda x: x["timestamp"])
        out.append(
            AssignmentState(
                name,
                info.get("status") == "fetched",
                tuple(x["timestamp"] for x in subs),
                bool(subs) and bool(subs[-1].get("has_exchange_feedback")),
                bool(subs) and bool(subs[-1].get("has_local_feedback")),
            )
        )
    return sorted(out, key=lambda a: a.name)


def fetch_feedback(
    assignment: str,
    *,
    workspace: str | os.PathLike = ".",
    student: str | None = None,
    course: str | os.PathLike | None = None,
) -> list[Path]:
    """Copy released feedback into `workspace/<assignment>/feedback/<timestamp>/`; return the HTML files."""
    _run(ExchangeFetchFeedback, assignment, workspace, student, course)
    folders = sorted(p for p in (Path(workspace).resolve() / assignment / "feedback").glob("*") if p.is_dir())
    return sorted(folders[-1].glob("*.html")) if folders else []  # the latest submission's feedback
