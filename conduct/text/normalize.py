"""Normalise a post for matching, keeping a map back to the text as typed.

People write Vietnamese with or without diacritics, composed (NFC) or decomposed (NFD), in chat
spellings ("ko", "dc", "m"), and split words to dodge filters ("n.g.u", "n g u", "n\u200bgu").
Word lists are written once, in plain Vietnamese with diacritics; this module brings every post
to two views of one normalised string so one list catches all those forms:

- `marked`: NFC, lower case, zero-width characters dropped, repeated letters collapsed
  ("nguuuu"), split letters joined when they spell a known word, teencode expanded;
- `folded`: `marked` with diacritics removed (same length, so both share one offset map).

`span(s, e)` maps a span of either view back to the original text. Rewriting uses one
precompiled regex per pass and `str.translate`, so a 1 MB post costs a few regex scans.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from conduct.datafiles import DataError, check_keys, check_version, load, require
from conduct.text.offsets import OffsetMap, compose, splice
from conduct.vocab import LANGS

TEENCODE_FILE = "text/data/teencode.yaml"

_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
# Pass 1: what must change before words can be seen at all. Decomposed letters are recomposed,
# invisible characters dropped, and "fancy" letters (mathematical bold, full-width) made plain.
_PASS1 = re.compile(  # whole decomposed words at once (fewer pieces), then stray marks, invisibles, fancy letters
    rf"[^\W\d_]+(?:[{_COMBINING}]+[^\W\d_]*)+|[{ZERO_WIDTH}]+|[^{_COMBINING}]?[{_COMBINING}]+"
    rf"|[\U0001D400-\U0001D7FF\uFF01-\uFF5E]"
)
_NEEDS_PASS1 = re.compile(rf"[{ZERO_WIDTH}{_COMBINING}\U0001D400-\U0001D7FF\uFF01-\uFF5E]")
_LETTER = r"[^\W\d_]"
# Pass 2 pieces: letters split by dots/spaces/dashes/stars, and letters repeated for emphasis.
_SPLIT = rf"(?<!\w){_LETTER}(?:(?:[ .\-_*·•+]{{1,2}}){_LETTER}){{1,}}(?!\w)"
_REPEAT = rf"(?P<rl>{_LETTER})(?P=rl){{2,}}"


def _build_fold() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii():
            table[cp] = base
    table[ord("đ")] = "d"
    table[ord("Đ")] = "D"
    for q in '"“”«»`':  # quotes separate words for matching ("cỏ" Mỹ); same length, so offsets hold
        table[ord(q)] = " "
    return table


FOLD = _build_fold()


def _marked_repeat() -> str:
    """A vowel with diacritics held by repeating its bare letter ("chóooo", "quáaaa"): the repeats
    are emphasis, the word is "chó", "quá" (the edit checks that the letters are the vowel's own).
    Lower case only: pass 2 reads the lower-cased text."""
    marked = "".join(sorted(chr(cp) for cp, b in FOLD.items() if b in "aeiouy" and chr(cp).islower()))
    return f"[{marked}](?P<mv>[aeiouy])(?P=mv)+"


_MARKED_REPEAT = _marked_repeat()


def fold(text: str) -> str:
    """Remove Vietnamese (and other Latin) diacritics, keeping the length: "Đồng ý" → "Dong y"."""
    return text.translate(FOLD)


@functools.lru_cache(maxsize=65536)
def mark_key(word: str) -> tuple[str, str]:
    """Letters plus the sorted set of marks: equal for "hoà" and "hòa", different for "ngu"/"ngủ"."""
    nfd = unicodedata.normalize("NFD", word)
    marks = "".join(sorted(c for c in nfd if unicodedata.combining(c)))
    return "".join(c for c in nfd if not unicodedata.combining(c)), marks


def has_marks(word: str) -> bool:
    return fold(word) != word


def trie_regex(words: Iterable[str]) -> str:
    """One alternation for all `words`, factored as a trie so the regex engine branches once per letter."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def char(ch: str) -> str:
        return r"[\s\-]+" if ch == " " else re.escape(ch)

    def build(node: dict) -> str:
        alts = [char(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return build(trie)


@functools.cache
def teencode(lang: str) -> dict[str, str]:
    data = load(TEENCODE_FILE)
    check_keys(TEENCODE_FILE, data, ("schema_version", "teencode"))
    check_version(TEENCODE_FILE, data)
    tables = require(TEENCODE_FILE, data, "teencode", dict)
    check_keys(TEENCODE_FILE, tables, LANGS, "teencode")
    table = require(TEENCODE_FILE, tables, lang, dict, "teencode")
    out = {}
    for k, v in table.items():
        if not isinstance(k, str) or not isinstance(v, str) or not v.strip():
            raise DataError(
                TEENCODE_FILE,
                f"teencode.{lang}.{k}",
                "expected `short: full word`",
                "write each entry as `short: full word`",
            )
        out[k.lower()] = v.lower()
    return out


def _word_at(text: str, start: int, end: int) -> str:
    """The whole word around text[start:end]."""
    while start and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[start:end]


_CLAUSE_END = re.compile(r"\s*(?:[.,!?;:…)\]]|$)")
_MARKED_LETTER = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")  # a Latin letter with a diacritic (đ included)


@functools.cache
def _bare_teencode(lang: str) -> dict[str, str]:
    return {k: fold(v) for k, v in teencode(lang).items()}


@dataclass(frozen=True)
class Normalized:
    """A post as typed plus its two matching views and the way back to the typed offsets."""

    original: str
    marked: str
    folded: str
    span: Callable[[int, int], tuple[int, int]]


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # keep length (e.g. "İ")


_MARKS = re.compile(rf"[^{_COMBINING}]?[{_COMBINING}]+")
_NOT_MARKS = re.compile(rf"[{ZERO_WIDTH}\U0001D400-\U0001D7FF\uFF01-\uFF5E]")


def _pass1_nfd(text: str) -> tuple[str, OffsetMap] | None:
    """Fast path for plain decomposed text: NFC in C, and each letter+marks piece becomes one
    letter (checked by the total length; anything else takes the careful path)."""
    spans = [m.span() for m in _MARKS.finditer(text)]
    nfc = unicodedata.normalize("NFC", text)
    if len(nfc) != len(text) - sum(e - s - 1 for s, e in spans):
        return None
    omap, shift = OffsetMap(), 0
    for s, e in spans:
        new = s - shift
        omap.new_starts.append(new)
        omap.new_ends.append(new + 1)
        omap.old_starts.append(s)
        omap.old_ends.append(e)
        shift += e - s - 1
    return nfc, omap


def _pass1(text: str) -> tuple[str, OffsetMap | None]:
    if not _NEEDS_PASS1.search(text):
        return text, None
    if not _NOT_MARKS.search(text):
        fast = _pass1_nfd(text)
        if fast is not None:
            return fast
    return splice(text, _pass1_edits(text))


def _pass1_edits(text: str) -> Iterator[tuple[int, int, str]]:
    """Zero-width characters dropped, fancy letters (full-width, maths bold) plain, marks composed."""
    for m in _PASS1.finditer(text):
        piece = m.group()
        if piece[0] in ZERO_WIDTH:
            new = ""
        elif len(piece) == 1:  # a fancy letter
            new = unicodedata.normalize("NFKC", piece)
        else:
            new = unicodedata.normalize("NFC", piece)
        if new != piece:
            yield m.start(), m.end(), new


@functools.lru_cache(maxsize=16)
def _pass2_regex(lang: str, split: bool, leet: bool) -> re.Pattern[str]:
    """Teencode and repeated letters always; split letters and digit-letters only when the post has any."""
    parts = [
        rf"(?<![\w@.])(?P<teen>{trie_regex(teencode(lang)) or '(?!)'})(?![\w@]|\.\w)",
        rf"(?P<mrep>{_MARKED_REPEAT})",
        rf"(?P<rep>{_REPEAT})",
    ]
    if split:
        parts.insert(0, rf"(?P<split>{_SPLIT})")
    if leet:
        parts.append(rf"(?P<leet>{_LEET_WORD.pattern})")
    return re.compile("|".join(parts))


_SPLIT_HINT = re.compile(rf"(?:^|[ .\-_*·•+]){_LETTER}[ .\-_*·•+]{{1,2}}{_LETTER}(?:[ .\-_*·•+]|$)")
_LEET_CHARS = re.compile(r"[0-9@$]")
_LEET_HINT = re.compile(rf"{_LETTER}[0-9@$]+{_LETTER}")  # inside a word: b1tch, sh1t (not 8h30)


_SEPARATORS = re.compile(r"[ .\-_*·•+]")
_QUOTE_MARK = re.compile(r"(?<!\w)['‘’]|['‘’](?!\w)")
# Letters written as digits or symbols ("b1tch", "sh1t", "ng0"): rewritten only when that spells a known word.
_LEET_WORD = re.compile(r"(?<![\w@$])[^\W\d_][\w@$]*[0-9@$][\w@$]*(?![\w@$])")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})


def _join_split(piece: str, joinable: frozenset[str]) -> str:
    """Join split letters that spell known words: "n.g.u" → "ngu", "đ.à.n b.à" → "đàn bà",
    "a r e t a r d" → "a retard" (the longest known word at each point wins)."""
    joined = _SEPARATORS.sub("", piece)
    if fold(joined) in joinable:
        return joined
    chunks = piece.split()
    if any(len(_SEPARATORS.sub("", c)) > 1 for c in chunks):  # words split by dots: "đ.à.n b.à"
        words = [_SEPARATORS.sub("", c) for c in chunks]
        return " ".join(w if fold(w) in joinable else c for w, c in zip(words, chunks, strict=True))
    letters = [_SEPARATORS.sub("", c) for c in chunks][:60]  # letters split by spaces: "s u c h a r e t a r d"
    out = _segment(letters, joinable)
    return " ".join(out) if len(out) < len(letters) else piece


def _segment(letters: list[str], joinable: frozenset[str]) -> list[str]:
    """Known words spelt by the letters, leaving as few letters alone as possible, then in as few
    pieces ("a r e t a r d" is "a retard", not "are" and four stray letters)."""
    n = len(letters)
    none: list[str] = []
    best: list[tuple[int, int, list[str]]] = [(0, 0, none)] + [(n + 1, n + 1, none)] * n  # (alone, pieces, words)
    for j in range(1, n + 1):
        alone, pieces, words = best[j - 1]
        best[j] = (alone + 1, pieces + 1, words + [letters[j - 1]])
        for i in range(j - 1):
            word = "".join(letters[i:j])
            if fold(word) in joinable:
                a, p, w = best[i]
                if (a, p + 1) < best[j][:2]:
                    best[j] = (a, p + 1, w + [word])
    return best[n][2]


def _pass2(text: str, lang: str, joinable: frozenset[str]) -> tuple[str, OffsetMap | None]:
    return splice(text, _pass2_edits(text, lang, joinable))


def _pass2_edits(text: str, lang: str, joinable: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """Teencode expanded, repeated letters single, split letters and digit-letters joined when
    they spell a known word. In a post typed without any diacritics, teencode expands to the bare
    word ("duoc", not "được"), so the post stays bare and bare phrases still match across it."""
    table = teencode(lang)
    if text.isascii() or not _MARKED_LETTER.search(text):
        table = _bare_teencode(lang)
    leet = _LEET_CHARS.search(text) is not None and _LEET_HINT.search(text) is not None
    regex = _pass2_regex(lang, _SPLIT_HINT.search(text) is not None, leet)
    for m in regex.finditer(text):
        kind = m.lastgroup
        piece = m.group()
        if kind == "split":
            if "*" in piece and len(_SEPARATORS.sub("", piece)) == 2:
                continue  # two letters around stars stand for a masked word ("đ*o", "l**n"), not a split one
            new = _join_split(piece, joinable)
            if new == piece:
                continue
        elif kind == "rep":
            if fold(_word_at(text, m.start(), m.end())) in joinable:
                continue  # a known word spelt with a tripled letter ("cccd"), not letters held for emphasis
            new = piece[0]
        elif kind == "mrep":
            if FOLD.get(ord(piece[0])) != piece[1]:
                continue  # another vowel's letters ("óaa"): not this vowel held
            new = piece[0]
        elif kind == "leet":
            new = piece.translate(_LEET)
            if fold(new) not in joinable:
                continue
        else:
            if piece == "a" and lang == "vi" and _CLAUSE_END.match(text, m.end()):
                continue  # a clause-final "a" is the particle à/ạ ("sao vậy a", "bị điên a"), not "anh"
            new = table[piece]
        yield m.start(), m.end(), new


_HASHTAG = re.compile(r"(?<![\w#])#(\w{3,60})")


def _hashtag_edits(text: str) -> Iterator[tuple[int, int, str]]:
    """Words run together in a hashtag apart, where the case changes: "#LiberalsAreIdiots" reads
    as "#Liberals Are Idiots" (before lower case, which would lose where the words meet)."""
    for m in _HASHTAG.finditer(text):
        tag = m.group(1)
        parts, start = [], 0
        for i in range(1, len(tag)):
            if tag[i].isupper() and tag[i - 1].islower():
                parts.append(tag[start:i])
                start = i
        if parts:
            parts.append(tag[start:])
            yield m.start(1), m.end(1), " ".join(parts)


def normalize(text: str, lang: str = "vi", joinable: Iterable[str] = frozenset()) -> Normalized:
    """Both matching views of `text`; `joinable` are the (folded) words that split letters may spell."""
    step1, map1 = _pass1(text)
    map_tags = None
    if "#" in step1:
        step1, map_tags = splice(step1, _hashtag_edits(step1))
    low = _lower(step1)
    marked, map2 = _pass2(low, lang, joinable if isinstance(joinable, frozenset) else frozenset(joinable))
    folded = fold(marked)
    if "'" in folded or "’" in folded or "‘" in folded:  # single quotes, but not apostrophes ("Jake's")
        folded = _QUOTE_MARK.sub(" ", folded)
    return Normalized(text, marked, folded, compose(map2, map_tags, map1))
