"""What the locked cells of an exercise print above an answer cell: the post, the options.

The exercises show posts and clauses by calling the package at run time, so a learner reads the
same text as in the lessons; the gold answers are baked into the hidden tests at build time, and a
test checks that the committed notebooks still match the data (regenerate when the bank changes).
Output is plain text so that it reads the same in JupyterLab, in the formgrader and in feedback.
"""
from __future__ import annotations

import textwrap
from typing import Sequence

from conduct.i18n import check_lang, t

from .checks import VERDICTS

_RULE = "─" * 72


def _wrap(text: str, indent: str = "  ") -> str:
    return "\n".join(textwrap.fill(line, 72, initial_indent=indent, subsequent_indent=indent) if line.strip() else ""
                     for line in text.splitlines())


def verdicts_text(lang: str = "vi") -> str:
    lang = check_lang(lang)
    lines = [t("exercises.verdict_options", lang) + ":"]
    lines += [f'  {chr(34) + code + chr(34):<12} {t(f"exercises.verdict.{code}", lang)}' for code in VERDICTS]
    return "\n".join(lines)


def clauses_text(ids: Sequence[str], lang: str = "vi") -> str:
    """Each offered clause with its short label, from the Code's data."""
    from conduct.code import clause

    lang = check_lang(lang)
    lines = [t("exercises.clause_options", lang) + ":"]
    for cid in ids:
        c = clause(cid)
        lines.append(f'  {chr(34) + cid + chr(34):<12} {c.short[lang]}')
    lines.append("  " + t("exercises.clause_none", lang))
    return "\n".join(lines)


def post_text(post_id: str, lang: str = "vi", *, clauses: Sequence[str] = (), verdicts: bool = True) -> str:
    from conduct.bank import post as get_post

    lang = check_lang(lang)
    p = get_post(post_id)
    parts = [
        t("exercises.post_label", lang, id=p.id),
        t("exercises.posted_by", lang, role=t(f"code.role.{p.role}", lang)),
        _RULE,
        _wrap(p.text),
        _RULE,
    ]
    if verdicts:
        parts.append(verdicts_text(lang))
    if clauses:
        parts.append(clauses_text(clauses, lang))
    return "\n".join(parts)


def post(post_id: str, lang: str = "vi", *, clauses: Sequence[str] = (), verdicts: bool = True) -> None:
    """Print a bank post, who posted it, and the answer options for it."""
    print(post_text(post_id, lang, clauses=clauses, verdicts=verdicts))
