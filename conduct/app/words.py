"""The app's strings in the learner's register: pupils are "em", as their lessons call them.

A key `app.<key>` may have an override `app.<register>.<key>` in both catalogues, where the register
of an audience is catalogue data (`widgets.register.<audience>`), as for the widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from conduct.i18n import catalogue, check_lang, t
from conduct.widgets.register import register_of


def speaker(lang: str, audience: str) -> Callable[..., str]:
    """`t()` for the app's strings in one language, with the audience's register override if any."""
    lang = check_lang(lang)
    register = register_of(audience, lang)
    cat = catalogue(lang)

    def tr(key: str, **params: object) -> str:
        override = key.replace("app.", f"app.{register}.", 1)
        return t(override if override in cat else key, lang, **params)

    return tr
