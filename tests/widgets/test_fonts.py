"""Every learner widget draws its text in fonts that have every character the course shows.

The widgets' CSS names a font stack (conduct.widgets.style.FONT_STACK). This test finds the stack's
fonts installed on this machine (fontconfig's fc-list; ./course installs fonts-noto-core,
fonts-dejavu-core and fonts-noto-color-emoji) and reads their character maps with fontTools: the
first installed font must have every letter, mark, digit and punctuation sign of both catalogues, the
bank posts, the final tests and the text the widgets render; symbols and emoji may come from a later
font of the stack, as browsers fall back along it.
"""
import shutil
import subprocess
import unicodedata
from functools import cache

import ipywidgets as W
import pytest
from fontTools.ttLib import TTFont

import conduct.widgets as cw
from conduct.bank import load_posts
from conduct.final import final_tests
from conduct.i18n import LANGS, catalogue
from conduct.widgets.a11y import walk
from conduct.widgets.style import FONT_FAMILIES, FONT_STACK, LEARNER_CLASS, style_block

EMOJI_FAMILY = "Noto Color Emoji"


@cache
def installed(family: str) -> str | None:
    """The font file fontconfig has for exactly this family (its upright regular face first), or None."""
    out = subprocess.run(["fc-list", "--format", "%{file}|%{style}\n", f":family={family}"],
                         capture_output=True, text=True, check=False).stdout.splitlines()
    faces = sorted((0 if {"Regular", "Book"} & set(style.split(",")) else 1, file)
                   for file, _, style in (line.partition("|") for line in out) if file)
    return faces[0][1] if faces else None


@cache
def cmap(path: str) -> frozenset[int]:
    return frozenset(TTFont(path, fontNumber=0, lazy=True).getBestCmap())


def _needs_glyph(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return not (ch.isspace() or cat in ("Cc", "Cf") or 0xFE00 <= ord(ch) <= 0xFE0F)  # controls, ZWJ, variation selectors


def _is_text(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMNP"


def _course_text() -> str:
    parts = [v for lang in LANGS for v in catalogue(lang).values()]
    parts += [p.text for p in load_posts()] + [s for p in load_posts() for s in p.explanation.values()]
    for tst in final_tests().values():
        for it in tst.items:
            parts += [*(it.question or {}).values(), *(it.post or {}).values(), *it.reason.values()]
            parts += [s for o in it.options if o.text for s in o.text.values()]
    return "".join(parts)


def _widget_text(widget) -> str:
    out = []
    for x in walk(widget):
        for attr in ("value", "description", "tooltip", "placeholder"):
            v = getattr(x, attr, None)
            if isinstance(v, str):
                out.append(v)
        out += list(getattr(x, "_options_labels", ()) or ())
        out += list(getattr(x, "tooltips", ()) or ())
    return "".join(out)


def _widgets(store):
    items = [{"id": "q", "question": {"vi": "Câu hỏi?", "en": "Question?"},
              "options": [{"text": {"vi": "Đúng", "en": "Yes"}, "correct": True, "feedback": {"vi": "Ừ", "en": "Yes"}},
                          {"text": {"vi": "Sai", "en": "No"}, "correct": False, "feedback": {"vi": "Không", "en": "No"}}]}]
    for lang in LANGS:
        yield cw.classifier(["vi-a-001", "vi-a-002"], lang=lang, exercise_id="f", store=store)
        yield cw.quiz(items, lang=lang, quiz_id="fq", store=store, audience="minors_11_14")
        yield cw.role_explorer(lang=lang)
        yield cw.post_checker(lang=lang, text="Đồ ngu, cút đi 😡", checked=True)
        yield cw.progress_panel(lang=lang, store=store)
        yield cw.final_test_widget("adults", lang=lang, store=store)
        yield cw.certificate_widget("adults", lang=lang, store=store)
        yield cw.language_switch(lambda lg: cw.role_explorer(lang=lg), lang=lang)


@pytest.fixture(scope="module")
def stack():
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig's fc-list is not installed: cannot find the stack's font files")
    found = [(f, installed(f)) for f in FONT_FAMILIES]
    found = [(f, path) for f, path in found if path]
    if not found:
        pytest.skip(f"none of {FONT_FAMILIES} is installed (./course test installs fonts-noto-core)")
    return found


def test_every_widget_uses_the_stack_for_all_its_text_including_text_areas(store):
    css = style_block().value
    assert FONT_STACK.split(",")[0].strip('"') == FONT_FAMILIES[0] and "monospace" not in FONT_STACK
    assert f".{LEARNER_CLASS} textarea" in css and f"font-family: {FONT_STACK}" in css
    for w in _widgets(store):
        assert LEARNER_CLASS in w._dom_classes or any(LEARNER_CLASS in x._dom_classes for x in walk(w)
                                                      if isinstance(x, W.Box))
        assert any(isinstance(x, W.HTML) and x.value == css for x in walk(w))


def test_first_font_has_every_letter_and_sign_the_course_shows(stack, store):
    family, path = stack[0]
    chars = set(_course_text())
    for w in _widgets(store):
        chars |= set(_widget_text(w))
    missing = sorted(c for c in chars if _is_text(c) and _needs_glyph(c) and ord(c) not in cmap(path))
    assert missing == [], f"{family} ({path}) lacks {missing}"
    assert {"ồ", "ấ", "ắ", "ễ", "ử", "đ", "Đ", "ơ", "ư"} <= chars  # the test is not vacuous


def test_symbols_and_emoji_fall_back_along_the_stack(stack):
    if installed(EMOJI_FAMILY) is None:
        pytest.skip("fonts-noto-color-emoji is not installed: emoji in posts cannot be checked")
    maps = [cmap(path) for _, path in stack]
    missing = sorted(c for c in set(_course_text()) if _needs_glyph(c) and not any(ord(c) in m for m in maps))
    assert missing == [], f"no font of the stack draws {missing}"
