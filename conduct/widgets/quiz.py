"""A multiple-choice quiz with feedback on every option.

Items are plain dicts (the lesson data's format): {"id", "question": {vi, en}, "options": [{"text":
{vi, en}, "correct": bool, "feedback": {vi, en}}]}, optionally "clauses": ["4(5)", …] so that the
answers count towards that article in the progress chart. The first choice on an item is the one
scored and saved; the learner may then click the other options to read why they are right or
wrong, which is how a quiz teaches rather than merely tests.

The progress file is the truth: a quiz opened again (after a kernel restart, a reload, in the other
language) shows the first answer saved for each item, with its feedback, and counts only that answer,
so exploring or re-answering never changes the first-try score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as W

from conduct.i18n import check_lang
from conduct.progress import Answer, ProgressStore, try_store
from conduct.widgets.a11y import LiveRegion, button, esc, live_region, mark_choice, say
from conduct.widgets.register import DEFAULT_AUDIENCE, speaker
from conduct.widgets.saving import error_note, moved_aside_note, store_or_default
from conduct.widgets.style import WRAP_CLASS, learner_box

LETTERS = "ABCDEFGHIJ"


@dataclass(frozen=True)
class QuizItemParts:
    id: str
    question: W.HTML
    options: tuple[W.Button, ...]
    feedback: LiveRegion


def _check_items(items: Sequence[Mapping[str, Any]]) -> None:
    """Quiz items are authored by hand: name the item and the field that is wrong."""
    if not items:
        raise ValueError("quiz(): no items given; pass a list of question dicts")
    seen = set()
    for i, it in enumerate(items):
        where = f"quiz item {i} ({it.get('id', '?')!r})" if isinstance(it, Mapping) else f"quiz item {i}"
        if not isinstance(it, Mapping):
            raise ValueError(f"{where}: expected a dict with id, question and options")
        for key in ("id", "question", "options"):
            if key not in it:
                raise ValueError(f"{where}: missing {key!r}")
        if it["id"] in seen:
            raise ValueError(f"{where}: duplicate id; give each question its own id")
        seen.add(it["id"])
        opts = it["options"]
        if len(opts) < 2 or len(opts) > len(LETTERS):
            raise ValueError(f"{where}: needs 2–{len(LETTERS)} options, has {len(opts)}")
        if not any(o.get("correct") for o in opts):
            raise ValueError(f"{where}: no option is marked correct")
        for j, o in enumerate(opts):
            if not {"text", "correct", "feedback"} <= set(o):
                raise ValueError(f"{where}, option {j}: needs text, correct and feedback")


def first_choices(saved: Mapping[str, Answer], items: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """{item id: option index} of the first saved answer to each item still in the quiz."""
    out = {}
    for it in items:
        a = saved.get(it["id"])
        if a is not None and len(a.answer) == 1 and LETTERS.find(a.answer) in range(len(it["options"])):
            out[it["id"]] = LETTERS.index(a.answer)
    return out


def quiz(
    items: Sequence[Mapping[str, Any]],
    *,
    lang: str = "vi",
    quiz_id: str,
    store: ProgressStore | None = None,
    audience: str = DEFAULT_AUDIENCE,
) -> W.VBox:
    """All questions on one page, each with option buttons and a live feedback area; the score below.

    The returned VBox has `.items` (tuple of QuizItemParts) and `.score` (the score's live region).
    """
    lang = check_lang(lang)
    tr = speaker(lang, audience)
    _check_items(items)
    store = store_or_default(store)
    total = len(items)
    saved: dict[str, Answer] = {}
    read_error = try_store(lambda: saved.update(store.first(quiz_id)))
    chosen = first_choices(saved, items)
    first: dict[str, bool] = {
        it["id"]: bool(it["options"][j]["correct"]) for it in items for j in [chosen.get(it["id"])] if j is not None
    }  # item id -> right at first choice
    score = live_region()
    notes = W.HTML(moved_aside_note(store, lang) + error_note(store, lang, read_error, "widgets.read_failed"))
    parts: list[QuizItemParts] = []

    def update_score() -> None:
        html = f"<p><strong>{esc(tr('widgets.quiz.score', correct=sum(first.values()), total=total))}</strong></p>"
        if len(first) < total:
            html += f"<p>{esc(tr('widgets.quiz.remaining', count=total - len(first)))}</p>"
        say(score, html)

    def option_html(option: Mapping[str, Any]) -> str:
        correct = bool(option["correct"])
        return f"<p><strong>{esc(tr('widgets.right' if correct else 'widgets.wrong'))}</strong> {esc(option['feedback'][lang])}</p>"

    def make_handler(item: Mapping[str, Any], j: int, feedback: LiveRegion):
        option = item["options"][j]

        def on_click(b: W.Button) -> None:
            correct = bool(option["correct"])
            mark_choice(b, correct)
            error = None
            if item["id"] not in first:
                first[item["id"]] = correct
                error = try_store(
                    lambda: store.record(quiz_id, item["id"], LETTERS[j], correct, tuple(item.get("clauses", ())))
                )
                if error is None and len(first) == total:
                    error = try_store(lambda: store.complete(quiz_id))
                update_score()
            say(feedback, option_html(option) + error_note(store, lang, error))

        return on_click

    start_error = try_store(lambda: store.start(quiz_id, total))
    if start_error and not read_error:
        notes.value += error_note(store, lang, start_error)
    rows: list[W.Widget] = []
    for n, item in enumerate(items, 1):
        q = W.HTML(
            f"<p><strong>{esc(tr('widgets.quiz.position', n=n, total=total))}.</strong> "
            f"{esc(item['question'][lang])}</p><p><em>{esc(tr('widgets.quiz.choose'))}</em></p>"
        )
        feedback = live_region()
        buttons = []
        for j, option in enumerate(item["options"]):
            b = button(f"{LETTERS[j]}. {option['text'][lang]}", tr("widgets.quiz.option_help", letter=LETTERS[j]))
            b.add_class(WRAP_CLASS)
            b.on_click(make_handler(item, j, feedback))
            buttons.append(b)
        before = chosen.get(item["id"])
        if before is not None:  # answered in an earlier session: show that answer and why
            mark_choice(buttons[before], bool(item["options"][before]["correct"]))
            say(
                feedback,
                f"<p><em>{esc(tr('widgets.quiz.answered_before'))}</em></p>" + option_html(item["options"][before]),
            )
        parts.append(QuizItemParts(id=item["id"], question=q, options=tuple(buttons), feedback=feedback))
        rows.append(W.VBox([q, W.VBox(buttons), feedback], layout=W.Layout(margin="0 0 12px 0")))
    update_score()
    box = learner_box([notes, *rows, score])
    box.items = tuple(parts)
    box.score = score
    return box
