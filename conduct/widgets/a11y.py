"""Accessibility building blocks shared by every widget.

The course must work with the keyboard alone and with a screen reader (toolchain notes): so
choices are plain Buttons/ToggleButtons with a visible label and a tooltip (never RadioButtons,
whose options are not grouped for assistive technology), feedback is written into an ARIA live
region so it is announced, and right/wrong is said with a symbol and words, never by colour alone.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator

import anywidget
import ipywidgets as W
import traitlets

# The browser side of a live region. Screen readers announce changes INSIDE a live region that is
# already in the page, not a freshly inserted one: so the role=status element is created once, when the
# widget is drawn, and each new `value` only replaces its contents. The value is our own escaped markup.
LIVE_REGION_ESM = """
function render({ model, el }) {
  const region = document.createElement("div");
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  region.setAttribute("aria-atomic", "true");
  region.className = "conduct-live";
  region.innerHTML = model.get("value");
  el.appendChild(region);
  const update = () => { region.innerHTML = model.get("value"); };
  model.on("change:value", update);
  return () => model.off("change:value", update);
}
export default { render };
"""


class LiveRegion(anywidget.AnyWidget):
    """A feedback area announced by screen readers: `value` is the markup it shows (empty at first)."""

    _esm = LIVE_REGION_ESM
    value = traitlets.Unicode("").tag(sync=True)


def live_region() -> LiveRegion:
    """An empty feedback area; fill it with `say(region, html)`."""
    return LiveRegion(layout=W.Layout(width="100%"))


def say(region: LiveRegion, inner_html: str) -> None:
    """Show `inner_html` (already escaped) in the region; the browser keeps the region and announces it."""
    region.value = inner_html


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def button(label: str, tooltip: str, on_click: Callable[[W.Button], None] | None = None, **kw) -> W.Button:
    """A keyboard-focusable button whose label says what it does; the tooltip adds detail."""
    b = W.Button(description=label, tooltip=tooltip, layout=W.Layout(width="auto"), **kw)
    if on_click is not None:
        b.on_click(on_click)
    return b


def toggle(options: list[tuple[str, str]], tooltips: list[str], value: str, description: str = "") -> W.ToggleButtons:
    """Toggle buttons (a keyboard-friendly single choice) with a tooltip per option."""
    return W.ToggleButtons(
        options=options,
        tooltips=tooltips,
        value=value,
        description=description,
        style={"description_width": "initial", "button_width": "auto"},
    )


def mark_choice(b: W.Button, correct: bool) -> None:
    """Show the result on the chosen button with a symbol in its label, and colour only as a bonus."""
    b.description = ("✓ " if correct else "✗ ") + b.description.lstrip("✓✗ ")
    b.button_style = "success" if correct else "danger"


def walk(widget: W.Widget) -> Iterator[W.Widget]:
    """Every widget in a tree (children of boxes, depth first), for tests and audits."""
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk(child)
