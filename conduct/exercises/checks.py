"""The visible checks of the programming exercise, run in the learner's own kernel.

Only the PII finder exercise has learner code. Its test cells show a few examples the learner can run
(`expect_found`), with messages in the notebook's language. Grading never relies on these: at
autograde, `grading.answers` runs the learner's function (in the sandbox) only to produce outputs on
every example, visible and hidden, and compares them with the expected outputs in the grader's own
process, where student code cannot reach. Choice, verdict and clause answers have no checks here at
all: they are data in answers.json, graded by `grading.answers`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from conduct.i18n import t


def _fail(key: str, lang: str, **params: Any) -> None:
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    raise AssertionError(t(f"exercises.{key}", lang, **params))


def expect_found(
    func: Callable[[str], Any],
    text: str,
    expected: Sequence[Sequence[str]],
    lang: str = "vi",
    *,
    name: str = "find_personal_data",
) -> None:
    """`func(text)` must return exactly the expected (kind, value) pairs, in order of appearance."""
    __tracebackhide__ = True  # IPython: keep this frame out of the learner's traceback
    if not callable(func):
        _fail("fn_missing", lang, name=name)
    got = func(text)
    if not isinstance(got, (list, tuple)) or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in got):
        _fail("fn_not_list", lang, name=name, text=text, got=repr(got))
    pairs = [tuple(p) for p in got]
    wanted = [tuple(p) for p in expected]
    if pairs != wanted:
        _fail("fn_wrong", lang, name=name, text=text, got=repr(pairs), expected=repr(wanted))
