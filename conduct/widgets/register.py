"""How the widgets address the learner: "bạn" for adults, "em" for pupils, as the lessons do.

The register of each audience is itself catalogue data (`widgets.register.<audience>` names it), and a
string that differs by register has an override under `<area>.<register>.<key>` in both catalogues
(`widgets.pupil.quiz.score` for `widgets.quiz.score`, `app.pupil.home.title` for `app.home.title`), so a
new audience or a change of address touches data only. Keys without an override read the same for
every audience.
"""

from __future__ import annotations

from collections.abc import Callable

from conduct.i18n import catalogue, check_lang, t

DEFAULT_AUDIENCE = "adults"


def register_of(audience: str, lang: str) -> str:
    """The register the catalogue gives an audience, e.g. "pupil" for minors_11_14."""
    return t(f"widgets.register.{audience}", lang)


def speaker(lang: str, audience: str = DEFAULT_AUDIENCE) -> Callable[..., str]:
    """A `t()` for one language and audience: `tr("widgets.quiz.score", correct=1, total=2)`."""
    lang = check_lang(lang)
    register = register_of(audience, lang)
    cat = catalogue(lang)

    def tr(key: str, **params: object) -> str:
        area, _, rest = key.partition(".")
        override = f"{area}.{register}.{rest}"
        return t(override if override in cat else key, lang, **params)

    return tr
