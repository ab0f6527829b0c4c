"""The learner's progress file: every answer saved the moment it is given.

Learners close the browser tab or lose the kernel mid-lesson; nothing they did may be lost. So
each answer is appended to a small JSON file under the home directory (``~/.conduct/progress.json``,
overridden by the ``CONDUCT_PROGRESS`` environment variable or the ``path`` argument) and written
atomically (a temporary file in the same folder, then ``os.replace``), so a crash mid-write leaves
the previous file intact. Each write re-reads the file first, so two widgets (or two notebooks)
sharing the file add to it rather than overwrite each other's answers.

A file that cannot be read (hand-edited, truncated by a full disk) is never silently replaced:
it is moved aside to ``<name>.bak`` and a warning names both paths.

Besides lesson answers the file holds the learner app's own state, so it is the one place the app
writes: the learner's name and language (``profile``) and every final-test attempt (``final``).
The module also turns answers into module status (not started / in progress / done, with a score)
for whatever groups of exercises a caller passes in: the home page, the progress panel and the
certificate all count the same way, and none of them makes this module depend on the lessons.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conduct.vocab import ClauseId

try:
    import fcntl
except ImportError:  # Windows has no fcntl: see `locked`
    fcntl = None  # type: ignore[assignment]

ENV_VAR = "CONDUCT_PROGRESS"
SCHEMA_VERSION = 1


class ProgressWarning(UserWarning):
    """The progress file was unreadable and has been moved aside."""


@dataclass(frozen=True)
class Answer:
    """One recorded answer. `clauses` are the clauses the item is about (its gold), not the choice."""

    exercise_id: str
    item: str
    answer: str
    correct: bool
    clauses: tuple[str, ...]
    article: int | None
    time: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "exercise_id": self.exercise_id,
            "item": self.item,
            "answer": self.answer,
            "correct": self.correct,
            "clauses": list(self.clauses),
            "article": self.article,
            "time": self.time,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Answer:
        return cls(
            exercise_id=str(d["exercise_id"]),
            item=str(d["item"]),
            answer=str(d["answer"]),
            correct=bool(d["correct"]),
            clauses=tuple(d.get("clauses") or ()),
            article=d.get("article"),
            time=float(d.get("time", 0.0)),
        )


def default_path() -> Path:
    """Where progress lives: $CONDUCT_PROGRESS, else ~/.conduct/progress.json."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else Path.home() / ".conduct" / "progress.json"


def article_of(clause_id: str) -> int | None:
    """The article number of a clause id such as "4(5)", or None for anything else."""
    try:
        return ClauseId.parse(clause_id).article
    except ValueError:
        return None


@dataclass(frozen=True)
class FinalAttempt:
    """One sitting of a final test: what was chosen per item, the score and whether it passed."""

    track: str
    answers: Mapping[str, str]
    correct: int
    total: int
    passed: bool
    time: float

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "track": self.track,
            "answers": dict(self.answers),
            "correct": self.correct,
            "total": self.total,
            "passed": self.passed,
            "time": self.time,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FinalAttempt:
        answers = d["answers"]
        if not isinstance(answers, dict):
            raise TypeError("answers must be a mapping")
        return cls(
            track=str(d["track"]),
            answers={str(k): str(v) for k, v in answers.items()},
            correct=int(d["correct"]),
            total=int(d["total"]),
            passed=bool(d["passed"]),
            time=float(d.get("time", 0.0)),
        )


@dataclass(frozen=True)
class Module:
    """A group of graded parts the learner sees as one unit (a lesson): its title and (part id, kind)s."""

    key: str
    title: Mapping[str, str]
    parts: tuple[tuple[str, str], ...]
    number: str = ""


@dataclass(frozen=True)
class ModuleStatus:
    """Where the learner stands on a module, from the latest answer to each item.

    `state` is "not_started", "in_progress" or "done" (every part completed at least once);
    a module without graded parts is "done" only if `visited`, else "not_started".
    """

    module: Module
    state: str
    correct: int
    answered: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.correct / self.answered) if self.answered else None


def _empty() -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "answers": [], "exercises": {}, "profile": {}, "final": [], "visited": []}


def _valid(data: Any) -> bool:
    if not (
        isinstance(data, dict)
        and isinstance(data.get("answers"), list)
        and isinstance(data.get("exercises", {}), dict)
        and isinstance(data.get("profile", {}), dict)
        and isinstance(data.get("final", []), list)
        and isinstance(data.get("visited", []), list)
    ):
        return False
    try:
        for f in data.get("final", []):
            FinalAttempt.from_dict(f)
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
    try:
        for a in data["answers"]:
            Answer.from_dict(a)
    except (KeyError, TypeError, ValueError):
        return False
    return True


class ProgressStore:
    """Reads and appends to one progress file. Cheap to create; holds no open handles."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else default_path()
        # Set when an unreadable file was moved aside during this store's life: (original, backup).
        self.moved_aside: tuple[Path, Path] | None = None

    # -- reading -------------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return _empty()
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = None
        if not _valid(data):
            self._move_aside()
            return _empty()
        data.setdefault("exercises", {})
        data.setdefault("profile", {})
        data.setdefault("final", [])
        data.setdefault("visited", [])
        return data

    def _move_aside(self) -> None:
        bak = self.path.with_name(self.path.name + ".bak")
        n = 1
        while bak.exists():  # keep every earlier backup too
            bak = self.path.with_name(f"{self.path.name}.{n}.bak")
            n += 1
        os.replace(self.path, bak)
        self.moved_aside = (self.path, bak)
        warnings.warn(
            f"the progress file {self.path} could not be read; it was moved to {bak} "
            "and a new one is started (open the .bak file to recover earlier answers)",
            ProgressWarning,
            stacklevel=4,
        )

    def answers(self, exercise_id: str | None = None) -> list[Answer]:
        """Every recorded answer in the order given, optionally for one exercise."""
        return [
            a
            for a in map(Answer.from_dict, self._read()["answers"])
            if exercise_id is None or a.exercise_id == exercise_id
        ]

    def latest(self, exercise_id: str | None = None) -> dict[tuple[str, str], Answer]:
        """The last answer to each (exercise, item): a redone exercise reflects what the learner knows now."""
        return {(a.exercise_id, a.item): a for a in self.answers(exercise_id)}

    def exercises(self) -> dict[str, dict[str, Any]]:
        """{exercise_id: {"total": items or None, "completed": timestamp or None}} for every exercise seen."""
        data = self._read()
        out = {eid: dict(info) for eid, info in data["exercises"].items()}
        for a in data["answers"]:
            out.setdefault(a["exercise_id"], {"total": None, "completed": None})
        return out

    def first(self, exercise_id: str) -> dict[str, Answer]:
        """The first answer to each item of an exercise: what a first-try score (the quiz's) counts."""
        out: dict[str, Answer] = {}
        for a in self.answers(exercise_id):
            out.setdefault(a.item, a)
        return out

    def done(self, exercise_id: str) -> bool:
        """True once the exercise was completed (every item answered) at least once."""
        return bool(self.exercises().get(exercise_id, {}).get("completed"))

    def profile(self) -> dict[str, str]:
        """The learner app's settings: {"name": ..., "lang": ...} as far as they were given."""
        return {str(k): str(v) for k, v in self._read()["profile"].items()}

    def final_attempts(self, track: str | None = None) -> list[FinalAttempt]:
        """Every final-test attempt in the order taken, optionally for one track."""
        return [a for a in map(FinalAttempt.from_dict, self._read()["final"]) if track is None or a.track == track]

    def visited(self) -> set[str]:
        """Pages (module keys) the learner has opened, for modules that have nothing to answer."""
        return set(self._read()["visited"])

    # -- writing -------------------------------------------------------------------------
    def record(
        self, exercise_id: str, item: str, answer: str, correct: bool, clauses: tuple[str, ...] | list[str] = ()
    ) -> Answer:
        """Append one answer and save at once."""
        clauses = tuple(clauses)
        rec = Answer(
            exercise_id=exercise_id,
            item=item,
            answer=answer,
            correct=bool(correct),
            clauses=clauses,
            article=article_of(clauses[0]) if clauses else None,
            time=time.time(),
        )
        with self._update() as data:
            data["answers"].append(rec.to_dict())
        return rec

    def start(self, exercise_id: str, total: int) -> None:
        """Note how many items an exercise has, so the panel can show "3 / 8"."""
        with self._update() as data:
            info = data["exercises"].setdefault(exercise_id, {"total": total, "completed": None})
            info["total"] = total

    def complete(self, exercise_id: str) -> None:
        """Mark an exercise as done (keeps the first completion time)."""
        with self._update() as data:
            info = data["exercises"].setdefault(exercise_id, {"total": None, "completed": None})
            info["completed"] = info.get("completed") or time.time()

    def set_profile(self, **values: str) -> None:
        """Save app settings such as name="Nguyễn Thị Hồng Nhung" or lang="en" (text, NFC as given)."""
        with self._update() as data:
            data["profile"].update({k: str(v) for k, v in values.items()})

    def visit(self, key: str) -> None:
        """Note that the learner opened a page (module key); kept once."""
        with self._update() as data:
            if key not in data["visited"]:
                data["visited"].append(key)

    def record_final(
        self, track: str, answers: Mapping[str, str], correct: int, total: int, passed: bool
    ) -> FinalAttempt:
        """Append one final-test attempt (every retake is kept)."""
        rec = FinalAttempt(
            track=track, answers=dict(answers), correct=correct, total=total, passed=passed, time=time.time()
        )
        with self._update() as data:
            data["final"].append(rec.to_dict())
        return rec

    @contextlib.contextmanager
    def _update(self) -> Iterator[dict[str, Any]]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with locked(self.path):
            data = self._read()
            yield data
            write_json_atomically(self.path, data)


def write_json_atomically(path: Path, data: Any) -> None:
    """Write JSON so that a crash mid-write leaves the previous file whole (temporary file, fsync, rename).

    Shared by the progress file and the assignment answer sheets (answers.json): one way to save.
    """
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def try_store(action: Callable[[], object]) -> OSError | None:
    """Run a progress-file read or write; the error, if any, is returned for the view to explain.

    Widgets must never show a traceback: an unwritable home still lets the learner answer.
    """
    try:
        action()
    except OSError as exc:
        return exc
    return None


def module_status(store: ProgressStore, modules: Sequence[Module]) -> list[ModuleStatus]:
    """The status of each module, in the order given, from one read of the progress file."""
    exercises = store.exercises()
    latest = store.latest()
    visited = store.visited()
    out = []
    for m in modules:
        ids = {pid for pid, _ in m.parts}
        mine = [a for (eid, _), a in latest.items() if eid in ids]
        if not m.parts:
            state = "done" if m.key in visited else "not_started"
        elif all(exercises.get(pid, {}).get("completed") for pid in ids):
            state = "done"
        elif mine:
            state = "in_progress"
        else:
            state = "not_started"
        out.append(ModuleStatus(m, state, sum(a.correct for a in mine), len(mine)))
    return out


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Serialise read-modify-write between processes sharing the file (POSIX; a no-op elsewhere).

    The lock is a `<name>.lock` file beside `path`, so two kernels (two tabs) writing one file queue up.
    """
    if fcntl is None:  # Windows: writes stay atomic, only concurrent appends may race
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
