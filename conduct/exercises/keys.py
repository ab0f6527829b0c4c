"""How a graded item's key is written into its test cell, and read back by the grader.

The key is data: one JSON object after `ANSWER_KEY = ` between nbgrader's hidden-test markers. The
block is valid Python (no true/false/null in keys), so nbgrader handles the cell like any test cell:
it strips the block from the release and restores it from the gradebook at autograde. `grading.answers`
parses it in the grader's own process; it is never run to decide a grade.
"""

from __future__ import annotations

import json
import re
from typing import Any

KEY_NAME = "ANSWER_KEY"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
ANSWER_KINDS = ("verdict", "clauses", "choice", "multi")
_BLOCK = re.compile(re.escape(BEGIN_HIDDEN) + r"\n(.*?)\n" + re.escape(END_HIDDEN), re.S)


def key_source(key: dict[str, Any]) -> str:
    """The hidden block's text for a key."""
    return f"{KEY_NAME} = {json.dumps(key, ensure_ascii=False, sort_keys=True, indent=1)}"


def parse_key(source: str) -> dict[str, Any] | None:
    """The key inside a test cell's hidden block, or None when the cell holds none (or a broken one)."""
    match = _BLOCK.search(source)
    if not match:
        return None
    text = match.group(1).strip()
    prefix = f"{KEY_NAME} = "
    if not text.startswith(prefix):
        return None
    try:
        key = json.loads(text[len(prefix) :])
    except ValueError:
        return None
    return key if isinstance(key, dict) and isinstance(key.get("kind"), str) else None
