"""The final test of each track (the adult course, and each school age band): items as data, and scoring.

A learner who has worked through the lessons sits a final test of items they have not seen (no item
is a lesson question or a bank post: tests/widgets/test_final_test.py checks it), with a pass mark
set in the data (70 % by default). Scoring is pure (`score`), so the widget, the certificate and the
hub can all count the same way; every attempt is saved in the learner's progress file.

Data file schema (`final/data/<track>.yaml`, unknown keys are errors):

    schema_version: 1
    track: adults                 # adults | minors_11_14 | minors_15_18 (an audience of the lessons)
    title: {vi, en}
    pass_mark: 70                 # optional, percent
    items:
      - id: fa-01                 # unique in the file
        question: {vi, en}        # optional when `post` is given
        post: {vi, en}            # optional: a post to judge, shown as a card by `role`
        role: individual          # with `post`
        options: verdicts         # the three verdict words, or a list [{id, text: {vi, en}}]
        answer: caution           # a verdict, or an option id
        clauses: ["4(4)"]         # the clauses the answer rests on (may be empty)
        reason: {vi, en}          # why; shown when the learner reviews a mistake
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from conduct.code import clause
from conduct.datafiles import DataError, bilingual, check_keys, files, load, require, require_choice
from conduct.vocab import AUDIENCES, ROLES, VERDICTS

DATA_DIR = "final/data"
TRACKS: tuple[str, ...] = AUDIENCES  # one final test per audience: the course, each school band
DEFAULT_PASS_MARK = 70
VERDICT_OPTIONS = "verdicts"
_FILE_KEYS = {"schema_version", "track", "title", "pass_mark", "items"}
_ITEM_KEYS = {"id", "question", "post", "role", "options", "answer", "clauses", "reason"}


@dataclass(frozen=True)
class Option:
    id: str
    text: Mapping[str, str] | None  # None for a verdict option: its words come from the catalogue


@dataclass(frozen=True)
class Item:
    id: str
    question: Mapping[str, str] | None
    post: Mapping[str, str] | None
    role: str | None
    options: tuple[Option, ...]
    answer: str
    clauses: tuple[str, ...]
    reason: Mapping[str, str]

    @property
    def verdict_item(self) -> bool:
        return all(o.text is None for o in self.options)


@dataclass(frozen=True)
class FinalTest:
    track: str
    title: Mapping[str, str]
    pass_mark: int
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Result:
    """One scored attempt: right and wrong item ids in test order, and whether it reached the pass mark."""

    test: FinalTest
    answers: Mapping[str, str]
    right: tuple[str, ...]
    wrong: tuple[str, ...]

    @property
    def correct(self) -> int:
        return len(self.right)

    @property
    def total(self) -> int:
        return len(self.test.items)

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0

    @property
    def passed(self) -> bool:
        return 100 * self.correct >= self.test.pass_mark * self.total


def _parse_item(file: str, raw: Any, index: int) -> Item:
    where = f"items[{index}]"
    iid = require(file, raw, "id", str, where)
    where = f"items[{index}] ({iid})"
    check_keys(file, raw, _ITEM_KEYS, where)
    question = bilingual(file, raw, "question", where) if "question" in raw else None
    post = bilingual(file, raw, "post", where) if "post" in raw else None
    if question is None and post is None:
        raise DataError(file, where, "neither `question` nor `post`", "add the question or the post to judge")
    role = require_choice(file, require(file, raw, "role", str, where), ROLES, f"{where}.role") if post else None
    raw_options = raw.get("options")
    if raw_options == VERDICT_OPTIONS:
        options = tuple(Option(v, None) for v in VERDICTS)
    elif isinstance(raw_options, list) and len(raw_options) >= 2:
        opts = []
        for j, o in enumerate(raw_options):
            ow = f"{where}.options[{j}]"
            check_keys(file, o if isinstance(o, dict) else {}, {"id", "text"}, ow)
            opts.append(Option(require(file, o, "id", str, ow), bilingual(file, o, "text", ow)))
        if len({o.id for o in opts}) != len(opts):
            raise DataError(file, f"{where}.options", "an option id is repeated", "give each option its own id")
        options = tuple(opts)
    else:
        raise DataError(
            file,
            f"{where}.options",
            "expected `verdicts` or a list of two or more options",
            "write `options: verdicts` or `options: [{id: a, text: {vi, en}}, …]`",
        )
    answer = require_choice(file, require(file, raw, "answer", str, where), [o.id for o in options], f"{where}.answer")
    clauses = require(file, raw, "clauses", list, where)
    for i, cid in enumerate(clauses):
        try:
            clause(cid)
        except (KeyError, TypeError):
            raise DataError(
                file, f"{where}.clauses[{i}]", f"no clause {cid!r} in the Code", 'write it like "4(5)"'
            ) from None
    return Item(iid, question, post, role, options, answer, tuple(clauses), bilingual(file, raw, "reason", where))


def parse(file: str, data: Any) -> FinalTest:
    """Validate one final test's data; raise DataError naming the key and the fix."""
    check_keys(file, data if isinstance(data, dict) else {}, _FILE_KEYS, "")
    if require(file, data, "schema_version", int) != 1:
        raise DataError(file, "schema_version", "unsupported version", "use `schema_version: 1`")
    track = require_choice(file, require(file, data, "track", str), TRACKS, "track")
    pass_mark = data.get("pass_mark", DEFAULT_PASS_MARK)
    if isinstance(pass_mark, bool) or not isinstance(pass_mark, int) or not 1 <= pass_mark <= 100:
        raise DataError(file, "pass_mark", f"bad pass mark {pass_mark!r}", "give a whole percent from 1 to 100")
    raw_items = require(file, data, "items", list)
    if not raw_items:
        raise DataError(file, "items", "no items", "add at least one item")
    items = tuple(_parse_item(file, raw, i) for i, raw in enumerate(raw_items))
    ids = [it.id for it in items]
    dup = next((i for i in ids if ids.count(i) > 1), None)
    if dup:
        raise DataError(file, f"items ({dup})", "item id used twice", "give each item its own id")
    return FinalTest(track, bilingual(file, data, "title"), pass_mark, items)


@functools.cache
def final_tests() -> dict[str, FinalTest]:
    """Every final test by track, validated on first use."""
    out: dict[str, FinalTest] = {}
    for f in files(DATA_DIR):
        test = parse(f, load(f))
        if test.track in out:
            raise DataError(f, "track", f"a second final test for {test.track!r}", "one file per track")
        out[test.track] = test
    return out


def final_test(track: str) -> FinalTest:
    tests = final_tests()
    if track not in tests:
        raise KeyError(f"no final test for {track!r}: known tracks are {', '.join(tests)}")
    return tests[track]


def score(test: FinalTest, answers: Mapping[str, str]) -> Result:
    """Score `answers` {item id: option id}; an unanswered item counts as wrong."""
    right = tuple(it.id for it in test.items if answers.get(it.id) == it.answer)
    wrong = tuple(it.id for it in test.items if answers.get(it.id) != it.answer)
    return Result(test, dict(answers), right, wrong)
