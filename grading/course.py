"""The course folder: nbgrader's layout plus a config that works out of the box.

The layout is nbgrader's own convention (source/, release/, submitted/, autograded/, feedback/,
gradebook.db); we add an exchange/ folder inside the course so that a single machine works without
/srv, and a `.conduct/` folder for our bookkeeping (the autograde journal). The generated
`nbgrader_config.py` is the one place an instructor edits: the gradebook URL (SQLite by default,
any SQLAlchemy URL such as PostgreSQL), time and sandbox limits, and the hooks that plug our
sandbox and CSV export into nbgrader's own pipeline.
"""
from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

CONFIG_NAME = "nbgrader_config.py"

CONFIG_TEMPLATE = '''\
# nbgrader configuration for this course, written by `conduct-course setup`.
# Edit freely: `conduct-course setup` never overwrites this file.
c = get_config()  # noqa: F821

c.CourseDirectory.root = {root!r}
c.CourseDirectory.course_id = {course_id!r}
# The gradebook: SQLite next to this file by default; any SQLAlchemy URL works, e.g.
# c.CourseDirectory.db_url = "postgresql://grader@db.example.org/conduct_course"
c.CourseDirectory.db_url = {db_url!r}

# Students fetch and submit through this folder (on a shared server, point it at /srv/nbgrader/exchange).
c.Exchange.root = {exchange!r}

# Written-answer cells get a stub in the notebook's language ("✎ Viết câu trả lời của bạn vào đây."),
# the programming cell a comment instead of `raise NotImplementedError()` (see exercises/README.md).
from conduct.exercises import configure  # noqa: E402
configure(c)

# A student who deletes a test cell gets it back, and loses its points if the answer is wrong.
c.OverwriteCells.add_missing_cells = True

# Per-cell time limit (nbgrader interrupts the cell; the sandbox's CPU limit kills a kernel that
# ignores the interrupt).
c.Execute.timeout = {timeout}
# ...and for one whole notebook (a submission of many cells that each sleep until the cell limit).
c.GuardedExecute.notebook_timeout = {notebook_timeout}

# Every autograding kernel runs in a bubblewrap sandbox (grading/sandbox.py): no network, a
# read-only system, this course folder and the paths below hidden, only the submission's folder
# writable. nbgrader's Execute ignores c.Execute.kernel_manager_class, hence the subclass here.
# grading.answers grades the clicked answers (answers.json) in this process, before and after the
# kernel runs, and never lets the kernel run an answer item (exercises/README.md).
c.Autograde.autograde_preprocessors = [
    "grading.answers.ReadAnswers",
    "grading.sandbox.SandboxedExecute",
    "grading.answers.GradeAnswers",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.SandboxKernelManager.hidden_paths = {hidden!r}
c.SandboxKernelManager.cpu_seconds = {cpu_seconds}
c.SandboxKernelManager.memory_mb = {memory_mb}
# Limits hold for the whole sandbox through a cgroup (see grading/README.md): also max_processes,
# work_mb and tmp_mb (its tmpfs folders), cpu_cores; outputs kept per cell and per notebook:
# c.GuardedExecute.max_cell_output, c.GuardedExecute.max_notebook_output (characters).

# Feedback pages: student HTML, <script> and on* handlers are removed (nbconvert's sanitizer).
from grading.sanitize import configure as sanitize_feedback  # noqa: E402
sanitize_feedback(c)

# `nbgrader export` and `conduct-course export` write a properly quoted UTF-8 CSV.
c.ExportApp.plugin_class = "grading.export.CourseCsvExport"
'''


@dataclass(frozen=True)
class Course:
    """Paths of one course folder."""

    root: Path

    @property
    def config(self) -> Path:
        return self.root / CONFIG_NAME

    def step(self, name: str) -> Path:
        """nbgrader's folder for a step: source, release, submitted, autograded, feedback."""
        return self.root / name

    @property
    def exchange(self) -> Path:
        return self.root / "exchange"

    @property
    def state(self) -> Path:
        return self.root / ".conduct"

    @property
    def db_url(self) -> str:
        """The gradebook URL the course's config sets (nbgrader's default when it sets none)."""
        return load_config(self).CourseDirectory.get("db_url") or f"sqlite:///{self.root / 'gradebook.db'}"

    def assignments(self) -> list[str]:
        """Source assignments, sorted."""
        src = self.step("source")
        return sorted(p.name for p in src.iterdir() if p.is_dir() and not p.name.startswith(".")) if src.is_dir() else []

    def submissions(self, assignment: str) -> list[str]:
        """Students with a collected submission of `assignment`, sorted."""
        sub = self.step("submitted")
        if not sub.is_dir():
            return []
        return sorted(p.name for p in sub.iterdir() if (p / assignment).is_dir())


class CourseError(Exception):
    """A problem with the course folder an instructor can fix; the message says how."""


def open_course(root: str | os.PathLike) -> Course:
    """The course at `root`, checked to be one (it has the config `setup` writes)."""
    course = Course(Path(root).resolve())
    if not course.config.is_file():
        raise CourseError(f"{course.root} is not a course folder (no {CONFIG_NAME}): "
                          "run `conduct-course setup DIR` first or pass --course DIR")
    return course


def load_config(course: Course):
    """The course's nbgrader config, as nbgrader itself reads it."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader(CONFIG_NAME, path=str(course.root)).load_config()


def default_exercises() -> Path:
    """exercises/source of this repository (developer EXERCISES generates it)."""
    return Path(__file__).resolve().parent.parent / "exercises" / "source"


def setup_course(root: str | os.PathLike, exercises: str | os.PathLike | None = None, *,
                 course_id: str = "conduct", db_url: str | None = None, timeout: int = 30,
                 cpu_seconds: int = 60, memory_mb: int = 2048,
                 only: list[str] | None = None) -> tuple[Course, list[str], list[str]]:
    """Create (or complete) a course from source assignments.

    Returns the course, the assignments copied and those left alone because the course already
    has them: an instructor's edits to the course's source or config are never overwritten.
    `only` limits the copy to some assignments; the whole exercises folder stays hidden from
    student code all the same.
    """
    course = Course(Path(root).resolve())
    src = Path(exercises).resolve() if exercises else default_exercises()
    if not src.is_dir() or not any(p.is_dir() for p in src.iterdir()):
        raise CourseError(f"no source assignments in {src}: generate the exercises first or pass --exercises DIR")
    for name in ("source", "release", "submitted", "autograded", "feedback"):
        course.step(name).mkdir(parents=True, exist_ok=True)
    course.exchange.mkdir(exist_ok=True)
    os.chmod(course.exchange, 0o777)  # nbgrader's exchange must be writable by every student
    course.state.mkdir(exist_ok=True)
    available = sorted(p for p in src.iterdir() if p.is_dir() and not p.name.startswith("."))
    unknown = sorted(set(only or ()) - {p.name for p in available})
    if unknown:
        raise CourseError(f"no assignment {', '.join(unknown)} in {src} (there are: {', '.join(p.name for p in available)})")
    copied, kept = [], []
    for assignment in available:
        if only and assignment.name not in only:
            continue
        dest = course.step("source") / assignment.name
        if dest.exists():
            kept.append(assignment.name)
            continue
        shutil.copytree(assignment, dest, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        copied.append(assignment.name)
    if not course.config.exists():
        course.config.write_text(CONFIG_TEMPLATE.format(
            root=str(course.root), course_id=course_id,
            db_url=db_url or f"sqlite:///{course.root / 'gradebook.db'}",
            exchange=str(course.exchange), timeout=timeout, notebook_timeout=max(600, 20 * timeout),
            hidden=_hidden(course, src, db_url), cpu_seconds=cpu_seconds, memory_mb=memory_mb,
        ), encoding="utf-8")
    return course, copied, kept


def _hidden(course: Course, src: Path, db_url: str | None) -> list[str]:
    """What student code must not see: the course, the exercises it came from, an outside SQLite file."""
    hidden = [str(course.root), str(src)]
    if db_url and db_url.startswith("sqlite:///"):
        hidden.append(str(Path(db_url[len("sqlite:///"):]).resolve()))
    return hidden


def nbgrader_env() -> dict[str, str]:
    """The environment for nbgrader: it calls `alembic` by name, so our venv's bin/ goes first."""
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env
