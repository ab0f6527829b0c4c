"""The checker against the sample bank's gold answers: agreement stays at or above 95%.

There is deliberately no list of known disagreements to match: the bank is regraded as the
content changes, and the rules are improved by general vocabulary, never tuned post by post.
"""
import pytest

import conduct

TARGET = 0.95


def agrees(post, result) -> bool:
    """Same overall verdict and, for a flagged gold post, at least one gold concern found."""
    if result.verdict != post.verdict:
        return False
    if post.verdict == "ok":
        return True
    found = {f.concern for f in result.findings if f.verdict != "ok"}
    return bool(found & set(post.concerns))


@pytest.fixture(scope="module")
def outcome():
    posts = conduct.load_posts()
    results = {p.id: conduct.assess(p.text, role=p.role) for p in posts}
    disagreeing = {p.id: results[p.id].verdict for p in posts if not agrees(p, results[p.id])}
    return posts, disagreeing


def test_agreement_at_least_95_percent(outcome):
    posts, disagreeing = outcome
    agreement = 1 - len(disagreeing) / len(posts)
    assert agreement >= TARGET, (f"agreement {agreement:.1%} on {len(posts)} posts is below {TARGET:.0%}; "
                                 f"the checker disagrees on {disagreeing}")
