"""Build the Code from its data files and refuse inconsistent data.

The Code is what the whole curriculum cites, so a typo in an id, a role or an inheritance target
must stop at load time with a message naming the file, the key and the fix, rather than reach a
learner as a wrong citation. Every source may be a package-relative path, a filesystem path or
already-parsed data, so tests can feed deliberately broken data without touching the real files.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from conduct.code.model import (
    KINDS,
    LEGAL_STATUSES,
    STATUSES,
    Article,
    Chapter,
    Clause,
    Code,
    DebateItem,
    Decision,
    Law,
    LawSource,
)
from conduct.datafiles import DataError, bilingual, check_keys, check_nfc, check_version, load, require, require_choice
from conduct.vocab import ROLES, ClauseId

CODE_FILE = "code/data/code.yaml"
LAWS_FILE = "code/data/laws.yaml"
DEBATE_FILE = "code/data/debate.yaml"

Source = str | Path | Mapping[str, Any]

LAW_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
WHEN = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")

_CLAUSE_KEYS = {"id", "kinds", "binds", "inherits", "status", "short", "text", "note"}
_ARTICLE_KEYS = {"number", "chapter", "title", "status", "note", "clauses"}
_LAW_KEYS = {
    "id",
    "number",
    "year",
    "issued",
    "in_force",
    "status",
    "replaced_by",
    "replaced_on",
    "checked_on",
    "verified",
    "name",
    "adds",
    "note",
    "related_clauses",
    "sources",
}
_SOURCE_KEYS = {"publisher", "title", "date", "url"}
_DEBATE_KEYS = {"id", "who", "when", "claim", "source", "clauses", "laws"}


def read(source: Source, default_name: str) -> tuple[str, Any]:
    """(file name for messages, parsed data) from a path or from data given directly."""
    if isinstance(source, Mapping):
        check_nfc(default_name, source)
        return default_name, source
    name = str(source)
    return name, load(name)


def _header(file: str, data: Any) -> None:
    check_version(file, data)


def _optional_text(file: str, mapping: dict, key: str, where: str) -> dict[str, str] | None:
    if mapping.get(key) is None:
        return None
    return bilingual(file, mapping, key, where)


def _roles(file: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise DataError(file, where, "expected a non-empty list of roles", "use some of: " + ", ".join(ROLES))
    for i, role in enumerate(value):
        require_choice(file, role, ROLES, f"{where}[{i}]")
    if len(set(value)) != len(value):
        raise DataError(file, where, "a role is listed twice", "list each role once")
    return tuple(value)


def _clause(file: str, raw: Any, article: int, position: int, seen: set[str], where: str) -> Clause:
    if not isinstance(raw, dict):
        raise DataError(file, where, "expected a mapping for the clause", 'use `- id: "4(5)"` followed by its fields')
    cid = require(file, raw, "id", str, where)
    if not ClauseId.is_valid(cid):
        raise DataError(file, f"{where}.id", f"malformed clause id {cid!r}", 'write it as "A(N)", e.g. "4(5)"')
    if cid in seen:
        raise DataError(file, f"{where}.id", f"duplicate clause id {cid!r}", "give every clause its own id")
    expected = f"{article}({position})"
    if cid != expected:
        raise DataError(
            file,
            f"{where}.id",
            f"found {cid!r} where {expected!r} belongs",
            f"clauses of Article {article} are numbered in order from {article}(1)",
        )
    seen.add(cid)
    where = f"articles[{article}].clauses[{cid}]"
    check_keys(file, raw, _CLAUSE_KEYS, where)
    kinds = require(file, raw, "kinds", list, where)
    if not kinds:
        raise DataError(file, f"{where}.kinds", "empty list", "give at least one kind: " + ", ".join(KINDS))
    for i, kind in enumerate(kinds):
        require_choice(file, kind, KINDS, f"{where}.kinds[{i}]")
    binds = _roles(file, require(file, raw, "binds", list, where), f"{where}.binds")
    inherits = inherits_as = None
    if raw.get("inherits") is not None:
        inh = require(file, raw, "inherits", dict, where)
        inherits = require(file, inh, "article", int, f"{where}.inherits")
        inherits_as = require_choice(
            file, require(file, inh, "as", str, f"{where}.inherits"), ROLES, f"{where}.inherits.as"
        )
    return Clause(
        id=cid,
        article=article,
        number=position,
        kind=kinds[0],
        kinds=tuple(kinds),
        binds=binds,
        text=bilingual(file, raw, "text", where),
        short=bilingual(file, raw, "short", where),
        status=require_choice(file, require(file, raw, "status", str, where), STATUSES, f"{where}.status"),
        inherits=inherits,
        inherits_as=inherits_as,
        note=_optional_text(file, raw, "note", where),
    )


def _article(file: str, raw: Any, position: int, seen: set[str]) -> Article:
    where = f"articles[{position - 1}]"
    if not isinstance(raw, dict):
        raise DataError(file, where, "expected a mapping for the article", "use `- number: N` followed by its fields")
    number = require(file, raw, "number", int, where)
    if number != position:
        raise DataError(
            file,
            f"{where}.number",
            f"found article {number} where article {position} belongs",
            "list the articles in order 1, 2, 3 … without gaps or repeats",
        )
    where = f"articles[{number}]"
    check_keys(file, raw, _ARTICLE_KEYS, where)
    raw_clauses = require(file, raw, "clauses", list, where)
    if not raw_clauses:
        raise DataError(file, f"{where}.clauses", "an article without clauses", "add its clauses")
    clauses = tuple(
        _clause(file, c, number, j, seen, f"{where}.clauses[{j - 1}]") for j, c in enumerate(raw_clauses, start=1)
    )
    return Article(
        number=number,
        chapter=require(file, raw, "chapter", int, where),
        title=bilingual(file, raw, "title", where),
        clauses=clauses,
        status=require_choice(file, require(file, raw, "status", str, where), STATUSES, f"{where}.status"),
        note=_optional_text(file, raw, "note", where),
    )


def _check_inheritance(file: str, articles: tuple[Article, ...]) -> None:
    numbers = {a.number for a in articles}
    for c in (c for a in articles for c in a.clauses):
        if c.inherits is None:
            continue
        where = f"articles[{c.article}].clauses[{c.id}].inherits"
        if c.inherits not in numbers or c.inherits == c.article:
            raise DataError(
                file,
                f"{where}.article",
                f"inherits from Article {c.inherits}, which is not another article of the Code",
                f"use an article number from 1 to {max(numbers)} other than {c.article}",
            )
        target = articles[c.inherits - 1]
        if not any(c.inherits_as in t.binds for t in target.clauses):
            raise DataError(
                file,
                f"{where}.as",
                f"no clause of Article {c.inherits} binds {c.inherits_as!r}",
                "name a role that the inherited article binds",
            )


def _chapters(file: str, data: dict, articles: tuple[Article, ...]) -> tuple[Chapter, ...]:
    raw = require(file, data, "chapters", list)
    chapters = []
    placed: dict[int, int] = {}
    for i, ch in enumerate(raw, start=1):
        where = f"chapters[{i - 1}]"
        number = require(file, ch, "number", int, where)
        if number != i:
            raise DataError(
                file,
                f"{where}.number",
                f"found chapter {number} where chapter {i} belongs",
                "number the chapters 1, 2, 3 in order",
            )
        arts = require(file, ch, "articles", list, where)
        for n in arts:
            if n not in range(1, len(articles) + 1) or n in placed:
                raise DataError(
                    file,
                    f"{where}.articles",
                    f"article {n!r} is unknown or already in a chapter",
                    f"list each article 1–{len(articles)} in exactly one chapter",
                )
            placed[n] = number
        chapters.append(
            Chapter(
                number=number,
                roman=require(file, ch, "roman", str, where),
                title=bilingual(file, ch, "title", where),
                articles=tuple(arts),
                status=require_choice(file, require(file, ch, "status", str, where), STATUSES, f"{where}.status"),
            )
        )
    for a in articles:
        if placed.get(a.number) != a.chapter:
            raise DataError(
                file,
                f"articles[{a.number}].chapter",
                f"Article {a.number} says chapter {a.chapter} but chapters list it under {placed.get(a.number)}",
                "make `chapter:` and the chapter's `articles:` agree",
            )
    return tuple(chapters)


def _decision(file: str, data: dict) -> Decision:
    raw = require(file, data, "decision", dict)
    date = require(file, raw, "date", str, "decision")
    if not DATE.match(date):
        raise DataError(file, "decision.date", f"not an ISO date: {date!r}", 'write it as "YYYY-MM-DD" in quotes')
    return Decision(
        number=require(file, raw, "number", str, "decision"),
        date=date,
        date_text=bilingual(file, raw, "date_text", "decision"),
        issuer=bilingual(file, raw, "issuer", "decision"),
        in_force=bilingual(file, raw, "in_force", "decision"),
        penalty=bilingual(file, raw, "penalty", "decision"),
        status=require_choice(file, require(file, raw, "status", str, "decision"), STATUSES, "decision.status"),
    )


def _ids_exist(file: str, ids: Any, known: set[str] | dict, where: str, what: str, example: str) -> tuple[str, ...]:
    if not isinstance(ids, list):
        raise DataError(file, where, "expected a list", f"write it as a list, e.g. [{example}]")
    for i, x in enumerate(ids):
        if x not in known:
            raise DataError(file, f"{where}[{i}]", f"no {what} {x!r}", f"use an existing id, e.g. {example}")
    return tuple(ids)


def _laws(file: str, data: Any, clause_ids: set[str]) -> tuple[Law, ...]:
    _header(file, data)
    raw = require(file, data, "laws", list)
    laws: list[Law] = []
    seen: set[str] = set()
    for i, law in enumerate(raw):
        where = f"laws[{i}]"
        lid = require(file, law, "id", str, where)
        if not LAW_ID.match(lid):
            raise DataError(
                file,
                f"{where}.id",
                f"malformed law id {lid!r}",
                'use lowercase words joined by "-", e.g. "decree-15-2020-art-101"',
            )
        if lid in seen:
            raise DataError(file, f"{where}.id", f"duplicate law id {lid!r}", "give every law its own id")
        seen.add(lid)
        where = f"laws[{lid}]"
        check_keys(file, law, _LAW_KEYS, where)
        dates = {key: _optional_date(file, law, key, where) for key in ("issued", "in_force", "replaced_on")}
        checked_on = _optional_date(file, law, "checked_on", where)
        if checked_on is None:
            raise DataError(
                file, f"{where}.checked_on", "missing", 'write the day the status was last checked, "YYYY-MM-DD"'
            )
        number = law.get("number")
        if number is not None and not isinstance(number, str):
            raise DataError(file, f"{where}.number", "expected text", "quote the number")
        status = require_choice(file, require(file, law, "status", str, where), LEGAL_STATUSES, f"{where}.status")
        replaced_by = law.get("replaced_by") or []
        if isinstance(replaced_by, str):
            replaced_by = [replaced_by]
        if not isinstance(replaced_by, list) or not all(isinstance(x, str) for x in replaced_by):
            raise DataError(
                file, f"{where}.replaced_by", "expected a list of law ids", "write e.g. [cybersecurity-law-2025]"
            )
        if (status == "replaced") != bool(replaced_by):
            raise DataError(
                file,
                f"{where}.replaced_by",
                f"status {status!r} with replaced_by {replaced_by!r}",
                "a replaced instrument names what replaced it, and only a replaced one does",
            )
        laws.append(
            Law(
                id=lid,
                name=bilingual(file, law, "name", where),
                adds=bilingual(file, law, "adds", where),
                related_clauses=_ids_exist(
                    file,
                    require(file, law, "related_clauses", list, where),
                    clause_ids,
                    f"{where}.related_clauses",
                    "clause",
                    '"4(6)"',
                ),
                year=require(file, law, "year", int, where),
                in_force=dates["in_force"],
                status=status,
                checked_on=checked_on,
                verified=require_choice(
                    file, require(file, law, "verified", str, where), STATUSES, f"{where}.verified"
                ),
                sources=_sources(file, law, where),
                number=number,
                issued=dates["issued"],
                replaced_by=tuple(replaced_by),
                replaced_on=dates["replaced_on"],
                note=_optional_text(file, law, "note", where),
            )
        )
    for law in laws:
        for other in law.replaced_by:
            if other not in seen or other == law.id:
                raise DataError(
                    file,
                    f"laws[{law.id}].replaced_by",
                    f"no other law {other!r} in this file",
                    "use the id of a listed law",
                )
    return tuple(laws)


def _optional_date(file: str, mapping: dict, key: str, where: str) -> str | None:
    value = mapping.get(key)
    if value is not None and not (isinstance(value, str) and DATE.match(value)):
        raise DataError(
            file, f"{where}.{key}", f"not an ISO date: {value!r}", 'write "YYYY-MM-DD" in quotes, or null if unknown'
        )
    return value


def _sources(file: str, law: dict, where: str) -> tuple[LawSource, ...]:
    raw = require(file, law, "sources", list, where)
    if not raw:
        raise DataError(
            file, f"{where}.sources", "no source", "name where the status was checked: publisher, title, date"
        )
    out = []
    for i, src in enumerate(raw):
        w = f"{where}.sources[{i}]"
        if not isinstance(src, dict):
            raise DataError(file, w, "expected a mapping", "write {publisher: ..., title: ..., date: ..., url: ...}")
        check_keys(file, src, _SOURCE_KEYS, w)
        date = require(file, src, "date", str, w)
        if not WHEN.match(date):
            raise DataError(
                file, f"{w}.date", f"not a date: {date!r}", 'write "YYYY", "YYYY-MM" or "YYYY-MM-DD" in quotes'
            )
        url = src.get("url")
        if url is not None and not (isinstance(url, str) and url.startswith(("http://", "https://"))):
            raise DataError(
                file, f"{w}.url", f"not a web address: {url!r}", "give the full http(s) address, or leave it out"
            )
        out.append(
            LawSource(
                publisher=require(file, src, "publisher", str, w),
                title=require(file, src, "title", str, w),
                date=date,
                url=url,
            )
        )
    return tuple(out)


def build_code(code_source: Source = CODE_FILE, laws_source: Source = LAWS_FILE) -> Code:
    """Read, validate and cross-link the Code and its related laws."""
    file, data = read(code_source, "<code data>")
    _header(file, data)
    raw_articles = require(file, data, "articles", list)
    seen: set[str] = set()
    articles = tuple(_article(file, a, i, seen) for i, a in enumerate(raw_articles, start=1))
    if not articles:
        raise DataError(file, "articles", "no articles", "add the articles of the Code")
    _check_inheritance(file, articles)
    chapters = _chapters(file, data, articles)
    decision = _decision(file, data)

    laws_file, laws_data = read(laws_source, "<laws data>")
    laws = _laws(laws_file, laws_data, seen)
    by_clause: dict[str, list[str]] = {}
    for law in laws:
        if not law.current:  # a clause points learners only at what applies today
            continue
        for cid in law.related_clauses:
            by_clause.setdefault(cid, []).append(law.id)
    articles = tuple(
        dataclasses.replace(
            a, clauses=tuple(dataclasses.replace(c, laws=tuple(by_clause.get(c.id, ()))) for c in a.clauses)
        )
        for a in articles
    )
    return Code(decision=decision, chapters=chapters, articles=articles, laws=laws)


def build_debate(code: Code, source: Source = DEBATE_FILE) -> tuple[DebateItem, ...]:
    """Read and validate the attributed facts of the public debate around the Code."""
    file, data = read(source, "<debate data>")
    _header(file, data)
    clause_ids = {c.id for c in code.clauses}
    law_ids = {law.id for law in code.laws}
    items: list[DebateItem] = []
    seen: set[str] = set()
    for i, raw in enumerate(require(file, data, "debate", list)):
        where = f"debate[{i}]"
        did = require(file, raw, "id", str, where)
        if did in seen:
            raise DataError(file, f"{where}.id", f"duplicate id {did!r}", "give every item its own id")
        seen.add(did)
        where = f"debate[{did}]"
        check_keys(file, raw, _DEBATE_KEYS, where)
        when = require(file, raw, "when", str, where)
        if not WHEN.match(when):
            raise DataError(
                file, f"{where}.when", f"not a date: {when!r}", 'write "YYYY", "YYYY-MM" or "YYYY-MM-DD" in quotes'
            )
        items.append(
            DebateItem(
                id=did,
                who=bilingual(file, raw, "who", where),
                when=when,
                claim=bilingual(file, raw, "claim", where),
                source=bilingual(file, raw, "source", where),
                clauses=_ids_exist(file, raw.get("clauses", []), clause_ids, f"{where}.clauses", "clause", '"4(6)"'),
                laws=_ids_exist(
                    file, raw.get("laws", []), law_ids, f"{where}.laws", "law", '"penal-code-2015-art-331"'
                ),
            )
        )
    return tuple(items)
