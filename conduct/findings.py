"""What the checker found: frozen, comparable results that carry what is needed to explain them.

A `Finding` keeps what a learner needs to see why a post was flagged: the clause, the evidence
as offsets into the text as typed, the words that triggered it, any context word that moved the
score, and the catalogue keys of the explanation (`message`, `reason`, `frames`). The sentence
itself is rendered at the edge, in the language asked for, from the one catalogue per language,
so a wording change or a third language touches no engine code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from conduct.code import cite
from conduct.i18n import catalogue, check_catalogues, check_lang, t
from conduct.vocab import LANGS, VERDICTS

_RANK = {v: i for i, v in enumerate(VERDICTS)}


def most_serious(verdicts) -> str:
    """The most serious of `verdicts` ("ok" when there are none)."""
    return max(verdicts, key=_RANK.__getitem__, default="ok")


@dataclass(frozen=True, order=True)
class Finding:
    """One concern found in a post, with its clause, evidence spans and the makings of its explanation."""

    clause: str
    concern: str
    verdict: str
    evidence: tuple[tuple[int, int], ...]
    score: float = field(default=0.0, compare=False)
    rule: str = field(default="", compare=False)
    words: tuple[str, ...] = field(default=(), compare=False)
    context: tuple[str, ...] = field(default=(), compare=False)
    context_effect: str = field(default="", compare=False)  # "lowered", "raised" or ""
    message: str = field(default="checker.finding", compare=False)  # finding, finding_ok or mention
    reason: str = field(default="", compare=False)  # checker.reason.<…>: what the words amount to
    frames: tuple[str, ...] = field(default=(), compare=False)  # checker.context.<name> of the movers
    model_effect: str = field(default="", compare=False)  # a learned model "raised" or "lowered" the score
    model_probability: float = field(default=0.0, compare=False)  # …judging the text this likely offensive

    def explain(self, lang: str) -> str:
        """The explanation of this finding in `lang`, from the catalogue."""
        return render(self, check_lang(lang))

    @property
    def explanation(self) -> dict[str, str]:
        """The explanation in every language, rendered now (nothing rendered is stored)."""
        return {lang: render(self, lang) for lang in LANGS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "clause": self.clause,
            "concern": self.concern,
            "verdict": self.verdict,
            "evidence": [[s, e] for s, e in self.evidence],
            "explanation": self.explanation,
        }


def _quote_words(words, cat: dict[str, str]) -> str:
    return cat["checker.word_sep"].join(cat["checker.word"].format(word=w) for w in words)


def render(f: Finding, lang: str) -> str:
    """One finding's sentence(s) in `lang`: the clause cited, what was found, and what moved the score."""
    check_catalogues()
    cat = catalogue(lang)
    text = cat[f.message].format(cite=cite(f.clause, lang), reason=cat[f.reason], words=_quote_words(f.words, cat))
    if f.context_effect:
        names = ", ".join(dict.fromkeys(cat[f"checker.context.{name}"] for name in f.frames))
        words = _quote_words(f.context, cat) if f.context else cat["checker.quote_marks"]
        text += " " + cat[f"checker.{f.context_effect}"].format(frames=names, words=words)
    if f.model_effect:
        percent = min(99, max(1, round(100 * f.model_probability)))  # a model is never certain
        text += " " + cat[f"checker.model_{f.model_effect}"].format(percent=percent)
    return text


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
        lang = check_lang(lang)
        lines = [t("checker.verdict_line", lang, verdict=t(f"checker.verdict.{self.verdict}", lang))]
        if not self.findings:
            lines.append(t("checker.nothing_found", lang))
        for f in self.findings:
            lines.append(
                t("checker.bullet", lang, verdict=t(f"checker.verdict.{f.verdict}", lang), text=f.explain(lang))
            )
        return "\n".join(lines)
