"""Find clauses by keyword, the way learners type: with or without Vietnamese diacritics.

A learner searching "thu ghet" on a phone keyboard without Vietnamese input must still find
Art. 4(5) ("thù ghét"), so text and query are both folded: composed, stripped of diacritics by
the checker's fold (conduct.text.normalize, "đ" to "d"), and case-folded. Matching is at the start of words ("hate" finds
"hatred", "tin" does not find "tinh"). A query that occurs as a phrase somewhere gives only the
phrase's clauses; otherwise every clause holding all of its words, in any order, is returned, so
"tài khoản giả mạo" still finds Art. 4(3) although the words are apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from conduct.code.model import Clause
from conduct.text.normalize import fold as fold_marks
from conduct.vocab import LANGS


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case text without diacritics: "Thù GHÉT, đúng" -> "thu ghet, dung".

    Composes first (a query typed in NFD still matches), then uses the checker's one fold table.
    """
    return fold_marks(unicodedata.normalize("NFC", text)).casefold()


def haystack(clause: Clause, lang: str) -> str:
    """What a search looks at in one language: the short label and the paraphrase."""
    return fold(clause.short[lang] + "\n" + clause.text[lang])


def search(clauses: tuple[Clause, ...], keyword: str, lang: str | None = None) -> list[Clause]:
    """Clauses, in the given order, matching `keyword` in `lang` or, with None, in either language."""
    if not isinstance(keyword, str):
        raise TypeError(f"the search keyword must be text, not {type(keyword).__name__}")
    words = fold(keyword).split()
    if not words:
        raise ValueError("the search keyword is empty: type a word to look for, e.g. 'thù ghét' or 'hatred'")
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}, or None for both")
    langs = LANGS if lang is None else (lang,)
    phrase = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)))
    hits = [c for c in clauses if any(phrase.search(haystack(c, lg)) for lg in langs)]
    if hits or len(words) == 1:
        return hits
    each = [re.compile(r"(?<!\w)" + re.escape(w)) for w in words]
    return [c for c in clauses if any(all(p.search(haystack(c, lg)) for p in each) for lg in langs)]
