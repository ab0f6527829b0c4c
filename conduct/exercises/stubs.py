"""nbgrader settings for the exercises: what a learner finds in an answer cell of a released notebook.

nbgrader's ClearSolutions puts one course-wide text ("YOUR ANSWER HERE") into every written-answer
cell. A course releases Vietnamese and English assignments side by side, so the stub is chosen per
notebook from its language (`metadata.conduct.lang`) and the catalogue: "✎ Viết câu trả lời của bạn
vào đây." in a Vietnamese notebook. The programming exercise's function gets a comment, not nbgrader's
`raise NotImplementedError()`, so its docstring-only body stays valid Python and returns None.
"""

from __future__ import annotations

from typing import Any

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions

from conduct.i18n import DEFAULT_LANG, LANGS, t

CODE_STUB = "# ✎"
STUB_CLASS = "conduct.exercises.stubs.LocalizedClearSolutions"


class LocalizedClearSolutions(ClearSolutions):
    """ClearSolutions whose written-answer stub is in the notebook's own language."""

    def preprocess(self, nb, resources):
        lang = nb.metadata.get("conduct", {}).get("lang", DEFAULT_LANG)
        self.text_stub = t("exercises.written_stub", lang if lang in LANGS else DEFAULT_LANG)
        return super().preprocess(nb, resources)


def configure(c: Any) -> None:
    """Apply the exercises' settings to a traitlets config (`c` in nbgrader_config.py)."""
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    default = GenerateAssignment.class_traits()["preprocessors"].default()
    c.GenerateAssignment.preprocessors = [STUB_CLASS if p is ClearSolutions else p for p in default]
