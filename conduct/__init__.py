"""conduct: Vietnam's Code of Conduct on Social Networks (Decision 874/QĐ-BTTTT) as data,
and an explainable checker that assesses a post against it.

The public surface is imported eagerly: `import conduct` reads no data file (data is read on first
use and cached), so laziness would buy nothing and would hide which module depends on which.
"""

from __future__ import annotations

from conduct.bank import load_posts, post
from conduct.code import article, clause, debate, duties, laws, load_code, search_clauses
from conduct.code.concerns import concerns
from conduct.datafiles import DataError
from conduct.findings import Assessment, Finding
from conduct.i18n import t
from conduct.rules.engine import assess
from conduct.vocab import ROLES, VERDICTS  # noqa: I001  (first: submodules import the vocabulary)

__version__ = "0.1.0"

__all__ = [
    "ROLES",
    "VERDICTS",
    # the Code as data
    "load_code",
    "article",
    "clause",
    "duties",
    "search_clauses",
    "laws",
    "debate",
    # the checker
    "assess",
    "Assessment",
    "Finding",
    "concerns",
    # the sample post bank
    "load_posts",
    "post",
    # strings and data
    "t",
    "DataError",
]
