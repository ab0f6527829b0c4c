"""Tell Vietnamese from English, cheaply and offline.

The checker runs both languages' word lists on every post (people mix them), but the post's
language decides which chat spellings are expanded and which language the explanation leads
with. Frequent function words (with and without diacritics) and letters only Vietnamese uses
are enough for posts; ties go to Vietnamese, the course's first language.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from conduct.datafiles import check_keys, check_version, load, require
from conduct.vocab import LANGS, VI_ONLY_LETTERS

LANGUAGES_FILE = "text/data/languages.yaml"
_VI_LETTERS = re.compile(f"[{VI_ONLY_LETTERS}]", re.I)
_WORD = re.compile(r"[\w']+")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e]")  # as normalize.ZERO_WIDTH


def ambiguous_words() -> frozenset[str]:
    """Short words that are both English and Vietnamese typed bare ("me", "an", "con", "so")."""
    return _markers()["ambiguous"]


@functools.lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    f = LANGUAGES_FILE
    data = load(f)
    check_keys(f, data, ("schema_version", "markers"))
    check_version(f, data)
    markers = require(f, data, "markers", dict)
    check_keys(f, markers, (*LANGS, "ambiguous"), "markers")
    ambiguous = frozenset(w.lower() for w in markers.get("ambiguous") or ())
    out = {lang: frozenset(w.lower() for w in require(f, markers, lang, list, "markers")) - ambiguous for lang in LANGS}
    out["ambiguous"] = ambiguous
    return out


def detect(text: str, sample: int = 4000) -> str:
    """ "vi" or "en" for `text` (only the first `sample` characters are looked at)."""
    head = text[:sample].lower()
    if _ZERO_WIDTH.search(head):  # "jo\u200bke" is one English word, not "jo" and "ke" (a Vietnamese marker)
        head = _ZERO_WIDTH.sub("", head)
    if not unicodedata.is_normalized("NFC", head):  # decomposed letters count like composed ones
        head = unicodedata.normalize("NFC", head)
    marks = len(_VI_LETTERS.findall(head))
    if marks >= 6:  # plenty of letters only Vietnamese uses: no need to count words
        return "vi"
    markers = _markers()
    vi = en = 0
    for w in _WORD.findall(head):
        if w in markers["vi"]:
            vi += 1
        if w in markers["en"]:
            en += 1
    vi += marks // 2
    return "en" if en > vi else "vi"
