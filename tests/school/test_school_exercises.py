"""Each school exercise played through the real classifier widget with the gold answers.

A learner who answers every post as the bank's gold says must reach 100%, and every piece of
feedback must be the explanation written for that age, in the learner's language: this catches a
gold clause the widget does not offer, or an explanation missing for one edition.
"""
from __future__ import annotations

import html
import re

import pytest

from conduct.bank import post
from conduct.progress import ProgressStore
from conduct.school import lessons
from conduct.widgets import classifier
from conduct.widgets.classifier_state import right_clauses


def _text(value: str) -> str:
    """What a widget's HTML shows: tags (evidence marks included) dropped, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", value))


@pytest.mark.parametrize("l", lessons(), ids=lambda l: l.number)
def test_gold_answers_score_full_marks_with_age_appropriate_feedback(l, tmp_path):
    lang = "vi" if int(l.number) % 2 else "en"  # both editions covered across the ten lessons
    part = l.parts_of("exercise")[0]
    store = ProgressStore(tmp_path / "progress.json")
    w = classifier(part.data["posts"], lang=lang, exercise_id=part.id, store=store)
    for pid in part.data["posts"]:
        p = post(pid)
        assert p.text in _text(w.card.value)
        w.verdict_buttons[p.verdict].click()
        buttons = w.clause_buttons()
        offered = sorted(right_clauses(p) & set(buttons))
        assert offered, f"{pid}: no right clause among the buttons {sorted(buttons)}"
        buttons[offered[0]].click()
        # the gold explanation comes with step 2's feedback (step 1 names no clause)
        assert p.explanation[lang] in _text(w.clause_feedback.value), f"{pid}: feedback lacks its explanation"
        w.next.click()
    assert "100%" in w.score.value, w.score.value
    assert store.latest(part.id), "answers were saved"
