"""Citations in lesson text: `[[4(5)]]` becomes "Điều 4 khoản 5" or "Art. 4(5)".

Lessons cite clauses by id rather than by wording, so one lesson file serves both languages, a
typo'd id fails the build (conduct.code raises KeyError) instead of reaching a learner, and the
tests can find every cited clause. Used by the builder (markdown) and by `show` (quiz texts).
"""

from __future__ import annotations

from conduct.code import cite
from conduct.curriculum.lessons import CITE

__all__ = ["cite", "expand"]


def expand(text: str, lang: str) -> str:
    """Replace every [[A(N)]] / [[A]] citation in `text` by its wording in `lang`."""
    return CITE.sub(lambda m: cite(f"{m[1]}({m[2]})" if m[2] else m[1], lang), text).strip()
