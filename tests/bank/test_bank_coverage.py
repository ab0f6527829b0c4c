"""The bank as teaching material: the coverage the course promises (issue 2), measured over the
whole bank, and over the adult files alone so the targets never hinge on the school files."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from conduct.bank import load_posts
from conduct.code import load_code
from conduct.code.concerns import concerns

CONCERNS = tuple(concerns())


def code_clauses_3_to_7(kinds: set[str]) -> list[str]:
    return [c.id for c in load_code().clauses if 3 <= c.article <= 7 and kinds & set(c.kinds)]


SCOPES = {"whole bank": {}, "adult files": {"audience": "adults"}}


def test_size_and_language_mix():
    posts = load_posts()
    assert len(posts) >= 240
    vi = sum(p.lang == "vi" for p in posts)
    assert vi / len(posts) >= 0.60, f"{vi}/{len(posts)} Vietnamese"


def test_adult_files_meet_their_own_quota():
    adults = load_posts(audience="adults")
    assert sum(p.lang == "vi" for p in adults) >= 125
    assert sum(p.lang == "en" for p in adults) >= 65
    assert {p.role for p in adults} == {"individual", "organization", "official", "agency", "provider"}
    assert {p.difficulty for p in adults} == {1, 2, 3}
    traps = sum(p.trap for p in adults)
    assert traps / len(adults) >= 0.30, f"{traps}/{len(adults)} trap posts"


@pytest.mark.parametrize("scope", SCOPES)
def test_every_concern_appears_at_least_ten_times(scope):
    counts = Counter(c for p in load_posts(**SCOPES[scope]) for c in p.concerns)
    short = {c: counts[c] for c in CONCERNS if counts[c] < 10}
    assert not short, f"concerns with fewer than 10 posts: {short}"


@pytest.mark.parametrize("scope", SCOPES)
def test_every_clause_of_articles_3_to_7_is_cited_at_least_twice(scope):
    # duties and prohibitions are required by the issue; recommendations (4(2), 4(7), 4(8), 6(4)) too
    wanted = code_clauses_3_to_7({"duty", "prohibition", "recommendation"})
    assert len(wanted) == 24
    counts = Counter(c for p in load_posts(**SCOPES[scope]) for c in p.clauses)
    short = {c: counts[c] for c in wanted if counts[c] < 2}
    assert not short, f"clauses cited fewer than twice: {short}"


@pytest.mark.parametrize("scope", SCOPES)
def test_at_least_a_quarter_are_trap_ok_posts(scope):
    posts = load_posts(**SCOPES[scope])
    traps = [p for p in posts if p.trap]
    assert all(p.verdict == "ok" and not set(p.concerns) - {"positive"} for p in traps)
    assert len(traps) / len(posts) >= 0.25, f"{len(traps)}/{len(posts)} trap posts"


def test_every_post_is_explained_in_both_languages_in_nfc():
    for p in load_posts():
        for lang in ("vi", "en"):
            text = p.explanation[lang]
            assert text.strip(), (p.id, lang)
            assert unicodedata.is_normalized("NFC", text), (p.id, lang)
        assert unicodedata.is_normalized("NFC", p.text), p.id


def test_explanations_cite_the_posts_clauses():
    """A reason names its clause: 'Điều 4 khoản 5' in Vietnamese, 'Art. 4(5)' in English."""
    missing = []
    for p in load_posts():
        if not p.clauses:
            continue
        vi = [f"Điều {c.split('(')[0]} khoản {c.split('(')[1].rstrip(')')}" for c in p.clauses]
        en = [f"Art. {c}" for c in p.clauses]
        if not any(re.search(re.escape(v) + r"(?!\d)", p.explanation["vi"]) for v in vi):
            missing.append((p.id, "vi"))
        if not any(e in p.explanation["en"] for e in en):
            missing.append((p.id, "en"))
    assert not missing, missing


def test_gold_answers_use_both_verdict_levels_and_every_topic():
    posts = load_posts()
    assert {p.verdict for p in posts} == {"ok", "caution", "violation"}
    from conduct.bank import TOPICS
    assert {p.topic for p in posts} == set(TOPICS)


def test_adult_trap_explanations_say_why_a_keyword_filter_would_be_wrong():
    """A trap teaches only if its reason names the mistake: matching words instead of meaning."""
    vague = [p.id for p in load_posts(audience="adults") if p.trap and not (
        "bộ lọc" in p.explanation["vi"].lower() and "filter" in p.explanation["en"].lower())]
    assert not vague, vague
