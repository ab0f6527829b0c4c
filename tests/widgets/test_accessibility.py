"""Every widget: keyboard-friendly controls only, feedback in a live region, labelled buttons."""
import re
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


def test_live_region_is_created_once_and_only_its_contents_change():
    """Screen readers announce changes inside a live region already in the page, not a new one: the
    front end makes the role=status element when drawn and, on each new value, sets only its contents."""
    esm = LIVE_REGION_ESM
    assert esm.count("createElement(") == 1
    for attr in ('"role", "status"', '"aria-live", "polite"', '"aria-atomic", "true"'):
        assert f"setAttribute({attr})" in esm
    handler = re.search(r"const update = \(\) => \{(.*?)\};", esm, re.S)
    assert handler and handler[1].strip() == 'region.innerHTML = model.get("value");'
    assert 'model.on("change:value", update)' in esm
    region = live_region()
    assert region.value == "" and "value" in region.keys  # synced to the browser
    say(region, "<p>✓ Đúng.</p>")
    assert region.value == "<p>✓ Đúng.</p>"


def test_no_radio_buttons_in_the_source():
    src = Path(cw.__file__).parent
    offenders = [p.name for p in src.glob("*.py") if "RadioButtons(" in p.read_text(encoding="utf-8")]
    assert offenders == []
