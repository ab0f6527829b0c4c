"""The teacher's guide data: per-lesson objectives and classroom notes, and the parts every guide shares.

Kept apart from the lesson files because learners never see it; the guide printout combines it with
the lesson (dilemma, answer key, quiz answers) so nothing is written twice.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from conduct.datafiles import DataError, bilingual, bilingual_list, load_versioned, require
from conduct.school import BANDS

FILE = "school/data/guides.yaml"


@dataclass(frozen=True)
class Step:
    minutes: int
    activity: dict[str, str]


@dataclass(frozen=True)
class Guide:
    """What a teacher needs for one lesson, on top of the lesson itself."""

    number: str
    objectives: tuple[dict[str, str], ...]
    run: tuple[dict[str, str], ...]
    timing: tuple[Step, ...]
    prepare: tuple[dict[str, str], ...]
    grading: tuple[dict[str, str], ...]
    disclosure: tuple[dict[str, str], ...]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.timing)


@functools.lru_cache(maxsize=1)
def _data() -> tuple[dict, dict]:
    data = load_versioned(FILE)
    common = require(FILE, data, "common", dict)
    per_lesson = require(FILE, data, "lessons", dict)
    return common, per_lesson


@functools.cache
def timing(band: str) -> tuple[Step, ...]:
    common, _ = _data()
    table = require(FILE, common, "timing", dict, "common")
    rows = require(FILE, table, band, list, "common.timing")
    steps = []
    for i, row in enumerate(rows):
        where = f"common.timing.{band}[{i}]"
        minutes = require(FILE, row, "minutes", int, where)
        if minutes < 1:
            raise DataError(FILE, f"{where}.minutes", "must be at least 1", "give the minutes as a positive number")
        steps.append(Step(minutes, bilingual(FILE, row, "activity", where)))
    return tuple(steps)


def guide(number: str, band: str) -> Guide:
    """The guide of lesson `number` (a lesson of age band `band`)."""
    if band not in BANDS:
        raise ValueError(f"unknown age band {band!r}: use one of {', '.join(BANDS)}")
    common, per_lesson = _data()
    if number not in per_lesson:
        raise DataError(
            FILE,
            f"lessons.{number}",
            "no guide for this lesson",
            f'add `"{number}":` with objectives and run under `lessons:`',
        )
    entry = per_lesson[number]
    where = f"lessons.{number}"
    return Guide(
        number,
        bilingual_list(FILE, entry, "objectives", where),
        bilingual_list(FILE, entry, "run", where),
        timing(band),
        bilingual_list(FILE, common, "prepare", "common"),
        bilingual_list(FILE, common, "grading", "common"),
        bilingual_list(FILE, common, "disclosure", "common"),
    )
