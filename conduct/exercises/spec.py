"""Exercise specs: one YAML file per exercise in the repository's `exercises/specs/`, validated on load.

The specs hold the graded items AND their keys (a post's verdict, clauses and reason; the correct
option of a question and feedback for every option). They live outside the installed `conduct`
package on purpose: learners and student kernels import `conduct`, so a key shipped inside it is
a key every learner has (issue 14). The generator (`conduct.exercises.build`) reads a specs folder
given as a path and writes the keys into the hidden tests of the source notebooks, which only the
instructor's course holds. Graded posts are written for the exercises, never drawn from the
lessons' practice bank, whose gold answers learners may read.

One spec yields one nbgrader assignment per language (`art4-vi`, `art4-en`), or several when it
has `variants` (the school pre- and post-quiz share one spec, so their items are the same by
construction). See exercises/README.md for the format with examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from conduct.datafiles import (
    PACKAGE_ROOT,
    DataError,
    bilingual,
    check_keys,
    check_nfc,
    check_version,
    require,
    require_choice,
)
from conduct.vocab import LANGS, ROLES, VERDICTS, ClauseId

KINDS = ("post", "choice", "multi", "written", "function")
SCHEMA_VERSION = 2  # 2: keys in the specs, graded posts written in them (1 drew posts from the bank)
SPEC_DIR = PACKAGE_ROOT.parent / "exercises" / "specs"  # in a checkout; never part of the installed package
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

_SPEC_KEYS = {"schema_version", "id", "title", "intro", "articles", "clause_options", "items", "variants", "langs"}
_ITEM_KEYS = {
    "post": {"kind", "id", "question", "articles", "role", "text", "verdict", "clauses", "reason", "clause_options"},
    "choice": {"kind", "id", "question", "articles", "options", "options_from", "answer", "answer_from", "topic"},
    "written": {"kind", "id", "question", "articles", "rubric", "model", "post"},
    "function": {"kind", "id", "question", "articles", "name", "doc", "solution", "groups"},
}
_ITEM_KEYS["multi"] = _ITEM_KEYS["choice"]


@dataclass(frozen=True)
class Post:
    """A graded post, written for the exercise: its text in both languages and its key."""

    role: str
    text: dict[str, str]
    verdict: str
    clauses: tuple[str, ...]
    reason: dict[str, str]


@dataclass(frozen=True)
class Item:
    """One question as written in the spec."""

    kind: str
    id: str
    question: dict[str, str] | None = None
    articles: tuple[int, ...] = ()
    # post
    post: Post | None = None
    clause_options: tuple[str, ...] = ()
    # choice / multi
    options: tuple[dict[str, Any], ...] = ()
    options_from: str | None = None
    option_clauses: tuple[str, ...] = ()
    answer: Any = None
    answer_from: dict[str, str] | None = None
    # written
    rubric: tuple[dict[str, Any], ...] = ()
    model: dict[str, str] | None = None
    shown_post: dict[str, str] | None = None  # a written item may show a post (text per language)
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
    langs: tuple[str, ...] = LANGS

    def assignments(self) -> list[tuple[str, str, str]]:
        """(assignment id, variant, lang) for every assignment this spec yields."""
        names = [name for name, _ in self.variants] or [self.id]
        return [(f"{name}-{lang}", name, lang) for name in names for lang in self.langs]

    def title_for(self, variant: str) -> dict[str, str]:
        return dict(self.variants).get(variant, self.title)


def _known_keys(file: str, data: Any, allowed: set[str], where: str) -> None:
    """Unknown keys are errors: a misspelt `verdcit:` must not silently drop a key."""
    if not isinstance(data, dict):
        raise DataError(file, where or "(root)", "expected a mapping", "use `key: value` lines")
    check_keys(file, data, allowed, where)


def _check_id(file: str, value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise DataError(file, where, f"bad id {value!r}", "use lower-case letters, digits and '-' (nbgrader grade ids)")
    return value


def _clause_list(file: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(ClauseId.is_valid(v) for v in value):
        raise DataError(file, where, "expected a list of clause ids", 'write them like ["4(5)", "4(6)"]')
    return tuple(value)


def _articles(file: str, data: dict, where: str) -> tuple[int, ...]:
    value = data.get("articles", [])
    if not isinstance(value, list) or not all(isinstance(v, int) and 1 <= v <= 9 for v in value):
        raise DataError(file, f"{where}.articles", "expected a list of article numbers 1–9", "e.g. articles: [4]")
    return tuple(value)


def _options(file: str, data: dict, where: str) -> tuple[dict[str, Any], ...]:
    """Written options: each needs its text and feedback in both languages (feedback on every option)."""
    raw = require(file, data, "options", list, where)
    out = []
    for i, opt in enumerate(raw):
        w = f"{where}.options[{i}]"
        _known_keys(file, opt, {"text", "correct", "feedback"}, w)
        out.append(
            {
                "text": bilingual(file, opt, "text", w),
                "correct": bool(opt.get("correct", False)),
                "feedback": bilingual(file, opt, "feedback", w),
            }
        )
    if len(out) < 2:
        raise DataError(file, f"{where}.options", "fewer than two options", "offer at least two")
    return tuple(out)


def _post(file: str, data: dict, where: str, options: tuple[str, ...]) -> Post:
    role = require_choice(file, require(file, data, "role", str, where), ROLES, f"{where}.role")
    verdict = require_choice(file, require(file, data, "verdict", str, where), VERDICTS, f"{where}.verdict")
    clauses = _clause_list(file, data.get("clauses", []), f"{where}.clauses")
    if (verdict == "ok") != (not clauses):
        raise DataError(
            file,
            f"{where}.clauses",
            f"verdict {verdict!r} with clauses {list(clauses)}",
            "an ok post lists no clause; a caution or violation lists the clause(s) it concerns",
        )
    missing = [c for c in clauses if c not in options]
    if missing:
        raise DataError(
            file,
            f"{where}.clauses",
            f"clauses {missing} are not among the clauses offered",
            "add them to clause_options",
        )
    return Post(
        role=role,
        text=bilingual(file, data, "text", where),
        verdict=verdict,
        clauses=clauses,
        reason=bilingual(file, data, "reason", where),
    )


def _item(file: str, data: Any, where: str, spec_clauses: tuple[str, ...]) -> Item:
    kind = require_choice(file, require(file, data, "kind", str, where), KINDS, f"{where}.kind")
    _known_keys(file, data, _ITEM_KEYS[kind], where)
    item_id = _check_id(file, require(file, data, "id", str, where), f"{where}.id")
    common: dict[str, Any] = {"kind": kind, "id": item_id, "articles": _articles(file, data, where)}
    if "question" in data:
        common["question"] = bilingual(file, data, "question", where)
    elif kind != "post":
        raise DataError(file, f"{where}.question", "missing", "write the question in vi and en")
    if kind == "post":
        options = (
            _clause_list(file, data["clause_options"], f"{where}.clause_options")
            if "clause_options" in data
            else spec_clauses
        )
        if "clause_options" in data:
            common["clause_options"] = options
        return Item(**common, post=_post(file, data, where, options))
    if kind in ("choice", "multi"):
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
                raise DataError(
                    file,
                    f"{where}.options",
                    f"{n_correct} options marked correct",
                    "mark exactly one `correct: true` (at least one for multi)",
                )
        return Item(**common)
    if kind == "written":
        rubric = []
        for i, row in enumerate(require(file, data, "rubric", list, where)):
            w = f"{where}.rubric[{i}]"
            _known_keys(file, row, {"points", "text"}, w)
            rubric.append({"points": require(file, row, "points", int, w), "text": bilingual(file, row, "text", w)})
        shown = bilingual(file, data, "post", where) if "post" in data else None
        return Item(**common, rubric=tuple(rubric), model=bilingual(file, data, "model", where), shown_post=shown)
    # function
    fn = {
        "name": require(file, data, "name", str, where),
        "doc": bilingual(file, data, "doc", where),
        "solution": require(file, data, "solution", str, where),
        "groups": [],
    }
    for i, group in enumerate(require(file, data, "groups", list, where)):
        w = f"{where}.groups[{i}]"
        _known_keys(file, group, {"id", "points", "title", "visible", "hidden"}, w)
        cases = {}
        for part in ("visible", "hidden"):
            rows = require(file, group, part, list, w)
            cases[part] = [
                (
                    require(file, r, "text", str, f"{w}.{part}"),
                    [tuple(p) for p in require(file, r, "expect", list, f"{w}.{part}")],
                )
                for r in rows
            ]
        if not cases["hidden"]:
            raise DataError(file, f"{w}.hidden", "no hidden cases", "add at least one hidden case")
        fn["groups"].append(
            {
                "id": _check_id(file, require(file, group, "id", str, w), f"{w}.id"),
                "points": require(file, group, "points", int, w),
                "title": bilingual(file, group, "title", w),
                **cases,
            }
        )
    return Item(**common, function=fn)


def read_yaml(path: Path, label: str) -> Any:
    """Parse one spec file (NFC checked), raising DataError naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(label, "", "file not found", "check the specs folder") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataError(label, "", f"not valid YAML: {exc}", "fix the syntax at the line shown") from None
    check_nfc(label, data)
    return data


def load_spec(name: str, folder: Path = SPEC_DIR) -> Spec:
    """Read and validate `<folder>/<name>.yaml`."""
    file = f"exercises/specs/{name}.yaml"
    data = read_yaml(Path(folder) / f"{name}.yaml", file)
    check_version(file, data, SCHEMA_VERSION)
    _known_keys(file, data, _SPEC_KEYS, "")
    spec_id = _check_id(file, require(file, data, "id", str), "id")
    if spec_id != name:
        raise DataError(file, "id", f"id {spec_id!r} differs from the file name", f"set id: {name}")
    variants = []
    for vname, vdata in (data.get("variants") or {}).items():
        _known_keys(file, vdata, {"title"}, f"variants.{vname}")
        variants.append(
            (_check_id(file, vname, f"variants.{vname}"), bilingual(file, vdata, "title", f"variants.{vname}"))
        )
    clause_options = _clause_list(file, data.get("clause_options", []), "clause_options")
    items = tuple(
        _item(file, d, f"items[{i}]", clause_options) for i, d in enumerate(require(file, data, "items", list))
    )
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
        clause_options=clause_options,
        items=items,
        variants=tuple(variants),
        langs=tuple(require_choice(file, lang, LANGS, "langs") for lang in data.get("langs", LANGS)),
    )


def spec_names(folder: Path = SPEC_DIR) -> list[str]:
    """Every exercise spec in `folder`, by file stem, sorted."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(
            str(folder),
            "",
            "no specs folder",
            "the exercise specs live in a checkout's exercises/specs/, not in the installed package",
        )
    return sorted(p.stem for p in folder.glob("*.yaml"))


def all_specs(folder: Path = SPEC_DIR) -> list[Spec]:
    return [load_spec(name, folder) for name in spec_names(folder)]
