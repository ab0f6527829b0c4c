"""The Code's shapes: plain frozen dataclasses, built once by `load.py` and shared read-only.

Texts are `{"vi": ..., "en": ...}` dicts so that every learner-facing string carries both
languages together and a renderer simply picks one. Objects hash by id, so they can be used in
sets and as dict keys even though they hold dicts.
"""

from __future__ import annotations

from dataclasses import dataclass

Text = dict[str, str]

KINDS: tuple[str, ...] = ("aim", "scope", "duty", "recommendation", "prohibition")
# The kinds that ask something of a role (what `duties()` lists); aims and scope do not.
DUTY_KINDS: tuple[str, ...] = ("duty", "recommendation", "prohibition")
STATUSES: tuple[str, ...] = ("V", "P", "M")
# The legal status of a related instrument on the day it was last checked (laws.yaml `status`).
LEGAL_STATUSES: tuple[str, ...] = ("in_force", "replaced", "repealed")


@dataclass(frozen=True)
class Clause:
    id: str
    article: int
    number: int
    kind: str
    kinds: tuple[str, ...]
    binds: tuple[str, ...]
    text: Text
    short: Text
    status: str
    inherits: int | None = None
    # the role whose clauses of the inherited article are brought in ("individual" for 5(1))
    inherits_as: str | None = None
    laws: tuple[str, ...] = ()
    note: Text | None = None

    def __hash__(self) -> int:
        return hash(("clause", self.id))


@dataclass(frozen=True)
class Article:
    number: int
    chapter: int
    title: Text
    clauses: tuple[Clause, ...]
    status: str
    note: Text | None = None

    def __hash__(self) -> int:
        return hash(("article", self.number))


@dataclass(frozen=True)
class Chapter:
    number: int
    roman: str
    title: Text
    articles: tuple[int, ...]
    status: str

    def __hash__(self) -> int:
        return hash(("chapter", self.number))


@dataclass(frozen=True)
class Decision:
    """The instrument that issued the Code, and the fact that it carries no penalty itself."""

    number: str
    date: str
    date_text: Text
    issuer: Text
    in_force: Text
    penalty: Text
    status: str

    def __hash__(self) -> int:
        return hash(("decision", self.number))


@dataclass(frozen=True)
class LawSource:
    """Where the legal status of an instrument was checked: publisher, title, date, address."""

    publisher: str
    title: str
    date: str
    url: str | None = None


@dataclass(frozen=True)
class Law:
    """A related instrument with its legal status as checked on a given day.

    `status` is the legal status (LEGAL_STATUSES) and `verified` how much of what we say a source
    we read confirms (V/P/M), so a learner never sees a replaced law presented as current and an
    instructor can see when and where each fact was last checked.
    """

    id: str
    name: Text
    adds: Text
    related_clauses: tuple[str, ...]
    year: int
    in_force: str | None
    status: str
    checked_on: str
    verified: str
    sources: tuple[LawSource, ...]
    number: str | None = None
    issued: str | None = None
    replaced_by: tuple[str, ...] = ()
    replaced_on: str | None = None
    note: Text | None = None

    @property
    def current(self) -> bool:
        """True when the instrument was in force on the day it was checked."""
        return self.status == "in_force"

    def __hash__(self) -> int:
        return hash(("law", self.id))


@dataclass(frozen=True)
class Duty:
    """One clause as it applies to a role; `via` names the clause that brings it in (e.g. "5(1)")."""

    clause: Clause
    inherited: bool
    via: str | None = None


@dataclass(frozen=True)
class DebateItem:
    """One attributed claim in the public debate: who said it, when, and where we read it."""

    id: str
    who: Text
    when: str
    claim: Text
    source: Text
    clauses: tuple[str, ...] = ()
    laws: tuple[str, ...] = ()

    def __hash__(self) -> int:
        return hash(("debate", self.id))


@dataclass(frozen=True)
class Code:
    decision: Decision
    chapters: tuple[Chapter, ...]
    articles: tuple[Article, ...]
    laws: tuple[Law, ...]

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """Every clause, in the Code's order."""
        return tuple(c for a in self.articles for c in a.clauses)

    def __hash__(self) -> int:
        return hash(("code", self.decision.number))


class NotFound(KeyError, ValueError):
    """An article, clause or law id that does not exist.

    Both a KeyError (it is a lookup) and a ValueError (it is bad input, which the CLI reports as
    a one-line message); `str()` gives the plain message, without KeyError's quotes.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
