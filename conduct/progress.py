"""The learner's progress file: every answer saved the moment it is given.

Learners close the browser tab or lose the kernel mid-lesson; nothing they did may be lost. So
each answer is appended to a small JSON file under the home directory (``~/.conduct/progress.json``,
overridden by the ``CONDUCT_PROGRESS`` environment variable or the ``path`` argument) and written
atomically (a temporary file in the same folder, then ``os.replace``), so a crash mid-write leaves
the previous file intact. Each write re-reads the file first, so two widgets (or two notebooks)
sharing the file add to it rather than overwrite each other's answers.

A file that cannot be read (hand-edited, truncated by a full disk) is never silently replaced:
it is moved aside to ``<name>.bak`` and a warning names both paths.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

ENV_VAR = "CONDUCT_PROGRESS"
SCHEMA_VERSION = 1
_ARTICLE_OF = re.compile(r"^\s*([0-9]+)\s*\(")


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
        return {"exercise_id": self.exercise_id, "item": self.item, "answer": self.answer,
                "correct": self.correct, "clauses": list(self.clauses), "article": self.article,
                "time": self.time}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Answer":
        return cls(exercise_id=str(d["exercise_id"]), item=str(d["item"]), answer=str(d["answer"]),
                   correct=bool(d["correct"]), clauses=tuple(d.get("clauses") or ()),
                   article=d.get("article"), time=float(d.get("time", 0.0)))


def default_path() -> Path:
    """Where progress lives: $CONDUCT_PROGRESS, else ~/.conduct/progress.json."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else Path.home() / ".conduct" / "progress.json"


def article_of(clause_id: str) -> int | None:
    """The article number of a clause id such as "4(5)"."""
    m = _ARTICLE_OF.match(clause_id or "")
    return int(m.group(1)) if m else None


def _empty() -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "answers": [], "exercises": {}}


def _valid(data: Any) -> bool:
    if not (isinstance(data, dict) and isinstance(data.get("answers"), list)
            and isinstance(data.get("exercises", {}), dict)):
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
        return data

    def _move_aside(self) -> None:
        bak = self.path.with_name(self.path.name + ".bak")
        n = 1
        while bak.exists():  # keep every earlier backup too
            bak = self.path.with_name(f"{self.path.name}.{n}.bak")
            n += 1
        os.replace(self.path, bak)
        self.moved_aside = (self.path, bak)
        warnings.warn(f"the progress file {self.path} could not be read; it was moved to {bak} "
                      "and a new one is started (open the .bak file to recover earlier answers)",
                      ProgressWarning, stacklevel=4)

    def answers(self, exercise_id: str | None = None) -> list[Answer]:
        """Every recorded answer in the order given, optionally for one exercise."""
        return [a for a in map(Answer.from_dict, self._read()["answers"])
                if exercise_id is None or a.exercise_id == exercise_id]

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

    def done(self, exercise_id: str) -> bool:
        """True once the exercise was completed (every item answered) at least once."""
        return bool(self.exercises().get(exercise_id, {}).get("completed"))

    # -- writing -------------------------------------------------------------------------
    def record(self, exercise_id: str, item: str, answer: str, correct: bool,
               clauses: tuple[str, ...] | list[str] = ()) -> Answer:
        """Append one answer and save at once."""
        clauses = tuple(clauses)
        rec = Answer(exercise_id=exercise_id, item=item, answer=answer, correct=bool(correct),
                     clauses=clauses, article=article_of(clauses[0]) if clauses else None, time=time.time())
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

    @contextlib.contextmanager
    def _update(self) -> Iterator[dict[str, Any]]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.path):
            data = self._read()
            yield data
            self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise read-modify-write between processes sharing the file (POSIX; a no-op elsewhere)."""
    try:
        import fcntl
    except ImportError:  # Windows: writes stay atomic, only concurrent appends may race
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
