"""Citations in lesson text: `[[4(5)]]` becomes "Điều 4 khoản 5" or "Art. 4(5)".

Lessons cite clauses by id rather than by wording, so one lesson file serves both languages, a
typo'd id fails the build (conduct.code raises KeyError) instead of reaching a learner, and the
tests can find every cited clause. Used by the builder (markdown) and by `show` (quiz texts).
"""
from __future__ import annotations

from conduct.curriculum.lessons import CITE
from conduct.i18n import t


def cite(ref: str, lang: str) -> str:
    """ "4(5)" -> "Điều 4 khoản 5" / "Art. 4(5)"; "9", or the clause of a one-clause article, -> "Điều 9"."""
    from conduct import code

    if "(" in ref:
        clause = code.clause(ref)  # KeyError naming the unknown id
        if len(code.article(clause.article).clauses) == 1:
            return t("curriculum.cite_article", lang, article=clause.article)
        return t("curriculum.cite_clause", lang, article=clause.article, number=clause.number)
    code.article(int(ref))
    return t("curriculum.cite_article", lang, article=int(ref))


def expand(text: str, lang: str) -> str:
    """Replace every [[A(N)]] / [[A]] citation in `text` by its wording in `lang`."""
    return CITE.sub(lambda m: cite(f"{m[1]}({m[2]})" if m[2] else m[1], lang), text).strip()
