"""The bank grades the state and citizens alike, and follows the Code's own kinds of clause (issue 9).

A recommendation cannot be "violated"; a duty can, whoever holds it. These tests hold the rules the
gold answers were re-graded by, so a later edit cannot quietly bring back the old unfairness.
"""
from __future__ import annotations

import re

from conduct.bank import load_posts, post
from conduct.code import clause
from conduct.curriculum.lessons import TRACKS, load_track

POLITICAL_SLURS = ("bò đỏ", "ba que", "dư luận viên", "red cow")
DISTRICT = re.compile(r"(?<![^\W\d_])(quận|huyện)(?![^\W\d_])|\bdistrict\b", re.IGNORECASE)


def test_no_violation_rests_only_on_recommendations():
    only_advice = [p.id for p in load_posts()
                   if p.verdict == "violation" and all(clause(c).kind == "recommendation" for c in p.clauses)]
    assert not only_advice, f"graded violation but cite only recommendation-type clauses: {only_advice}"


def test_agency_verdicts_follow_the_clause_kind():
    """A state page's breach of a duty (6(2), 6(3)) is a violation; a missed recommendation (6(4)) is not."""
    checked = 0
    for p in load_posts():
        if p.role != "agency" or not {"agency_duty", "account_security"} & set(p.concerns):
            continue
        checked += 1
        duties = [c for c in p.clauses if c in ("6(2)", "6(3)")]
        if duties:
            assert p.verdict == "violation", f"{p.id}: breaches duty {duties} but is graded {p.verdict}"
        elif "6(4)" in p.clauses:
            assert p.verdict == "caution", f"{p.id}: only the 6(4) recommendation, yet graded {p.verdict}"
    assert checked >= 15


def test_an_agency_falsehood_is_graded_as_a_citizens_would_be():
    """The state page denying injuries or calling unsafe water safe engages 4(6) through 6(1), like anyone."""
    for pid in ("vi-a-017", "vi-a-048", "vi-a-115", "en-a-036"):
        p = post(pid)
        assert p.verdict == "violation" and "false_information" in p.concerns, pid
        assert {"6(3)", "4(6)", "6(1)"} <= set(p.clauses), pid
    citizens = [p for p in load_posts() if p.role == "individual" and p.concerns == ("false_information",)]
    assert citizens and {p.verdict for p in citizens} == {"violation"}


def test_an_officials_insult_is_graded_like_anyone_elses():
    rude = post("vi-a-016")
    assert "chuyển đi chỗ khác mà ở" in rude.text
    assert rude.verdict == "violation" and "offensive" in rude.concerns and {"4(6)", "5(1)"} <= set(rude.clauses)
    assert all(p.verdict == "violation" for p in load_posts() if "offensive" in p.concerns)


def test_a_childs_data_cites_the_information_safety_duty_first():
    for p in load_posts():
        if {"personal_data", "child_safety"} <= set(p.concerns) and p.verdict == "violation":
            assert p.clauses[0] == "3(3)", f"{p.id}: cite 3(3) first, not {p.clauses}"


def test_political_group_slurs_are_treated_alike():
    hits = [p for p in load_posts() if any(s in p.text.lower() for s in POLITICAL_SLURS) and p.verdict != "ok"]
    assert len(hits) >= 4
    for p in hits:
        assert p.verdict == "violation" and p.concerns == ("offensive",), p.id
        assert "4(6)" in p.clauses and "4(5)" not in p.clauses, p.id
    assert {s for s in POLITICAL_SLURS if any(s in p.text.lower() for p in hits)} == set(POLITICAL_SLURS)


def test_at_least_eight_lawful_criticism_posts_graded_ok_in_both_languages_and_tracks():
    ok = [p for p in load_posts() if "lawful_criticism" in p.tags]
    assert len(ok) >= 8 and all(p.verdict == "ok" and not p.concerns for p in ok)
    assert {p.lang for p in ok} == {"vi", "en"}
    assert {"adults"} < {p.audience for p in ok}, "adult and school posts both"
    near = [p for p in load_posts() if "criticism_near_miss" in p.tags]
    assert len(near) >= 4 and all(p.verdict != "ok" for p in near)
    assert {p.lang for p in near} == {"vi", "en"} and len({p.audience for p in near}) >= 2


def test_lesson_08_exercise_shows_lawful_criticism_and_a_near_miss():
    course = load_track(next(t for t in TRACKS if t.name == "course"))
    lesson = next(x for x in course if x.number == "08")
    ids = [pid for part in lesson.parts_of("exercise") for pid in part.data["posts"]]
    assert sum("lawful_criticism" in post(pid).tags for pid in ids) >= 2
    assert sum("criticism_near_miss" in post(pid).tags for pid in ids) >= 1


def test_no_post_names_a_district_tier_body():
    """Local government has had two tiers (province; commune/ward) since 1 July 2025."""
    for p in load_posts():
        for where, text in (("text", p.text), ("vi", p.explanation["vi"]), ("en", p.explanation["en"])):
            assert not DISTRICT.search(text), f"{p.id} {where}: {DISTRICT.search(text).group(0)!r}"
        assert "Sở Thông tin và Truyền thông" not in p.text and "Tài nguyên và Môi trường" not in p.text, p.id
