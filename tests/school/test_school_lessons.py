"""The school track's lessons: age bands kept apart, every lesson complete, both editions in step.

The lessons are curriculum lesson files (track "school"); the generic checks (regeneration,
NFC, cited clauses exist) live in tests/notebooks/. These tests hold what is specific to
minors: a lesson shows only posts written for its age band, it has every part the
Be Internet Awesome / Common Sense bar asks for, and the five topics run in the same order in
both bands.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from conduct.bank import load_posts, post
from conduct.curriculum.lessons import LANGS
from conduct.school import BANDS, TOPICS, lesson, lessons

ROOT = Path(__file__).resolve().parents[2] / "notebooks"
LESSONS = lessons()
REQUIRED = ("question", "terms", "scenario", "exercise", "quiz", "family")
# Letters only Vietnamese uses: a Vietnamese text of some length without any has lost its diacritics.
VI_MARKS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def _ids(l):
    return l.number


def _pairs(value):
    """Every {vi, en} text pair inside a lesson part's data."""
    if isinstance(value, dict):
        if set(value) == set(LANGS) and all(isinstance(v, str) for v in value.values()):
            yield value
        else:
            for v in value.values():
                yield from _pairs(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _pairs(v)


def test_five_lessons_per_band_in_topic_order():
    for band in BANDS:
        mine = lessons(band)
        assert len(mine) == 5, f"{band} has {len(mine)} lessons"
        topics = [{post(pid).topic for pid in l.parts_of("exercise")[0].data["posts"]} for l in mine]
        assert topics == [{t} for t in TOPICS], f"{band}: exercise topics {topics}"


@pytest.mark.parametrize("l", LESSONS, ids=_ids)
def test_lesson_shows_only_posts_of_its_age_band(l):
    assert l.audience in BANDS
    for part in l.parts_of("exercise"):
        ids = part.data["posts"]
        assert len(ids) >= 6, f"lesson {l.number}: only {len(ids)} posts"
        wrong = [pid for pid in ids if post(pid).audience != l.audience]
        assert not wrong, f"lesson {l.number} ({l.audience}) shows posts of another audience: {wrong}"
        verdicts = {post(pid).verdict for pid in ids}
        assert "ok" in verdicts and verdicts - {"ok"}, f"lesson {l.number}: exercise needs ok and non-ok posts"
        assert any(post(pid).trap for pid in ids), f"lesson {l.number}: no trap post to think about"


@pytest.mark.parametrize("l", LESSONS, ids=_ids)
def test_lesson_has_every_part(l):
    kinds = [p.kind for p in l.parts]
    missing = [k for k in REQUIRED if k not in kinds]
    assert not missing, f"lesson {l.number} lacks {missing}"
    assert 30 <= l.minutes <= 45
    assert len(l.parts_of("terms")[0].data["items"]) >= 3, "vocabulary needs at least three words"
    assert kinds.index("family") > kinds.index("quiz"), "the family sheet closes the lesson"
    for item in l.parts_of("quiz")[0].data["items"]:
        assert sum(o["correct"] for o in item["options"]) == 1, f"{l.number} {item['id']}: one right answer"
        assert item["clauses"], f"{l.number} {item['id']}: the item must say which clause it tests"
        for o in item["options"]:
            assert all(o["feedback"][lang].strip() for lang in LANGS), f"{l.number} {item['id']}: feedback"


@pytest.mark.parametrize("l", LESSONS, ids=_ids)
def test_vietnamese_text_keeps_its_diacritics(l):
    for pair in _pairs([p.data for p in l.parts]):
        text = pair["vi"]
        if len(text) > 25 and text != pair["en"]:
            assert VI_MARKS.search(text), f"lesson {l.number}: Vietnamese without diacritics: {text[:60]!r}"


def _notebook(lang: str, l) -> nbformat.NotebookNode:
    path = ROOT / lang / "school" / l.filename(lang)
    assert path.exists(), f"{path} missing: run python -m conduct.curriculum.build"
    return nbformat.read(path, as_version=4)


@pytest.mark.parametrize("l", LESSONS, ids=_ids)
def test_both_editions_have_the_same_structure(l):
    vi, en = _notebook("vi", l), _notebook("en", l)
    shape = lambda nb: [(c.cell_type, c.metadata["conduct"]["part"]) for c in nb.cells]  # noqa: E731
    assert shape(vi) == shape(en)
    # the last line is the call; the first is a comment in the edition's language
    calls = lambda nb, lang: [c.source.splitlines()[-1].replace(f'"{lang}"', '"LANG"')  # noqa: E731
                              for c in nb.cells if c.cell_type == "code"]
    assert calls(vi, "vi") == calls(en, "en")
    assert any("show.exercise" in c for c in calls(vi, "vi")) and any("show.quiz" in c for c in calls(vi, "vi"))
    assert vi.metadata["conduct"]["track"] == "school" and vi.metadata["language_info"]["name"] == "python"
    family = [c.source for c in vi.cells if c.metadata["conduct"]["part"] == "family"]
    assert family and "Phiếu gia đình" in family[0]


def test_every_minors_post_is_taught_in_exactly_one_lesson():
    shown = [pid for l in LESSONS for p in l.parts_of("exercise") for pid in p.data["posts"]]
    assert len(shown) == len(set(shown)), "a post is used by two lessons"
    minors = {p.id for band in BANDS for p in load_posts(audience=band)}
    assert minors == set(shown), f"not shown: {sorted(minors - set(shown))}; not minors: {sorted(set(shown) - minors)}"


def test_minors_bank_sizes_and_balance():
    for lang, least in (("vi", 45), ("en", 25)):
        posts = [p for band in BANDS for p in load_posts(audience=band, lang=lang)]
        assert len(posts) >= least, f"{len(posts)} {lang} minors posts"
        per_band = {band: sum(p.audience == band for p in posts) for band in BANDS}
        assert abs(per_band["minors_11_14"] - per_band["minors_15_18"]) <= len(posts) // 5, per_band
        assert {p.topic for p in posts} == set(TOPICS)
        assert all(re.fullmatch(rf"{lang}-m-\d{{3}}", p.id) for p in posts)


def test_unknown_band_and_lesson_are_named():
    with pytest.raises(ValueError, match="minors_11_14"):
        lessons("kids")
    with pytest.raises(KeyError, match="01"):
        lesson("99")


def test_start_page_links_every_lesson_of_both_bands():
    for lang, name in (("vi", "00-Bat-Dau.ipynb"), ("en", "00-Start-Here.ipynb")):
        nb = nbformat.read(ROOT / lang / "school" / name, as_version=4)
        text = "\n".join(c.source for c in nb.cells)
        for l in LESSONS:
            assert f"({l.filename(lang)})" in text, f"{name} does not link {l.filename(lang)}"
            assert (ROOT / lang / "school" / l.filename(lang)).exists()
        assert "111" in text
