"""Feedback pages in the notebook's language.

nbgrader renders feedback with one English template (its headings "Score", "Test cell", "Written
response", "Comments" …). Rather than fork that template, the few fixed phrases it writes are
replaced after `generate_feedback` and before `release_feedback`, for notebooks whose metadata
records a language other than English; student text is never touched, because only the
template's exact markup around each phrase is matched.
"""

from __future__ import annotations

import re

import nbformat

from conduct.i18n import LANGS, t
from grading.course import Course

# (pattern in nbgrader's feedback template markup, catalogue key of the phrase, what stays around it)
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\(Score: ", "({}: "),
    (r"(?m)^(\s*)Score: (?=[\d.]+ / [\d.]+ <a href=\"#top\">)", r"\g<1>{}: "),
    (r">Test cell</a>", ">{}</a>"),
    (r">Coding free-response</a>", ">{}</a>"),
    (r">Written response</a>", ">{}</a>"),
    (r">Task</a>", ">{}</a>"),
    (r">Comment</a>", ">{}</a>"),
    (r"Late submission penalty \(", "{} ("),
    (r"<a href=\"#top\">\(Top\)</a>", '<a href="#top">({})</a>'),
    (r"<span class=\"nbgrader-label\">Student's answer</span>", '<span class="nbgrader-label">{}</span>'),
    (r"<span class=\"nbgrader-label\">Student's task</span>", '<span class="nbgrader-label">{}</span>'),
    (r"<span class=\"nbgrader-label\">Grade cell: ", '<span class="nbgrader-label">{}: '),
    (r"<span class=\"nbgrader-label\">Task: ", '<span class="nbgrader-label">{}: '),
    (r"<b>Comments:</b>", "<b>{}:</b>"),
)
_KEYS = (
    "score",
    "score",
    "test_cell",
    "code_answer",
    "written_answer",
    "task",
    "comment",
    "late_penalty",
    "top",
    "answer",
    "task_answer",
    "grade_cell",
    "task",
    "comments",
)


def notebook_lang(nb: nbformat.NotebookNode) -> str | None:
    """The notebook's language as the exercise generator recorded it (None when it records none)."""
    lang = nb.get("metadata", {}).get("conduct", {}).get("lang")
    return lang if lang in LANGS else None


def translate(html: str, lang: str) -> str:
    """The feedback page with nbgrader's template phrases in `lang`."""
    for (pattern, replacement), key in zip(_PHRASES, _KEYS, strict=True):
        word = t(f"grading.feedback_page.{key}", lang).replace("\\", "\\\\")
        html = re.sub(pattern, replacement.format(word), html)
    return html.replace("<html>", f'<html lang="{lang}">', 1)


def translate_all(course: Course, assignment: str) -> int:
    """Translate every generated feedback page of `assignment` whose notebook has a non-English language."""
    done = 0
    for notebook in sorted((course.step("source") / assignment).glob("*.ipynb")):
        try:
            lang = notebook_lang(nbformat.read(notebook, as_version=4))
        except (OSError, ValueError):
            continue
        if lang is None or lang == "en":
            continue
        for page in sorted(course.step("feedback").glob(f"*/{assignment}/{notebook.stem}.html")):
            text = page.read_text(encoding="utf-8")
            if f'<html lang="{lang}">' in text:
                continue  # translated before (feedback is regenerated only for changed grades)
            page.write_text(translate(text, lang), encoding="utf-8")
            done += 1
    return done
