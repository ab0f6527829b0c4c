"""Pick a role, see what the Code asks of it: the duties in the Code's order, inherited ones marked.

Inheritance is the point learners most often miss (an official is bound by all of Art. 4 through
Art. 5(1)), so each inherited duty says in words which clause brings it in, not just a colour.
"""

from __future__ import annotations

import ipywidgets as W

from conduct.code import duties
from conduct.i18n import check_lang, t
from conduct.vocab import ROLES
from conduct.widgets.a11y import esc, live_region, say, toggle
from conduct.widgets.post_card import cite, role_name
from conduct.widgets.style import learner_box


def duties_html(role: str, lang: str) -> str:
    """The duty list for one role as an ordered HTML list."""
    items = duties(role)
    rows = []
    for d in items:
        c = d.clause
        kinds = ", ".join(t(f"code.kind.{k}", lang) for k in c.kinds)
        how = (
            t("widgets.role.inherited", lang, via=cite(d.via, lang))
            if d.inherited and d.via
            else t("widgets.role.direct", lang)
        )
        rows.append(
            f"<li><strong>{esc(cite(c.id, lang))}: {esc(c.short[lang])}</strong> "
            f"[{esc(kinds)}] <em>({esc(how)})</em><br>{esc(c.text[lang])}</li>"
        )
    head = esc(t("widgets.role.title", lang, role=role_name(role, lang), count=len(items)))
    note = f"<p><em>{esc(t('widgets.role.inherited_note', lang))}</em></p>" if any(d.inherited for d in items) else ""
    return (
        f"<p>{esc(t('code.role_help.' + role, lang))}</p><p><strong>{head}</strong></p>{note}<ol>{''.join(rows)}</ol>"
    )


def role_explorer(*, lang: str = "vi", role: str = "individual") -> W.VBox:
    """Toggle buttons for the five roles and, below, the chosen role's duties.

    The VBox has `.roles` (the ToggleButtons), `.duties` (the live region listing the duties) and
    `.keep()`, the arguments that rebuild it as it is (the language switch keeps the chosen role).
    """
    lang = check_lang(lang)
    roles = toggle(
        [(role_name(r, lang), r) for r in ROLES], [t(f"code.role_help.{r}", lang) for r in ROLES], value=role
    )
    out = live_region()

    def show(change=None) -> None:
        say(out, duties_html(roles.value, lang))

    roles.observe(show, names="value")
    show()
    box = learner_box([W.HTML(f"<strong>{esc(t('widgets.role.pick', lang))}</strong>"), roles, out])
    box.roles = roles
    box.duties = out
    box.keep = lambda: {"role": roles.value}
    return box
