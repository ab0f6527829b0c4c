"""The nbgrader exercises: specs as data, a generator of source notebooks, and the helpers those
notebooks call (`present` prints a post and its options; `checks` checks an answer's form and,
in hidden tests, its content).

Answer cells keep a template line outside the solution region (`verdict_post_3 = "..."`), so a
learner who does not program only replaces `...`. nbgrader puts its code stub after that line;
its default stub raises NotImplementedError, which a learner would then have to delete. `configure`
sets a stub that is only a comment; the course's nbgrader_config.py should call it.
"""
from __future__ import annotations

from typing import Any

CODE_STUB = "# ✎"
TEXT_STUB = "YOUR ANSWER HERE"


def configure(c: Any) -> None:
    """Apply the exercises' nbgrader settings to a traitlets config (`c` in nbgrader_config.py).

    With the comment-only stub a blank answer cell still runs, and its `...` fails the form check,
    so no test passes on a blank notebook; the programming exercise's function body keeps its
    docstring, so it stays valid Python and returns None until written.
    """
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB
