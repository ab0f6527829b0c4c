"""The little CSS the widgets need: a font that has every Vietnamese letter, and wrapping option labels.

JupyterLab and ipywidgets draw a Textarea (and some previews) in the monospace font, and DejaVu Sans
Mono lacks precomposed letters such as ồ ấ ắ ễ ử, so "đồ" showed as "đô`". Every learner widget is
therefore wrapped in a box of class `LEARNER_CLASS` whose text, buttons and text areas use
`FONT_STACK`: fonts that cover Vietnamese first (tests/widgets/test_fonts.py checks the first one
installed against every character of the catalogues and the bank), then generic sans-serif.
"""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as W

WRAP_CLASS = "conduct-wrap"
LEARNER_CLASS = "conduct-learner"
# Families in order of preference; the colour emoji font only draws the emoji some posts contain.
FONT_FAMILIES: tuple[str, ...] = ("Noto Sans", "DejaVu Sans", "Arial", "Noto Color Emoji")
FONT_STACK = ", ".join(f'"{f}"' for f in FONT_FAMILIES) + ", sans-serif"

_CSS = (
    f"<style>.{WRAP_CLASS} {{ white-space: normal !important; height: auto !important; "
    "min-height: 32px; text-align: left !important; line-height: 1.4 !important; padding: 4px 10px !important; "
    "max-width: 100%; } "
    # every element of a learner widget, text areas included, but not the icon fonts' glyphs
    f".{LEARNER_CLASS}, .{LEARNER_CLASS} *:not(.fa):not([class*=' fa-']):not([class^='fa-']), "
    f".{LEARNER_CLASS} textarea, .{LEARNER_CLASS} input {{ font-family: {FONT_STACK} !important; }}</style>"
)


def style_block() -> W.HTML:
    return W.HTML(_CSS)


def learner_box(children: Sequence[W.Widget]) -> W.VBox:
    """A VBox for learner text: it carries the CSS (once per widget) and the class that sets the fonts."""
    kids = list(children)
    if not any(isinstance(k, W.HTML) and k.value == _CSS for k in kids):
        kids.insert(0, style_block())
    box = W.VBox(kids)
    box.add_class(LEARNER_CLASS)
    return box
