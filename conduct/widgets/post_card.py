"""A post as the learner sees it: who wrote it, the text, and the evidence words marked.

Evidence is marked with <mark> and also with visible brackets and an underline, so it is seen
without colour and read out by a screen reader ("[" … "]").
"""

from __future__ import annotations

from collections.abc import Iterable

from conduct.code import cite as code_cite
from conduct.code import clause
from conduct.i18n import t
from conduct.text.offsets import merge_spans
from conduct.widgets.a11y import esc

MARK_OPEN = '<mark style="text-decoration: underline; text-underline-offset: 2px">['
MARK_CLOSE = "]</mark>"


def highlight(text: str, spans: Iterable[tuple[int, int]] = ()) -> str:
    """The text as escaped HTML with each evidence span marked."""
    parts, pos = [], 0
    for s, e in merge_spans(spans, len(text)):
        parts += [esc(text[pos:s]), MARK_OPEN, esc(text[s:e]), MARK_CLOSE]
        pos = e
    parts.append(esc(text[pos:]))
    return "".join(parts).replace("\n", "<br>")


def cite(clause_id: str, lang: str) -> str:
    """ "Điều 4 khoản 5" / "Art. 4(5)" for a clause id "4(5)" (conduct.code.cite, the one citation writer)."""
    return code_cite(clause_id, lang)


def clause_line(clause_id: str, lang: str) -> str:
    """ "Art. 4(5) (No hatred, incitement or discrimination)" for lists of cited clauses."""
    return f"{cite(clause_id, lang)} ({clause(clause_id).short[lang]})"


def role_name(role: str, lang: str) -> str:
    return t(f"code.role.{role}", lang)


def card(text: str, role: str, lang: str, spans: Iterable[tuple[int, int]] = (), heading: str = "") -> str:
    """The post as a bordered block: optional heading, author role, then the (highlighted) text."""
    head = f"<div><strong>{esc(heading)}</strong></div>" if heading else ""
    return (
        f'<div style="border:1px solid #888; border-radius:6px; padding:8px 12px; margin:4px 0">{head}'
        f"<div><em>{esc(t('widgets.author', lang, role=role_name(role, lang)))}</em></div>"
        f'<blockquote style="margin:6px 0; font-size:1.05em">{highlight(text, spans)}</blockquote></div>'
    )
