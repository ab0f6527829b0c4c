"""conduct: Vietnam's Code of Conduct on Social Networks (Decision 874/QĐ-BTTTT) as data,
and an explainable checker that assesses a post against it.

The public surface is imported lazily so that `import conduct` stays fast (the CLI and the
benchmarks measure it); data files are read on first use and cached.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

ROLES: tuple[str, ...] = ("individual", "organization", "official", "agency", "provider")
VERDICTS: tuple[str, ...] = ("ok", "caution", "violation")  # in order of seriousness

_EXPORTS = {
    # the Code as data
    "load_code": "conduct.code",
    "article": "conduct.code",
    "clause": "conduct.code",
    "duties": "conduct.code",
    "search_clauses": "conduct.code",
    "laws": "conduct.code",
    "debate": "conduct.code",
    # the checker
    "assess": "conduct.rules.engine",
    "Assessment": "conduct.findings",
    "Finding": "conduct.findings",
    "concerns": "conduct.rules.concerns",
    # the sample post bank
    "load_posts": "conduct.bank",
    "post": "conduct.bank",
    # strings and data
    "t": "conduct.i18n",
    "DataError": "conduct.datafiles",
}

__all__ = ["ROLES", "VERDICTS", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'conduct' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
