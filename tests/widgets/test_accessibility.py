"""Every widget: keyboard-friendly controls only, feedback in a live region, labelled buttons."""
import json
import shutil
import subprocess
from pathlib import Path

import ipywidgets as W
import pytest

import conduct.widgets as cw
from conduct.widgets.a11y import LIVE_REGION_ESM, LiveRegion, live_region, say, walk

ITEMS = [{"id": "q", "question": {"vi": "?", "en": "?"},
          "options": [{"text": {"vi": "a", "en": "a"}, "correct": True, "feedback": {"vi": "x", "en": "x"}},
                      {"text": {"vi": "b", "en": "b"}, "correct": False, "feedback": {"vi": "y", "en": "y"}}]}]


def builds(store):
    return {
        "classifier": lambda lang: cw.classifier(["vi-a-001", "vi-a-002"], lang=lang, exercise_id="a11y", store=store),
        "quiz": lambda lang: cw.quiz(ITEMS, lang=lang, quiz_id="a11y-q", store=store),
        "role_explorer": lambda lang: cw.role_explorer(lang=lang),
        "progress_panel": lambda lang: cw.progress_panel(lang=lang, store=store),
        "post_checker": lambda lang: cw.post_checker(lang=lang),
    }


@pytest.mark.parametrize("name", ["classifier", "quiz", "role_explorer", "progress_panel", "post_checker"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_widget_tree(store, name, lang):
    w = cw.language_switch(builds(store)[name], lang=lang)
    tree = list(walk(w))
    assert not any(isinstance(x, (W.RadioButtons, W.Dropdown, W.Select)) for x in tree)
    buttons = [x for x in tree if isinstance(x, W.Button)]
    assert all(b.description.strip() and b.tooltip for b in buttons)
    for tb in (x for x in tree if isinstance(x, W.ToggleButtons)):
        assert len(tb.tooltips) == len(tb.options) and all(tb.tooltips)
    live = [x for x in tree if isinstance(x, LiveRegion)]
    assert live, f"{name} has no ARIA live region"
    assert not any(isinstance(x, W.HTML) and "role=\"status\"" in x.value for x in tree), \
        f"{name} writes its own role=status markup into an HTML widget (replaced on every update)"


# Runs the live region's front-end module in Node with a minimal DOM and model: render it, change the
# value twice, then dispose of the view; prints what a screen reader would find in the page.
NODE_HARNESS = """
const created = [];
class El {
  constructor(tag) { this.tag = tag; this.attrs = {}; this.children = []; this.innerHTML = ""; created.push(this); }
  setAttribute(k, v) { this.attrs[k] = String(v); }
  appendChild(c) { this.children.push(c); return c; }
}
globalThis.document = { createElement: (tag) => new El(tag) };
const handlers = {};
const model = {
  value: "<p>first</p>",
  get(k) { return this[k]; },
  on(ev, f) { (handlers[ev] ||= []).push(f); },
  off(ev, f) { handlers[ev] = (handlers[ev] || []).filter((g) => g !== f); },
  set(v) { this.value = v; (handlers["change:value"] || []).forEach((f) => f()); },
};
const mod = await import(process.argv[2]);
const el = new El("div");
const dispose = mod.default.render({ model, el });
const region = el.children[0];
const seen = [region.innerHTML];
model.set("<p>second</p>");
seen.push(region.innerHTML);
model.set("<p>third</p>");
const sameNode = el.children.length === 1 && el.children[0] === region;
seen.push(region.innerHTML);
dispose();
model.set("<p>after</p>");
console.log(JSON.stringify({ attrs: region.attrs, seen, sameNode, created: created.length - 1,
                             afterDispose: region.innerHTML }));
"""


def test_live_region_is_created_once_and_only_its_contents_change(tmp_path):
    """Screen readers announce changes inside a live region already in the page, not a new one: the
    front end makes the role=status element when drawn and, on each new value, changes only its contents."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed: the live region's front end cannot be run")
    (tmp_path / "region.mjs").write_text(LIVE_REGION_ESM, encoding="utf-8")
    (tmp_path / "harness.mjs").write_text(NODE_HARNESS, encoding="utf-8")
    out = subprocess.run([node, str(tmp_path / "harness.mjs"), (tmp_path / "region.mjs").as_uri()],
                         capture_output=True, text=True, check=True, timeout=60)
    got = json.loads(out.stdout)
    attrs = got["attrs"]
    assert (attrs["role"], attrs["aria-live"], attrs["aria-atomic"]) == ("status", "polite", "true")
    assert got["created"] == 1 and got["sameNode"]  # one region, kept across updates
    assert got["seen"] == ["<p>first</p>", "<p>second</p>", "<p>third</p>"]
    assert got["afterDispose"] == "<p>third</p>"  # a disposed view stops listening
    region = live_region()
    assert region.value == "" and "value" in region.keys  # synced to the browser
    say(region, "<p>✓ Đúng.</p>")
    assert region.value == "<p>✓ Đúng.</p>"


def test_no_radio_buttons_in_the_source():
    src = Path(cw.__file__).parent
    offenders = [p.name for p in src.glob("*.py") if "RadioButtons(" in p.read_text(encoding="utf-8")]
    assert offenders == []
