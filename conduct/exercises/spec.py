"""Exercise specs: one YAML file per exercise in conduct/exercises/data/, validated on load.

A spec says what to ask, never the answer to a post: post items name a bank post (or a filter that
picks one) and the gold verdict and clauses come from the bank when the notebooks are built. One
spec yields one nbgrader assignment per language (`art4-vi`, `art4-en`), or several when it has
`variants` (the school pre- and post-quiz share one spec, so their items are the same by
construction). See exercises/README.md for the format with examples.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from conduct.datafiles import DataError, bilingual, files, load, load_versioned, require, require_choice

from conduct.vocab import LANGS
KINDS = ("post", "choice", "multi", "written", "quiz", "function")
OPTION_SOURCES = ("roles", "verdicts", "clauses")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CLAUSE_ID = re.compile(r"^\d\(\d\)$")


@dataclass(frozen=True)
class Item:
    """One question as written in the spec (post items are resolved against the bank at build time)."""

    kind: str
    id: str
    question: dict[str, str] | None = None
    articles: tuple[int, ...] = ()
    # post: explicit ids per language, or a filter for conduct.bank.load_posts
    post: dict[str, str] | None = None
    select: dict[str, Any] | None = None
    clause_options: tuple[str, ...] = ()
    # choice / multi
    options: tuple[dict[str, Any], ...] = ()
    options_from: str | None = None
    option_clauses: tuple[str, ...] = ()
    answer: Any = None
    answer_from: dict[str, str] | None = None
    # quiz: a file of widget-format quiz items, expanded into choice items
    file: str | None = None
    # written
    rubric: tuple[dict[str, Any], ...] = ()
    model: dict[str, str] | None = None
    # function
    function: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Spec:
    id: str
    file: str
    title: dict[str, str]
    intro: dict[str, str]
    articles: tuple[int, ...]
    clause_options: tuple[str, ...]
    items: tuple[Item, ...]
    variants: tuple[tuple[str, dict[str, str]], ...]  # (name, title) pairs; empty = just `id`
    langs: tuple[str, ...] = LANGS  # narrowed only while the bank lacks one language's posts

    def assignments(self) -> list[tuple[str, str, str]]:
        """(assignment id, variant, lang) for every assignment this spec yields."""
        names = [name for name, _ in self.variants] or [self.id]
        return [(f"{name}-{lang}", name, lang) for name in names for lang in self.langs]

    def title_for(self, variant: str) -> dict[str, str]:
        return dict(self.variants).get(variant, self.title)


def _check_id(file: str, value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise DataError(file, where, f"bad id {value!r}", "use lower-case letters, digits and '-' (nbgrader grade ids)")
    return value


def _clause_list(file: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and _CLAUSE_ID.match(v) for v in value):
        raise DataError(file, where, "expected a list of clause ids", 'write them like ["4(5)", "4(6)"]')
    return tuple(value)


def _articles(file: str, data: dict, where: str) -> tuple[int, ...]:
    value = data.get("articles", [])
    if not isinstance(value, list) or not all(isinstance(v, int) and 1 <= v <= 9 for v in value):
        raise DataError(file, f"{where}.articles", "expected a list of article numbers 1–9", "e.g. articles: [4]")
    return tuple(value)


def _options(file: str, data: dict, where: str) -> tuple[dict[str, Any], ...]:
    raw = require(file, data, "options", list, where)
    out = []
    for i, opt in enumerate(raw):
        w = f"{where}.options[{i}]"
        entry = {"text": bilingual(file, opt, "text", w), "correct": bool(opt.get("correct", False))}
        if "feedback" in opt:
            entry["feedback"] = bilingual(file, opt, "feedback", w)
        out.append(entry)
    if len(out) < 2:
        raise DataError(file, f"{where}.options", "fewer than two options", "offer at least two")
    return tuple(out)


def _item(file: str, data: Any, where: str) -> Item:
    kind = require_choice(file, require(file, data, "kind", str, where), KINDS, f"{where}.kind")
    if kind == "quiz":
        return Item(kind=kind, id="quiz", file=require(file, data, "file", str, where))
    item_id = _check_id(file, require(file, data, "id", str, where), f"{where}.id")
    common: dict[str, Any] = {"kind": kind, "id": item_id, "articles": _articles(file, data, where)}
    if "question" in data:
        common["question"] = bilingual(file, data, "question", where)
    if kind == "post":
        if "post" in data:
            ids = require(file, data, "post", dict, where)
            common["post"] = {lang: require(file, ids, lang, str, f"{where}.post") for lang in LANGS}
        else:
            common["select"] = require(file, data, "select", dict, where)
        if "clause_options" in data:
            common["clause_options"] = _clause_list(file, data["clause_options"], f"{where}.clause_options")
        return Item(**common)
    if kind in ("choice", "multi"):
        if "question" not in data:
            raise DataError(file, f"{where}.question", "missing", "write the question in vi and en")
        if "options_from" in data:
            source = data["options_from"]
            if isinstance(source, dict) and "clauses" in source:
                common["options_from"] = "clauses"
                common["option_clauses"] = _clause_list(file, source["clauses"], f"{where}.options_from.clauses")
            else:
                common["options_from"] = require_choice(file, source, ("roles", "verdicts"), f"{where}.options_from")
            if "answer_from" in data:
                common["answer_from"] = require(file, data, "answer_from", dict, where)
            else:
                common["answer"] = require(file, data, "answer", (str, list), where)
        else:
            common["options"] = _options(file, data, where)
            n_correct = sum(o["correct"] for o in common["options"])
            if n_correct < 1 or (kind == "choice" and n_correct != 1):
                raise DataError(file, f"{where}.options", f"{n_correct} options marked correct",
                                "mark exactly one `correct: true` (at least one for multi)")
        return Item(**common)
    if kind == "written":
        if "question" not in data:
            raise DataError(file, f"{where}.question", "missing", "write the question in vi and en")
        rubric = []
        for i, row in enumerate(require(file, data, "rubric", list, where)):
            w = f"{where}.rubric[{i}]"
            rubric.append({"points": require(file, row, "points", int, w), "text": bilingual(file, row, "text", w)})
        if "post" in data:
            ids = require(file, data, "post", dict, where)
            common["post"] = {lang: require(file, ids, lang, str, f"{where}.post") for lang in LANGS}
        return Item(**common, rubric=tuple(rubric), model=bilingual(file, data, "model", where))
    # function
    fn = {
        "name": require(file, data, "name", str, where),
        "doc": bilingual(file, data, "doc", where),
        "solution": require(file, data, "solution", str, where),
        "groups": [],
    }
    for i, group in enumerate(require(file, data, "groups", list, where)):
        w = f"{where}.groups[{i}]"
        cases = {}
        for part in ("visible", "hidden"):
            rows = require(file, group, part, list, w)
            cases[part] = [(require(file, r, "text", str, f"{w}.{part}"),
                            [tuple(p) for p in require(file, r, "expect", list, f"{w}.{part}")]) for r in rows]
        if not cases["hidden"]:
            raise DataError(file, f"{w}.hidden", "no hidden cases", "add at least one hidden case")
        fn["groups"].append({"id": _check_id(file, require(file, group, "id", str, w), f"{w}.id"),
                             "points": require(file, group, "points", int, w),
                             "title": bilingual(file, group, "title", w), **cases})
    return Item(**common, function=fn)


def load_spec(name: str) -> Spec:
    """Read and validate conduct/exercises/data/<name>.yaml."""
    file = f"exercises/data/{name}.yaml"
    data = load_versioned(file)
    spec_id = _check_id(file, require(file, data, "id", str), "id")
    if spec_id != name:
        raise DataError(file, "id", f"id {spec_id!r} differs from the file name", f"set id: {name}")
    variants = []
    for vname, vdata in (data.get("variants") or {}).items():
        variants.append((_check_id(file, vname, f"variants.{vname}"), bilingual(file, vdata, "title", f"variants.{vname}")))
    items = tuple(_item(file, d, f"items[{i}]") for i, d in enumerate(require(file, data, "items", list)))
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise DataError(file, "items", f"duplicate item id {item.id!r}", "give every item its own id")
        seen.add(item.id)
    return Spec(
        id=spec_id,
        file=file,
        title=bilingual(file, data, "title"),
        intro=bilingual(file, data, "intro"),
        articles=_articles(file, data, ""),
        clause_options=_clause_list(file, data.get("clause_options", []), "clause_options"),
        items=items,
        variants=tuple(variants),
        langs=tuple(require_choice(file, lang, LANGS, "langs") for lang in data.get("langs", LANGS)),
    )


def spec_names() -> list[str]:
    """Every exercise spec, by file stem, sorted."""
    return [path.rsplit("/", 1)[1][: -len(".yaml")] for path in files("exercises/data")]


def all_specs() -> list[Spec]:
    return [load_spec(name) for name in spec_names()]
