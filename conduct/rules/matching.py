"""Word lists and patterns from the data files, compiled once and matched against a post.

Every word list of a language (all concerns, context frames, innocent phrases) is compiled into
one regex alternation factored as a trie, over the folded view of the post (lower case, no
diacritics). One pass of that alternation finds the longest entry at each place; the shorter
entries starting at the same word and the entries starting inside a match are read off the same
trie, so overlapping entries of different lists ("thằng" the target and "thằng ngu" the insult)
are all found. A 1 MB post therefore costs one scan per language instead of one per list, and a
short post a few dictionary lookups; each match is attributed back to the lists holding it.

A folded match is accepted only if the words were typed that way: exactly (with the entry's
diacritics, in any tone placement: "hoà" = "hòa"), or without any diacritics at all. So "ngu" and
"ngủ" stay different words while "oc cho" still matches "óc chó". A one-word entry written with
diacritics must be typed with them (bare "di" is "đi", not "đĩ"), except for the bare forms listed
as `loose` in common.yaml. The other language's lists only match exactly as written.
"""

from __future__ import annotations

import functools
import itertools
import re
import re._constants as _sre_constants  # the parsed form of a pattern, to see where a match can start
import re._parser as _sre_parser
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, KeysView
from dataclasses import dataclass, field
from typing import Any

from conduct.datafiles import DataError
from conduct.text.normalize import Normalized, fold, has_marks, mark_key, trie_regex

TOKEN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_SENTENCE_BREAK = re.compile(r"[.?\n]")
_WORD_SPLIT = re.compile(r"(?:[\s\-]|(?<!\w)['‘’\"“”«»`]|['‘’\"“”«»`](?!\w))+")  # spaces, hyphens, quote marks
_SPACES = re.compile(r"[\s\-]+")
_uids = itertools.count()
_NONE: list = []  # shared "no matches" (never changed)
MAX_MATCHES = 300  # a pattern's matches looked at per post (bounds regex and validator time on 1 MB)
_DIGITS = frozenset("0123456789")
# Where a pattern that can only start with a digit, "+" or "(" may start a match that Doc.search keeps.
_NUMBER_START = re.compile(r"[+(]|\d+")  # kept where the character before is no letter or digit


def _key(text: str) -> str:
    return " ".join(_WORD_SPLIT.split(text.strip()))


@dataclass(frozen=True)
class WordList:
    """A named list of words or phrases of one language."""

    name: str
    lang: str
    uid: int
    entries: dict[str, tuple[tuple[str, tuple], ...]] = field(hash=False, compare=False)
    single_tokens: frozenset[str] = frozenset()


def compile_words(file: str, where: str, name: str, words: object, lang: str) -> WordList:
    """Validate a list from a data file; entries are plain words or phrases (no regex syntax)."""
    if not isinstance(words, list) or not words:
        raise DataError(file, where, "expected a non-empty list of words", "write `[word, other word]`")
    entries: dict[str, list] = {}
    for i, w in enumerate(words):
        if not isinstance(w, str) or not w.strip():
            raise DataError(file, f"{where}[{i}]", f"expected a word, found {w!r}", "quote the word")
        marked = " ".join(w.lower().split())
        if not TOKEN.match(fold(marked)):
            raise DataError(
                file, f"{where}[{i}]", f"{w!r} does not start with a letter or digit", "start the entry with a word"
            )
        toks = tuple((t, mark_key(t)) for t in _WORD_SPLIT.split(marked))
        options = entries.setdefault(_key(fold(marked)), [])
        if any(marked == m for m, _ in options):
            raise DataError(file, f"{where}[{i}]", f"{w!r} is listed twice", "remove the repeated entry")
        options.append((marked, toks))
    singles = frozenset(k for k in entries if " " not in k)
    return WordList(name, lang, next(_uids), {k: tuple(v) for k, v in entries.items()}, singles)


def compile_pattern(file: str, where: str, pattern: object) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise DataError(file, where, "expected a regular expression", "quote the pattern in single quotes")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataError(file, where, f"pattern does not compile: {exc}", "fix the regular expression") from None


def number_led(regex: re.Pattern[str]) -> bool:
    """Can every match of `regex` only start with a digit, "+" or "("? Such patterns (phone, ID and
    account numbers) are tried only where a number starts instead of at every character of the
    post: on a 1 MB post that is a few thousand tries instead of a million. An optimisation only:
    any doubt answers False and the pattern scans the whole post."""
    return _number_led(regex.pattern, regex.flags)


@functools.lru_cache(maxsize=1024)
def _number_led(pattern: str, flags: int) -> bool:
    if flags & re.IGNORECASE:
        return False
    try:
        first, nullable = _first_chars(list(_sre_parser.parse(pattern)))
    except Exception:  # a construct the analysis does not know: scan the whole post
        return False
    return first is not None and not nullable and bool(first) and first <= _DIGITS | {"<digit>", "+", "("}


def _first_chars(items: list) -> tuple[set[str] | None, bool]:
    """The characters a sequence of parsed items can start with ("<digit>" for any digit), and
    whether it can match the empty string; None when it could start with anything."""
    c = _sre_constants
    out: set[str] = set()
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: where a match starts is decided by what follows
        if op is c.LITERAL:
            first, nullable = {chr(av)}, False
        elif op is c.IN:
            first, nullable = set(), False
            for o, a in av:
                if o is c.LITERAL:
                    first.add(chr(a))
                elif o is c.CATEGORY and a is c.CATEGORY_DIGIT:
                    first.add("<digit>")
                else:
                    return None, False
        elif op is c.SUBPATTERN:
            sub_first, nullable = _first_chars(list(av[-1]))
            if sub_first is None:
                return None, False
            first = sub_first
        elif op is c.BRANCH:
            first, nullable = set(), False
            for branch in av[1]:
                b_first, b_nullable = _first_chars(list(branch))
                if b_first is None:
                    return None, False
                first |= b_first
                nullable = nullable or b_nullable
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            sub_first, sub_nullable = _first_chars(list(av[2]))
            if sub_first is None:
                return None, False
            first, nullable = sub_first, av[0] == 0 or sub_nullable
        else:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _inside_word(folded: str, s: int) -> bool:
    """Does a match at s (> 0) start inside a word or number? Patterns match whole words; one that
    starts with a mark ("!!" after "sập") may follow a word."""
    before, first = folded[s - 1], folded[s]
    return before.isalnum() and (first.isalnum() or first in "+(") or before in "_+" and first.isdigit()


class Vocabulary:
    """Every word list of every language behind one trie alternation."""

    def __init__(
        self, lists: Iterable[WordList], loose: dict[str, frozenset[str]], ambiguous: frozenset[str] = frozenset()
    ):
        self.loose = loose
        self.ambiguous = ambiguous  # one-word entries of the other language that are also words of the post's
        index: dict[str, list[tuple[int, str, tuple, str]]] = {}
        for wl in lists:
            for key, options in wl.entries.items():
                for marked, toks in options:
                    index.setdefault(key, []).append((wl.uid, marked, toks, wl.lang))
        self.index = {k: tuple(v) for k, v in index.items()}
        self.regex = re.compile(r"(?<!\w)(?:" + trie_regex(sorted(self.index)) + r")(?!\w)")
        self._seen: dict[str, dict[tuple[str, str], tuple[tuple[tuple[int, int, str], ...], list[int]]]] = {}

    def scan(self, norm: Normalized, lang: str) -> Matches:
        """Accepted matches in a post written in `lang` (the longest entry of each list at each
        start). The other language's entries must match exactly as written."""
        folded, marked = norm.folded, norm.marked
        loose = self.loose.get(lang, frozenset())
        ambiguous = self.ambiguous
        match = self.regex.match

        # Words recur, within a post and across posts: each typed form is judged once per process
        # (the judgement depends only on the folded and the typed form and the post's language).
        seen = self._seen.setdefault(lang, {})
        if len(seen) > 100_000:
            seen.clear()

        def accepted(s: int, text: str) -> list[tuple[int, int, str]]:
            """(length, list uid, entry) of every entry accepted at `s`, for the longest match `text`."""
            if " " in text or "-" in text or "\n" in text or "\t" in text:
                cuts = [sp.start() for sp in _SPACES.finditer(text)] + [len(text)]
            else:
                cuts = [len(text)]
            found = []
            for cut in cuts:  # the longest match and every shorter entry at the same start
                options = self.index.get(text if cut == len(text) and len(cuts) == 1 else _key(text[:cut]))
                if not options:
                    continue
                seg = marked[s : s + cut]
                bare = seg == folded[s : s + cut]  # typed without any diacritics
                written = None
                for uid, entry, toks, entry_lang in options:
                    if seg == entry:  # as written; but a word both languages share is the post's language's
                        ok = entry_lang == lang or seg not in ambiguous
                    elif entry_lang != lang:
                        ok = False
                    elif bare:
                        ok = len(toks) > 1 or seg in loose
                    else:
                        if written is None:
                            written = _WORD_SPLIT.split(seg)
                        ok = len(toks) == len(written) and all(
                            _token_ok(w, t, k) for w, (t, k) in zip(written, toks, strict=True)
                        )
                    if ok:
                        found.append((cut, uid, entry))
            return found

        def judged(s: int, e: int, text: str) -> tuple[tuple[tuple[int, int, str], ...], list[int]]:
            """The entries accepted for a match, and where words start inside it (offsets), judged
            once per typed form: both depend only on the folded and the typed text."""
            key = (text, marked[s:e])
            known = seen.get(key)
            if known is None:
                inner = []
                if len(text) > 2 and not text.isalnum():  # entries may start inside a phrase
                    inner = [t.start() for t in TOKEN.finditer(text, 1) if not text[t.start() - 1].isalnum()]
                known = seen[key] = (tuple(accepted(s, text)), inner)
            return known

        # Where each typed form occurs; the matches of one list are put together only when asked
        # for (a 1 MB post has 200,000 matches, most of them in lists no rule reads there).
        starts: dict[tuple[tuple[int, int, str], ...], list[int]] = {}
        for m in self.regex.finditer(folded):
            s, e = m.span()
            found, inner = judged(s, e, m.group())
            at = starts.get(found)
            if at is None:
                at = starts[found] = []
            at.append(s)
            for off in inner:
                im = match(folded, s + off)
                if im:
                    i, j = im.span()
                    inner_found = judged(i, j, im.group())[0]
                    at = starts.get(inner_found)
                    if at is None:
                        at = starts[inner_found] = []
                    at.append(i)
        return Matches(starts)


class Matches:
    """A post's word-list matches, grouped by what was accepted at a place (the same typed form
    always gives the same entries); each list's matches are put together on first request."""

    def __init__(self, starts: dict[tuple[tuple[int, int, str], ...], list[int]]):
        self._starts = starts
        self._by_uid: dict[int, list[tuple[tuple[int, int, str], ...]]] = {}
        for found in starts:
            for _, uid, _ in found:
                groups = self._by_uid.setdefault(uid, [])
                if not groups or groups[-1] is not found:
                    groups.append(found)
        self._lists: dict[int, list[tuple[int, int, str]]] = {}

    @property
    def uids(self) -> KeysView[int]:
        """The lists that occur in the post."""
        return self._by_uid.keys()

    def __contains__(self, uid: int) -> bool:
        return uid in self._by_uid

    def of(self, uid: int) -> list[tuple[int, int, str]]:
        """(start, end, entry) of the list's matches in order of position: the longest entry of
        the list at each start."""
        out = self._lists.get(uid)
        if out is None:
            out = []
            for found in self._by_uid.get(uid, ()):
                cut, entry = [(c, e) for c, u, e in found if u == uid][-1]  # the longest (cuts grow)
                out.extend([(s, s + cut, entry) for s in self._starts[found]])
            out.sort()
            self._lists[uid] = out
        return out


def _token_ok(written: str, entry: str, key: tuple) -> bool:
    """A word of a phrase typed with diacritics: the same word, in any tone placement."""
    return written == entry or (has_marks(written) and mark_key(written) == key)


@dataclass(slots=True)
class Hit:
    start: int  # offsets in the normalised views
    end: int
    term: str  # the list entry (or the pattern's match) that was found
    rule: Any = None  # the loader's Rule that produced it (set by the engine)
    score: float = 0.0
    extra: tuple[tuple[int, int], ...] = ()  # spans of supporting words (e.g. the target of an insult)
    typed: tuple[tuple[int, int], ...] = ()  # supporting spans already in the text as typed (a validator's)


class Doc:
    """A normalised post plus the matches every rule looks at, computed once."""

    def __init__(self, norm: Normalized, lang: str, vocabulary: Vocabulary):
        self.norm = norm
        self.lang = lang
        self._vocab = vocabulary
        self._hits: Matches | None = None
        self._found: dict[int, list[Hit]] = {}
        self._starts: list[int] | None = None
        self._has_digit: bool | None = None
        self._digit_count: int | None = None
        self._matched: dict[str, list[re.Match[str]]] = {}
        self.gates: dict[tuple[str, ...], bool] = {}  # has_any's answers
        self._searched: dict[tuple, list[Hit]] = {}
        self._number_starts: list[int] | None = None
        self._breaks: list[int] | None = None

    @property
    def token_starts(self) -> list[int]:
        """Where each word of the folded post starts."""
        if self._starts is None:
            self._starts = [m.start() for m in TOKEN.finditer(self.norm.folded)]
        return self._starts

    def token_index(self, pos: int) -> int:
        return bisect_right(self.token_starts, pos) - 1

    def scan_all(self) -> Matches:
        """Every accepted word-list match of the post (scanned once)."""
        if self._hits is None:
            self._hits = self._vocab.scan(self.norm, self.lang)
        return self._hits

    def may_match(self, list_uids: frozenset[int], pattern_gates: tuple[tuple[str, ...], ...]) -> bool:
        """Could a concern's rules fire? (one of its word lists was found, or a pattern's gate is open)"""
        if not list_uids.isdisjoint(self.scan_all().uids):
            return True
        gates = self.gates
        for needs in pattern_gates:
            if not needs or gates.get(needs) or gates.get(needs) is None and self.has_any(needs):
                return True
        return False

    def find(self, wl: WordList) -> list[Hit]:
        """Accepted matches of a word list (callers must not change the list)."""
        found = self._found.get(wl.uid)
        if found is None:  # Hit objects only for the lists some rule asks about
            raw = self.scan_all().of(wl.uid)
            found = self._found[wl.uid] = [Hit(s, e, entry) for s, e, entry in raw] if raw else _NONE
        return found

    def iter_hits(self, wl: WordList) -> Iterator[Hit]:
        """The matches of a word list in order of position, made one by one as the caller reads
        them (a rule looks at the first few hundred, not all 50,000 of a 1 MB post)."""
        found = self._found.get(wl.uid)
        if found is not None:
            yield from found
            return
        for s, e, entry in self.scan_all().of(wl.uid):
            yield Hit(s, e, entry)

    def spans(self, wl: WordList) -> list[tuple[int, int]]:
        """(start, end) of every match of a word list, a new list the caller may change."""
        return [(s, e) for s, e, _ in self.scan_all().of(wl.uid)]

    def has(self, wl: WordList) -> bool:
        """Does the word list occur in the post at all?"""
        return wl.uid in self.scan_all()

    def sentence_break(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """Is there a full stop, question mark or line break between spans a and b?"""
        if self._breaks is None:
            self._breaks = [m.start() for m in _SENTENCE_BREAK.finditer(self.norm.folded)]
        lo, hi = min(a[1], b[1]), max(a[0], b[0])
        i = bisect_left(self._breaks, lo)
        return i < len(self._breaks) and self._breaks[i] < hi

    @property
    def has_digit(self) -> bool:
        if self._has_digit is None:
            self._has_digit = _DIGIT.search(self.norm.folded) is not None
        return self._has_digit

    @property
    def digit_count(self) -> int:
        if self._digit_count is None:
            self._digit_count = len(_DIGIT.findall(self.norm.folded)) if self.has_digit else 0
        return self._digit_count

    def has_any(self, needles: tuple[str, ...]) -> bool:
        """Cheap gate for a pattern: does the folded post contain any of `needles` ("<digit>": any digit)?"""
        found = self.gates.get(needles)
        if found is None:
            folded = self.norm.folded
            found = False
            for n in needles:
                if n == "<digit>":
                    found = self.has_digit
                elif n == "<6digits>":
                    found = self.digit_count >= 6
                else:
                    found = n in folded
                if found:
                    break
            self.gates[needles] = found
        return found

    def search(self, regex: re.Pattern[str], validate: Callable[[re.Match[str], Doc], object] | None) -> list[Hit]:
        """Matches of a pattern that start at a word boundary (checked here, so patterns need no
        leading look-behind, which would stop the regex engine from skipping ahead quickly)."""
        key = (regex.pattern, validate)
        cached = self._searched.get(key)
        if cached is not None:  # the same pattern in both languages' rules
            return cached
        hits = self._searched[key] = []
        matches = self._matched.get(regex.pattern)
        if matches is None:  # one pass per pattern, however many validators look at its matches
            folded = self.norm.folded
            if number_led(regex):
                matches = self._matched[regex.pattern] = self._at_numbers(regex)
            else:
                matches = self._matched[regex.pattern] = [
                    m
                    for m in itertools.islice(regex.finditer(folded), MAX_MATCHES)
                    if not (m.start() and _inside_word(folded, m.start()))
                ]
        for m in matches:
            ok = True if validate is None else validate(m, self)
            if ok:
                typed = tuple(ok) if isinstance(ok, list) else ()  # spans a validator relied on
                hits.append(Hit(m.start(), m.end(), self.norm.marked[m.start() : m.end()], typed=typed))
        return hits

    def _at_numbers(self, regex: re.Pattern[str]) -> list[re.Match[str]]:
        """Matches of a number-led pattern, tried only where a number starts (left to right, not
        overlapping, at most MAX_MATCHES), the same matches a scan of the whole post keeps."""
        folded, match, out, end = self.norm.folded, regex.match, [], 0
        if self._number_starts is None:
            self._number_starts = [
                s for s in (m.start() for m in _NUMBER_START.finditer(folded)) if not (s and _inside_word(folded, s))
            ]
        for pos in self._number_starts:
            if pos < end:
                continue
            m = match(folded, pos)
            if m is not None:
                out.append(m)
                end = max(m.end(), pos + 1)
                if len(out) >= MAX_MATCHES:
                    break
        return out
