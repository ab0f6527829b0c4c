"""The concern vocabulary and the clause each concern cites, read from data/concerns.yaml.

This is the one place that maps concerns to clauses: the checker, the sample bank, the
notebooks and the grading reports all ask here, so a correction to a clause is made once. It
sits beside the Code's model because it is a reading of the Code (which clause a kind of post
engages, and how serious a breach of it is), not part of the checker.

A concern's verdict is either fixed ("caution", "violation", "ok") or `by_clause_kind`: then a
finding's verdict follows the kind of the clause it cites, so a breach of a duty or a
prohibition is a violation and a departure from a recommendation a caution. `verdicts` overrides
the verdict for one role (an agency's lost account breaches the duty of Art. 6(2)).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from conduct.code import clause as code_clause
from conduct.datafiles import DataError, bilingual, check_keys, check_version, load, require, require_choice
from conduct.vocab import ROLES, VERDICTS

CONCERNS_FILE = "code/data/concerns.yaml"
BY_KIND = "by_clause_kind"
KIND_VERDICTS = {"duty": "violation", "prohibition": "violation", "recommendation": "caution"}
_KEYS = ("verdict", "verdicts", "roles", "clauses", "label")


@dataclass(frozen=True)
class Concern:
    """One concern: its usual verdict, the roles it applies to, and the clauses it cites."""

    id: str
    verdict: str
    roles: tuple[str, ...]
    clauses: dict[str, tuple[str, ...]] = field(hash=False)
    label: dict[str, str] = field(hash=False)
    verdicts: dict[str, str] = field(default_factory=dict, hash=False)  # per role, overriding `verdict`

    def applies_to(self, role: str) -> bool:
        return role in self.roles

    def clauses_for(self, role: str) -> tuple[str, ...]:
        return self.clauses.get(role, self.clauses["default"])

    def verdict_for(self, role: str, clause_id: str) -> str:
        """The verdict of a finding of this concern citing `clause_id` for an author with `role`."""
        verdict = self.verdicts.get(role, self.verdict)
        return KIND_VERDICTS[code_clause(clause_id).kind] if verdict == BY_KIND else verdict


def _check_clause(where: str, clause_id: object) -> str:
    try:
        c = code_clause(clause_id) if isinstance(clause_id, str) else None
    except (KeyError, ValueError):
        c = None
    if c is None:
        raise DataError(
            CONCERNS_FILE,
            where,
            f"{clause_id!r} is not a clause of the Code",
            'cite a clause that exists in conduct/code/data, written like "4(5)"',
        )
    return c.id


def _verdict(f: str, value: object, where: str) -> str:
    return require_choice(f, value, (*VERDICTS, BY_KIND), where)


def _concern(f: str, cid: str, spec: dict) -> Concern:
    where = f"concerns.{cid}"
    check_keys(f, spec, _KEYS, where)
    verdict = _verdict(f, require(f, spec, "verdict", str, where), f"{where}.verdict")
    roles = tuple(spec.get("roles") or ROLES)
    for r in roles:
        require_choice(f, r, ROLES, f"{where}.roles")
    raw = require(f, spec, "clauses", dict, where)
    if "default" not in raw:
        raise DataError(f, f"{where}.clauses", "no default clauses", 'add `default: ["4(6)"]`')
    clauses: dict[str, tuple[str, ...]] = {}
    for role, ids in raw.items():
        if role != "default":
            require_choice(f, role, ROLES, f"{where}.clauses")
        if not isinstance(ids, list) or not ids:
            raise DataError(f, f"{where}.clauses.{role}", "expected a non-empty list", 'write ["4(5)"]')
        clauses[role] = tuple(_check_clause(f"{where}.clauses.{role}", c) for c in ids)
    verdicts = {}
    for role, v in (spec.get("verdicts") or {}).items():
        require_choice(f, role, ROLES, f"{where}.verdicts")
        verdicts[role] = _verdict(f, v, f"{where}.verdicts.{role}")
    concern = Concern(cid, verdict, roles, clauses, bilingual(f, spec, "label", where), verdicts)
    for role in roles:
        for c in concern.clauses_for(role):
            if concern.verdicts.get(role, verdict) == BY_KIND and code_clause(c).kind not in KIND_VERDICTS:
                raise DataError(
                    f,
                    f"{where}.clauses",
                    f"clause {c} is of kind {code_clause(c).kind!r}, which has no verdict",
                    "cite a duty, prohibition or recommendation",
                )
    return concern


@functools.lru_cache(maxsize=1)
def concerns() -> dict[str, Concern]:
    """Every concern by id, in the file's order (validated on first use)."""
    f = CONCERNS_FILE
    data = load(f)
    check_keys(f, data, ("schema_version", "concerns"))
    check_version(f, data)
    return {cid: _concern(f, cid, spec) for cid, spec in require(f, data, "concerns", dict).items()}


def clauses_for(concern: str, role: str) -> tuple[str, ...]:
    """The clause ids `concern` cites when the author has `role` (e.g. personal_data → 7(5) for providers)."""
    table = concerns()
    if concern not in table:
        raise ValueError(f"unknown concern {concern!r}: use one of {', '.join(table)}")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    return table[concern].clauses_for(role)
