"""A vi/en switch that rebuilds a widget in the other language.

The same notebook cell can then serve a learner who wants to compare the Vietnamese wording with
the English one; the widget is rebuilt (not translated in place) so every string comes from the
catalogue of the chosen language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as W

from conduct.i18n import LANGS, check_lang, t
from conduct.widgets.a11y import toggle
from conduct.widgets.style import learner_box


def language_switch(build: Callable[..., W.Widget], *, lang: str = "vi") -> W.VBox:
    """Toggle buttons "Tiếng Việt | English" above the widget `build(lang)`.

    The VBox has `.switch` (the ToggleButtons) and `.content` (a Box holding the current widget).
    """
    lang = check_lang(lang)
    switch = toggle(
        [(t(f"widgets.language.{code}", lang), code) for code in LANGS],
        [t(f"widgets.language.help_{code}", lang) for code in LANGS],
        value=lang,
        description=t("widgets.language.label", lang),
    )
    content = W.Box([build(lang)], layout=W.Layout(display="block"))

    def rebuild(change: dict[str, Any]) -> None:
        new = change["new"]
        old = content.children[0]
        kept = old.keep() if callable(getattr(old, "keep", None)) else {}
        content.children = (build(new, **kept),)
        switch.description = t("widgets.language.label", new)
        switch.tooltips = [t(f"widgets.language.help_{code}", new) for code in LANGS]

    switch.observe(rebuild, names="value")
    box = learner_box([switch, content])
    box.switch = switch
    box.content = content
    return box
