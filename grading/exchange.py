"""The single-machine exchange, made safe for the instructor: one bad entry is one student's problem.

nbgrader's `collect` copies whatever a student put in the inbound folder (following symlinks,
so a link to another student's work or to /etc gets copied as content), and its later steps
write and chmod through what was collected; one garbage `timestamp.txt`, one badly named entry
or a missing `submission_secret.txt` makes `collect` or `release_feedback` stop for every student
after it. Here:

- every inbound entry and every collected or autograded submission is checked without following
  anything (lstat, and file descriptors opened with O_NOFOLLOW relative to their folder, so a
  file swapped for a link between the check and the copy is caught by the copy): symlinks,
  devices, FIFOs, sockets, hard links (a second name for a file elsewhere), names with control
  characters, oversized submissions, an unreadable `timestamp.txt` and a missing
  `submission_secret.txt` are problems of that student, reported with the reason, and the rest
  are collected, graded and given feedback as usual;
- collect copies regular files only, into a fresh folder that replaces the old submission in one
  rename: nothing is written through a path the student controls;
- a submission whose files belong to another local user than the student it names is collected
  with a warning (a local student can overwrite another's inbound entry);
- the course folder is private to the instructor (0700) and the gradebook file 0600.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import stat
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.utils import parse_utc

from conduct.i18n import t
from grading.course import Course, load_config

MAX_BYTES = 100 << 20  # a submission of a few notebooks is far smaller
MAX_FILES = 1000
STUDENT_ID = re.compile(r"^[^\W][\w.@-]*$")
NBGRADER_FILES = ("timestamp.txt", "submission_secret.txt")


@dataclass(frozen=True)
class Report:
    """What happened to one student's submission in one step.

    status: "collected", "unchanged" (nothing newer), "skipped" (problems: see reasons),
    "ok" (checked and fine). Warnings never stop a submission; reasons always do.
    """

    student: str
    assignment: str
    status: str
    reasons: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


class UnsafeTree(Exception):
    """A submission holds something that is not a plain file or folder (the message says what)."""


@dataclass
class _Walk:
    lang: str
    max_bytes: int
    max_files: int
    problems: list[str] = field(default_factory=list)
    owners: dict[int, str] = field(default_factory=dict)  # uid -> first path owned by it
    bytes: int = 0
    files: int = 0

    def problem(self, key: str, **kw) -> None:
        self.problems.append(t(f"sandbox.problem_{key}", self.lang, **kw))


def _bad_name(name: str) -> bool:
    """Control characters, or bytes that are not UTF-8 (decoded by Python as lone surrogates)."""
    return any(ord(ch) < 32 or ord(ch) == 127 or "\udc80" <= ch <= "\udcff" for ch in name)


def _walk(dir_fd: int, rel: str, walk: _Walk, dest: Path | None) -> None:
    """Check (and with `dest`, copy) the folder open at `dir_fd`, never following a link."""
    if dest is not None:
        dest.mkdir(mode=0o700)
    with os.scandir(dir_fd) as entries:
        names = sorted(e.name for e in entries)
    for name in names:
        path = f"{rel}/{name}" if rel else name
        if _bad_name(name):
            walk.problem("name", path=path.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            continue
        try:
            st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
        except OSError:
            continue
        walk.owners.setdefault(st.st_uid, path)
        if stat.S_ISLNK(st.st_mode):
            walk.problem("symlink", path=path)
        elif stat.S_ISDIR(st.st_mode):
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=dir_fd)
            try:
                _walk(fd, path, walk, dest / name if dest is not None else None)
            finally:
                os.close(fd)
        elif not stat.S_ISREG(st.st_mode):
            walk.problem("special", path=path)
        elif st.st_nlink > 1:
            walk.problem("hardlink", path=path, links=st.st_nlink)
        else:
            walk.files += 1
            walk.bytes += st.st_size
            if dest is not None and not walk.problems:
                _copy_file(dir_fd, name, dest / name, walk)
        if dest is not None and walk.problems:
            raise UnsafeTree("; ".join(walk.problems))


def _copy_file(dir_fd: int, name: str, dest: Path, walk: _Walk) -> None:
    fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dir_fd)
    with os.fdopen(fd, "rb") as src:
        st = os.fstat(src.fileno())  # what was opened, not what was checked a moment ago
        if not stat.S_ISREG(st.st_mode) or st.st_nlink > 1:
            raise UnsafeTree(t("sandbox.problem_special", walk.lang, path=name))
        with open(dest, "xb") as out:
            copied = 0
            while chunk := src.read(1 << 20):
                copied += len(chunk)
                if copied > walk.max_bytes:
                    raise UnsafeTree(
                        t("sandbox.problem_too_big", walk.lang, mb=copied >> 20, max_mb=walk.max_bytes >> 20)
                    )
                out.write(chunk)
        os.utime(dest, ns=(st.st_atime_ns, st.st_mtime_ns))


def _read_small(dir_fd: int, name: str) -> str | None:
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dir_fd)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            return None
        return fh.read(4096).decode("utf-8", "replace")


def parse_timestamp(text: str | None) -> datetime | None:
    """nbgrader's own parser, or None for garbage."""
    if not text or not text.strip():
        return None
    try:
        return parse_utc(text.strip())
    except (ValueError, OverflowError, TypeError):
        return None


def check_folder(
    folder: Path,
    lang: str,
    *,
    student: str | None = None,
    need_secret: bool = True,
    dest: Path | None = None,
    max_bytes: int = MAX_BYTES,
    max_files: int = MAX_FILES,
) -> tuple[list[str], list[str]]:
    """(problems, warnings) of one submission folder; with `dest`, also copy it there when clean.

    The folder itself must be a real folder (not a link). With `dest`, a problem found while
    copying raises UnsafeTree and the partial copy is removed by the caller.
    """
    walk = _Walk(lang, max_bytes, max_files)
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return [
            t("sandbox.problem_symlink" if folder.is_symlink() else "sandbox.problem_special", lang, path=folder.name)
        ], []
    try:
        walk.owners[os.fstat(fd).st_uid] = "."
        _walk(fd, "", walk, None)
        if walk.bytes > max_bytes:
            walk.problem("too_big", mb=walk.bytes >> 20, max_mb=max_bytes >> 20)
        if walk.files > max_files:
            walk.problem("too_many", count=walk.files, max_count=max_files)
        stamp = _read_small(fd, "timestamp.txt")
        if stamp is not None and parse_timestamp(stamp) is None:
            walk.problem("timestamp", value=stamp.strip()[:40] or "''")
        if need_secret and _read_small(fd, "submission_secret.txt") is None:
            walk.problem("secret")
        if dest is not None and not walk.problems:  # copy only a clean folder; the copy checks again
            _walk(fd, "", _Walk(lang, max_bytes, max_files), dest)
    finally:
        os.close(fd)
    return walk.problems, _owner_warnings(walk.owners, student, lang) if student else []


def _owner_warnings(owners: dict[int, str], student: str, lang: str) -> list[str]:
    """A submission's files should belong to the student it names (when that student has an account)."""

    def name(uid: int) -> str:
        try:
            return pwd.getpwuid(uid).pw_name
        except KeyError:
            return str(uid)

    try:
        expected = {pwd.getpwnam(student).pw_uid}
    except KeyError:  # no local account (JupyterHub users may have none): files should still agree
        expected = {next(iter(owners))} if owners else set()
    return [
        t("sandbox.problem_owner", lang, path=path, owner=name(uid), student=student)
        for uid, path in sorted(owners.items(), key=lambda kv: kv[1])
        if uid not in expected
    ][:1]


def secure_course(course: Course, create_gradebook: bool = False) -> None:
    """Make the course folder private to the instructor (0700) and a SQLite gradebook 0600.

    With `create_gradebook`, an empty gradebook is made first (nbgrader's own schema), so it never
    exists with the default, world-readable mode.
    """
    if course.root.is_dir() and course.root.stat().st_uid == os.getuid():
        os.chmod(course.root, 0o700)
    url = course.db_url if course.config.is_file() else f"sqlite:///{course.root / 'gradebook.db'}"
    if url.startswith("sqlite:///"):
        if create_gradebook and not Path(url[len("sqlite:///") :]).exists():
            old = os.umask(0o077)
            try:
                Gradebook(url).close()
            finally:
                os.umask(old)
        db = Path(url[len("sqlite:///") :])
        for path in (db, db.with_name(db.name + "-journal")):
            if path.is_file() and not path.is_symlink() and path.stat().st_uid == os.getuid():
                os.chmod(path, 0o600)


# --- collect -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One folder in the exchange's inbound folder."""

    name: str
    student: str
    assignment: str
    timestamp: datetime | None


def parse_entry(name: str) -> Entry | None:
    """`student+assignment+timestamp[+random]` as nbgrader's submit names it, or None."""
    parts = name.split("+")
    if len(parts) not in (3, 4) or not STUDENT_ID.match(parts[0]) or not parts[1]:
        return None
    return Entry(name, parts[0], parts[1], parse_timestamp(parts[2]))


def _exchange_inbound(course: Course) -> Path:
    config = load_config(course)
    root = config.Exchange.get("root") or "/srv/nbgrader/exchange"
    return Path(root) / (config.CourseDirectory.get("course_id") or "conduct") / "inbound"


def collect(course: Course, assignment: str, lang: str, *, inbound: Path | None = None) -> list[Report]:
    """Collect the newest submission of each student from the inbound folder, safely; one report each."""
    secure_course(course)
    inbound = inbound or _exchange_inbound(course)
    reports: list[Report] = []
    latest: dict[str, Entry] = {}
    try:
        names = sorted(os.listdir(inbound))
    except OSError:
        return reports
    for name in names:
        entry = parse_entry(name)
        if entry is None:
            if f"+{assignment}+" in name or name.endswith(f"+{assignment}"):
                who = name.split("+", 1)[0] or name
                reports.append(Report(who, assignment, "skipped", (t("sandbox.problem_entry_name", lang, name=name),)))
            continue
        if entry.assignment != assignment:
            continue
        if entry.timestamp is None:
            reports.append(
                Report(entry.student, assignment, "skipped", (t("sandbox.problem_entry_name", lang, name=name),))
            )
            continue
        newest = latest.get(entry.student)
        if newest is None or newest.timestamp is None or entry.timestamp > newest.timestamp:
            latest[entry.student] = entry
    skipped = {r.student for r in reports}
    for student, entry in sorted(latest.items()):
        if student in skipped:  # one of their entries is malformed: say so, do not guess which they meant
            continue
        reports.append(_collect_one(course, assignment, inbound / entry.name, entry, lang))
    return sorted(reports, key=lambda r: (r.student, r.status))


def _collect_one(course: Course, assignment: str, src: Path, entry: Entry, lang: str) -> Report:
    student_dir = course.step("submitted") / entry.student
    dest = student_dir / assignment
    existing = _existing_timestamp(dest)
    if existing is not None and entry.timestamp is not None and entry.timestamp <= existing:
        return Report(entry.student, assignment, "unchanged")
    course.state.mkdir(mode=0o700, exist_ok=True)  # copied here first, on the same file system
    tmp = course.state / f"collect-{entry.student}-{uuid.uuid4().hex[:8]}"
    try:
        problems, warnings = check_folder(src, lang, student=entry.student, dest=tmp)
    except (UnsafeTree, OSError) as exc:
        problems, warnings = [str(exc)], []
    if problems:
        shutil.rmtree(tmp, ignore_errors=True)
        return Report(entry.student, assignment, "skipped", tuple(problems), tuple(warnings))
    student_dir.mkdir(parents=True, exist_ok=True)
    if student_dir.is_symlink():
        shutil.rmtree(tmp, ignore_errors=True)
        raise RuntimeError(f"{student_dir} is a symbolic link: the course folder was tampered with")
    if dest.exists() or dest.is_symlink():
        old = student_dir / f".{assignment}.old-{uuid.uuid4().hex[:8]}"
        os.rename(dest, old)
        os.rename(tmp, dest)
        shutil.rmtree(old, ignore_errors=True) if not old.is_symlink() else old.unlink()
    else:
        os.rename(tmp, dest)
    return Report(entry.student, assignment, "collected", (), tuple(warnings))


def _existing_timestamp(dest: Path) -> datetime | None:
    try:
        fd = os.open(dest, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        return parse_timestamp(_read_small(fd, "timestamp.txt"))
    finally:
        os.close(fd)


# --- autograde and feedback --------------------------------------------------------------------


def check_step(
    course: Course, step: str, assignment: str, lang: str, students: list[str] | None = None
) -> dict[str, tuple[str, ...]]:
    """{student: reasons} for the `step` folders (submitted or autograded) that must be skipped.

    A submission collected before these checks existed (or by plain `nbgrader collect`) may hold
    a link that nbgrader's autograde, chmod and feedback copy would follow.
    """
    base = course.step(step)
    bad: dict[str, tuple[str, ...]] = {}
    if not base.is_dir():
        return bad
    for student in sorted(students if students is not None else os.listdir(base)):
        folder = base / student / assignment
        if not (base / student).is_symlink() and not folder.is_symlink() and not folder.is_dir():
            continue
        if (base / student).is_symlink():
            bad[student] = (t("sandbox.problem_symlink", lang, path=student),)
            continue
        problems, _ = check_folder(folder, lang, need_secret=step == "autograded")
        if problems:
            bad[student] = tuple(problems)
    return bad
