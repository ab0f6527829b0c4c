"""The printable family sheets and teacher's guides, generated into a temporary folder once."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conduct.bank import post
from conduct.curriculum.lessons import LANGS
from conduct.i18n import t
from conduct.school import lessons
from conduct.school.guides import guide
from conduct.school.sheets import main, write_sheets

LESSONS = lessons()


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sheets")
    written = write_sheets(folder)
    assert len(written) == 2 * len(LANGS) * len(LESSONS) + 1
    return folder


def _text(page: str) -> str:
    """Visible text of a page: tags dropped, entities decoded, the embedded stylesheet removed."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _read(out: Path, lang: str, kind: str, number: str) -> str:
    return (out / lang / f"{kind}-{number}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("l", LESSONS, ids=lambda l: l.number)
def test_sheets_carry_their_lessons_key_terms_in_their_language(out, l, lang):
    other = "en" if lang == "vi" else "vi"
    terms = l.parts_of("terms")[0].data["items"]
    for kind in ("family", "guide"):
        page = _read(out, lang, kind, l.number)
        assert f'<html lang="{lang}">' in page and "@media print" in page and "@page" in page
        text = _text(page)
        for term in terms:
            assert term["term"][lang] in text, f"{kind}-{l.number} ({lang}) lacks the term {term['term'][lang]!r}"
            # the guide quotes posts in their own language; the family sheet is all in one language
            if kind == "family" and term["term"][other] not in term["term"][lang]:
                assert term["term"][other] not in text, f"{kind}-{l.number} ({lang}) shows the {other} term"
        assert "[[" not in text, "a citation was left unexpanded"
        assert "111" in text


@pytest.mark.parametrize("l", LESSONS, ids=lambda l: l.number)
def test_family_sheet_has_the_talking_points(out, l):
    for lang in LANGS:
        text = _text(_read(out, lang, "family", l.number))
        for point in l.parts_of("family")[0].data["points"]:
            assert html.unescape(point[lang].replace("**", "")) in text


@pytest.mark.parametrize("l", LESSONS, ids=lambda l: l.number)
def test_guide_has_timing_answer_key_grading_and_disclosure(out, l):
    g = guide(l.number, l.audience)
    assert g.minutes == l.minutes, f"guide timing adds up to {g.minutes}, the lesson says {l.minutes}"
    band = "11-14" if l.audience == "minors_11_14" else "15-18"
    for lang in LANGS:
        page = _read(out, lang, "guide", l.number)
        text = _text(page)
        shown = [post(pid) for pid in l.parts_of("exercise")[0].data["posts"]]
        for p in shown:
            assert p.id in text and p.explanation[lang] in text
        # an ok post's right clause answer in the classifier is "no clause broken"
        assert text.count(t("widgets.classifier.no_clause", lang)) == sum(p.verdict == "ok" for p in shown)
        for name in (f"school-pre-{band}-{lang}", f"school-post-{band}-{lang}", f"school-{band}-{lang}"):
            assert f"<code>conduct-course release {name}</code>" in page
        for item in l.parts_of("quiz")[0].data["items"]:
            assert sum(1 for o in item["options"] if o["correct"]) == 1
        for step in g.disclosure:
            assert html.unescape(step[lang]) in text
        assert l.filename(lang) in text


def test_cli_writes_one_lesson_and_names_bad_input(tmp_path, capsys):
    assert main(["--out", str(tmp_path / "one"), "--lesson", "03", "--lang", "en"]) == 0
    assert sorted(p.name for p in (tmp_path / "one" / "en").iterdir()) == ["family-03.html", "guide-03.html"]
    assert not (tmp_path / "one" / "vi").exists()
    assert "Wrote 3 files" in capsys.readouterr().out

    assert main(["--out", str(tmp_path / "bad"), "--lesson", "99"]) == 2
    err = capsys.readouterr().err
    assert "99" in err and "01" in err and "Traceback" not in err
    assert not (tmp_path / "bad").exists(), "nothing is written when the input is bad"

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["--out", str(blocker), "--lesson", "01"]) == 1
    assert "file" in capsys.readouterr().err


@pytest.mark.parametrize("l", LESSONS, ids=lambda l: l.number)
def test_guide_notes_name_only_posts_of_their_lesson(l):
    shown = set(l.parts_of("exercise")[0].data["posts"])
    g = guide(l.number, l.audience)
    for note in g.run + g.objectives:
        for lang in LANGS:
            named = set(re.findall(r"\b(?:vi|en)-[a-z]-\d{3}\b", note[lang]))
            assert named <= shown, f"guide {l.number} names {sorted(named - shown)}, not in the lesson's exercise"
