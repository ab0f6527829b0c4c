"""assess(): one pipeline, steps in order.

Check the input → detect the language → normalise (two views, one offset map) → for each
concern that applies to the author's role: run its rules (both languages: people mix them),
drop matches inside innocent phrases, keep matches whose supporting words occur nearby, apply
context (words that lower the score, such as warning, teaching or reporting frames, and words
that raise it) → turn the result into a finding with evidence mapped back to the text as typed
and an explanation in both languages → overall verdict = the most serious finding's.
"""
from __future__ import annotations

import re

from conduct import ROLES
from conduct.findings import Assessment, Finding, most_serious
from conduct.i18n import LANGS, t
from conduct.rules import REGISTRY
from conduct.rules.concerns import concerns
from conduct.rules.loader import CompiledConcern, ContextList, common, compiled, joinable
from conduct.rules.matching import Doc, Hit
from conduct.text import detect, normalize

MAX_EVIDENCE = 50
_QUOTES = re.compile(r"\"[^\"\n]{0,300}\"|“[^”\n]{0,300}”|«[^»\n]{0,300}»|(?<!\w)'[^'\n]{0,300}'(?!\w)|(?<!\w)‘[^’\n]{0,300}’(?!\w)")


def check_input(text: object, role: object, lang: object) -> None:
    """Raise TypeError/ValueError with a message that says what is wrong and what to do."""
    if not isinstance(text, str):
        raise TypeError(f"the post must be text (str), not {type(text).__name__}: pass the post as a string")
    if not text.strip():
        raise ValueError("the post is empty: give the text of a post to check")
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}: use one of {', '.join(ROLES)}")
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)} (or leave it out to detect it)")


def assess(text: str, role: str = "individual", lang: str | None = None) -> Assessment:
    """Assess a post against the Code for an author with `role`; `lang=None` detects vi or en."""
    check_input(text, role, lang)
    lang = lang or detect(text)
    cm = common()
    doc = Doc(normalize(text, lang, joinable()), lang, cm.loose)
    innocent = [(h.start, h.end) for lg in LANGS for h in doc.find(cm.innocent[lg], lg)]
    findings = []
    for cid, concern in concerns().items():
        if cid in REGISTRY and concern.applies_to(role):
            f = _evaluate(compiled(cid), doc, role, innocent)
            if f is not None:
                findings.append(f)
    findings.sort(key=lambda f: (-_rank(f.verdict), f.evidence[:1], f.concern))
    return Assessment(text, role, lang, most_serious(f.verdict for f in findings), tuple(findings))


def _rank(verdict: str) -> int:
    from conduct import VERDICTS

    return VERDICTS.index(verdict)


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _near(doc: Doc, h: Hit, others: list[Hit], window: int) -> Hit | None:
    ti, tj = doc.token_index(h.start), doc.token_index(max(h.start, h.end - 1))
    for n in others:
        if (n.start, n.end) == (h.start, h.end):
            continue
        ni, nj = doc.token_index(n.start), doc.token_index(max(n.start, n.end - 1))
        if max(ni - tj, ti - nj, 0) <= window:
            return n
    return None


def _rule_hits(cc: CompiledConcern, doc: Doc, innocent: list[tuple[int, int]]) -> list[Hit]:
    hits = []
    for rule in cc.rules:
        raw = doc.find(rule.words, rule.lang) if rule.words is not None else doc.search(rule.pattern, rule.validate)
        for h in raw:
            if innocent and _inside((h.start, h.end), innocent):
                continue
            extra = []
            for wl in rule.near:
                n = _near(doc, h, doc.find(wl, rule.lang), rule.window)
                if n is None:
                    break
                extra.append((n.start, n.end))
            else:
                hits.append(Hit(h.start, h.end, h.term, rule, rule.score, tuple(extra)))
    return hits


def _context(cc: CompiledConcern, doc: Doc, hits: list[Hit]) -> tuple[list[tuple[ContextList, Hit]], ...]:
    lowered, raised = [], []
    spans = [(h.start, h.end) for h in hits]
    lists = cc.contexts + (common().frames if cc.mention_frames else ())
    for ctx in lists:
        for c in doc.find(ctx.words, ctx.lang):
            if any(c.start < e and s < c.end for s, e in spans):
                continue  # the trigger itself is not its own context
            if ctx.window is not None and not any(_near(doc, h, [c], ctx.window) for h in hits):
                continue
            (lowered if ctx.kind == "lower" else raised).append((ctx, c))
            break
    return lowered, raised


def _quoted(doc: Doc, hits: list[Hit]) -> bool:
    text = doc.norm.marked
    quotes = [m.span() for m in _QUOTES.finditer(text)] if any(q in text for q in "\"“«'‘") else []
    return bool(quotes) and all(_inside((h.start, h.end), quotes) for h in hits)


def _evaluate(cc: CompiledConcern, doc: Doc, role: str, innocent: list[tuple[int, int]]) -> Finding | None:
    hits = _rule_hits(cc, doc, innocent)
    if not hits:
        return None
    best = max(hits, key=lambda h: h.score)
    lowered, raised = _context(cc, doc, hits)
    boost = max((c.factor for c, _ in raised), default=0.0)
    factor = min((c.factor for c, _ in lowered), default=1.0)
    quoted = cc.mention_frames and _quoted(doc, hits)
    if quoted:
        factor *= common().quote_factor
    before = min(1.0, best.score + boost)
    score = before * factor
    concern = concerns()[cc.id]
    if score >= cc.threshold:
        verdict = best.rule.verdict or concern.verdict
        key = "checker.finding_ok" if verdict == "ok" else "checker.finding"
    elif (lowered or quoted) and before >= cc.threshold:
        verdict, key = "ok", "checker.mention"
    else:
        return None
    allowed = concern.clauses_for(role)
    clause = best.rule.clause if best.rule.clause in allowed else allowed[0]
    kept = [h for h in hits if h.score >= min(cc.threshold, best.score)]
    evidence = _evidence(doc, kept)
    words = tuple(dict.fromkeys(doc.norm.original[s:e] for s, e in evidence))[:6]
    ctx_words = tuple(dict.fromkeys(doc.norm.original.__getitem__(slice(*doc.norm.span(c.start, c.end)))
                                    for _, c in (lowered if score < before else raised)))
    effect = "lowered" if (lowered or quoted) and factor < 1 else ("raised" if raised else "")
    explanation = {}
    for lg in LANGS:
        text = t(key, lg, cite=t("checker.cite", lg, id=clause, article=clause.split("(")[0],
                                 number=clause.split("(")[1].rstrip(")")),
                 reason=t(best.rule.message, lg), words=_quote_words(words, lg))
        if effect == "lowered":
            names = [t(f"checker.context.{c.name}", lg) for c, _ in lowered]
            if quoted:
                names.append(t("checker.context.quoted", lg))
            text += " " + t("checker.lowered", lg, frames=", ".join(dict.fromkeys(names)),
                            words=_quote_words(ctx_words, lg) if ctx_words else t("checker.quote_marks", lg))
        elif effect == "raised":
            text += " " + t("checker.raised", lg, frames=", ".join(dict.fromkeys(
                t(f"checker.context.{c.name}", lg) for c, _ in raised)), words=_quote_words(ctx_words, lg))
        explanation[lg] = text
    return Finding(clause, cc.id, verdict, evidence, explanation, round(score, 3), best.rule.name,
                   words, ctx_words, effect)


def _quote_words(words, lang: str) -> str:
    return t("checker.word_sep", lang).join(t("checker.word", lang, word=w) for w in words)


def _evidence(doc: Doc, hits: list[Hit]) -> tuple[tuple[int, int], ...]:
    spans = set()
    for h in hits:
        spans.add(doc.norm.span(h.start, h.end))
        for s, e in h.extra:
            spans.add(doc.norm.span(s, e))
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return tuple((s, e) for s, e in merged[:MAX_EVIDENCE])
