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
from bisect import bisect_left, bisect_right

from conduct.vocab import ROLES, VERDICTS
from conduct.findings import Assessment, Finding, most_serious
from conduct.i18n import LANGS, catalogue, check_catalogues
from conduct.rules import REGISTRY
from conduct.rules.concerns import concerns
from conduct.rules.loader import CompiledConcern, ContextList, common, compiled, joinable, vocabulary
from conduct.rules.matching import Doc, Hit
from conduct.text import detect, normalize

MAX_EVIDENCE = 50
CONTEXT_WINDOW = 40  # words around the evidence that a context word must fall within
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
    doc = Doc(normalize(text, lang, joinable()), lang, vocabulary())
    innocent = _Spans((h.start, h.end) for lg in LANGS for h in doc.find(cm.innocent[lg]))
    cache: dict = {}
    findings = []
    doc.scan_all()
    for cid, concern in concerns().items():
        if cid in REGISTRY and concern.applies_to(role):
            cc = compiled(cid)
            if not doc.may_match(cc.list_uids, cc.pattern_gates):
                continue
            f = _evaluate(cc, doc, role, innocent, cache)
            if f is not None:
                findings.append(f)
    findings.sort(key=lambda f: (-_rank(f.verdict), f.evidence[:1], f.concern))
    return Assessment(text, role, lang, most_serious(f.verdict for f in findings), tuple(findings))


def _rank(verdict: str) -> int:
    return VERDICTS.index(verdict)


class _Spans:
    """Sorted spans with fast "is this span inside one of them" queries (posts can be 1 MB)."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_end, best = [], -1  # running maximum of the ends: containment by any earlier span
        for _, e in self.spans:
            best = max(best, e)
            self.max_end.append(best)

    def contains(self, span: tuple[int, int]) -> bool:
        i = bisect_right(self.starts, span[0]) - 1
        return i >= 0 and self.max_end[i] >= span[1]


class _Near:
    """Hits of one list indexed by word position, for "within N words" queries."""

    def __init__(self, doc: Doc, hits: list[Hit]):
        self.items = sorted((*_token_span(doc, h), h.start, h.end, i) for i, h in enumerate(hits))
        self.hits = hits
        self.firsts = [it[0] for it in self.items]
        self.longest = max((it[1] - it[0] for it in self.items), default=0)

    def find(self, ti: int, tj: int, window: int, exclude: tuple[int, int] | None = None,
             outside: "_Spans | None" = None) -> Hit | None:
        """A hit within `window` words of words ti..tj, other than `exclude` and not inside `outside`."""
        k = bisect_left(self.firsts, ti - window - self.longest)
        for ni, nj, s, e, i in self.items[k:]:
            if ni > tj + window:
                break
            if max(ni - tj, ti - nj, 0) <= window and (s, e) != exclude and \
                    not (outside is not None and outside.contains((s, e))):
                return self.hits[i]
        return None


def _token_span(doc: Doc, h: Hit) -> tuple[int, int]:
    return doc.token_index(h.start), doc.token_index(max(h.start, h.end - 1))


def _near_index(doc: Doc, cache: dict, wl) -> _Near:
    idx = cache.get(wl.uid)
    if idx is None:
        idx = cache[wl.uid] = _Near(doc, doc.find(wl))
    return idx


def _rule_hits(cc: CompiledConcern, doc: Doc, innocent: _Spans, cache: dict) -> list[Hit]:
    hits = []
    for rule in cc.rules:
        if rule.words is not None:
            raw = doc.find(rule.words)
        elif rule.needs and not doc.has_any(rule.needs):
            continue
        else:
            raw = doc.search(rule.pattern, rule.validate)
        for h in raw:
            if innocent.spans and innocent.contains((h.start, h.end)):
                continue
            extra = []
            if rule.near:
                ti, tj = _token_span(doc, h)
                for wl in rule.near:
                    n = _near_index(doc, cache, wl).find(ti, tj, rule.window, (h.start, h.end))
                    if n is None:
                        break
                    extra.append((n.start, n.end))
                else:
                    hits.append(Hit(h.start, h.end, h.term, rule, rule.score, tuple(extra)))
            else:
                hits.append(Hit(h.start, h.end, h.term, rule, rule.score, ()))
    return hits


def _context_lists(cc: CompiledConcern, doc: Doc) -> list[ContextList]:
    """The concern's context lists (and shared frames) that occur in the post at all."""
    frames = common().frames
    lists = cc.contexts + (frames if cc.mention_frames else tuple(f for f in frames if f.every_concern))
    return [ctx for ctx in lists if doc.find(ctx.words)]


def _hit_context(doc: Doc, h: Hit, ctxs: list[ContextList], cache: dict, triggers: _Spans) -> tuple[list, list]:
    """Context words near this match (words inside the concern's own matches are not context)."""
    lowered, raised = [], []
    ti, tj = _token_span(doc, h)
    allowed = h.rule.frames
    for ctx in ctxs:
        if allowed is not None and ctx.name not in allowed and ctx in common().frames:
            continue  # e.g. cursing is not excused by being part of a warning
        c = _near_index(doc, cache, ctx.words).find(ti, tj, ctx.window or CONTEXT_WINDOW, outside=triggers)
        if c is not None:
            (lowered if ctx.kind == "lower" else raised).append((ctx, c))
    return lowered, raised


def _in_quotes(doc: Doc, h: Hit, cache: dict) -> bool:
    quotes = cache.get("quotes")
    if quotes is None:
        text = doc.norm.marked
        quotes = cache["quotes"] = _Spans(m.span() for m in _QUOTES.finditer(text)) \
            if any(q in text for q in "\"“«'‘") else _Spans(())
    return bool(quotes.spans) and quotes.contains((h.start, h.end))


def _evaluate(cc: CompiledConcern, doc: Doc, role: str, innocent: "_Spans", cache: dict) -> Finding | None:
    hits = _rule_hits(cc, doc, innocent, cache)
    if not hits:
        return None
    # Context is judged per match, so in a long text a warning next to one sentence does not excuse
    # an insult three paragraphs away.
    ctxs = _context_lists(cc, doc)
    triggers = _Spans((h.start, h.end) for h in hits) if ctxs else None
    scored = []
    for h in hits:
        lowered, raised = _hit_context(doc, h, ctxs, cache, triggers) if ctxs else ([], [])
        boost = max((c.factor for c, _ in raised), default=0.0)
        factor = min((c.factor for c, _ in lowered), default=1.0)
        quoted = cc.mention_frames and bool(lowered) and _in_quotes(doc, h, cache)  # quoting strengthens a frame
        if quoted:
            factor *= common().quote_factor
        before = min(1.0, h.score + boost)
        scored.append((before * factor, before, h, lowered, raised, quoted))
    score, before, best, lowered, raised, quoted = max(scored, key=lambda x: (x[0], x[1]))
    concern = concerns()[cc.id]
    if score >= cc.threshold:
        verdict = best.rule.verdict or concern.verdict
        key = "checker.finding_ok" if verdict == "ok" else "checker.finding"
        kept = [x[2] for x in scored if x[0] >= cc.threshold]
    else:
        mentions = [x for x in scored if x[3] and x[1] >= cc.threshold]  # a frame shows a mention
        if not mentions:
            return None
        score, before, best, lowered, raised, quoted = max(mentions, key=lambda x: (x[1], x[0]))
        verdict, key = "ok", "checker.mention"
        kept = [x[2] for x in mentions]
    allowed = concern.clauses_for(role)
    clause = best.rule.clause if best.rule.clause in allowed else allowed[0]
    evidence = _evidence(doc, kept)
    words = tuple(dict.fromkeys(doc.norm.original[s:e] for s, e in evidence))[:6]
    movers = lowered if score < before else raised
    ctx_words = tuple(dict.fromkeys(_typed(doc, c) for _, c in movers))
    effect = "lowered" if lowered and score < before else ("raised" if raised else "")
    explanation = {}
    article, number = clause.split("(")[0], clause.split("(")[1].rstrip(")")
    for lg in LANGS:
        cat = _catalogue(lg)
        text = cat[key].format(cite=cat["checker.cite"].format(article=article, number=number),
                               reason=cat[best.rule.message], words=_quote_words(words, cat))
        if effect == "lowered":
            names = [cat[f"checker.context.{c.name}"] for c, _ in lowered]
            if quoted:
                names.append(cat["checker.context.quoted"])
            text += " " + cat["checker.lowered"].format(
                frames=", ".join(dict.fromkeys(names)),
                words=_quote_words(ctx_words, cat) if ctx_words else cat["checker.quote_marks"])
        elif effect == "raised":
            text += " " + cat["checker.raised"].format(frames=", ".join(dict.fromkeys(
                cat[f"checker.context.{c.name}"] for c, _ in raised)), words=_quote_words(ctx_words, cat))
        explanation[lg] = text
    return Finding(clause, cc.id, verdict, evidence, explanation, round(score, 3), best.rule.name,
                   words, ctx_words, effect)


def _typed(doc: Doc, h: Hit) -> str:
    """The words of a match as the user typed them."""
    s, e = doc.norm.span(h.start, h.end)
    return doc.norm.original[s:e]


def _catalogue(lang: str) -> dict[str, str]:
    """The checker's messages in `lang` (the catalogue, checked once for matching vi/en keys)."""
    check_catalogues()
    return catalogue(lang)


def _quote_words(words, cat: dict[str, str]) -> str:
    return cat["checker.word_sep"].join(cat["checker.word"].format(word=w) for w in words)


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
