"""The interface-string catalogue: one per language, the same keys in each.

A catalogue is the folder `i18n/<lang>/`; each YAML file in it holds one area's strings
(`cli.yaml`, `widgets.yaml` …) and its keys are prefixed with the file's name, so
`t("widgets.check", "vi")` reads key `check` from `vi/widgets.yaml`. Code never holds
learner-facing literals: it asks `t()`, and a test checks that vi and en have the same keys
and the same placeholders, so the two editions cannot drift apart.
"""

from __future__ import annotations

import functools
import string

from conduct.datafiles import PACKAGE_ROOT, DataError, load
from conduct.vocab import DEFAULT_LANG, LANGS, check_lang

__all__ = ["DEFAULT_LANG", "LANGS", "check_lang", "t", "catalogue"]


def _flatten(prefix: str, data: object, out: dict[str, str], file: str) -> None:
    if isinstance(data, dict):
        for k, v in data.items():
            _flatten(f"{prefix}.{k}", v, out, file)
    elif isinstance(data, str):
        out[prefix] = data
    else:
        raise DataError(file, prefix, f"expected text, found {type(data).__name__}", "quote the string")


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """All strings of one language as {dotted.key: text}, validated against the other language."""
    lang = check_lang(lang)
    out: dict[str, str] = {}
    folder = PACKAGE_ROOT / "i18n" / lang
    for path in sorted(folder.glob("*.yaml")):
        rel = f"i18n/{lang}/{path.name}"
        data = load(rel) or {}
        if not isinstance(data, dict):
            raise DataError(rel, "(root)", "expected a mapping of keys to strings", "use `key: text` lines")
        _flatten(path.stem, data, out, rel)
    return out


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@functools.cache
def check_catalogues() -> None:
    """Both catalogues have the same keys and the same {placeholders} for each key."""
    vi, en = catalogue("vi"), catalogue("en")
    for a, b, name in ((vi, en, "en"), (en, vi, "vi")):
        missing = sorted(set(a) - set(b))
        if missing:
            raise DataError(f"i18n/{name}/", missing[0], f"{len(missing)} key(s) missing", f"add them to i18n/{name}/")
    for key in vi:
        if _fields(vi[key]) != _fields(en[key]):
            raise DataError("i18n/", key, "vi and en use different {placeholders}", "make them match")


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text for `key` in `lang`, formatted with `params`."""
    check_catalogues()
    cat = catalogue(check_lang(lang))
    try:
        text = cat[key]
    except KeyError:
        raise KeyError(f"no interface string {key!r}: add it to conduct/i18n/vi/ and conduct/i18n/en/") from None
    return text.format(**params) if params else text


def both(key: str, **params: object) -> dict[str, str]:
    """The text for `key` in every language, as {"vi": ..., "en": ...}."""
    return {lang: t(key, lang, **params) for lang in LANGS}
