"""The one reader of the data files packaged inside `conduct`.

Everything the curriculum teaches (the Code, the related laws, the sample posts, the word lists
and the interface strings) is data, so a content editor can fix a paraphrase without touching
code. Data is parsed here and checked by the module that owns it; any problem raises
`DataError` naming the file, the key and what to do, so a broken edit never reaches a learner as
a traceback or a silently wrong answer.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from conduct.vocab import LANGS

PACKAGE_ROOT = Path(__file__).resolve().parent


class DataError(ValueError):
    """A packaged data file is missing, malformed or inconsistent."""

    def __init__(self, file: str, key: str, problem: str, fix: str = "") -> None:
        self.file, self.key, self.problem, self.fix = file, key, problem, fix
        where = f"{file}: {key}: " if key else f"{file}: "
        super().__init__(where + problem + (f" ({fix})" if fix else ""))


# The C loader when PyYAML was built with libyaml: the bank and the Code load several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def load(relpath: str) -> Any:
    """Parse a YAML file given relative to the package (e.g. "code/data/code.yaml").

    Results are cached: data files are read once per process. Callers must not mutate them.
    """
    path = PACKAGE_ROOT / relpath
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(relpath, "", "file not found", "reinstall the package or restore the file from git") from None
    except UnicodeDecodeError as exc:
        raise DataError(relpath, "", f"not valid UTF-8 at byte {exc.start}", "save the file as UTF-8") from None
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        raise DataError(relpath, "", f"not valid YAML: {exc}", "fix the syntax at the line shown") from None
    check_nfc(relpath, data)
    return data


def check_version(file: str, data: Any, supported: int = 1) -> dict:
    """The file's top-level mapping, once its `schema_version` is one this code reads.

    Every versioned data file goes through here, so a future format change is refused in one
    place with one message instead of being half-read by a loader that forgot to look.
    """
    if not isinstance(data, dict):
        raise DataError(
            file, "(root)", "expected a mapping at the top of the file", f"start with `schema_version: {supported}`"
        )
    version = require(file, data, "schema_version", int)
    if version != supported:
        raise DataError(file, "schema_version", f"unsupported version {version}", f"use `schema_version: {supported}`")
    return data


def load_versioned(relpath: str, supported: int = 1) -> dict:
    """`load` a packaged file and `check_version` it."""
    return check_version(relpath, load(relpath), supported)


def files(reldir: str, suffix: str = ".yaml") -> list[str]:
    """The data files in a package folder, sorted, as paths relative to the package."""
    base = PACKAGE_ROOT / reldir
    return sorted(f"{reldir}/{p.name}" for p in base.iterdir() if p.name.endswith(suffix))


def check_nfc(file: str, data: Any, key: str = "") -> None:
    """Vietnamese must be stored composed (NFC): decomposed text breaks search and display."""
    if isinstance(data, str):
        if not unicodedata.is_normalized("NFC", data):
            raise DataError(file, key or "(root)", "text is not in Unicode NFC", "re-save it composed (NFC)")
    elif isinstance(data, dict):
        for k, v in data.items():
            check_nfc(file, v, f"{key}.{k}" if key else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            check_nfc(file, v, f"{key}[{i}]")


def check_keys(file: str, mapping: Any, allowed: Iterable[str], where: str = "") -> None:
    """Refuse keys this format does not have, naming the nearest valid one (`neer` -> `near`).

    A misspelt optional key would otherwise be skipped silently and change what learners are told
    or how a post is judged; every loader of a data file calls this for each mapping it reads.
    """
    if not isinstance(mapping, dict):
        return
    allowed = set(allowed)
    for key in sorted(set(mapping) - allowed, key=str):
        path = f"{where}.{key}" if where else str(key)
        near = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.6)
        fix = f"did you mean `{near[0]}`?" if near else "use one of: " + ", ".join(sorted(allowed))
        raise DataError(file, path, "unknown key", fix)


def require(file: str, mapping: Any, key: str, kind: type | tuple[type, ...], where: str = "") -> Any:
    """Return mapping[key], raising DataError when it is absent or of the wrong type."""
    path = f"{where}.{key}" if where else key
    if not isinstance(mapping, dict):
        raise DataError(file, where or "(root)", "expected a mapping", "use `key: value` lines")
    if key not in mapping:
        raise DataError(file, path, "missing", f"add `{key}:`")
    value = mapping[key]
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise DataError(file, path, f"expected {names}, found {type(value).__name__}", f"make `{key}` a {names}")
    return value


def require_choice(file: str, value: Any, allowed: Iterable[str], where: str) -> str:
    allowed = list(allowed)
    if value not in allowed:
        raise DataError(file, where, f"unknown value {value!r}", "use one of: " + ", ".join(map(str, allowed)))
    return value


def bilingual_list(file: str, mapping: Any, key: str, where: str = "") -> tuple[dict[str, str], ...]:
    """A non-empty list of {vi, en} texts (objectives, steps, notes …), each checked like `bilingual`."""
    values = require(file, mapping, key, list, where)
    path = f"{where}.{key}" if where else key
    if not values:
        raise DataError(file, path, "empty list", "add at least one entry")
    return tuple(bilingual(file, {"x": v}, "x", f"{path}[{i}]") for i, v in enumerate(values))


def bilingual(file: str, mapping: Any, key: str, where: str = "") -> dict[str, str]:
    """A {vi, en} text pair: both languages are required for every learner-facing text."""
    pair = require(file, mapping, key, dict, where)
    path = f"{where}.{key}" if where else key
    for lang in LANGS:
        text = require(file, pair, lang, str, path)
        if not text.strip():
            raise DataError(file, f"{path}.{lang}", "empty text", f"write the {lang} text")
    return {lang: pair[lang] for lang in LANGS}
