""" "Check a post before you publish it": type any text, pick your role, see the checker's findings.

The checker's own explanation of each finding is shown with the clause it cites and the evidence
words marked in the text, so the learner sees exactly which words raised the concern. Empty or
unusable input gets a message that says what to do, never a traceback.
"""

from __future__ import annotations

import ipywidgets as W

from conduct.code import clause
from conduct.i18n import check_lang, t
from conduct.rules.engine import assess
from conduct.vocab import ROLES
from conduct.widgets.a11y import button, esc, live_region, say, toggle
from conduct.widgets.post_card import card, cite, role_name
from conduct.widgets.register import DEFAULT_AUDIENCE, speaker
from conduct.widgets.style import learner_box


def check_html(text: str, role: str, lang: str, audience: str = DEFAULT_AUDIENCE) -> str:
    """The feedback for one check, as HTML (without the live-region wrapper)."""
    t = speaker(lang, audience)
    if not text or not text.strip():
        return f"<p><strong>{esc(t('widgets.checker.empty'))}</strong></p>"
    try:
        result = assess(text, role=role)
    except ValueError as exc:  # the checker names what is wrong with the input
        return f"<p><strong>{esc(t('widgets.checker.failed', error=str(exc)))}</strong></p>"
    mark = "✓" if result.verdict == "ok" else "✗" if result.verdict == "violation" else "⚠"
    head = t("widgets.checker.verdict", mark=mark, verdict=t(f"checker.verdict.{result.verdict}"))
    html = f"<p><strong>{esc(head)}</strong></p>"
    spans = [s for f in result.findings for s in f.evidence]
    html += card(text, role, lang, spans)
    if not result.findings:
        html += f"<p>{esc(t('widgets.checker.none_found'))}</p>"
    else:
        html += f"<p>{esc(t('widgets.checker.findings', count=len(result.findings)))}</p><ul>"
        for f in result.findings:
            fmark = "✓" if f.verdict == "ok" else "✗" if f.verdict == "violation" else "⚠"
            line = t(
                "widgets.checker.finding",
                mark=fmark,
                cite=cite(f.clause, lang),
                short=clause(f.clause).short[lang],
                verdict=t(f"checker.verdict.{f.verdict}"),
            )
            words = " ".join(f"[{esc(text[s:e])}]" for s, e in f.evidence)
            html += (
                f"<li><strong>{esc(line)}</strong>{': ' + words if words else ''}<br>"
                f"{esc(f.explanation[lang])}<br><em>{esc(clause(f.clause).text[lang])}</em></li>"
            )
        html += "</ul>"
        if spans:
            html += f"<p><em>{esc(t('widgets.evidence_note'))}</em></p>"
    return html + f"<p><small>{esc(t('widgets.checker.disclaimer'))}</small></p>"


def post_checker(
    *,
    lang: str = "vi",
    text: str = "",
    role: str = "individual",
    checked: bool = False,
    audience: str = DEFAULT_AUDIENCE,
) -> W.VBox:
    """A Textarea, role buttons and a Check button above a live feedback area.

    The VBox has `.text` (Textarea), `.role` (ToggleButtons), `.check` (Button), `.result` (live region)
    and `.keep()`, the arguments that rebuild it as it is: the language switch keeps the learner's text,
    role and, if they had checked it, the result (redone in the new language). `checked` shows the
    result for `text` at once.
    """
    lang = check_lang(lang)
    tr = speaker(lang, audience)
    area = W.Textarea(
        value=text,
        placeholder=t("widgets.checker.placeholder", lang),
        description=t("widgets.checker.text_label", lang),
        layout=W.Layout(width="100%", height="8em"),
        style={"description_width": "initial"},
    )
    roles = toggle(
        [(role_name(r, lang), r) for r in ROLES],
        [t(f"code.role_help.{r}", lang) for r in ROLES],
        value=role,
        description=t("widgets.checker.role_label", lang),
    )
    result = live_region()

    def on_check(_=None) -> None:
        say(result, check_html(area.value, roles.value, lang, audience))

    check = button(
        t("widgets.checker.check", lang),
        t("widgets.checker.check_help", lang),
        on_check,
        button_style="primary",
        icon="check",
    )
    if checked:
        on_check()
    box = learner_box([W.HTML(f"<p>{esc(tr('widgets.checker.intro'))}</p>"), area, roles, check, result])
    box.text, box.role, box.check, box.result = area, roles, check, result
    box.keep = lambda: {"text": area.value, "role": roles.value, "checked": bool(result.value)}
    return box
