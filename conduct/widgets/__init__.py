"""The learner widgets every notebook reuses: classify posts, take a quiz, explore roles,
check a post, see progress, switch language, and the app's final test and certificate.

Each function returns an ipywidgets widget (a VBox) ready for `display()`, with its working
parts attached as attributes so tests can click buttons and read feedback without a browser.
All of them are keyboard-operable, announce feedback through an ARIA live region and never
rely on colour alone (see `a11y`).
"""

from __future__ import annotations

from conduct.widgets.certificate_view import certificate_widget
from conduct.widgets.classifier import classifier
from conduct.widgets.final_test import final_test_widget
from conduct.widgets.language import language_switch
from conduct.widgets.post_checker import post_checker
from conduct.widgets.progress_panel import progress_panel, results_figure
from conduct.widgets.quiz import quiz
from conduct.widgets.role_explorer import role_explorer

__all__ = [
    "certificate_widget",
    "classifier",
    "final_test_widget",
    "quiz",
    "role_explorer",
    "progress_panel",
    "results_figure",
    "post_checker",
    "language_switch",
]
