"""The one-line calls the generated notebooks make: `show.exercise("c03-posts", "vi")`.

Notebooks stay thin and learners see no code: each hidden code cell names a lesson part by id and
a language, and this module looks the part up in the lesson data and builds the widget. Because
the notebook holds only the id, editing a lesson's posts or quiz in YAML changes what the learner
sees without touching the notebook. The lesson's audience travels with the part, so a school lesson's
widgets address pupils as the lesson does; the progress panel is handed the lessons to list, since
widgets sit below the curriculum and must not read it themselves.
"""

from __future__ import annotations

from typing import Any

from conduct import widgets
from conduct.curriculum.cite import expand
from conduct.curriculum.lessons import Lesson, Part, all_lessons, load_track
from conduct.i18n import check_lang
from conduct.progress import Module, ProgressStore

GRADED = ("exercise", "quiz")
# Each final test's lessons: the adult course, or one age band of the school track.
FINAL_LESSONS: dict[str, tuple[str, str | None]] = {
    "adults": ("course", None),
    "minors_11_14": ("school", "minors_11_14"),
    "minors_15_18": ("school", "minors_15_18"),
}


def _expanded(pair: dict[str, str]) -> dict[str, str]:
    """A {vi, en} text with its [[A(N)]] citations written out in each language."""
    return {lang: expand(text, lang) for lang, text in pair.items()}


def lesson_part(part_id: str, kind: str) -> tuple[Lesson, Part]:
    """The lesson holding the exercise or quiz `part_id`, and the part."""
    for lesson in all_lessons():
        for part in lesson.parts:
            if part.id == part_id and part.kind == kind:
                return lesson, part
    raise KeyError(
        f"no {kind} with id {part_id!r} in the lesson data: check conduct/curriculum/data/lessons/ "
        "and rebuild the notebooks with `python -m conduct.curriculum.build`"
    )


def module_of(lesson: Lesson) -> Module:
    """A lesson as the progress file counts it: key "<track>-<number>", title, graded parts in order."""
    return Module(
        key=f"{lesson.track}-{lesson.number}",
        title=lesson.title,
        number=lesson.number,
        parts=tuple((p.id, p.kind) for p in lesson.parts if p.kind in GRADED and p.id),
    )


def modules(track: str = "course", audience: str | None = None) -> tuple[Module, ...]:
    """The modules of a track (optionally one audience, e.g. a school age band), in lesson order."""
    return tuple(module_of(lesson) for lesson in load_track(track) if audience is None or lesson.audience == audience)


def exercise(exercise_id: str, lang: str = "vi") -> Any:
    """The post classifier for an exercise part: classify each post, then see why."""
    lang = check_lang(lang)
    lesson, part = lesson_part(exercise_id, "exercise")
    return widgets.classifier(list(part.data["posts"]), lang=lang, exercise_id=exercise_id, audience=lesson.audience)


def quiz(quiz_id: str, lang: str = "vi") -> Any:
    """The quiz widget for a quiz part, with feedback on every option."""
    lang = check_lang(lang)
    lesson, part = lesson_part(quiz_id, "quiz")
    items = [
        {
            "id": it["id"],
            "question": _expanded(it["question"]),
            "options": [
                {"text": _expanded(o["text"]), "correct": o["correct"], "feedback": _expanded(o["feedback"])}
                for o in it["options"]
            ],
            "clauses": list(it["clauses"]),
        }
        for it in part.data["items"]
    ]
    return widgets.quiz(items, lang=lang, quiz_id=quiz_id, audience=lesson.audience)


def role_explorer(lang: str = "vi") -> Any:
    """Pick a role, see its duties (inherited ones marked); switchable to the other language, keeping the role."""
    return widgets.language_switch(lambda lg, **kept: widgets.role_explorer(lang=lg, **kept), lang=check_lang(lang))


def progress_panel(lang: str = "vi", track: str = "course", audience: str | None = None) -> Any:
    """What the learner has done so far, lesson by lesson, with a chart by article.

    The panel lists the lessons of `track` (for the school, of one age band `audience`), so "you have
    finished" means every lesson of that track; the course's lessons by default.
    """
    return widgets.progress_panel(
        lang=check_lang(lang), store=ProgressStore(), modules=modules(track, audience), audience=audience or "adults"
    )


def post_checker(lang: str = "vi", audience: str = "adults") -> Any:
    """Type a post, pick a role, see the checker's findings; switchable to the other language, keeping the text."""
    return widgets.language_switch(
        lambda lg, **kept: widgets.post_checker(lang=lg, audience=audience, **kept), lang=check_lang(lang)
    )


def final_test(track: str = "adults", lang: str = "vi") -> Any:
    """The final test of a track ("adults", "minors_11_14", "minors_15_18"): submit, review mistakes, retake."""
    return widgets.final_test_widget(track, lang=check_lang(lang))


def certificate(track: str = "adults", lang: str = "vi") -> Any:
    """The learner's name and the PDF certificate of a passed final test, with the track's lessons and scores."""
    lesson_track, audience = FINAL_LESSONS[track]
    return widgets.certificate_widget(track, lang=check_lang(lang), modules=modules(lesson_track, audience))
