"""The sample post bank: curated posts, each with its gold answer and the reason for it.

The bank is the teaching material for the notebooks and exercises and the yardstick the
checker is measured against, so a post that contradicts itself (an `ok` post carrying a
violation concern, a concern cited under the wrong clause for its author's role, a missing
explanation) must never load: every file in `bank/data/` is validated here and any problem
raises `DataError` naming the file, the post and what to change.

`clauses` are the clauses the gold explanation rests on. For a `caution` or `violation` post
they include, for each concern, at least one clause that conduct.code.concerns maps that
concern to for the author's role; they may add general clauses (e.g. 3(1), 4(1), 5(1)).
For an `ok` post they name the clause the post respects or that a careless reader would wrongly
cite (a scam warning is not itself a 4(6) offence); they may be empty for everyday chatter.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conduct.code import clause
from conduct.code.concerns import concerns
from conduct.datafiles import (
    PACKAGE_ROOT,
    DataError,
    bilingual,
    check_keys,
    files,
    load_versioned,
    require,
    require_choice,
)
from conduct.vocab import AUDIENCES, LANGS, ROLES, VERDICTS, has_vietnamese_letters

DATA_DIR = "bank/data"

DIFFICULTIES: tuple[int, ...] = (1, 2, 3)
TOPICS: tuple[str, ...] = (
    "personal_data",
    "kind_words",
    "false_information",
    "account_security",
    "trusted_adult",
    "official_duty",
    "agency_duty",
    "provider_duty",
    "positive",
    "illegal_trade",
)

# Optional labels a post may carry, for lessons and tests that need a particular kind of example:
# lawful_criticism: sharp but lawful criticism of an authority, an official or a policy (graded ok);
# criticism_near_miss: the same subject where criticism turns into insult, slur or fabrication.
TAGS: tuple[str, ...] = ("lawful_criticism", "criticism_near_miss")

# Letters only Vietnamese uses: a Vietnamese explanation without any of them has lost its diacritics.


@dataclass(frozen=True)
class Post:
    """One sample post and its gold answer."""

    id: str
    lang: str
    text: str
    role: str
    audience: str
    difficulty: int
    verdict: str
    concerns: tuple[str, ...]
    clauses: tuple[str, ...]
    explanation: dict[str, str] = field(hash=False)
    trap: bool
    topic: str
    tags: tuple[str, ...] = ()


def _clause_exists(clause_id: str) -> bool:
    """The Code is the authority on which clauses exist (conduct.code)."""
    try:
        clause(clause_id)
    except KeyError:
        return False
    return True


def _concerns():
    """The concern vocabulary, from the one place that maps concerns to roles and clauses."""
    return concerns()


def _str_list(file: str, raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = require(file, raw, key, list, where)
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise DataError(
                file,
                f"{where}.{key}[{i}]",
                f"expected text, found {type(item).__name__}",
                'quote each entry, e.g. "4(5)"',
            )
    if len(set(value)) != len(value):
        raise DataError(file, f"{where}.{key}", "an entry is repeated", "list each entry once")
    return tuple(value)


_POST_KEYS = frozenset(
    {
        "id",
        "lang",
        "text",
        "role",
        "audience",
        "difficulty",
        "verdict",
        "concerns",
        "clauses",
        "explanation",
        "trap",
        "topic",
        "tags",
    }
)


def _parse_post(file: str, raw: Any, index: int) -> Post:
    where = f"posts[{index}]"
    pid = require(file, raw, "id", str, where)
    where = f"posts[{index}] ({pid})"
    check_keys(file, raw, _POST_KEYS, where)
    lang = require_choice(file, require(file, raw, "lang", str, where), LANGS, f"{where}.lang")
    text = require(file, raw, "text", str, where)
    if not text.strip():
        raise DataError(file, f"{where}.text", "empty text", "write the post's text")
    role = require_choice(file, require(file, raw, "role", str, where), ROLES, f"{where}.role")
    audience = require_choice(file, require(file, raw, "audience", str, where), AUDIENCES, f"{where}.audience")
    difficulty = require(file, raw, "difficulty", int, where)
    if isinstance(difficulty, bool) or difficulty not in DIFFICULTIES:
        raise DataError(file, f"{where}.difficulty", f"unknown value {difficulty!r}", "use 1, 2 or 3")
    verdict = require_choice(file, require(file, raw, "verdict", str, where), VERDICTS, f"{where}.verdict")
    concerns = _str_list(file, raw, "concerns", where)
    clauses = _str_list(file, raw, "clauses", where)
    explanation = bilingual(file, raw, "explanation", where)
    trap = require(file, raw, "trap", bool, where)
    topic = require_choice(file, require(file, raw, "topic", str, where), TOPICS, f"{where}.topic")
    tags = _str_list(file, raw, "tags", where) if "tags" in raw else ()
    for tag in tags:
        require_choice(file, tag, TAGS, f"{where}.tags")
    post = Post(pid, lang, text, role, audience, difficulty, verdict, concerns, clauses, explanation, trap, topic, tags)
    _check_consistency(file, where, post)
    return post


def _check_consistency(file: str, where: str, p: Post) -> None:
    """The gold answer must agree with itself and with the concern vocabulary."""
    table = _concerns()
    for c in p.concerns:
        require_choice(file, c, table, f"{where}.concerns")
        roles = table[c].roles
        if p.role not in roles:
            raise DataError(
                file,
                f"{where}.concerns",
                f"{c!r} applies only to role {', '.join(roles)}, not {p.role!r}",
                "change the role or the concern",
            )
    for cl in p.clauses:
        if not _clause_exists(cl):
            raise DataError(
                file,
                f"{where}.clauses",
                f"no clause {cl!r} in the Code",
                'use an id like "4(5)" that exists in the Code',
            )
    if p.verdict == "ok":
        extra = sorted(set(p.concerns) - {"positive"})
        if extra:
            raise DataError(
                file,
                f"{where}.concerns",
                f"an ok post cannot carry {', '.join(extra)}",
                "remove them, or make the verdict caution or violation",
            )
    else:
        if not p.concerns or "positive" in p.concerns:
            raise DataError(
                file,
                f"{where}.concerns",
                f"a {p.verdict} post needs at least one concern and not 'positive'",
                "name the concern(s) that make it a " + p.verdict,
            )
    if "lawful_criticism" in p.tags and p.verdict != "ok":
        raise DataError(
            file,
            f"{where}.tags",
            "a lawful_criticism post is graded ok",
            "make the verdict ok, or tag it criticism_near_miss",
        )
    if "criticism_near_miss" in p.tags and p.verdict == "ok":
        raise DataError(
            file,
            f"{where}.tags",
            "a criticism_near_miss post crosses a line, so it is not ok",
            "grade it caution or violation, or tag it lawful_criticism",
        )
    if p.trap and p.verdict != "ok":
        raise DataError(
            file, f"{where}.trap", "only an ok post can be a trap", "set trap: false, or make the verdict ok"
        )
    for c in p.concerns:
        expected = table[c].clauses_for(p.role)
        if not set(expected) & set(p.clauses):
            raise DataError(
                file,
                f"{where}.clauses",
                f"concern {c!r} for role {p.role!r} cites {' or '.join(expected)}, none of which is listed",
                f'add "{expected[0]}"',
            )
    if not has_vietnamese_letters(p.explanation["vi"]):
        raise DataError(
            file,
            f"{where}.explanation.vi",
            "the Vietnamese explanation has no diacritics",
            "write it with full Vietnamese diacritics",
        )


def _parse_file(file: str) -> list[Post]:
    data = load_versioned(file)
    check_keys(file, data, {"schema_version", "posts"})
    raw_posts = require(file, data, "posts", list)
    return [_parse_post(file, raw, i) for i, raw in enumerate(raw_posts)]


def read_folder(folder: str | Path) -> tuple[Post, ...]:
    """Read and validate every *.yaml file in a folder, with ids unique across the files.

    The bank itself is `bank/data` (relative to the package); an absolute path lets a content
    editor or a test check a draft folder with exactly the same rules.
    """
    if not (PACKAGE_ROOT / folder).is_dir():
        raise DataError(str(folder), "", "folder not found", "give the folder that holds the post files")
    posts: list[Post] = []
    seen: dict[str, str] = {}
    for file in files(str(folder)):
        for p in _parse_file(file):
            if p.id in seen:
                raise DataError(
                    file, f"posts ({p.id})", f"id already used in {seen[p.id]}", "give every post a unique id"
                )
            seen[p.id] = file
            posts.append(p)
    return tuple(posts)


@functools.lru_cache(maxsize=1)
def _all_posts() -> tuple[Post, ...]:
    return read_folder(DATA_DIR)


@functools.lru_cache(maxsize=1)
def _by_id() -> dict[str, Post]:
    return {p.id: p for p in _all_posts()}


def load_posts(*, audience: str | None = None, lang: str | None = None, concern: str | None = None) -> tuple[Post, ...]:
    """Every post in the bank, in file order, optionally filtered (filters combine)."""
    if audience is not None and audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r}: use one of {', '.join(AUDIENCES)}")
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    if concern is not None and concern not in _concerns():
        raise ValueError(f"unknown concern {concern!r}: use one of {', '.join(_concerns())}")
    return tuple(
        p
        for p in _all_posts()
        if (audience is None or p.audience == audience)
        and (lang is None or p.lang == lang)
        and (concern is None or concern in p.concerns)
    )


def post(id: str) -> Post:
    """One post by its id (e.g. "vi-a-001")."""
    if not isinstance(id, str):
        raise TypeError(f"a post id is text like 'vi-a-001', not {type(id).__name__}")
    try:
        return _by_id()[id]
    except KeyError:
        raise KeyError(
            f"no post {id!r} in the bank: ids look like 'vi-a-001'; see conduct.load_posts() for the list"
        ) from None


__all__ = ["Post", "load_posts", "post", "read_folder", "AUDIENCES", "TOPICS", "TAGS", "DataError"]
