"""What the checker found: frozen, comparable results that carry their own explanation.

A `Finding` keeps what a learner needs to see why a post was flagged (the clause, the evidence
as offsets into the text as typed, the words that triggered it and any context word that moved
the score) plus the explanation in both languages, built from catalogue messages so the two
editions cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conduct.vocab import VERDICTS

_RANK = {v: i for i, v in enumerate(VERDICTS)}


def most_serious(verdicts) -> str:
    """The most serious of `verdicts` ("ok" when there are none)."""
    return max(verdicts, key=_RANK.__getitem__, default="ok")


@dataclass(frozen=True, order=True)
class Finding:
    """One concern found in a post, with its clause, evidence spans and explanation."""

    clause: str
    concern: str
    verdict: str
    evidence: tuple[tuple[int, int], ...]
    explanation: dict[str, str] = field(hash=False, compare=False)
    score: float = field(default=0.0, compare=False)
    rule: str = field(default="", compare=False)
    words: tuple[str, ...] = field(default=(), compare=False)
    context: tuple[str, ...] = field(default=(), compare=False)
    context_effect: str = field(default="", compare=False)  # "lowered", "raised" or ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "clause": self.clause,
            "concern": self.concern,
            "verdict": self.verdict,
            "evidence": [[s, e] for s, e in self.evidence],
            "explanation": {"vi": self.explanation["vi"], "en": self.explanation["en"]},
        }


@dataclass(frozen=True)
class Assessment:
    """The checker's answer for one post: the overall verdict and the findings behind it."""

    text: str
    role: str
    lang: str
    verdict: str
    findings: tuple[Finding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "findings": [f.to_dict() for f in self.findings]}

    def explain(self, lang: str | None = None) -> str:
        """A readable explanation in `lang` (default: Vietnamese)."""
        from conduct.i18n import check_lang, t

        lang = check_lang(lang)
        lines = [t("checker.verdict_line", lang, verdict=t(f"checker.verdict.{self.verdict}", lang))]
        if not self.findings:
            lines.append(t("checker.nothing_found", lang))
        for f in self.findings:
            lines.append(t("checker.bullet", lang, verdict=t(f"checker.verdict.{f.verdict}", lang),
                           text=f.explanation[lang]))
        return "\n".join(lines)
