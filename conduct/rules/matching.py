"""Word lists and patterns from the data files, compiled once and matched against a post.

A word list becomes one regex alternation built as a trie (so a list of hundreds of words costs
one pass) over the folded view of the post. A folded match is accepted only if the words were
written that way: either exactly (with the entry's diacritics, in any tone placement) or
without any diacritics at all. So "ngu" and "ngủ" stay different words, while "oc cho" still
matches "óc chó". A one-word entry written with diacritics must be typed with them (bare "di" is
"đi", not "đĩ"), except for the bare forms listed as `loose` in common.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable

from conduct.datafiles import DataError
from conduct.text.normalize import Normalized, fold, has_marks, mark_key

TOKEN = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"[\s\-]+")


def _char(ch: str) -> str:
    if ch == " ":
        return r"[\s\-]+"
    if ch == "*":
        return r"\w*"
    return re.escape(ch)


def trie_regex(words: list[str]) -> str:
    """One alternation for all `words`, factored as a trie so the regex engine branches once per letter."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [_char(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)


@dataclass(frozen=True)
class WordList:
    """A named list of words or phrases, compiled to one regex over the folded view."""

    name: str
    regex: re.Pattern[str]
    entries: dict[str, tuple[tuple[str, tuple], ...]] = field(hash=False, compare=False)
    first: frozenset[str] | None  # folded first tokens, to skip the scan when none occurs
    single_tokens: frozenset[str] = frozenset()

    def __hash__(self) -> int:  # lists are compared and cached by identity
        return id(self)


def compile_words(file: str, where: str, name: str, words: object) -> WordList:
    if not isinstance(words, list) or not words:
        raise DataError(file, where, "expected a non-empty list of words", "write `[word, other word]`")
    entries: dict[str, list] = {}
    first: set[str] | None = set()
    singles: set[str] = set()
    for i, w in enumerate(words):
        if not isinstance(w, str) or not w.strip():
            raise DataError(file, f"{where}[{i}]", f"expected a word, found {w!r}", "quote the word")
        marked = " ".join(w.lower().split())
        folded = " ".join(_WORD_SPLIT.split(fold(marked)))
        toks = tuple((t, mark_key(t)) for t in _WORD_SPLIT.split(marked))
        entries.setdefault(folded, []).append((marked, toks))
        head = TOKEN.match(folded)
        if first is not None:
            if head is None or folded.startswith("*") or head.group().endswith("*") or \
                    (len(head.group()) < len(folded) and folded[len(head.group())] == "*"):
                first = None
            else:
                first.add(head.group())
        if " " not in folded and "*" not in folded:
            singles.add(folded)
    pattern = r"(?<!\w)" + trie_regex(sorted(entries)) + r"(?!\w)"
    try:
        regex = re.compile(pattern)
    except re.error as exc:
        raise DataError(file, where, f"list does not compile: {exc}", "remove regex characters from the words")
    return WordList(name, regex, {k: tuple(v) for k, v in entries.items()},
                    frozenset(first) if first is not None else None, frozenset(singles))


def compile_pattern(file: str, where: str, pattern: object) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise DataError(file, where, "expected a regular expression", "quote the pattern in single quotes")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataError(file, where, f"pattern does not compile: {exc}", "fix the regular expression") from None


def _token_ok(written: str, entry: str, key: tuple, single: bool, strict: bool, loose: frozenset[str]) -> bool:
    if written == entry:
        return True
    if "*" in entry:
        return fold(written).startswith(fold(entry).rstrip("*"))
    if not has_marks(written):  # typed without diacritics
        if strict:  # the other language's list, or a phrase typed with diacritics elsewhere
            return False
        return not single or written in loose
    return mark_key(written) == key


@dataclass
class Hit:
    start: int  # offsets in the normalised views
    end: int
    term: str   # the list entry (or the pattern's match) that was found
    rule: object = None  # the Rule that produced it (set by the engine)
    score: float = 0.0
    extra: tuple[tuple[int, int], ...] = ()  # spans of supporting words (e.g. the target of an insult)


class Doc:
    """A normalised post plus caches shared by every rule that looks at it."""

    def __init__(self, norm: Normalized, lang: str, loose: dict[str, frozenset[str]]):
        self.norm = norm
        self.lang = lang
        self.loose = loose
        self._tokens: frozenset[str] | None = None
        self._starts: list[int] | None = None
        self._cache: dict[tuple[int, bool], list[Hit]] = {}

    @property
    def tokens(self) -> frozenset[str]:
        if self._tokens is None:
            self._tokens = frozenset(TOKEN.findall(self.norm.folded))
        return self._tokens

    def token_index(self, pos: int) -> int:
        if self._starts is None:
            self._starts = [m.start() for m in TOKEN.finditer(self.norm.folded)]
        return bisect_right(self._starts, pos) - 1

    def find(self, wl: WordList, lang: str) -> list[Hit]:
        """Accepted matches of a word list (cached per list)."""
        strict = lang != self.lang
        key = (id(wl), strict)
        hits = self._cache.get(key)
        if hits is not None:
            return hits
        hits = []
        if wl.first is None or not wl.first.isdisjoint(self.tokens):
            marked, amb = self.norm.marked, self.loose.get(lang, frozenset())
            for m in wl.regex.finditer(self.norm.folded):
                s, e = m.span()
                written = _WORD_SPLIT.split(marked[s:e])
                options = wl.entries.get(" ".join(_WORD_SPLIT.split(m.group())))
                if options is None:  # a wildcard entry: find it by prefix
                    options = tuple(o for k, v in wl.entries.items() if "*" in k for o in v)
                bare = not any(has_marks(w) for w in written)  # typed without any diacritics
                for entry, toks in options:
                    if len(toks) == len(written) and all(
                            _token_ok(w, t, k, len(toks) == 1, strict or not bare, amb)
                            for w, (t, k) in zip(written, toks)):
                        hits.append(Hit(s, e, entry))
                        break
        self._cache[key] = hits
        return hits

    def search(self, regex: re.Pattern[str], validate: Callable[[re.Match[str], "Doc"], bool] | None) -> list[Hit]:
        hits = []
        for m in regex.finditer(self.norm.folded):
            if validate is None or validate(m, self):
                hits.append(Hit(m.start(), m.end(), self.norm.marked[m.start():m.end()]))
        return hits
