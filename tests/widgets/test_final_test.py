"""The final test: its data (enough items, none seen in a lesson), scoring, the widget's review and retakes."""
import re
import unicodedata
from html import escape

import pytest

from conduct.bank import load_posts
from conduct.curriculum import show
from conduct.curriculum.lessons import all_lessons
from conduct.datafiles import DataError
from conduct.final import final_test, final_tests, parse, score
from conduct.i18n import t
from conduct.progress import ProgressStore
from conduct.widgets import final_test_widget
from conduct.widgets.post_card import cite
from conduct.widgets.register import speaker


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


def test_every_track_has_enough_items_and_a_pass_mark():
    tests = final_tests()
    assert set(tests) == {"adults", "minors_11_14", "minors_15_18"}
    assert len(tests["adults"].items) >= 15
    assert len(tests["minors_11_14"].items) >= 10 and len(tests["minors_15_18"].items) >= 10
    assert all(tst.pass_mark == 70 for tst in tests.values())


def test_no_final_item_appears_in_a_lesson_or_the_bank():
    seen = {_norm(s) for lesson in all_lessons() for part in lesson.parts for s in _strings(dict(part.data))}
    seen |= {_norm(p.text) for p in load_posts()}
    ids = [it.id for tst in final_tests().values() for it in tst.items]
    assert len(ids) == len(set(ids))
    for tst in final_tests().values():
        for it in tst.items:
            for text in [*(it.question or {}).values(), *(it.post or {}).values()]:
                n = _norm(text)
                assert n not in seen, f"{it.id} repeats a lesson or bank text: {text[:60]}"
                assert not any(n in s for s in seen if len(s) > len(n)), f"{it.id} is quoted in a lesson: {text[:60]}"


def test_unknown_keys_and_bad_answers_are_named():
    good = {"schema_version": 1, "track": "adults", "title": {"vi": "Bài", "en": "Test"},
            "items": [{"id": "x", "question": {"vi": "Hỏi?", "en": "Q?"}, "options": "verdicts", "answer": "ok",
                       "clauses": [], "reason": {"vi": "Vì thế.", "en": "Because."}}]}
    assert parse("f.yaml", good).pass_mark == 70  # the default
    with pytest.raises(DataError, match=r"items\[0\] \(x\)\.anwser: unknown key"):
        parse("f.yaml", {**good, "items": [{**good["items"][0], "anwser": "ok"}]})
    with pytest.raises(DataError, match="answer: unknown value 'fine'"):
        parse("f.yaml", {**good, "items": [{**good["items"][0], "answer": "fine"}]})
    with pytest.raises(DataError, match="pass_mark"):
        parse("f.yaml", {**good, "pass_mark": 170})


def test_scoring_counts_unanswered_as_wrong():
    tst = final_test("minors_11_14")
    right = {it.id: it.answer for it in tst.items}
    assert score(tst, right).percent == 100 and score(tst, right).passed
    seven = dict(list(right.items())[:7])
    r = score(tst, seven)
    assert (r.correct, r.total, r.passed) == (7, 10, True)  # 70 % is a pass
    assert not score(tst, dict(list(right.items())[:6])).passed


def _wrong_answer(item):
    return next(o.id for o in item.options if o.id != item.answer)


def test_failing_shows_the_review_then_retake_and_pass(store):
    tst = final_test("adults")
    w = final_test_widget("adults", lang="vi", store=store)
    w.submit.click()  # nothing chosen: no attempt, a message
    assert t("widgets.final.unanswered", "vi", count=len(tst.items)) in w.result.value and store.final_attempts() == []
    missed = tst.items[:6]
    for it in tst.items:
        w.choices[it.id].value = _wrong_answer(it) if it in missed else it.answer
    w.submit.click()
    html = w.result.value
    assert t("widgets.final.failed", "vi", correct=len(tst.items) - 6, total=len(tst.items), percent=round(100 * (len(tst.items) - 6) / len(tst.items)), pass_mark=70) in html and t("widgets.final.review_title", "vi") in html
    for it in missed:  # the right answer, the reason and the clause of every missed item
        assert escape(it.reason["vi"]) in html
        assert all(cite(c, "vi") in html for c in it.clauses)
    verdict_item = next(it for it in missed if it.verdict_item)
    assert t(f"checker.verdict.{verdict_item.answer}", "vi") in html
    [attempt] = ProgressStore(store.path).final_attempts("adults")
    assert (attempt.correct, attempt.total, attempt.passed) == (len(tst.items) - 6, len(tst.items), False)
    # retake: the form comes back empty, and a pass offers the certificate
    w.retake.click()
    assert all(tb.value is None for tb in w.choices.values()) and w.result.value == ""
    for it in tst.items:
        w.choices[it.id].value = it.answer
    w.submit.click()
    assert t("widgets.final.passed", "vi", correct=len(tst.items), total=len(tst.items), percent=100) in w.result.value and t("widgets.final.certificate_ready", "vi") in w.result.value
    assert [a.passed for a in ProgressStore(store.path).final_attempts("adults")] == [False, True]
    # opened again (reload, restart): the last result is shown, with the number of attempts
    again = final_test_widget("adults", lang="en", store=ProgressStore(store.path))
    assert t("widgets.final.passed", "en", correct=len(tst.items), total=len(tst.items), percent=100) in again.result.value
    assert t("widgets.final.attempts", "en", count=2, best=100) in again.view.intro.value


def test_school_final_speaks_to_pupils(store):
    w = final_test_widget("minors_15_18", lang="vi", store=store)
    assert t("widgets.pupil.final.intro", "vi", count=10, pass_mark=70) in w.view.intro.value and "Em cần" in w.view.intro.value


def test_show_builds_each_tracks_final_test_and_certificate(monkeypatch, tmp_path):
    monkeypatch.setenv("CONDUCT_PROGRESS", str(tmp_path / "p.json"))
    for track, tst in final_tests().items():
        w = show.final_test(track, "en")
        assert list(w.choices) == [it.id for it in tst.items]
        cert = show.certificate(track, "vi")
        cert.name.value = "Trần Văn Bình"
        cert.make.click()
        assert "data:application/pdf" not in cert.result.value  # no pass yet: no certificate
        assert escape(speaker("vi", track)("widgets.certificate.not_passed")) in cert.result.value
