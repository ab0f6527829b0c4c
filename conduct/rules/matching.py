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

import itertools
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from conduct.datafiles import DataError
from conduct.text.normalize import Normalized, fold, has_marks, mark_key, trie_regex

TOKEN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_WORD_SPLIT = re.compile(r"(?:[\s\-]|(?<!\w)['‘’\"“”«»`]|['‘’\"“”«»`](?!\w))+")  # spaces, hyphens, quote marks
_SPACES = re.compile(r"[\s\-]+")
_uids = itertools.count()
_NONE: list = []  # shared "no matches" (never changed)
MAX_MATCHES = 300  # a pattern's matches looked at per post (bounds regex and validator time on 1 MB)


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
        self._seen: dict[str, dict[tuple[str, str], list[tuple[int, int, str]]]] = {}

    def scan(self, norm: Normalized, lang: str) -> dict[int, dict[int, tuple[int, str]]]:
        """Accepted matches in a post written in `lang`, by list uid (the longest entry of each list
        at each start, as {start: (end, entry)}). The other language's entries must match exactly
        as written."""
        folded, marked = norm.folded, norm.marked
        loose = self.loose.get(lang, frozenset())
        ambiguous = self.ambiguous
        out: dict[int, dict[int, tuple[int, str]]] = {}
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

        def take(m: re.Match[str]) -> None:
            s, text = m.start(), m.group()
            key = (text, marked[s : m.end()])
            found = seen.get(key)
            if found is None:
                found = seen[key] = accepted(s, text)
            for cut, uid, entry in found:
                hits = out.get(uid)
                if hits is None:
                    hits = out[uid] = {}
                hits[s] = (s + cut, entry)  # later cuts are longer: keep them

        for m in self.regex.finditer(folded):
            take(m)
            s, e = m.span()
            if e - s > 2 and not folded[s:e].isalnum():  # entries starting inside a phrase
                for t in TOKEN.finditer(folded, s + 1, e):
                    if not folded[t.start() - 1].isalnum():
                        inner = match(folded, t.start())
                        if inner:
                            take(inner)
        return out  # each list's matches in order of position


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
        self._hits: dict[int, dict[int, tuple[int, str]]] | None = None
        self._found: dict[int, list[Hit]] = {}
        self._starts: list[int] | None = None
        self._has_digit: bool | None = None
        self._digit_count: int | None = None
        self._matched: dict[str, list[re.Match[str]]] = {}
        self._gates: dict[tuple[str, ...], bool] = {}
        self._searched: dict[tuple, list[Hit]] = {}

    @property
    def token_starts(self) -> list[int]:
        """Where each word of the folded post starts."""
        if self._starts is None:
            self._starts = [m.start() for m in TOKEN.finditer(self.norm.folded)]
        return self._starts

    def token_index(self, pos: int) -> int:
        return bisect_right(self.token_starts, pos) - 1

    def scan_all(self) -> dict[int, dict[int, tuple[int, str]]]:
        """Every accepted word-list match of the post, by list uid (scanned once)."""
        if self._hits is None:
            self._hits = self._vocab.scan(self.norm, self.lang)
        return self._hits

    def may_match(self, list_uids: frozenset[int], pattern_gates: tuple[tuple[str, ...], ...]) -> bool:
        """Could a concern's rules fire? (one of its word lists was found, or a pattern's gate is open)"""
        if not list_uids.isdisjoint(self.scan_all()):
            return True
        return any(not needs or self.has_any(needs) for needs in pattern_gates)

    def find(self, wl: WordList) -> list[Hit]:
        """Accepted matches of a word list (callers must not change the list)."""
        found = self._found.get(wl.uid)
        if found is None:  # Hit objects only for the lists some rule asks about
            raw = self.scan_all().get(wl.uid)
            found = self._found[wl.uid] = [Hit(s, e, entry) for s, (e, entry) in raw.items()] if raw else _NONE
        return found

    def has(self, wl: WordList) -> bool:
        """Does the word list occur in the post at all?"""
        return wl.uid in self.scan_all()

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
        found = self._gates.get(needles)
        if found is None:
            folded = self.norm.folded
            found = self._gates[needles] = any(
                self.has_digit if n == "<digit>" else self.digit_count >= 6 if n == "<6digits>" else n in folded
                for n in needles
            )
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
            matches = self._matched[regex.pattern] = [
                m
                for m in itertools.islice(regex.finditer(folded), MAX_MATCHES)
                if not (
                    m.start()
                    and (
                        folded[m.start() - 1].isalnum() or folded[m.start() - 1] in "_+" and folded[m.start()].isdigit()
                    )
                )
            ]
        for m in matches:
            ok = True if validate is None else validate(m, self)
            if ok:
                typed = tuple(ok) if isinstance(ok, list) else ()  # spans a validator relied on
                hits.append(Hit(m.start(), m.end(), self.norm.marked[m.start() : m.end()], typed=typed))
        return hits
