"""The checker against the sample bank's gold answers: agreement stays at or above 95%, and the
posts where they differ are exactly those listed, with reasons, in known_disagreements.yaml."""
from pathlib import Path

import pytest
import yaml

import conduct

LISTED_FILE = Path(__file__).with_name("known_disagreements.yaml")
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


@pytest.fixture(scope="module")
def listed():
    data = yaml.safe_load(LISTED_FILE.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    entries = data["disagreements"]
    for e in entries:
        assert set(e) == {"id", "checker_verdict", "reason"}, e
        assert e["checker_verdict"] in conduct.VERDICTS and e["reason"].strip()
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "a post is listed twice in known_disagreements.yaml"
    return {e["id"]: e["checker_verdict"] for e in entries}


def test_agreement_at_least_95_percent(outcome):
    posts, disagreeing = outcome
    agreement = 1 - len(disagreeing) / len(posts)
    assert agreement >= TARGET, f"agreement {agreement:.1%} on {len(posts)} posts is below {TARGET:.0%}"


def test_disagreements_are_exactly_the_listed_ones(outcome, listed):
    posts, disagreeing = outcome
    ids = {p.id for p in posts}
    gone = sorted(set(listed) - ids)
    assert not gone, f"{gone} are no longer in the bank: remove them from {LISTED_FILE.name}"
    new = sorted(set(disagreeing) - set(listed))
    assert not new, (f"the checker now disagrees with the gold answer on {new} "
                     f"(checker verdicts {[disagreeing[i] for i in new]}): improve the general word lists "
                     f"in conduct/rules/data, or list each post in {LISTED_FILE.name} with the reason")
    fixed = sorted(set(listed) - set(disagreeing))
    assert not fixed, f"{fixed} now agree with the gold answer: remove them from {LISTED_FILE.name}"
    changed = {i: (listed[i], disagreeing[i]) for i in listed if listed[i] != disagreeing[i]}
    assert not changed, f"the checker's verdict changed (listed, now): {changed}; update {LISTED_FILE.name}"
