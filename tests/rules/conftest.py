"""Shared checks for the rule tests: one call states the input, the role and the expected finding."""
from __future__ import annotations

import pytest

import conduct
from conduct.code import cite
from conduct.findings import Finding


def find_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Exact (start, end) offsets of each word, searched left to right."""
    spans, pos = [], 0
    for w in words:
        i = text.index(w, pos)
        spans.append((i, i + len(w)))
        pos = i
    return sorted(spans)


def check_finding(text: str, concern: str, role: str, verdict: str | None, words: list[str]) -> Finding | None:
    """The assessment has (or has not) a finding for `concern` with this verdict, clause and evidence;
    returns the finding, for tests that also check which rule it rests on."""
    result = conduct.assess(text, role=role)
    found = [f for f in result.findings if f.concern == concern]
    if verdict is None:
        assert not found, f"unexpected {concern} finding: {found[0].explanation['en']}"
        return None
    assert len(found) == 1, f"no {concern} finding in {text!r}: {result.to_dict()}"
    f = found[0]
    assert f.verdict == verdict, f.explanation["en"]
    assert f.clause in conduct.code.concerns.clauses_for(concern, role) or f.clause in \
        conduct.code.concerns.concerns()[concern].clauses["default"]
    assert list(f.evidence) == find_spans(text, words), [text[s:e] for s, e in f.evidence]
    for lang in ("vi", "en"):
        assert f.explanation[lang].strip()
    for lang in ("vi", "en"):  # the clause is cited the one way the course cites it
        assert cite(f.clause, lang) in f.explain(lang)
    return f


@pytest.fixture(scope="session")
def check():
    import conduct.code.concerns  # noqa: F401  (make the submodule reachable as an attribute)

    return check_finding
