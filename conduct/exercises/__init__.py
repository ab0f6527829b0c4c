"""The nbgrader exercises: a generator of source notebooks from specs kept outside this package
(`exercises/specs/` of a checkout), the visible checks of the programming exercise, and the course's
nbgrader settings. Keys to graded items are never in this package (exercises/README.md).
"""

from __future__ import annotations

from typing import Any


def configure(c: Any) -> None:
    """Apply the exercises' nbgrader settings to a traitlets config (`c` in nbgrader_config.py).

    Imported here on call, not at the top: `stubs` imports nbgrader, which learners' kernels (which
    import `conduct`) neither have to load nor need.
    """
    from conduct.exercises.stubs import configure as apply

    apply(c)
