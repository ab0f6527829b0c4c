"""assess(): one pipeline, steps in order.

Check the input → detect the language → normalise (two views, one offset map) → for each
concern that applies to the author's role: run its rules (both languages: people mix them),
drop matches inside innocent phrases, keep matches whose supporting words occur nearby, apply
context (words that lower the score, such as warning, teaching or reporting frames, and words
that raise it) → turn the result into a finding with evidence mapped back to the text as typed
and the catalogue keys of its explanation → overall verdict = the most serious finding's.
Each concern is evaluated in named steps (`_evaluate`): recognise, score in context, select,
choose clause and verdict, gather evidence; the explanation is rendered only when asked for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from conduct.code.concerns import concerns
from conduct.findings import Assessment, Finding, most_serious
from conduct.rules.loader import CompiledConcern, ContextList, common, compiled, joinable, registered, vocabulary
from conduct.rules.matching import Doc, Hit
from conduct.rules.model import weigh
from conduct.text import detect, normalize
from conduct.text.offsets import merge_spans
from conduct.vocab import LANGS, ROLES, VERDICTS

MAX_EVIDENCE = 50
# A rule's matches scored per post: far more than a finding needs (its score is the best match's,
# its evidence at most MAX_EVIDENCE spans), and a bound on the work for a 1 MB post in which every
# sentence matches. Matches are taken in the order of the text.
MAX_HITS = 250
CONTEXT_WINDOW = 40  # words around the evidence that a context word must fall within
_QUOTES = re.compile(
    r"\"[^\"\n]{0,300}\"|“[^”\n]{0,300}”|«[^»\n]{0,300}»|(?<!\w)'[^'\n]{0,300}'(?!\w)|(?<!\w)‘[^’\n]{0,300}’(?!\w)"
)


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
    innocent = _Spans(span for lg in LANGS for span in doc.spans(cm.innocent[lg]))
    cache: dict = {"innocent": innocent}
    findings = []
    doc.scan_all()
    for concern in registered():
        if concern.applies_to(role):
            cc = compiled(concern.id)
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
    """Where one list occurs, for "within N words" queries. Kept as plain start and end positions
    (a list may match 50,000 times in a 1 MB post); word positions are computed only for the few
    places a query looks at, and a Hit is made only for the one it returns."""

    def __init__(self, doc: Doc, spans: list[tuple[int, int]]):
        self.doc = doc
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.longest = max((e - s for s, e in spans), default=0)

    def find(
        self,
        ti: int,
        tj: int,
        window: int,
        exclude: tuple[int, int] | None = None,
        outside: _Spans | None = None,
        sentence: tuple[int, int] | None = None,
    ) -> Hit | None:
        """A hit within `window` words of words ti..tj, other than `exclude`, not inside `outside`,
        and (given the span `sentence`) with no sentence break between it and that span."""
        starts = self.starts
        if not starts:
            return None
        tokens = self.doc.token_starts
        first, last = max(0, ti - window), tj + window + 1
        lo = tokens[first] - self.longest if first < len(tokens) else starts[-1] + 1
        hi = tokens[last] if last < len(tokens) else None
        ends = self.ends
        for i in range(bisect_left(starts, lo), len(starts)):
            s, e = starts[i], ends[i]
            if hi is not None and s >= hi:
                break
            ni = bisect_right(tokens, s) - 1
            nj = bisect_right(tokens, e - 1) - 1 if e - 1 > s else ni
            if (
                ni - tj <= window
                and ti - nj <= window
                and (s, e) != exclude
                and not (outside is not None and outside.contains((s, e)))
                and not (sentence is not None and self.doc.sentence_break(sentence, (s, e)))
            ):
                return Hit(s, e, "")
        return None


def _token_span(doc: Doc, h: Hit) -> tuple[int, int]:
    """The indexes of the first and last words of a match."""
    tokens = doc.token_starts
    i = bisect_right(tokens, h.start) - 1
    return i, (bisect_right(tokens, h.end - 1) - 1 if h.end - 1 > h.start else i)


def _near_index(doc: Doc, cache: dict, wl) -> _Near:
    """Where a supporting or context list occurs, leaving out words inside innocent phrases (the
    "thứ" of "thứ Hai" is no one insulted; the "kỳ thi" of an exam is no lesson on "kỳ thị")."""
    idx = cache.get(wl.uid)
    if idx is None:
        innocent: _Spans = cache["innocent"]
        spans = doc.spans(wl)
        if innocent.spans:
            spans = [sp for sp in spans if not innocent.contains(sp)]
        idx = cache[wl.uid] = _Near(doc, spans)
    return idx


def _rule_hits(cc: CompiledConcern, doc: Doc, role: str, innocent: _Spans, cache: dict) -> list[Hit]:
    hits = []
    present = doc.scan_all().uids  # the lists found in the post
    gates = doc.gates
    for rule in cc.rules:
        if rule.roles is not None and role not in rule.roles:
            continue
        raw: Iterable[Hit]
        if rule.words is not None:
            if rule.words.uid not in present:
                continue
            raw = doc.iter_hits(rule.words)  # made lazily: at most 4 * MAX_HITS are looked at
        elif rule.needs and not (gates.get(rule.needs) or gates.get(rule.needs) is None and doc.has_any(rule.needs)):
            continue  # (the gate's answer is cached in doc.gates: most rules are skipped on that lookup)
        else:
            assert rule.pattern is not None  # the loader gives every rule words or a pattern
            raw = doc.search(rule.pattern, rule.validate)
        taken = 0
        for looked, h in enumerate(raw):
            if taken >= MAX_HITS or looked >= 4 * MAX_HITS:
                break
            if innocent.spans and innocent.contains((h.start, h.end)):
                continue
            taken += 1
            extra = []
            if rule.near:
                ti, tj = _token_span(doc, h)
                for wl in rule.near:
                    n = _near_index(doc, cache, wl).find(
                        ti, tj, rule.window, (h.start, h.end), sentence=(h.start, h.end) if rule.same_sentence else None
                    )
                    if n is None:
                        break
                    extra.append((n.start, n.end))
                else:
                    hits.append(Hit(h.start, h.end, h.term, rule, rule.score, tuple(extra), h.typed))
            else:
                hits.append(Hit(h.start, h.end, h.term, rule, rule.score, (), h.typed))
    return hits


def _context_lists(cc: CompiledConcern, doc: Doc) -> list[ContextList]:
    """The concern's context lists (and shared frames) that occur in the post at all."""
    frames = common().frames
    lists = cc.contexts + (frames if cc.mention_frames else tuple(f for f in frames if f.every_concern))
    present = doc.scan_all().uids
    return [ctx for ctx in lists if ctx.words.uid in present]


def _hit_context(doc: Doc, h: Hit, ctxs: list[ContextList], cache: dict, triggers: _Spans | None) -> tuple[list, list]:
    """Context words near this match (words inside the concern's own matches are not context)."""
    lowered: list[tuple[ContextList, Hit]] = []
    raised: list[tuple[ContextList, Hit]] = []
    ti, tj = _token_span(doc, h)
    for s, e in h.extra:  # the words it needed (e.g. the person insulted) are part of the match
        si, sj = _token_span(doc, Hit(s, e, ""))
        ti, tj = min(ti, si), max(tj, sj)
    allowed = h.rule.frames
    if allowed is not None and _in_quotes(doc, h, cache):
        allowed = None  # words in quotation marks are someone else's: any frame may show them reported
    spared = h.rule.not_lowered_by
    for ctx in ctxs:
        if allowed is not None and ctx.name not in allowed and ctx in common().frames:
            continue  # e.g. cursing is not excused by being part of a warning
        if spared and ctx.name in spared and ctx.kind == "lower":
            continue  # e.g. crude words about oneself are still crude words
        c = _near_index(doc, cache, ctx.words).find(ti, tj, ctx.window or CONTEXT_WINDOW, outside=triggers)
        if c is not None:
            (lowered if ctx.kind == "lower" else raised).append((ctx, c))
    return lowered, raised


def _in_quotes(doc: Doc, h: Hit, cache: dict) -> bool:
    quotes = cache.get("quotes")
    if quotes is None:
        text = doc.norm.marked
        quotes = cache["quotes"] = (
            _Spans(m.span() for m in _QUOTES.finditer(text)) if any(q in text for q in "\"“«'‘") else _Spans(())
        )
    return bool(quotes.spans) and quotes.contains((h.start, h.end))


@dataclass(frozen=True)
class _Scored:
    """One match after context: its score before and after, and the context that moved it."""

    score: float
    before: float
    hit: Hit
    lowered: tuple
    raised: tuple
    quoted: bool
    model: tuple[str, float] = ("", 0.0)  # ("raised" or "lowered", probability) if a learned model moved it


def _evaluate(cc: CompiledConcern, doc: Doc, role: str, innocent: _Spans, cache: dict) -> Finding | None:
    """One concern on one post, in named steps: recognise matches, score them in their context,
    select what the finding rests on, choose the clause and verdict, then gather the evidence."""
    hits = _rule_hits(cc, doc, role, innocent, cache)
    if not hits:
        return None
    scored = _score(cc, doc, hits, cache)
    selected = _select(cc, scored)
    if selected is None:
        return None
    best, kept, mention = selected
    concern = concerns()[cc.id]
    clause = _choose_clause(concern, best.hit, role)
    verdict = "ok" if mention else (best.hit.rule.verdict or concern.verdict_for(role, clause))
    return _finding(cc.id, clause, verdict, mention, best, kept, doc)


def _score(cc: CompiledConcern, doc: Doc, hits: list[Hit], cache: dict) -> list[_Scored]:
    """Each match's score with the context near it. Context is judged per match, so in a long text
    a warning next to one sentence does not excuse an insult three paragraphs away."""
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
        model = ("", 0.0)
        if h.rule.model is not None:  # a learned model may move the score (rules/model.py), never up in a frame
            before, effect, p = weigh(h.rule.model, doc, h.start, h.end, before, cache, not lowered)
            model = (effect, p)
        scored.append(_Scored(before * factor, before, h, tuple(lowered), tuple(raised), quoted, model))
    return scored


def _select(cc: CompiledConcern, scored: list[_Scored]) -> tuple[_Scored, list[Hit], bool] | None:
    """The match the finding rests on, the matches kept as evidence, and whether it is only a
    mention (every match over the threshold was brought under it by a frame such as a warning)."""
    best = max(scored, key=lambda x: (x.score, x.before))
    if best.score >= cc.threshold:
        return best, [x.hit for x in scored if x.score >= cc.threshold], False
    mentions = [x for x in scored if x.lowered and x.before >= cc.threshold]
    if not mentions:
        return None
    return max(mentions, key=lambda x: (x.before, x.score)), [x.hit for x in mentions], True


def _choose_clause(concern, hit: Hit, role: str) -> str:
    """The rule's own clause when the role is bound by it, else the concern's first for the role."""
    allowed = concern.clauses_for(role)
    return hit.rule.clause if hit.rule.clause in allowed else allowed[0]


def _finding(cid: str, clause: str, verdict: str, mention: bool, best: _Scored, kept: list[Hit], doc: Doc) -> Finding:
    """The finding with its evidence in the text as typed and the catalogue keys that explain it."""
    evidence = _evidence(doc, kept)
    words = tuple(dict.fromkeys(doc.norm.original[s:e] for s, e in evidence))[:6]
    lowered = best.score < best.before and bool(best.lowered)
    movers = best.lowered if lowered else best.raised
    effect = "lowered" if lowered else ("raised" if best.raised else "")
    frames = tuple(c.name for c, _ in movers) + (("quoted",) if lowered and best.quoted else ())
    message = "checker.mention" if mention else ("checker.finding_ok" if verdict == "ok" else "checker.finding")
    return Finding(
        clause,
        cid,
        verdict,
        evidence,
        round(best.score, 3),
        best.hit.rule.name,
        words,
        tuple(dict.fromkeys(_typed(doc, c) for _, c in movers)),
        effect,
        message,
        best.hit.rule.message,
        tuple(dict.fromkeys(frames)),
        *best.model,  # what a learned model did to the score, and its probability
    )


def _typed(doc: Doc, h: Hit) -> str:
    """The words of a match as the user typed them."""
    s, e = doc.norm.span(h.start, h.end)
    return doc.norm.original[s:e]


def _evidence(doc: Doc, hits: list[Hit]) -> tuple[tuple[int, int], ...]:
    """The first MAX_EVIDENCE spans (matches and their supporting words), merged, as typed."""
    spans = []
    for h in sorted(hits, key=lambda h: h.start)[: 2 * MAX_EVIDENCE]:
        spans.append(doc.norm.span(h.start, h.end))
        spans.extend(doc.norm.span(s, e) for s, e in h.extra)
        spans.extend(h.typed)
    return tuple(merge_spans(spans)[:MAX_EVIDENCE])
