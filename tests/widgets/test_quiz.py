import pytest

from conduct.i18n import t
from conduct.progress import ProgressStore
from conduct.widgets import quiz

ITEMS = [
    {"id": "q1", "clauses": ["4(5)"],
     "question": {"vi": "Câu hỏi một?", "en": "Question one?"},
     "options": [
         {"text": {"vi": "Sai", "en": "Wrong one"}, "correct": False,
          "feedback": {"vi": "Chưa đúng vì A.", "en": "Not right because A."}},
         {"text": {"vi": "Đúng", "en": "Right one"}, "correct": True,
          "feedback": {"vi": "Đúng vì B.", "en": "Right because B."}},
     ]},
    {"id": "q2",
     "question": {"vi": "Câu hỏi hai?", "en": "Question two?"},
     "options": [
         {"text": {"vi": "Có", "en": "Yes"}, "correct": True, "feedback": {"vi": "Đúng vì C.", "en": "Yes because C."}},
         {"text": {"vi": "Không", "en": "No"}, "correct": False, "feedback": {"vi": "Sai vì D.", "en": "No because D."}},
     ]},
]


def test_every_option_gives_its_own_feedback_in_words_and_symbol(store):
    w = quiz(ITEMS, lang="en", quiz_id="qz", store=store)
    first, second = w.items
    first.options[0].click()
    assert t("widgets.wrong", "en") in first.feedback.value and "Not right because A." in first.feedback.value
    assert first.options[0].description.startswith("✗ ")
    first.options[1].click()  # exploring the other option shows its feedback too
    assert t("widgets.right", "en") in first.feedback.value and "Right because B." in first.feedback.value
    assert first.options[1].description.startswith("✓ ")
    assert t("widgets.quiz.score", "en", correct=0, total=2) in w.score.value and t("widgets.quiz.remaining", "en", count=1) in w.score.value
    second.options[0].click()
    assert t("widgets.quiz.score", "en", correct=1, total=2) in w.score.value and not any(t("widgets.quiz.remaining", "en", count=n) in w.score.value for n in (1, 2))


def test_first_choice_is_saved_and_scored(store):
    w = quiz(ITEMS, lang="vi", quiz_id="qz", store=store)
    w.items[0].options[1].click()
    w.items[0].options[0].click()
    answers = ProgressStore(store.path).answers("qz")
    assert [(a.item, a.answer, a.correct, a.article) for a in answers] == [("q1", "B", True, 4)]
    assert not store.done("qz")
    w.items[1].options[1].click()
    assert store.done("qz")
    assert t("widgets.quiz.score", "vi", correct=1, total=2) in w.score.value


def test_bad_items_are_named():
    with pytest.raises(ValueError, match="no option is marked correct"):
        quiz([{**ITEMS[1], "options": [{**o, "correct": False} for o in ITEMS[1]["options"]]}], quiz_id="x")
    with pytest.raises(ValueError, match="missing 'options'"):
        quiz([{"id": "a", "question": {"vi": "?", "en": "?"}}], quiz_id="x")


def test_after_a_restart_the_quiz_shows_saved_answers_and_keeps_the_first_try_score(store):
    w = quiz(ITEMS, lang="en", quiz_id="qz", store=store)
    w.items[0].options[0].click()  # wrong at the first try
    w.items[1].options[0].click()  # right
    # the kernel restarts: a new widget on the same progress file
    again = quiz(ITEMS, lang="vi", quiz_id="qz", store=ProgressStore(store.path))
    first, second = again.items
    assert first.options[0].description.startswith("✗ ") and "Chưa đúng vì A." in first.feedback.value
    assert second.options[0].description.startswith("✓ ") and "Đúng vì C." in second.feedback.value
    assert t("widgets.quiz.score", "vi", correct=1, total=2) in again.score.value and not any(t("widgets.quiz.remaining", "vi", count=n) in again.score.value for n in (1, 2))
    first.options[1].click()  # re-answering reads the feedback but never changes the score
    assert "Đúng vì B." in first.feedback.value and "1 / 2" in again.score.value
    assert [(a.item, a.answer) for a in ProgressStore(store.path).answers("qz")] == [("q1", "A"), ("q2", "A")]
    third = quiz(ITEMS, lang="en", quiz_id="qz", store=ProgressStore(store.path))
    assert "1 / 2" in third.score.value


def test_school_quiz_says_em(store):
    w = quiz(ITEMS, lang="vi", quiz_id="qz", store=store, audience="minors_15_18")
    w.items[0].options[1].click()
    assert t("widgets.pupil.quiz.score", "vi", correct=1, total=2) in w.score.value and "Em " in w.score.value
