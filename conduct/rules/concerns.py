"""The concern vocabulary and the clause each concern cites, read from data/concerns.yaml.

This is the one place that maps concerns to clauses: the checker, the sample bank, the
notebooks and the grading reports all ask here, so a correction to a clause is made once.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from conduct.vocab import ROLES, VERDICTS
from conduct.datafiles import DataError, bilingual, load, require, require_choice

CONCERNS_FILE = "rules/data/concerns.yaml"
_CLAUSE_ID = re.compile(r"^[1-9]\([1-9]\)$")


@dataclass(frozen=True)
class Concern:
    """One concern: its usual verdict, the roles it applies to, and the clauses it cites."""

    id: str
    verdict: str
    roles: tuple[str, ...]
    clauses: dict[str, tuple[str, ...]] = field(hash=False)
    label: dict[str, str] = field(hash=False)

    def applies_to(self, role: str) -> bool:
        return role in self.roles

    def clauses_for(self, role: str) -> tuple[str, ...]:
        return self.clauses.get(role, self.clauses["default"])


def _check_clause(where: str, clause_id: str) -> None:
    if not isinstance(clause_id, str) or not _CLAUSE_ID.match(clause_id):
        raise DataError(CONCERNS_FILE, where, f"{clause_id!r} is not a clause id", 'write it like "4(5)"')
    try:
        from conduct.code import clause
    except ImportError:  # the Code's module is optional for the checker
        return
    try:
        clause(clause_id)
    except KeyError:
        raise DataError(CONCERNS_FILE, where, f"no clause {clause_id} in the Code",
                        "cite a clause that exists in conduct/code/data") from None


@functools.lru_cache(maxsize=1)
def concerns() -> dict[str, Concern]:
    """Every concern by id, in the file's order (validated on first use)."""
    f = CONCERNS_FILE
    data = load(f)
    if require(f, data, "schema_version", int) != 1:
        raise DataError(f, "schema_version", "unsupported version", "use schema_version: 1")
    out: dict[str, Concern] = {}
    for cid, spec in require(f, data, "concerns", dict).items():
        where = f"concerns.{cid}"
        verdict = require_choice(f, require(f, spec, "verdict", str, where), VERDICTS, f"{where}.verdict")
        roles = tuple(spec.get("roles") or ROLES)
        for r in roles:
            require_choice(f, r, ROLES, f"{where}.roles")
        raw = require(f, spec, "clauses", dict, where)
        if "default" not in raw:
            raise DataError(f, f"{where}.clauses", "no default clauses", "add `default: [\"4(6)\"]`")
        clauses: dict[str, tuple[str, ...]] = {}
        for role, ids in raw.items():
            if role != "default":
                require_choice(f, role, ROLES, f"{where}.clauses")
            if not isinstance(ids, list) or not ids:
                raise DataError(f, f"{where}.clauses.{role}", "expected a non-empty list", 'write ["4(5)"]')
            for c in ids:
                _check_clause(f"{where}.clauses.{role}", c)
            clauses[role] = tuple(ids)
        out[cid] = Concern(cid, verdict, roles, clauses, bilingual(f, spec, "label", where))
    return out


def clauses_for(concern: str, role: str) -> tuple[str, ...]:
    """The clause ids `concern` cites when the author has `role` (e.g. personal_data → 7(5) for providers)."""
    table = concerns()
    if concern not in table:
        raise ValueError(f"unknown concern {concern!r}: use one of {', '.join(table)}")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    return table[concern].clauses_for(role)
