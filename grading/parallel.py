"""Autograde a cohort with N worker processes, each running nbgrader's own Autograde.

nbgrader has no parallel autograde (jupyter/nbgrader#174); a kernel start costs ~0.6 s and a
notebook a few more, so a cohort of hundreds takes long on one core. Here the parent hands one
student at a time to a pool of workers; each worker calls `NbGraderAPI.autograde` (the same
converter the formgrader uses) for that student, so every grade goes through nbgrader's gradebook
code, and the gradebook's unique keys mean a student graded twice is updated, never duplicated.

Bookkeeping that nbgrader lacks:
- A submission that is not a notebook at all (or has none of the assignment's notebooks) would
  make nbgrader fail the student and record nothing; it is given zero through the gradebook API
  with a clear reason instead.
- A journal (`.conduct/autograde-<assignment>.json`, written only by the parent, atomically)
  records each graded submission's fingerprint; rerunning after a crash grades only what is
  missing or changed, and `force` regrades everyone.
- SQLite allows one writer at a time; a worker that loses the race ("database is locked") retries.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat

from grading.course import Course, load_config, nbgrader_env
from grading.sandbox import KERNEL_DIR_ENV, SandboxUnavailable, bwrap_path

SANDBOXED = "grading.sandbox.SandboxedExecute"
UNSANDBOXED = "grading.sandbox.UnsandboxedExecute"
RETRIES = 3
NBGRADER_FILES = {"timestamp.txt", "submission_secret.txt"}  # written by nbgrader's exchange, not the student


@dataclass(frozen=True)
class Outcome:
    """What happened to one student's submission.

    status: "graded" (nbgrader autograded it), "zero" (unreadable submission, zero recorded),
    "skipped" (already graded, unchanged), "failed" (nbgrader could not grade it; see reason).
    """

    student: str
    status: str
    reason: str = ""
    seconds: float = 0.0


def sandbox_check() -> None:
    """Raise SandboxUnavailable (with what to do) unless bubblewrap can make a sandbox here."""
    import subprocess

    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailable(
            "bubblewrap is not installed, so student code cannot be sandboxed: install it "
            "(`apt-get install bubblewrap`; `./course test` does this) or pass --no-sandbox to grade "
            "without a sandbox (student code can then read the gradebook and hidden tests)")
    run = subprocess.run([bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
                         capture_output=True, text=True, timeout=30)
    if run.returncode != 0:
        raise SandboxUnavailable(
            f"bubblewrap cannot create a sandbox on this machine ({run.stderr.strip() or run.returncode}): "
            "allow unprivileged user namespaces, or pass --no-sandbox for trusted submissions only")


# --- the parent's side -------------------------------------------------------------------------

def fingerprint(folder: Path) -> str:
    """Changes whenever a file of the submission is added, removed or rewritten."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(folder)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _journal_path(course: Course, assignment: str) -> Path:
    return course.state / f"autograde-{assignment}.json"


def read_journal(course: Course, assignment: str) -> dict[str, str]:
    """{student: fingerprint of the submission last graded} (empty when none or unreadable)."""
    try:
        data = json.loads(_journal_path(course, assignment).read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_journal(course: Course, assignment: str, journal: dict[str, str]) -> None:
    path = _journal_path(course, assignment)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(journal, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def unreadable_reason(course: Course, assignment: str, student: str, notebooks: list[str]) -> str | None:
    """Why nbgrader could not grade this submission at all, or None when it can."""
    folder = course.step("submitted") / student / assignment
    present = [n for n in notebooks if (folder / f"{n}.ipynb").is_file()]
    if not present:
        found = sorted(p.name for p in folder.iterdir() if p.name not in NBGRADER_FILES) if folder.is_dir() else []
        return (f"no notebook of the assignment was submitted (expected {', '.join(n + '.ipynb' for n in notebooks)}; "
                f"found {', '.join(found) or 'nothing'})")
    for name in present:
        try:
            nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
            nbformat.validate(nb)
        except Exception as exc:  # nbformat raises several unrelated types for bad files
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return f"{name}.ipynb is not a valid notebook ({first[:160]})"
    return None


def record_zero(db_url: str, assignment: str, student: str) -> None:
    """Give every graded cell of the submission zero, through nbgrader's gradebook API."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
        gb.db.commit()


def notebook_names(db_url: str, assignment: str) -> list[str]:
    """The assignment's notebooks as the gradebook knows them (set by generate_assignment)."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gb:
        try:
            return sorted(n.name for n in gb.find_assignment(assignment).notebooks)
        except MissingEntry:
            return []


def autograde(course: Course, assignment: str, *, workers: int | None = None, sandbox: bool = True,
              force: bool = False, students: list[str] | None = None,
              on_outcome: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Autograde every collected submission of `assignment`; one Outcome per student, sorted.

    Raises SandboxUnavailable when `sandbox` is asked for and cannot be had (never falls back
    silently), and ValueError when the assignment is unknown to the gradebook.
    """
    if sandbox:
        sandbox_check()
    db_url = course.db_url
    notebooks = notebook_names(db_url, assignment)
    if not notebooks:
        raise ValueError(f"assignment {assignment!r} is not in the gradebook: run `conduct-course release {assignment}` first")
    todo = students if students is not None else course.submissions(assignment)
    journal = {} if force else read_journal(course, assignment)
    outcomes: list[Outcome] = []

    def done(outcome: Outcome, fp: str | None) -> None:
        outcomes.append(outcome)
        if fp is not None:
            journal[outcome.student] = fp
            _write_journal(course, assignment, journal)
        if on_outcome:
            on_outcome(outcome)

    pending: dict[str, str] = {}
    for student in todo:
        folder = course.step("submitted") / student / assignment
        fp = fingerprint(folder)
        if journal.get(student) == fp and (course.step("autograded") / student / assignment).exists():
            done(Outcome(student, "skipped", "already graded and unchanged"), None)
            continue
        pending[student] = fp

    def graded(outcome: Outcome) -> None:  # a zero is not journalled: its reason is shown on every run
        done(outcome, pending[outcome.student] if outcome.status == "graded" else None)

    n = max(1, min(workers or os.cpu_count() or 1, len(pending) or 1))
    kernel_dir = tempfile.mkdtemp(prefix="conduct-autograde-")
    previous = os.environ.get(KERNEL_DIR_ENV)
    os.environ[KERNEL_DIR_ENV] = kernel_dir  # inherited by the forked workers
    try:
        broken = _pool_round(course, assignment, notebooks, sandbox, list(pending), n, graded) if pending else []
        for student in broken:  # a worker died under these: grade each alone, so none can take down another
            if _pool_round(course, assignment, notebooks, sandbox, [student], 1, graded):
                done(Outcome(student, "failed", "the grading worker died while grading this submission "
                                                "(does its code kill its parent process?)"), None)
    finally:
        os.environ.pop(KERNEL_DIR_ENV, None) if previous is None else os.environ.update({KERNEL_DIR_ENV: previous})
        shutil.rmtree(kernel_dir, ignore_errors=True)
    return sorted(outcomes, key=lambda o: o.student)


def _pool_round(course: Course, assignment: str, notebooks: list[str], sandbox: bool, students: list[str],
                workers: int, report: Callable[[Outcome], None]) -> list[str]:
    """Grade `students` with a pool of `workers`; return those whose worker died under them."""
    broken = []
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_init,
                             initargs=(str(course.root), sandbox)) as pool:
        futures = {pool.submit(_grade_one, assignment, s, notebooks): s for s in students}
        for future in as_completed(futures):
            student = futures[future]
            try:
                report(future.result())
            except BrokenProcessPool:
                broken.append(student)
            except Exception as exc:
                report(Outcome(student, "failed", f"the grading worker failed: {exc}"))
    return sorted(broken)


# --- the worker's side -------------------------------------------------------------------------

_api = None


def _worker_init(root: str, sandbox: bool) -> None:
    """Build nbgrader's API once per worker, from the course's own config."""
    global _api
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    os.environ.update(PATH=nbgrader_env()["PATH"])
    os.chdir(root)
    config = load_config(Course(Path(root)))
    config.CourseDirectory.root = root
    pps = list(config.Autograde.get("autograde_preprocessors", []))
    if not sandbox:  # swap our sandboxed Execute for the plain one, keep the rest of the pipeline
        config.Autograde.autograde_preprocessors = [UNSANDBOXED if p == SANDBOXED else p for p in pps]
    elif SANDBOXED not in pps:
        raise SandboxUnavailable("the course's nbgrader_config.py does not run kernels in the sandbox "
                                 f"(add {SANDBOXED!r} to c.Autograde.autograde_preprocessors)")
    coursedir = CourseDirectory(config=config)
    _api = NbGraderAPI(coursedir=coursedir, config=config)


def _last_error(log: str) -> str:
    lines = [ln.strip() for ln in (log or "").splitlines() if ln.strip()]
    errors = [ln for ln in lines if "[ERROR]" in ln or "Error" in ln]
    return (errors or lines or ["no log"])[-1][:300]


def _grade_one(assignment: str, student: str, notebooks: list[str]) -> Outcome:
    start = time.monotonic()
    course = Course(Path(_api.coursedir.root))
    reason = unreadable_reason(course, assignment, student, notebooks)  # here, in parallel: validating is slow
    if reason:
        from sqlalchemy.exc import OperationalError

        for attempt in range(RETRIES):
            try:
                record_zero(_api.coursedir.db_url, assignment, student)
                break
            except OperationalError as exc:  # another worker holds SQLite's write lock
                if "locked" not in str(exc) or attempt == RETRIES - 1:
                    return Outcome(student, "failed", f"could not record the zero: {exc.orig}", time.monotonic() - start)
                time.sleep(0.5 * (attempt + 1))
        return Outcome(student, "zero", reason, time.monotonic() - start)
    result: dict = {}
    for attempt in range(RETRIES):
        result = _api.autograde(assignment, student, force=True, create=True)
        if result.get("success"):
            return Outcome(student, "graded", "", time.monotonic() - start)
        text = (result.get("log") or "") + (result.get("error") or "")
        if "database is locked" not in text:
            break
        time.sleep(0.5 * (attempt + 1))
    return Outcome(student, "failed", _last_error((result.get("log") or "") + "\n" + (result.get("error") or "")),
                   time.monotonic() - start)
