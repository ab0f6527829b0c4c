"""The one-line calls the generated notebooks make: `show.exercise("c03-posts", "vi")`.

Notebooks stay thin and learners see no code: each hidden code cell names a lesson part by id and
a language, and this module looks the part up in the lesson data and builds the widget. Because
the notebook holds only the id, editing a lesson's posts or quiz in YAML changes what the learner
sees without touching the notebook.
"""
from __future__ import annotations

from typing import Any

from conduct.curriculum.cite import expand
from conduct.curriculum.lessons import find_part
from conduct.i18n import check_lang


def _expanded(pair: dict[str, str]) -> dict[str, str]:
    """A {vi, en} text with its [[A(N)]] citations written out in each language."""
    return {lang: expand(text, lang) for lang, text in pair.items()}


def exercise(exercise_id: str, lang: str = "vi") -> Any:
    """The post classifier for an exercise part: classify each post, then see why."""
    lang = check_lang(lang)
    part = find_part(exercise_id, "exercise")
    from conduct import widgets

    return widgets.classifier(list(part.data["posts"]), lang=lang, exercise_id=exercise_id)


def quiz(quiz_id: str, lang: str = "vi") -> Any:
    """The quiz widget for a quiz part, with feedback on every option."""
    lang = check_lang(lang)
    part = find_part(quiz_id, "quiz")
    items = [{"id": it["id"], "question": _expanded(it["question"]),
              "options": [{"text": _expanded(o["text"]), "correct": o["correct"], "feedback": _expanded(o["feedback"])}
                          for o in it["options"]], "clauses": list(it["clauses"])}
             for it in part.data["items"]]
    from conduct import widgets

    return widgets.quiz(items, lang=lang, quiz_id=quiz_id)


def role_explorer(lang: str = "vi") -> Any:
    """Pick a role, see its duties (inherited ones marked); switchable to the other language."""
    from conduct import widgets

    return widgets.language_switch(lambda l: widgets.role_explorer(lang=l), lang=check_lang(lang))


def progress_panel(lang: str = "vi") -> Any:
    """What the learner has done so far, saved under their home directory, with a chart by article."""
    from conduct import widgets

    return widgets.progress_panel(lang=check_lang(lang))


def post_checker(lang: str = "vi") -> Any:
    """Type a post, pick a role, see the checker's findings; switchable to the other language."""
    from conduct import widgets

    return widgets.language_switch(lambda l: widgets.post_checker(lang=l), lang=check_lang(lang))
