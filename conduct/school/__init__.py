"""The school track: lessons for minors in two age bands, and what surrounds them.

The lessons themselves are ordinary lesson files in the curriculum's one format
(conduct/curriculum/lessons.py, track "school", data in `school/data/lessons/`), so the same
generator writes notebooks/{vi,en}/school/ and the same widgets teach them. This package adds
only what the school track needs on top: the teacher's guides (`guides`) and the printable
family sheets and guides (`sheets`, `python -m conduct.school.sheets --out DIR`). The pre/post quiz
is graded, so its items and keys live with the exercise specs (exercises/specs/), not here.
"""

from __future__ import annotations

from conduct.curriculum.lessons import Lesson, load_track

TRACK = "school"
# Age band (the bank's audience tag) -> the suffix used in file and assignment names.
BANDS: dict[str, str] = {"minors_11_14": "11-14", "minors_15_18": "15-18"}
# The five school topics (the bank's `topic`), in lesson order within a band.
TOPICS: tuple[str, ...] = ("personal_data", "kind_words", "false_information", "account_security", "trusted_adult")


def lessons(band: str | None = None) -> tuple[Lesson, ...]:
    """The teaching lessons in number order, optionally only one age band's.

    A teaching lesson is one with an exercise; the start page "00" (how the lessons work, the
    contents of both bands) is part of the track but not a lesson of either band.
    """
    if band is not None and band not in BANDS:
        raise ValueError(f"unknown age band {band!r}: use one of {', '.join(BANDS)}")
    return tuple(
        one for one in load_track(TRACK) if one.parts_of("exercise") and (band is None or one.audience == band)
    )


def lesson(number: str) -> Lesson:
    """One teaching lesson by its two-digit number ("01" … "10")."""
    for one in lessons():
        if one.number == number:
            return one
    known = ", ".join(one.number for one in lessons())
    raise KeyError(f"no school lesson {number!r}: the lessons are {known}")


__all__ = ["BANDS", "TOPICS", "TRACK", "lesson", "lessons"]
