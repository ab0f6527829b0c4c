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
import tempfile
from dataclasses import dataclass
from pathlib import Path

from jupyter_core.paths import jupyter_config_path
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from conduct.exercises import configure
from grading.limits import pid_alive
from grading.messages import keyed
from grading.sanitize import configure as sanitize_feedback

CONFIG_NAME = "nbgrader_config.py"
SANDBOXED = "grading.sandbox.SandboxedExecute"
UNSANDBOXED = "grading.sandbox.UnsandboxedExecute"
# grading.answers grades the clicked answers (answers.json) in the grader's process, before and after
# the kernel runs, and never lets the kernel run an answer item (exercises/README.md).
AUTOGRADE_BEFORE = ("grading.answers.ReadAnswers",)
AUTOGRADE_AFTER = (
    "grading.answers.GradeAnswers",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
)

STUDENT_MARK = "# Written by `conduct-course setup` for the students of this machine."
ENV_CONFIG_PATH = "JUPYTER_CONFIG_PATH"


def configure_pipeline(c: Config, *, sandboxed: bool = True) -> None:
    """The settings every course shares, whatever its folder: stubs, the autograde pipeline, export.

    Called by each course's nbgrader_config.py (so a course made before a change of pipeline gets
    the change), by the tests, and by the benchmark: the pipeline is written down once, here.
    """
    # Written-answer cells get a stub in the notebook's language ("✎ Viết câu trả lời của bạn vào đây."),
    # the programming cell a comment instead of `raise NotImplementedError()` (see exercises/README.md).
    configure(c)
    # A student who deletes a test cell gets it back, and loses its points if the answer is wrong.
    c.OverwriteCells.add_missing_cells = True
    # Every autograding kernel runs in a bubblewrap sandbox (grading/sandbox.py): nbgrader's Execute
    # ignores c.Execute.kernel_manager_class, hence the subclass in the pipeline.
    c.Autograde.autograde_preprocessors = [*AUTOGRADE_BEFORE, SANDBOXED if sandboxed else UNSANDBOXED, *AUTOGRADE_AFTER]
    # Feedback pages: student HTML, <script> and on* handlers are removed (grading/sanitize.py).
    sanitize_feedback(c)
    # `nbgrader export` and `conduct-course export` write a properly quoted UTF-8 CSV.
    c.ExportApp.plugin_class = "grading.export.CourseCsvExport"


@dataclass(frozen=True)
class Setting:
    """One course-specific line of nbgrader_config.py, with the comment an instructor reads above it."""

    section: str
    key: str
    value: object
    comment: str = ""


def course_settings(
    root: Path,
    *,
    course_id: str = "conduct",
    db_url: str | None = None,
    exchange: Path | None = None,
    timeout: int = 30,
    cpu_seconds: int = 60,
    memory_mb: int = 2048,
    hidden: list[str] | None = None,
) -> list[Setting]:
    """The values that differ between courses, in the order nbgrader_config.py lists them."""
    return [
        Setting("CourseDirectory", "root", str(root)),
        Setting("CourseDirectory", "course_id", course_id),
        Setting(
            "CourseDirectory",
            "db_url",
            db_url or f"sqlite:///{root / 'gradebook.db'}",
            "The gradebook: SQLite next to this file by default; any SQLAlchemy URL works, e.g.\n"
            '"postgresql://grader@db.example.org/conduct_course"',
        ),
        Setting(
            "Exchange",
            "root",
            str(exchange or default_exchange(root)),
            "Students fetch and submit through this folder (on a shared server, /srv/nbgrader/exchange).",
        ),
        Setting(
            "Execute",
            "timeout",
            timeout,
            "Per-cell time limit (nbgrader interrupts the cell; the sandbox's CPU limit kills a kernel\n"
            "that ignores the interrupt)...",
        ),
        Setting(
            "GuardedExecute",
            "notebook_timeout",
            max(600, 20 * timeout),
            "...and for one whole notebook (many cells that each sleep until the cell limit).",
        ),
        Setting(
            "SandboxKernelManager",
            "hidden_paths",
            list(hidden or [str(root)]),
            "What student code must not see, and its limits (grading/sandbox.py).",
        ),
        Setting("SandboxKernelManager", "cpu_seconds", cpu_seconds),
        Setting(
            "SandboxKernelManager",
            "memory_mb",
            memory_mb,
            "Limits hold for the whole sandbox through a cgroup (see grading/README.md): also max_processes,\n"
            "work_mb and tmp_mb (its tmpfs folders), cpu_cores; outputs kept per cell and per notebook:\n"
            "c.GuardedExecute.max_cell_output, c.GuardedExecute.max_notebook_output (characters).",
        ),
    ]


def without_sandbox(config: Config) -> Config:
    """The same config with nbgrader's plain kernels instead of the sandboxed ones (trusted code, tests)."""
    steps = list(config.Autograde.get("autograde_preprocessors", []))
    config.Autograde.autograde_preprocessors = [UNSANDBOXED if p == SANDBOXED else p for p in steps]
    return config


def course_config(settings: list[Setting], *, sandboxed: bool = True) -> Config:
    """The traitlets Config that a course's nbgrader_config.py makes (for in-process use, e.g. tests)."""
    c = Config()
    configure_pipeline(c, sandboxed=sandboxed)
    for s in settings:
        c[s.section][s.key] = s.value
    return c


def config_text(settings: list[Setting]) -> str:
    """nbgrader_config.py for a course: the shared pipeline, then its own values, commented."""
    lines = [
        "# nbgrader configuration for this course, written by `conduct-course setup`.",
        "# Edit freely: `conduct-course setup` never overwrites this file.",
        "c = get_config()  # noqa: F821",
        "",
        "# Stubs, the sandboxed autograde pipeline and the CSV export, shared by every course.",
        "from grading.course import configure_pipeline  # noqa: E402",
        "configure_pipeline(c)",
        "",
    ]
    for s in settings:
        lines += [f"# {ln}" for ln in s.comment.splitlines()]
        lines.append(f"c.{s.section}.{s.key} = {s.value!r}")
    return "\n".join(lines) + "\n"


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
        """The exchange folder the course's config names (students fetch and submit there)."""
        root = load_config(self).Exchange.get("root") if self.config.is_file() else None
        return Path(root) if root else default_exchange(self.root)

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
        return (
            sorted(p.name for p in src.iterdir() if p.is_dir() and not p.name.startswith(".")) if src.is_dir() else []
        )

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
        raise keyed(CourseError, "course_error.not_a_course", root=course.root, config=CONFIG_NAME)
    return course


def load_config(course: Course) -> Config:
    """The course's nbgrader config, as nbgrader itself reads it."""
    return PyFileConfigLoader(CONFIG_NAME, path=str(course.root)).load_config()


def default_exchange(root: Path) -> Path:
    """Beside the course, not in it: the course folder is private to the instructor (0700)."""
    return root.parent / f"{root.name}-exchange"


def unreachable(folder: Path) -> Path | None:
    """The first folder on the way to `folder` that other accounts cannot pass through, if any."""
    for parent in [*reversed(folder.parents), folder]:
        try:
            if not parent.stat().st_mode & 0o001:
                return parent
        except OSError:
            return parent
    return None


def default_exercises() -> Path:
    """exercises/source of this repository (developer EXERCISES generates it)."""
    return Path(__file__).resolve().parent.parent / "exercises" / "source"


def setup_course(
    root: str | os.PathLike,
    exercises: str | os.PathLike | None = None,
    *,
    course_id: str = "conduct",
    db_url: str | None = None,
    timeout: int = 30,
    cpu_seconds: int = 60,
    memory_mb: int = 2048,
    only: list[str] | None = None,
    exchange: str | os.PathLike | None = None,
) -> tuple[Course, list[str], list[str]]:
    """Create (or complete) a course from source assignments.

    Returns the course, the assignments copied and those left alone because the course already
    has them: an instructor's edits to the course's source or config are never overwritten.
    `only` limits the copy to some assignments; the whole exercises folder stays hidden from
    student code all the same.
    """
    course = Course(Path(root).resolve())
    src = Path(exercises).resolve() if exercises else default_exercises()
    if not src.is_dir() or not any(p.is_dir() for p in src.iterdir()):
        raise keyed(CourseError, "course_error.no_sources", src=src)
    for name in ("source", "release", "submitted", "autograded", "feedback"):
        course.step(name).mkdir(parents=True, exist_ok=True)
    if course.config.exists():
        exchange_dir = course.exchange
    else:
        exchange_dir = Path(exchange).resolve() if exchange else default_exchange(course.root)
    exchange_dir.mkdir(parents=True, exist_ok=True)
    if exchange_dir.stat().st_uid == os.getuid():
        os.chmod(exchange_dir, 0o777)  # nbgrader's exchange must be writable by every student
    course.state.mkdir(exist_ok=True)
    available = sorted(p for p in src.iterdir() if p.is_dir() and not p.name.startswith("."))
    unknown = sorted(set(only or ()) - {p.name for p in available})
    if unknown:
        raise keyed(
            CourseError,
            "course_error.unknown_assignment",
            names=", ".join(unknown),
            src=src,
            known=", ".join(p.name for p in available),
        )
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
        settings = course_settings(
            course.root,
            course_id=course_id,
            db_url=db_url,
            exchange=exchange_dir,
            timeout=timeout,
            cpu_seconds=cpu_seconds,
            memory_mb=memory_mb,
            hidden=_hidden(course, src, db_url),
        )
        course.config.write_text(config_text(settings), encoding="utf-8")
    return course, copied, kept


def _hidden(course: Course, src: Path, db_url: str | None) -> list[str]:
    """What student code must not see: the course, the exercises it came from, an outside SQLite file."""
    hidden = [str(course.root), str(src)]
    if db_url and db_url.startswith("sqlite:///"):
        hidden.append(str(Path(db_url[len("sqlite:///") :]).resolve()))
    return hidden


def nbgrader_env() -> dict[str, str]:
    """The environment for nbgrader: it calls `alembic` by name, so our venv's bin/ goes first."""
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


# --- the students' side of one machine ---------------------------------------------------------


def student_config_dir() -> Path:
    """Where plain `nbgrader` run by any user of this environment finds the exchange and course id.

    Jupyter reads config from the user's ~/.jupyter, then the folders in $JUPYTER_CONFIG_PATH, then
    the environment's `<prefix>/etc/jupyter`, then the system's. On one machine the students use the
    course's environment, so its `etc/jupyter` is the level they all read (nbgrader's docs put the
    exchange setting at a level every student reads); $JUPYTER_CONFIG_PATH, when set, wins, so tests
    and admins can point elsewhere.
    """
    extra = [p for p in os.environ.get(ENV_CONFIG_PATH, "").split(os.pathsep) if p]
    return Path(extra[0]) if extra else Path(sys.prefix) / "etc" / "jupyter"


def write_student_config(course: Course) -> tuple[Path, bool]:
    """Point the students' nbgrader at this course's exchange; return (file, written).

    Only a file this command wrote before is replaced: an administrator's own nbgrader_config.py at
    that level is left alone (the caller says so). The same settings go into the exchange folder
    itself, which students can read (the course folder is private): `--course EXCHANGE_DIR` then
    names the course for a student.
    """
    path = student_config_dir() / CONFIG_NAME
    config = load_config(course)
    text = "\n".join(
        [
            STUDENT_MARK,
            "# The course's exchange folder and id, so that `nbgrader fetch_assignment NAME`",
            "# and `conduct-course student fetch NAME` work without flags.",
            "c = get_config()  # noqa: F821",
            f"c.Exchange.root = {str(config.Exchange.get('root', course.exchange))!r}",
            f"c.CourseDirectory.course_id = {str(config.CourseDirectory.get('course_id', 'conduct'))!r}",
            "",
        ]
    )
    beside = course.exchange / CONFIG_NAME
    try:
        if beside.parent.is_dir() and (
            not beside.exists() or beside.read_text(encoding="utf-8").startswith(STUDENT_MARK)
        ):
            beside.write_text(text, encoding="utf-8")
            beside.chmod(0o644)
    except OSError:
        pass
    try:
        if path.exists() and not path.read_text(encoding="utf-8").startswith(STUDENT_MARK):
            return path, False
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        path.chmod(0o644)
    except OSError:
        return path, False
    return path, True


def student_config() -> Config:
    """The nbgrader config a student's plain `nbgrader` command reads (every level, merged as nbgrader does)."""
    merged = Config()
    for folder in reversed(jupyter_config_path()):
        if (Path(folder) / CONFIG_NAME).is_file():
            merged.merge(PyFileConfigLoader(CONFIG_NAME, path=str(folder)).load_config())
    return merged


# --- temporary folders that a killed run cannot leave in /tmp -------------------------------------

# Room left in a socket path (at most 107 bytes) after the temporary folder: the sandbox adds a
# 10-character kernel folder and a socket name of about 8.
MAX_TEMP_PATH = 107 - 24


def temp_dir(course: Course, prefix: str) -> Path:
    """A fresh folder for this process under the course's .conduct/tmp/, named after the process.

    Under the course rather than /tmp so that a run killed with SIGKILL (which can clean nothing)
    leaves its leftovers where `clean_stale_temp` finds them at the next start. Kernels put their IPC
    sockets in it, and a socket's path may not exceed 107 bytes: when the course folder is too deep
    for that, the folder is made short-named in the system's temporary folder instead, with a link
    under the course as its record (so the next start still finds and removes it).
    """
    base = course.state / "tmp"
    base.mkdir(parents=True, exist_ok=True)
    record = base / f"{prefix}-{os.getpid()}"
    _remove_temp(record)
    if len(str(record)) <= MAX_TEMP_PATH:
        record.mkdir()
        return record
    folder = Path(tempfile.mkdtemp(prefix="cc-"))
    record.symlink_to(folder)
    return folder


def drop_temp_dir(course: Course, prefix: str) -> None:
    """Remove this process's `temp_dir(course, prefix)` and its record."""
    _remove_temp(course.state / "tmp" / f"{prefix}-{os.getpid()}")


def _remove_temp(record: Path) -> None:
    """Remove a temporary folder's record and, when the record is our link, the folder it names."""
    if record.is_symlink():
        target = Path(os.readlink(record))
        if target.name.startswith("cc-") and target.parent == Path(tempfile.gettempdir()):
            shutil.rmtree(target, ignore_errors=True)
        record.unlink()
    else:
        shutil.rmtree(record, ignore_errors=True)


def clean_stale_temp(course: Course) -> list[Path]:
    """Remove temporary folders whose process is gone; return them."""
    removed = []
    base = course.state / "tmp"
    for folder in sorted(base.iterdir()) if base.is_dir() else []:
        pid = folder.name.rsplit("-", 1)[-1]
        if pid.isdigit() and pid_alive(int(pid)):
            continue
        _remove_temp(folder)
        removed.append(folder)
    return removed
