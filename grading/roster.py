"""Import a student roster from CSV into the gradebook, reporting every bad row.

Columns (header required, any order): `id` (required), `first_name`, `last_name`, `email`; the
names nbgrader's own `db student import` uses. A row is refused, with its row number and the
reason, when its id is empty, unusable as an nbgrader student id (spaces, '/', '+', '*' break
the exchange's file names) or repeated, or its email is malformed. Good rows are written through
nbgrader's Gradebook API even when others are bad, so one typo does not hold up a cohort.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from nbgrader.api import Gradebook

FIELDS = ("id", "first_name", "last_name", "email")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Student:
    id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""


@dataclass(frozen=True)
class BadRow:
    row: int  # the line number in the file, header = 1
    reason: str


class RosterError(ValueError):
    """The file as a whole cannot be read (missing, not CSV, no `id` column)."""


def read_roster(path: str | Path) -> tuple[list[Student], list[BadRow]]:
    """The good students and the bad rows of a roster file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RosterError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise RosterError(f"{path}: not UTF-8 (byte {exc.start}): save the roster as UTF-8 CSV") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "id" not in header:
        raise RosterError(f"{path}: the first line must be a header with an `id` column "
                          f"(found {', '.join(header) or 'nothing'}); columns: {', '.join(FIELDS)}")
    reader.fieldnames = header
    good: list[Student] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            bad.append(BadRow(line, f"more fields than the header has ({len(header)})"))
            continue
        values = {k: (row.get(k) or "").strip() for k in FIELDS}
        if not any(values.values()):
            continue  # a blank line is not a student
        sid = values["id"]
        if not sid:
            bad.append(BadRow(line, "the id is empty"))
        elif not _ID.match(sid):
            bad.append(BadRow(line, f"the id {sid!r} has characters nbgrader cannot use "
                                    "(use letters, digits, '.', '_', '-', '@'; no spaces, '/', '+' or '*')"))
        elif sid in seen:
            bad.append(BadRow(line, f"the id {sid!r} repeats row {seen[sid]}"))
        elif values["email"] and not _EMAIL.match(values["email"]):
            bad.append(BadRow(line, f"the email {values['email']!r} is not an address"))
        else:
            seen[sid] = line
            good.append(Student(**values))
    return good, bad


def import_roster(db_url: str, path: str | Path) -> tuple[list[Student], list[BadRow]]:
    """Write the good rows to the gradebook (created or updated by id); return good and bad rows."""
    good, bad = read_roster(path)
    with Gradebook(db_url) as gb:
        for s in good:
            gb.update_or_create_student(s.id, first_name=s.first_name or None,
                                        last_name=s.last_name or None, email=s.email or None)
    return good, bad
