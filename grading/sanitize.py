"""Feedback pages that never run a student's HTML: markdown cells sanitized before rendering.

nbconvert's `HTMLExporter.sanitize_html` cleans cell outputs, but nbgrader's feedback template
renders markdown cells itself, without nbconvert's `clean_html`: a student's `<script>` or
`<img onerror=…>` in a written answer ran in the browser of whoever opened the feedback (the
instructor in the formgrader's feedback view, or the student). This preprocessor, run by
nbgrader's GenerateFeedback, replaces each markdown cell's text with its rendering cleaned by
nbconvert's own sanitizer (scripts, event handlers and unsafe URLs removed, the text kept).
"""

from __future__ import annotations

from nbconvert.filters import clean_html
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

PREPROCESSORS = (
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "grading.sanitize.SanitizeMarkdown",
)


class SanitizeMarkdown(Preprocessor):
    """Markdown cells become sanitized HTML (which markdown renders as it is)."""

    enabled = Bool(True, help="nbconvert runs a preprocessor only when enabled.").tag(config=True)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown" and cell.source:
            cell.source = str(clean_html(markdown2html_mistune(cell.source)))
        return cell, resources


def feedback_args() -> list[str]:
    """nbgrader generate_feedback options: sanitized outputs and markdown cells."""
    return ["--HTMLExporter.sanitize_html=True", *(f"--GenerateFeedback.preprocessors={p}" for p in PREPROCESSORS)]


def configure(c) -> None:
    """The same in a course's nbgrader_config.py (so plain `nbgrader generate_feedback` is safe too)."""
    c.HTMLExporter.sanitize_html = True
    c.GenerateFeedback.preprocessors = list(PREPROCESSORS)
