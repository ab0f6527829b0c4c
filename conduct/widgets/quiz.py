"""A multiple-choice quiz with feedback on every option.

Items are plain dicts (the lesson data's format): {"id", "question": {vi, en}, "options": [{"text":
{vi, en}, "correct": bool, "feedback": {vi, en}}]}, optionally "clauses": ["4(5)", …] so that the
answers count towards that article in the progress chart. The first choice on an item is the one
scored and saved; the learner may then click the other options to read why they are right or
wrong, which is how a quiz teaches rather than merely tests.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import ipywidgets as W

from conduct.i18n import check_lang, t
from conduct.progress import ProgressStore
from conduct.widgets.a11y import LiveRegion, button, esc, live_region, mark_choice, say, verdict_mark
from conduct.widgets.saving import attempt, moved_aside_note, store_or_default
from conduct.widgets.style import WRAP_CLASS, style_block

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


def quiz(items: Sequence[Mapping[str, Any]], *, lang: str = "vi", quiz_id: str,
         store: ProgressStore | None = None) -> W.VBox:
    """All questions on one page, each with option buttons and a live feedback area; the score below.

    The returned VBox has `.items` (tuple of QuizItemParts) and `.score` (the score's live region).
    """
    lang = check_lang(lang)
    _check_items(items)
    store = store_or_default(store)
    total = len(items)
    first: dict[str, bool] = {}  # item id -> correct at first choice (this session)
    score = live_region()
    notes = W.HTML(moved_aside_note(store, lang))
    parts: list[QuizItemParts] = []

    def update_score(extra: str = "") -> None:
        done = sum(first.values())
        html = f"<p><strong>{esc(t('widgets.quiz.score', lang, correct=done, total=total))}</strong></p>"
        if len(first) < total:
            html += f"<p>{esc(t('widgets.quiz.remaining', lang, count=total - len(first)))}</p>"
        say(score, html + extra)

    def make_handler(item: Mapping[str, Any], j: int, feedback: LiveRegion):
        option = item["options"][j]

        def on_click(b: W.Button) -> None:
            correct = bool(option["correct"])
            mark_choice(b, correct)
            html = f"<p><strong>{esc(verdict_mark(correct, lang))}</strong> {esc(option['feedback'][lang])}</p>"
            warn = ""
            if item["id"] not in first:
                first[item["id"]] = correct
                warn = attempt(store, lang, lambda: store.record(
                    quiz_id, item["id"], LETTERS[j], correct, tuple(item.get("clauses", ()))))
                if len(first) == total:
                    warn = warn or attempt(store, lang, lambda: store.complete(quiz_id))
                update_score()
            say(feedback, html + warn)

        return on_click

    attempt(store, lang, lambda: store.start(quiz_id, total))
    rows: list[W.Widget] = []
    for n, item in enumerate(items, 1):
        q = W.HTML(f"<p><strong>{esc(t('widgets.quiz.position', lang, n=n, total=total))}.</strong> "
                   f"{esc(item['question'][lang])}</p><p><em>{esc(t('widgets.quiz.choose', lang))}</em></p>")
        feedback = live_region()
        buttons = []
        for j, option in enumerate(item["options"]):
            b = button(f"{LETTERS[j]}. {option['text'][lang]}", t("widgets.quiz.option_help", lang, letter=LETTERS[j]))
            b.add_class(WRAP_CLASS)
            b.on_click(make_handler(item, j, feedback))
            buttons.append(b)
        parts.append(QuizItemParts(id=item["id"], question=q, options=tuple(buttons), feedback=feedback))
        rows.append(W.VBox([q, W.VBox(buttons), feedback], layout=W.Layout(margin="0 0 12px 0")))
    update_score()
    box = W.VBox([style_block(), notes, *rows, score])
    box.items = tuple(parts)
    box.score = score
    return box
