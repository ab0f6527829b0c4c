"""The package's vocabulary: every small shared notion named once.

Languages, verdicts, audiences, roles and clause ids are used by the Code's model, the checker,
the bank, the widgets, the generators and the grading tools. Each used to keep its own copy (and
five regexes parsed clause ids, two of them only for one-digit numbers), so a new language or a
two-digit clause could be accepted in one place and refused in another. This module imports
nothing from the package, so anything may import it.

Citations ("Art. 4(5)", "Điều 4 khoản 5") are learner-facing text and depend on the Code (a
one-clause article is cited as the article): `conduct.code.cite` writes them, from the catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LANGS: tuple[str, ...] = ("vi", "en")
DEFAULT_LANG = "vi"  # the course's first language

VERDICTS: tuple[str, ...] = ("ok", "caution", "violation")  # in order of seriousness
AUDIENCES: tuple[str, ...] = ("adults", "minors_11_14", "minors_15_18")
ROLES: tuple[str, ...] = ("individual", "organization", "official", "agency", "provider")

# Vietnamese letters with diacritics (lower case; match with re.I). The first set is only Vietnamese,
# so language detection counts it; the second adds the accented vowels Vietnamese shares with French,
# Spanish or Portuguese (à, é, õ …), and is what "written with full diacritics" means for Vietnamese.
VI_ONLY_LETTERS = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
VI_LETTERS = VI_ONLY_LETTERS + "àáãèéìíòóùúýĩõũ"
_VI_LETTER = re.compile(f"[{VI_LETTERS}]", re.I)

_CLAUSE_ID = re.compile(r"^\s*([1-9][0-9]*)\s*\(\s*([1-9][0-9]*)\s*\)\s*$")


def check_lang(lang: str | None) -> str:
    """A valid language code; None means the course's first language (Vietnamese)."""
    if lang is None:
        return DEFAULT_LANG
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
    return lang


def has_vietnamese_letters(text: str) -> bool:
    """True when `text` has at least one Vietnamese letter with a diacritic (a sign it was not typed bare)."""
    return _VI_LETTER.search(text) is not None


def verdict_rank(verdict: str) -> int:
    """How serious a verdict is (0 = ok), so the worst of several findings is `max(…, key=verdict_rank)`."""
    return VERDICTS.index(verdict)


@dataclass(frozen=True, order=True)
class ClauseId:
    """A clause of the Code, "4(5)": article 4, clause 5. Orders as the Code does (4(2) < 4(10))."""

    article: int
    number: int

    @classmethod
    def parse(cls, text: str) -> ClauseId:
        """ "4(5)" or " 4 ( 5 ) " -> ClauseId(4, 5); ValueError naming the expected form otherwise."""
        m = _CLAUSE_ID.match(text) if isinstance(text, str) else None
        if m is None:
            raise ValueError(f'not a clause id: {text!r} (write it like "4(5)")')
        return cls(int(m[1]), int(m[2]))

    @staticmethod
    def is_valid(text: object) -> bool:
        """True for a well-formed clause id written canonically ("4(5)", no spaces)."""
        return isinstance(text, str) and _CLAUSE_ID.match(text) is not None and text == str(ClauseId.parse(text))

    def __str__(self) -> str:
        return f"{self.article}({self.number})"


def article_of(clause_id: str) -> int:
    """The article number of a clause id: "4(5)" -> 4."""
    return ClauseId.parse(clause_id).article
