"""Autograde a cohort with N worker processes, each running nbgrader's own Autograde.

nbgrader has no parallel autograde (jupyter/nbgrader#174); a kernel start costs ~0.6 s and a
notebook a few more, so a cohort of hundreds takes long on one core. Here the parent hands one
student at a time to a small pool of worker processes; each calls `NbGraderAPI.autograde` (the same
converter the formgrader uses) for that student, so every grade goes through nbgrader's gradebook
code, and the gradebook's unique keys mean a student graded twice is updated, never duplicated.

Bookkeeping that nbgrader lacks:
- A submission that is not a notebook at all (or has none of the assignment's notebooks) would
  make nbgrader fail the student and record nothing; it is given zero through the gradebook API
  with a clear reason instead.
- A journal (`.conduct/autograde-<assignment>.json`, written only by the parent, atomically, after
  each student) records each graded submission's fingerprint; rerunning after a crash grades only
  what is missing or changed, and `force` regrades everyone.
- A submission nbgrader could not grade keeps no score: its grades are cleared and marked for
  manual grading, and it is listed in `.conduct/autograde-<assignment>-failed.json` with the reason.
- SQLite allows one writer at a time; a worker that loses the race ("database is locked") retries.

Stopping (why the pool is ours rather than concurrent.futures): each worker asks the kernel to kill
it when its parent dies (prctl PR_SET_PDEATHSIG), so `kill -KILL` of the command leaves no worker
grading on; kernels run under bubblewrap's --die-with-parent. Workers sit in their own process
group, so a terminal's Ctrl-C reaches only the parent, which then kills the workers and everything
they started at once (ProcessPoolExecutor would first finish every queued student), forgets the
students caught half-way in the gradebook too, and leaves a journal that matches the gradebook.
Temporary folders live under the course's .conduct/tmp/, and a run removes those of dead runs.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import multiprocessing
import os
import queue
import shutil
import signal
import subprocess
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from nbgrader.api import Gradebook, MissingEntry
from sqlalchemy.exc import OperationalError

from conduct.i18n import t
from grading.course import (
    SANDBOXED,
    Course,
    clean_stale_temp,
    drop_temp_dir,
    load_config,
    nbgrader_env,
    temp_dir,
    without_sandbox,
)
from grading.messages import explain, keyed, nbgrader_reason, quiet_warnings
from grading.sandbox import KERNEL_DIR_ENV, SandboxUnavailable, bwrap_path

RETRIES = 3
NBGRADER_FILES = {"timestamp.txt", "submission_secret.txt"}  # written by nbgrader's exchange, not the student
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
EXPLAINED = ("nbgrader", "worker_failed", "zero_not_recorded")  # outcomes whose detail is nbgrader's line
POLL = 0.2  # seconds between checks for dead workers and signals


@dataclass(frozen=True)
class Outcome:
    """What happened to one student's submission.

    status: "graded" (nbgrader autograded it), "zero" (unreadable submission, zero recorded),
    "skipped" (already graded, unchanged), "failed" (nbgrader could not grade it; see reason).
    The reason is a catalogue key (grading.outcome.*) with its parameters, worded at the edge.
    """

    student: str
    status: str
    key: str = ""
    params: dict[str, object] = field(default_factory=dict)
    seconds: float = 0.0
    log: str = ""  # nbgrader's whole log when it failed (shown with --verbose)

    def text(self, lang: str = "vi") -> str:
        params = dict(self.params)
        if self.key in EXPLAINED:  # nbgrader's own line, worded in `lang` when it is a known one
            params["detail"] = explain(str(params["detail"]), lang)
        return t(f"grading.outcome.{self.key}", lang, **params) if self.key else ""

    @property
    def reason(self) -> str:
        """The reason in English (for logs and tests); the CLI uses text(lang)."""
        return self.text("en")


class Stopped(Exception):
    """The run was stopped by a signal; what was graded so far is journalled."""

    def __init__(self, signum: int, outcomes: list[Outcome]) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum, self.outcomes = signum, outcomes


def sandbox_check() -> None:
    """Raise SandboxUnavailable (with what to do) unless bubblewrap can make a sandbox here."""
    bwrap = bwrap_path()
    if bwrap is None:
        raise keyed(SandboxUnavailable, "sandbox_missing")
    run = subprocess.run(
        [bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if run.returncode != 0:
        raise keyed(SandboxUnavailable, "sandbox_broken", detail=run.stderr.strip() or run.returncode)


# --- the journal -------------------------------------------------------------------------------


def fingerprint(folder: Path) -> str:
    """Changes whenever a file of the submission is added, removed or rewritten."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(folder)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _journal_path(course: Course, assignment: str, kind: str = "") -> Path:
    return course.state / f"autograde-{assignment}{kind}.json"


def _read(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write(path: Path, data: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def read_journal(course: Course, assignment: str) -> dict[str, str]:
    """{student: fingerprint of the submission last graded} (empty when none or unreadable)."""
    return _read(_journal_path(course, assignment))


def read_failures(course: Course, assignment: str) -> dict[str, str]:
    """{student: why nbgrader could not grade the submission (English)} for the last runs."""
    return _read(_journal_path(course, assignment, "-failed"))


# --- submissions nbgrader cannot run -------------------------------------------------------------


def unreadable_reason(
    course: Course, assignment: str, student: str, notebooks: list[str]
) -> tuple[str, dict[str, object]] | None:
    """Why nbgrader could not grade this submission at all (key, params), or None when it can."""
    folder = course.step("submitted") / student / assignment
    present = [n for n in notebooks if (folder / f"{n}.ipynb").is_file()]
    if not present:
        found = sorted(p.name for p in folder.iterdir() if p.name not in NBGRADER_FILES) if folder.is_dir() else []
        return "no_notebook", {"expected": ", ".join(n + ".ipynb" for n in notebooks), "found": ", ".join(found) or "—"}
    for name in present:
        try:
            nb = nbformat.read(folder / f"{name}.ipynb", as_version=4)
            nbformat.validate(nb)
        except Exception as exc:  # nbformat raises several unrelated types for bad files
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return "not_notebook", {"name": f"{name}.ipynb", "detail": first[:160]}
    return None


def record_zero(db_url: str, assignment: str, student: str) -> None:
    """Give every graded cell of the submission zero, through nbgrader's gradebook API."""
    with Gradebook(db_url) as gb:
        gb.update_or_create_student(student)
        submission = gb.update_or_create_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
        gb.db.commit()


def clear_scores(db_url: str, assignment: str, student: str) -> None:
    """A submission nbgrader failed on holds no score: every grade cleared and left to a human."""
    with Gradebook(db_url) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            return
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = None
                grade.manual_score = None
                grade.needs_manual_grade = True
        gb.db.commit()


def forget(course: Course, assignment: str, student: str) -> None:
    """Undo a grading stopped half-way: no gradebook submission, no autograded folder."""
    with Gradebook(course.db_url) as gb:
        try:
            gb.remove_submission(assignment, student)
        except MissingEntry:
            pass
    shutil.rmtree(course.step("autograded") / student / assignment, ignore_errors=True)


def notebook_names(db_url: str, assignment: str) -> list[str]:
    """The assignment's notebooks as the gradebook knows them (set by generate_assignment)."""
    with Gradebook(db_url) as gb:
        try:
            return sorted(n.name for n in gb.find_assignment(assignment).notebooks)
        except MissingEntry:
            return []


# --- the parent's side -------------------------------------------------------------------------


def autograde(
    course: Course,
    assignment: str,
    *,
    workers: int | None = None,
    sandbox: bool = True,
    force: bool = False,
    students: list[str] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Autograde every collected submission of `assignment`; one Outcome per student, sorted.

    Raises SandboxUnavailable when `sandbox` is asked for and cannot be had (never falls back
    silently), ValueError when the assignment is unknown to the gradebook, and Stopped when SIGINT
    or SIGTERM arrives (after stopping every worker and kernel and cleaning up).
    """
    if sandbox:
        sandbox_check()
    clean_stale_temp(course)
    db_url = course.db_url
    notebooks = notebook_names(db_url, assignment)
    if not notebooks:
        raise keyed(ValueError, "not_in_gradebook", assignment=assignment)
    todo = students if students is not None else course.submissions(assignment)
    journal = read_journal(course, assignment)  # kept under --force: a stopped forced run loses no entry
    failures = read_failures(course, assignment)
    outcomes: list[Outcome] = []

    def done(outcome: Outcome, fp: str | None) -> None:
        outcomes.append(outcome)
        if fp is not None:
            journal[outcome.student] = fp
            _write(_journal_path(course, assignment), journal)
        if outcome.status == "failed":
            journal.pop(outcome.student, None)
            _write(_journal_path(course, assignment), journal)
            failures[outcome.student] = outcome.reason
            clear_scores(db_url, assignment, outcome.student)
        elif outcome.status in ("graded", "zero") and failures.pop(outcome.student, None) is not None:
            pass
        _write(_journal_path(course, assignment, "-failed"), failures)
        if on_outcome:
            on_outcome(outcome)

    pending: dict[str, str] = {}
    for student in todo:
        folder = course.step("submitted") / student / assignment
        fp = fingerprint(folder)
        if not force and journal.get(student) == fp and (course.step("autograded") / student / assignment).exists():
            done(Outcome(student, "skipped", "unchanged"), None)
            continue
        pending[student] = fp

    def graded(outcome: Outcome) -> None:  # a zero is not journalled: its reason is shown on every run
        done(outcome, pending[outcome.student] if outcome.status == "graded" else None)

    if pending:
        n = max(1, min(workers or os.cpu_count() or 1, len(pending)))
        kernel_dir = temp_dir(course, "ag")
        previous = os.environ.get(KERNEL_DIR_ENV)
        os.environ[KERNEL_DIR_ENV] = str(kernel_dir)  # inherited by the forked workers
        pool = _Pool(course, sandbox, n)
        try:
            pool.run(assignment, notebooks, list(pending), graded)
        except _Signal as sig:
            caught = pool.in_flight()
            pool.stop()  # before forgetting: a worker still running could write again
            for student in caught:
                forget(course, assignment, student)
                journal.pop(student, None)
            _write(_journal_path(course, assignment), journal)
            raise Stopped(sig.signum, sorted(outcomes, key=lambda o: o.student)) from None
        finally:
            pool.stop()
            if previous is None:
                os.environ.pop(KERNEL_DIR_ENV, None)
            else:
                os.environ[KERNEL_DIR_ENV] = previous
            drop_temp_dir(course, "ag")
    return sorted(outcomes, key=lambda o: o.student)


class WorkerFailed(RuntimeError):
    """A grading worker could not start (the course's config, the gradebook): the message says why."""


class _Signal(Exception):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Pool:
    """N forked workers fed one student at a time; a worker that dies fails only its own student."""

    def __init__(self, course: Course, sandbox: bool, size: int) -> None:
        self.course, self.sandbox, self.size = course, sandbox, size
        self.ctx = multiprocessing.get_context("fork")
        self.tasks = self.ctx.Queue()
        self.results = self.ctx.Queue()
        self.workers: dict[int, multiprocessing.process.BaseProcess] = {}
        self.current: dict[int, str | None] = {}
        self._next_id = 0
        self._stopped = False

    def _start_worker(self) -> None:
        wid, self._next_id = self._next_id, self._next_id + 1
        proc = self.ctx.Process(
            target=_worker_main, args=(wid, str(self.course.root), self.sandbox, self.tasks, self.results), daemon=True
        )
        proc.start()
        self.workers[wid], self.current[wid] = proc, None

    def in_flight(self) -> list[str]:
        return sorted(s for s in self.current.values() if s)

    def run(
        self, assignment: str, notebooks: list[str], students: list[str], report: Callable[[Outcome], None]
    ) -> None:
        def on_signal(signum, frame):
            raise _Signal(signum)

        old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            for student in students:
                self.tasks.put((assignment, student, notebooks))
            for _ in range(self.size):
                self._start_worker()
                self.tasks.put(None)
            left = set(students)
            while left:
                try:
                    kind, wid, payload = self.results.get(timeout=POLL)
                except queue.Empty:
                    self._reap(left, report)
                    continue
                if kind == "fatal":  # the worker could not even start: the same for every worker
                    raise WorkerFailed(payload)
                if kind == "start":
                    self.current[wid] = payload
                else:
                    self.current[wid] = None
                    if payload.student in left:
                        left.discard(payload.student)
                        report(payload)
        finally:
            for s, handler in old.items():
                signal.signal(s, handler)

    def _reap(self, left: set[str], report: Callable[[Outcome], None]) -> None:
        """A worker that died (its student's code killed it) fails its student; a new worker takes over."""
        for wid, proc in list(self.workers.items()):
            if proc.is_alive():
                continue
            student = self.current.pop(wid, None)
            del self.workers[wid]
            if student and student in left:
                left.discard(student)
                report(Outcome(student, "failed", "worker_died"))
            if left:
                self._start_worker()
                self.tasks.put(None)

    def stop(self) -> None:
        """Kill every worker and everything it started (kernels run in sessions of their own)."""
        if self._stopped:
            return
        self._stopped = True
        for proc in self.workers.values():
            if proc.pid is not None:
                for pid in [*_descendants(proc.pid), proc.pid]:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
        for proc in self.workers.values():
            proc.join(timeout=5)
        for q in (self.tasks, self.results):
            q.cancel_join_thread()
            q.close()


def _descendants(pid: int) -> list[int]:
    """Every process below `pid`, read from /proc (children first found, deepest last)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, stack = [], [pid]
    while stack:
        for child in children.get(stack.pop(), []):
            out.append(child)
            stack.append(child)
    return out


# --- the worker's side -------------------------------------------------------------------------

_api: Any = None  # nbgrader's NbGraderAPI, built once per worker by _worker_init


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _worker_main(wid: int, root: str, sandbox: bool, tasks, results) -> None:
    die_with_parent()
    parent = os.getppid()
    os.setpgrp()  # out of the terminal's foreground group: Ctrl-C is the parent's to handle
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    try:
        _worker_init(root, sandbox)
    except Exception as exc:
        results.put(("fatal", wid, nbgrader_reason(str(exc))))
        return
    while True:
        task = tasks.get()
        if task is None:
            break
        assignment, student, notebooks = task
        results.put(("start", wid, student))
        try:
            outcome = _grade_one(assignment, student, notebooks)
        except Exception as exc:  # one student's problem must not stop the worker
            outcome = Outcome(student, "failed", "worker_failed", {"detail": nbgrader_reason(str(exc))})
        results.put(("done", wid, outcome))


def _worker_init(root: str, sandbox: bool) -> None:
    """Build nbgrader's API once per worker, from the course's own config."""
    global _api
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    quiet_warnings()
    os.environ.update(PATH=nbgrader_env()["PATH"])
    os.chdir(root)
    config = load_config(Course(Path(root)))
    config.CourseDirectory.root = root
    if not sandbox:  # swap our sandboxed Execute for the plain one, keep the rest of the pipeline
        without_sandbox(config)
    elif SANDBOXED not in config.Autograde.get("autograde_preprocessors", []):
        raise keyed(SandboxUnavailable, "sandbox_not_configured", name=SANDBOXED)
    coursedir = CourseDirectory(config=config)
    _api = NbGraderAPI(coursedir=coursedir, config=config)


def _grade_one(assignment: str, student: str, notebooks: list[str]) -> Outcome:
    start = time.monotonic()
    course = Course(Path(_api.coursedir.root))
    unreadable = unreadable_reason(course, assignment, student, notebooks)  # here, in parallel: validating is slow
    if unreadable:
        for attempt in range(RETRIES):
            try:
                record_zero(_api.coursedir.db_url, assignment, student)
                break
            except OperationalError as exc:  # another worker holds SQLite's write lock
                if "locked" not in str(exc) or attempt == RETRIES - 1:
                    return Outcome(
                        student,
                        "failed",
                        "zero_not_recorded",
                        {"detail": nbgrader_reason(str(exc.orig))},
                        time.monotonic() - start,
                    )
                time.sleep(0.5 * (attempt + 1))
        return Outcome(student, "zero", unreadable[0], unreadable[1], time.monotonic() - start)
    result: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for attempt in range(RETRIES):
            result = _api.autograde(assignment, student, force=True, create=True)
            if result.get("success"):
                return Outcome(student, "graded", "", {}, time.monotonic() - start)
            text = (result.get("log") or "") + (result.get("error") or "")
            if "database is locked" not in text:
                break
            time.sleep(0.5 * (attempt + 1))
    log = (result.get("log") or "") + "\n" + (result.get("error") or "")
    return Outcome(student, "failed", "nbgrader", {"detail": nbgrader_reason(log)}, time.monotonic() - start, log)
