"""The checker on realistic posts written for issue 10 (tests/rules/data/realistic_posts.yaml):
both halves, including the held-out one the rules were never tuned on, stay above the issue's
bar, and the set itself keeps its promised shape (size, traps, variants)."""
from collections import Counter

import pytest
from realistic_posts import load

import conduct

POSTS = load()


def test_the_set_has_its_promised_shape():
    assert len(POSTS) >= 400
    assert sum(p.trap for p in POSTS) >= len(POSTS) / 2
    kinds = Counter(p.variant for p in POSTS)
    assert set(kinds) >= {"typed", "no_diacritics", "teencode", "nfd", "zero_width", "emoji", "chat"}
    assert {p.lang for p in POSTS} == {"vi", "en"} and {p.half for p in POSTS} == {"dev", "held"}


@pytest.mark.parametrize("half", ["dev", "held"])
def test_verdicts_agree_and_harmless_posts_pass(half):
    chosen = [p for p in POSTS if p.half == half]
    results = [conduct.assess(p.text, role=p.role) for p in chosen]
    wrong = [(p.id, p.verdict, r.verdict) for p, r in zip(chosen, results, strict=True) if r.verdict != p.verdict]
    assert 1 - len(wrong) / len(chosen) >= 0.85, wrong
    harmless = [(p, r) for p, r in zip(chosen, results, strict=True) if p.verdict == "ok"]
    flagged = [p.id for p, r in harmless if r.verdict != "ok"]
    assert len(flagged) / len(harmless) <= 0.08, flagged
