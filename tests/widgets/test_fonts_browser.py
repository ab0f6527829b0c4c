"""In a real browser (Debian's Chromium), the widgets' CSS gives learner text, text areas included, the
Vietnamese-covering font stack, and leaves the icon font of button icons alone.

The page holds the widgets' own style block and markup shaped like ipywidgets' (a Textarea inside a
widget box, a button with a Font Awesome icon) under JupyterLab's rule that draws text areas in
monospace, which is what hid ồ ấ ắ ễ ử before.
"""
import os
import shutil

import pytest
from playwright.sync_api import sync_playwright

from conduct.widgets.style import FONT_FAMILIES, LEARNER_CLASS, style_block

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)

PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<style>textarea {{ font-family: monospace; }} .fa {{ font-family: FontAwesome; }}</style></head>
<body>{style}
<div class="widget-vbox {cls}">
  <div class="widget-textarea"><textarea id="area">đồ ấm áp, bắt đầu, ễnh ương, cử tri</textarea></div>
  <button class="jupyter-button" id="btn"><i class="fa fa-check" id="icon"></i>Kiểm tra</button>
  <div class="widget-html-content" id="html"><p id="para">Điều 4 khoản 5</p></div>
</div>
<textarea id="outside">ngoài widget</textarea>
</body></html>"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (`./course test` installs it)")
    html = tmp_path_factory.mktemp("fonts") / "page.html"
    html.write_text(PAGE.format(style=style_block().value, cls=LEARNER_CLASS), encoding="utf-8")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        try:
            pg = browser.new_page()
            pg.goto(html.as_uri())
            yield pg
        finally:
            browser.close()


def _family(page, element_id):
    return page.evaluate(f"getComputedStyle(document.getElementById('{element_id}')).fontFamily")


def test_text_areas_and_text_use_the_stack_icons_keep_their_font(page):
    first = f'"{FONT_FAMILIES[0]}"'
    for element in ("area", "btn", "para"):
        assert _family(page, element).startswith(first), element
    assert _family(page, "icon") == "FontAwesome"
    assert _family(page, "outside") == "monospace"  # only learner widgets are restyled


MEASURE = """([family, text]) => {
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = `32px "${family}", monospace`;
  const withFamily = ctx.measureText(text).width;
  ctx.font = "32px monospace";
  return withFamily !== ctx.measureText(text).width;
}"""


def test_the_browser_has_a_font_of_the_stack_for_vietnamese_text(page):
    """A family the browser has changes how wide Vietnamese text is drawn compared with monospace."""
    text = "Đồ ấm áp, bắt đầu, ễnh ương, cử tri"
    available = [f for f in FONT_FAMILIES[:2] if page.evaluate(MEASURE, [f, text])]
    assert available, f"the browser has none of {FONT_FAMILIES[:2]}: install fonts-noto-core or fonts-dejavu-core"
    assert not page.evaluate(MEASURE, ["No Such Font Family", text])  # the measure can tell
