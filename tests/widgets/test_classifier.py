"""The post classifier against the real bank, the real Code and the real checker."""
from html import escape

import ipywidgets as W
import pytest

import conduct
from conduct.code.concerns import concerns
from conduct.i18n import t
from conduct.progress import ProgressStore
from conduct.widgets import classifier, progress_panel
from conduct.widgets.a11y import LiveRegion, walk
from conduct.widgets.classifier_state import ClassifierState, Score, encouraged_clauses, right_clauses
from conduct.widgets.post_card import cite, clause_line
from conduct.widgets.register import register_of, speaker

RIGHT_VI, WRONG_VI = t("widgets.right", "vi"), t("widgets.wrong", "vi")
RIGHT_EN, WRONG_EN = t("widgets.right", "en"), t("widgets.wrong", "en")

# a violation whose evidence the checker finds, a trap `ok` post, a caution post
POSTS = ["vi-a-001", "vi-a-002", "en-a-015"]


@pytest.fixture
def widget(store):
    return classifier(POSTS, lang="vi", exercise_id="c04-posts", store=store)


def test_right_verdict_explains_cites_and_marks_evidence(widget, store):
    post = conduct.post("vi-a-001")
    assert t("widgets.classifier.position", "vi", n=1, total=3) in widget.position.value and widget.progress.value == 0 and widget.progress.max == 3
    assert "<mark" not in widget.card.value  # evidence shows only after the learner has chosen
    widget.verdict_buttons["violation"].click()
    fb = widget.verdict_feedback.value
    assert isinstance(widget.verdict_feedback, LiveRegion)
    assert RIGHT_VI in fb and t("widgets.classifier.answer_verdict", "vi", verdict=t("checker.verdict.violation", "vi")) in fb
    # step 2 asks for the clause: step 1 names none, and keeps the explanation (which cites it) for later
    assert not _cited(fb) and escape(post.explanation["vi"]) not in fb
    assert "<mark" in widget.card.value and "[" in widget.card.value  # marked, not by colour alone
    widget.clause_buttons()["4(5)"].click()
    fb2 = widget.clause_feedback.value
    assert RIGHT_VI in fb2 and escape(post.explanation["vi"]) in fb2 and cite("4(5)", "vi") in fb2
    assert widget.verdict_buttons["violation"].description.startswith("✓ ")
    assert all(b.disabled for b in widget.verdict_buttons.values())
    saved = ProgressStore(store.path).answers("c04-posts")
    assert [(a.item, a.answer, a.correct, a.article) for a in saved] == [
        ("vi-a-001:verdict", "violation", True, 4), ("vi-a-001:clause", "4(5)", True, 4)]


def test_wrong_choices_say_the_answer_and_why(widget, store):
    widget.verdict_buttons["ok"].click()
    fb = widget.verdict_feedback.value
    assert WRONG_VI in fb and t("widgets.classifier.answer_verdict", "vi", verdict=t("checker.verdict.violation", "vi")) in fb
    assert widget.verdict_buttons["ok"].description.startswith("✗ ")
    assert widget.verdict_buttons["violation"].description.startswith("✓ ")
    buttons = widget.clause_buttons()
    assert "4(5)" in buttons and "4(6)" in buttons and "none" in buttons
    buttons["4(6)"].click()
    fb = widget.clause_feedback.value
    assert WRONG_VI in fb and t("widgets.classifier.answer_clauses", "vi", clauses=clause_line("4(5)", "vi")) in fb
    assert conduct.clause("4(5)").text["vi"] in fb
    assert buttons["4(5)"].description.startswith("✓ ")
    saved = ProgressStore(store.path).answers("c04-posts")
    assert [(a.item, a.answer, a.correct) for a in saved] == [
        ("vi-a-001:verdict", "ok", False), ("vi-a-001:clause", "4(6)", False)]


def test_whole_exercise_scores_and_resumes(widget, store):
    # post 1 right/right
    widget.verdict_buttons["violation"].click()
    widget.clause_buttons()["4(5)"].click()
    assert RIGHT_VI in widget.clause_feedback.value and widget.progress.value == 1
    widget.next.click()
    # post 2, a trap: ok, and "no clause broken"
    assert t("widgets.classifier.position", "vi", n=2, total=3) in widget.position.value
    widget.verdict_buttons["ok"].click()
    # the trap word is marked: the checker, like the gold, sees it is mentioned, not used
    assert "[Bắc Kỳ]</mark>" in widget.card.value and RIGHT_VI in widget.verdict_feedback.value
    widget.clause_buttons()["none"].click()
    assert RIGHT_VI in widget.clause_feedback.value
    assert len(ProgressStore(store.path).answers("c04-posts")) == 4
    # a learner closes the browser here: a new widget on the same file continues at post 3
    again = classifier(POSTS, lang="en", exercise_id="c04-posts", store=ProgressStore(store.path))
    assert t("widgets.classifier.position", "en", n=3, total=3) in again.position.value and again.progress.value == 2
    assert t("widgets.classifier.resumed", "en", answered=2, total=3, n=3) in again.verdict_feedback.value
    again.verdict_buttons["violation"].click()  # gold: caution
    assert WRONG_EN in again.verdict_feedback.value and t("widgets.classifier.answer_verdict", "en", verdict=t("checker.verdict.caution", "en")) in again.verdict_feedback.value
    again.clause_buttons()["4(4)"].click()
    assert again.next.description == "See my score"
    again.next.click()
    assert t("widgets.classifier.score", "en", correct=5, total=6, percent=83) in again.score.value
    assert t("widgets.classifier.score_posts", "en", posts=2, total=3) in again.score.value
    assert again.progress.value == 3
    assert store.done("c04-posts")
    # reopened after finishing: the earlier score, and a fresh round on demand
    third = classifier(POSTS, lang="en", exercise_id="c04-posts", store=ProgressStore(store.path))
    assert "5 / 6" in third.score.value and all(b.disabled for b in third.verdict_buttons.values())
    third.again.click()
    assert third.score.value == ""
    assert not any(b.disabled for b in third.verdict_buttons.values())


def test_ok_post_with_positive_gold_accepts_4_7(store):
    pid = next(p.id for p in conduct.load_posts(lang="vi") if p.verdict == "ok" and "4(7)" in p.clauses)
    w = classifier([pid], lang="en", exercise_id="pos", store=store)
    w.verdict_buttons["ok"].click()
    w.clause_buttons()["4(7)"].click()
    assert RIGHT_EN in w.clause_feedback.value and cite("4(7)", "en") in w.clause_feedback.value


def test_unwritable_progress_file_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    w = classifier(POSTS[:1], lang="en", exercise_id="x", store=ProgressStore(blocker / "progress.json"))
    w.verdict_buttons["violation"].click()
    assert "could not be read" in w.view.notes.value
    assert "could not be saved" in w.verdict_feedback.value and RIGHT_EN in w.verdict_feedback.value
    assert "could not be read" in progress_panel(lang="en", store=ProgressStore(blocker / "progress.json")).content.value


def test_clause_buttons_do_not_give_the_answer_away(store):
    posts = [p for p in conduct.load_posts(lang="vi", audience="adults") if p.role == "individual"]
    odd = next(p for p in posts if set(p.clauses) - {"3(3)", "4(3)", "4(4)", "4(5)", "4(6)", "4(7)", "4(8)"})
    plain = next(p for p in posts if p.clauses == ("4(5)",))
    w = classifier([plain.id, odd.id], lang="en", exercise_id="fair", store=store)
    first = list(w.clause_buttons())
    w.verdict_buttons["ok"].click()
    w.clause_buttons()["none"].click()
    w.next.click()
    assert list(w.clause_buttons()) == first  # same buttons for both posts by individuals
    assert set(odd.clauses) <= set(first) and first[-1] == "none"


def _cited(html: str, lang: str = "vi") -> set[str]:
    """Clause ids cited in feedback, read back through the catalogue's citation form."""
    return {c.id for c in conduct.load_code().clauses if f"{cite(c.id, lang)}" in html}


def test_ok_post_feedback_never_cites_a_clause_step_2_marks_wrong(store):
    """For every `ok` post with gold clauses, step 1 cites nothing and step 2 cites only clauses it accepts."""
    oks = [p for p in conduct.load_posts() if p.verdict == "ok" and p.clauses]
    assert oks
    for p in oks:
        w = classifier([p.id], lang=p.lang, exercise_id=f"ok-{p.id}", store=store)
        w.verdict_buttons["ok"].click()
        assert _cited(w.verdict_feedback.value, p.lang) == set()
        w.clause_buttons()["none"].click()
        assert _cited(w.clause_feedback.value.split("<p>" + escape(
            t("widgets.classifier.why", p.lang, text=p.explanation[p.lang])))[0], p.lang) <= right_clauses(p)


def test_positive_clause_comes_from_the_concern_map():
    positive = {c for con in concerns().values() if con.verdict == "ok" for c in con.clauses["default"]}
    assert encouraged_clauses("individual") == positive and positive  # 4(7) today, from the data


def test_state_without_widgets_scores_resumes_and_restarts(store):
    state = ClassifierState([conduct.post(pid) for pid in POSTS], "st", store)
    assert (state.index, state.step()) == (0, "verdict")
    assert state.choose_verdict("violation").correct and state.step() == "clause"
    assert state.choose_clause("4(5)").correct and state.step() == "done"
    assert state.advance() and state.index == 1
    # a kernel restart: a new state from the same file continues where the saved answers stop
    again = ClassifierState([conduct.post(pid) for pid in POSTS], "st", ProgressStore(store.path))
    assert again.index == 1 and again.done_count() == 1
    again.choose_verdict("violation")  # gold: ok
    again.choose_clause("none")
    again.advance()
    again.choose_verdict("caution")
    out = again.choose_clause("4(4)")
    assert out.error is None and again.finished() and not again.advance()
    assert again.score() == Score(correct=5, choices=6, posts_right=2, posts=3) and again.score().percent == 83
    assert store.done("st")
    again.restart()
    assert again.index == 0 and again.score().correct == 0


def test_pupils_are_called_em(store):
    school = classifier(POSTS[:1], lang="vi", exercise_id="s", store=store, audience="minors_11_14")
    adult = classifier(POSTS[:1], lang="vi", exercise_id="a", store=store)
    texts = lambda w: " ".join(x.value for x in walk(w) if isinstance(x, W.HTML))  # noqa: E731
    assert "Em đánh giá" in texts(school) and "Bạn đánh giá" in texts(adult)


def test_register_overrides_work_for_any_catalogue_area():
    pupil, adult = speaker("vi", "minors_11_14"), speaker("vi", "adults")
    assert pupil("widgets.quiz.score", correct=1, total=2) == t("widgets.pupil.quiz.score", "vi", correct=1, total=2)
    assert adult("widgets.quiz.score", correct=1, total=2) == t("widgets.quiz.score", "vi", correct=1, total=2)
    assert pupil("widgets.right") == adult("widgets.right")  # no override: the same words for everyone
    assert register_of("minors_15_18", "vi") == "pupil" and register_of("adults", "vi") == "adult"


def test_restart_between_the_two_steps_continues_at_step_2(store):
    w = classifier(POSTS, lang="vi", exercise_id="half", store=store)
    w.verdict_buttons["ok"].click()  # wrong (gold: violation); then the kernel restarts
    again = classifier(POSTS, lang="en", exercise_id="half", store=ProgressStore(store.path))
    assert all(b.disabled for b in again.verdict_buttons.values())
    assert again.verdict_buttons["ok"].description.startswith("✗ ") and again.verdict_buttons["violation"].description.startswith("✓ ")
    assert WRONG_EN in again.verdict_feedback.value and "<mark" in again.card.value
    assert again.view.clause_box.layout.display is None  # step 2 is open
    again.clause_buttons()["4(5)"].click()
    assert [(a.item, a.answer) for a in ProgressStore(store.path).answers("half")] == [
        ("vi-a-001:verdict", "ok"), ("vi-a-001:clause", "4(5)")]
