"""Vietnam's Code of Conduct on Social Networks (Decision 874/QĐ-BTTTT) as typed, validated data.

Everything else in the course (lessons, the checker's citations, exercises) cites the Code
through these functions, so lookups fail loudly with a message that says what does exist, and a
role's duties are computed once here, inheritance included (Art. 5(1) and 6(1) bring in Art. 4),
rather than re-derived by each caller.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from conduct.code import load as _load
from conduct.code.model import (
    DUTY_KINDS,
    KINDS,
    STATUSES,
    Article,
    Chapter,
    Clause,
    Code,
    DebateItem,
    Decision,
    Duty,
    Law,
    NotFound,
)
from conduct.code.search import search as _search
from conduct.i18n import t
from conduct.vocab import ROLES, ClauseId

__all__ = [
    "Code",
    "Article",
    "Chapter",
    "Clause",
    "Decision",
    "Law",
    "Duty",
    "DebateItem",
    "NotFound",
    "KINDS",
    "DUTY_KINDS",
    "STATUSES",
    "load_code",
    "article",
    "clause",
    "cite",
    "duties",
    "search_clauses",
    "laws",
    "law",
    "debate",
    "check_role",
]


@functools.lru_cache(maxsize=1)
def _default_code() -> Code:
    return _load.build_code()


def load_code(
    source: str | Path | Mapping[str, Any] | None = None, laws_source: str | Path | Mapping[str, Any] | None = None
) -> Code:
    """The Code, read and validated once per process; other sources are for checking edited data."""
    if source is None and laws_source is None:
        return _default_code()
    return _load.build_code(source or _load.CODE_FILE, laws_source or _load.LAWS_FILE)


@functools.lru_cache(maxsize=1)
def _clause_index() -> dict[str, Clause]:
    return {c.id: c for c in load_code().clauses}


def _article_range() -> str:
    arts = load_code().articles
    return f"the Code has Articles {arts[0].number}–{arts[-1].number}"


def article(n: int | str) -> Article:
    """Article `n` (4 or "4")."""
    if isinstance(n, bool) or not isinstance(n, (int, str)):
        raise TypeError(f"an article number is a whole number such as 4, not {type(n).__name__}")
    if isinstance(n, str):
        if not re.fullmatch(r"\s*[0-9]+\s*", n):
            raise ValueError(f"{n!r} is not an article number: {_article_range()}, e.g. article(4)")
        n = int(n)
    for a in load_code().articles:
        if a.number == n:
            return a
    raise NotFound(f"no Article {n}: {_article_range()}")


def clause(id: str) -> Clause:
    """Clause `id`, written "A(N)" as in "4(5)"."""
    if not isinstance(id, str):
        raise TypeError(f'a clause id is text such as "4(5)", not {type(id).__name__}')
    try:
        parsed = ClauseId.parse(id)
    except ValueError:
        raise ValueError(f'{id!r} is not a clause id: write article and clause as "A(N)", e.g. "4(5)"') from None
    a, n = parsed.article, parsed.number
    found = _clause_index().get(f"{a}({n})")
    if found is not None:
        return found
    try:
        art = article(a)
    except NotFound as exc:
        raise NotFound(f"no clause {a}({n}): {exc}") from None
    first, last = art.clauses[0].id, art.clauses[-1].id
    span = first if first == last else f"{first}–{last}"
    raise NotFound(f"no clause {a}({n}): Article {a} has {len(art.clauses)} clause(s), {span}")


def cite(ref: str, lang: str) -> str:
    """The one way a clause or article is cited to a learner: "4(5)" -> "Điều 4 khoản 5" / "Art. 4(5)".

    An article ("9") and the only clause of a one-clause article are cited as the article, since
    "Art. 9(1)" would suggest clauses that do not exist. Unknown ids raise, naming what exists.
    """
    if "(" in ref:
        c = clause(ref)
        if len(article(c.article).clauses) > 1:
            return t("code.cite_clause", lang, article=c.article, number=c.number)
        return t("code.cite_article", lang, article=c.article)
    return t("code.cite_article", lang, article=article(ref).number)


def check_role(role: str) -> str:
    """The role itself if it is one of conduct.ROLES, else a ValueError listing the valid ones."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    return role


@functools.cache
def _duties(role: str) -> tuple[Duty, ...]:
    code = load_code()
    direct: set[str] = set()
    via: dict[str, str] = {}
    for c in code.clauses:
        if role not in c.binds:
            continue
        if c.inherits is not None:
            for inherited in article(c.inherits).clauses:
                if c.inherits_as in inherited.binds and inherited.kind in DUTY_KINDS:
                    via.setdefault(inherited.id, c.id)
        elif c.kind in DUTY_KINDS:
            direct.add(c.id)
    return tuple(
        Duty(clause=c, inherited=False) if c.id in direct else Duty(clause=c, inherited=True, via=via[c.id])
        for c in code.clauses
        if c.id in direct or c.id in via
    )


def duties(role: str) -> list[Duty]:
    """What the Code asks of `role`, in the Code's order.

    Duty, recommendation and prohibition clauses that bind the role, plus those brought in by
    inheritance (marked `inherited`, with `via` the bringing clause, e.g. Art. 4 for an official
    via "5(1)"). The inheriting clause itself is not listed: the clauses it brings in stand for it.
    """
    return list(_duties(check_role(role)))


def search_clauses(keyword: str, lang: str | None = None) -> list[Clause]:
    """Clauses whose paraphrase or label contains every word of `keyword`, ignoring diacritics and case.

    `lang` "vi" or "en" searches one language; None searches both.
    """
    return _search(load_code().clauses, keyword, lang)


def laws() -> list[Law]:
    """The related laws that actually carry penalties or obligations, with what each adds."""
    return list(load_code().laws)


def law(id: str) -> Law:
    """One related law by id, e.g. "decree-15-2020-art-101"."""
    for item in load_code().laws:
        if item.id == id:
            return item
    raise NotFound(f"no law {id!r}: known laws are " + ", ".join(x.id for x in load_code().laws))


@functools.lru_cache(maxsize=1)
def _debate() -> tuple[DebateItem, ...]:
    return _load.build_debate(load_code())


def debate() -> list[DebateItem]:
    """The public debate as attributed facts: who said what, when, and where we read it."""
    return list(_debate())
