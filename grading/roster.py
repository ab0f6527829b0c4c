"""Import a student roster from CSV into the gradebook, reporting every bad row.

Columns (header required, any order): `id` (required), `first_name`, `last_name`, `email`; the
names nbgrader's own `db student import` uses. Comma, semicolon (what a spreadsheet in a
Vietnamese or French locale saves) or tab separated: the header line decides. Each line is one
student and is read on its own, so an unclosed quote spoils only its own row (the csv module would
otherwise read every following line into one name). Ids are compared and stored in lower case:
`SV01` and `sv01` are one student, as they are one person at the registry.

A row is refused, with its row number and the reason, when its id is empty, unusable as an nbgrader
student id (spaces, '/', '+', '*' break the exchange's file names) or repeated, or its email is
malformed. Good rows are written through nbgrader's Gradebook API even when others are bad, so one
typo does not hold up a cohort. Reasons are message keys with parameters, worded in the
instructor's language by the caller.

The imported ids are also kept in `.conduct/roster.json`: export and report count only roster
students, and name the others.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.api import Gradebook

from conduct.i18n import t

FIELDS = ("id", "first_name", "last_name", "email")
DELIMITERS = (",", ";", "\t")
_ID = re.compile(r"^[a-z0-9][a-z0-9._@-]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ROSTER_STATE = "roster.json"


@dataclass(frozen=True)
class Student:
    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""


@dataclass(frozen=True)
class BadRow:
    """A refused line: its number in the file (header = 1) and why, as a catalogue key."""

    row: int
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str = "vi") -> str:
        return t(f"grading.roster_reason.{self.key}", lang, **self.params)

    @property
    def reason(self) -> str:
        """The reason in English (for logs and other tools); the CLI uses text(lang)."""
        return self.text("en")


class RosterError(ValueError):
    """The file as a whole cannot be read (missing, not UTF-8, no `id` column); the message says why."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(t(f"grading.roster_file.{key}", "en", **params))
        self.key, self.params = key, params

    def message(self, lang: str) -> str:
        return t(f"grading.roster_file.{self.key}", lang, **self.params)


def normalise_id(sid: str) -> str:
    """The one spelling of a student id: trimmed, lower case."""
    return sid.strip().lower()


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _split(line: str, delimiter: str) -> list[str] | None:
    """One line's fields, or None when a quote opened on it is never closed."""
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=True), [])
    except csv.Error:
        return None


def read_roster(path: str | Path) -> tuple[list[Student], list[BadRow]]:
    """The good students and the bad rows of a roster file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError("missing", path=path) from None
    except UnicodeDecodeError as exc:
        raise RosterError("not_utf8", path=path, byte=exc.start) from None
    lines = text.splitlines()
    delimiter = _delimiter(lines[0]) if lines else ","
    header = [h.strip().lower() for h in (_split(lines[0], delimiter) or [])] if lines else []
    if "id" not in header:
        raise RosterError("no_id", path=path, found=", ".join(header) or "—", fields=", ".join(FIELDS))
    good: list[Student] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue  # a blank line is not a student
        cells = _split(line, delimiter)
        if cells is None:
            bad.append(BadRow(number, "unclosed_quote"))
            continue
        if len(cells) > len(header):
            bad.append(BadRow(number, "extra_fields", {"count": len(header)}))
            continue
        row = dict(zip(header, (c.strip() for c in cells), strict=False))
        values = {k: row.get(k, "") for k in FIELDS}
        if not any(values.values()):
            continue
        sid = normalise_id(values["id"])
        values["id"] = sid
        if not sid:
            bad.append(BadRow(number, "empty_id"))
        elif not _ID.match(sid):
            bad.append(BadRow(number, "bad_id", {"id": sid}))
        elif sid in seen:
            bad.append(BadRow(number, "repeated_id", {"id": sid, "first": seen[sid]}))
        elif values["email"] and not _EMAIL.match(values["email"]):
            bad.append(BadRow(number, "bad_email", {"email": values["email"]}))
        else:
            seen[sid] = number
            good.append(Student(**values))
    return good, bad


def import_roster(db_url: str, path: str | Path, state_dir: Path | None = None) -> tuple[list[Student], list[BadRow]]:
    """Write the good rows to the gradebook (created or updated by id); return good and bad rows.

    With `state_dir` (the course's .conduct/), the roster's ids are added to roster.json there.
    """
    good, bad = read_roster(path)
    with Gradebook(db_url) as gb:
        for s in good:
            gb.update_or_create_student(
                s.id, first_name=s.first_name or None, last_name=s.last_name or None, email=s.email or None
            )
    if state_dir is not None and good:
        ids = sorted(set(roster_ids(state_dir) or ()) | {s.id for s in good})
        state_dir.mkdir(parents=True, exist_ok=True)
        tmp = state_dir / (ROSTER_STATE + ".tmp")
        tmp.write_text(json.dumps(ids, indent=0), encoding="utf-8")
        os.replace(tmp, state_dir / ROSTER_STATE)
    return good, bad


def roster_ids(state_dir: Path) -> set[str] | None:
    """The ids imported from rosters into this course, or None when no roster was ever imported."""
    try:
        data = json.loads((state_dir / ROSTER_STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return {str(x) for x in data} if isinstance(data, list) else None
