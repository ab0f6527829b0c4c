"""The little CSS the widgets need: option buttons whose long labels wrap instead of being cut off."""
from __future__ import annotations

import ipywidgets as W

WRAP_CLASS = "conduct-wrap"
_CSS = (f"<style>.{WRAP_CLASS} {{ white-space: normal !important; height: auto !important; "
        "min-height: 32px; text-align: left !important; line-height: 1.4 !important; padding: 4px 10px !important; "
        "max-width: 100%; }</style>")


def style_block() -> W.HTML:
    return W.HTML(_CSS)
