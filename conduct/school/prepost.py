"""The pre/post quiz items of each age band: one list, given before the first lesson and after the last.

Developer EXERCISES builds the nbgrader assignments `school-pre-<band>` and `school-post-<band>` from
these files, so a teacher compares the same items before and after. Items are validated with the
curriculum's quiz validator (one format for every quiz), plus the rules a graded quiz needs: exactly
one correct option, and item ids unique across both bands.
"""
from __future__ import annotations

import functools

from conduct.curriculum.lessons import KINDS
from conduct.datafiles import DataError, load, load_versioned, require
from conduct.school import BANDS, TOPICS


def prepost_file(band: str) -> str:
    if band not in BANDS:
        raise ValueError(f"unknown age band {band!r}: use one of {', '.join(BANDS)}")
    return f"school/data/prepost_{BANDS[band].replace('-', '_')}.yaml"


@functools.lru_cache(maxsize=None)
def items(band: str) -> tuple[dict, ...]:
    """The quiz items of one band as {id, question, options, topic} dicts, validated."""
    file = prepost_file(band)
    data = load_versioned(file)
    raw = require(file, data, "items", list)
    checked = KINDS["quiz"](file, {"id": f"s-prepost-{BANDS[band]}", "items": raw}, "quiz")["items"]
    out = []
    for i, (item, src) in enumerate(zip(checked, raw)):
        right = sum(o["correct"] for o in item["options"])
        if right != 1:
            raise DataError(file, f"items[{i}].options", f"{right} options are marked correct",
                            "mark exactly one option `correct: true`")
        topic = src.get("topic")
        if topic not in TOPICS:
            raise DataError(file, f"items[{i}].topic", f"unknown topic {topic!r}", "use one of: " + ", ".join(TOPICS))
        out.append({**item, "topic": topic})
    return tuple(out)


def all_ids() -> dict[str, str]:
    """{item id: band} over both bands; ids must not repeat, so a report never mixes two items."""
    seen: dict[str, str] = {}
    for band in BANDS:
        for it in items(band):
            if it["id"] in seen:
                raise DataError(prepost_file(band), it["id"], f"id also used in {prepost_file(seen[it['id']])}",
                                "give every item a unique id")
            seen[it["id"]] = band
    return seen
