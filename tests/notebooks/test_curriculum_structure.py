"""The generated curriculum: notebooks match the lesson data, the two editions stay in step,
everything cited or shown exists, and learners see no code.

These tests read the committed notebooks (what a learner opens), not the lesson data alone, so a
hand edit, a stale build or a clause renamed in conduct.code is caught here.
"""
from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import nbformat
import pytest

from conduct import code
from conduct.app import pages
from conduct.curriculum import build, show
from conduct.curriculum.lessons import LANGS, TRACKS, find_part, load_track
from conduct.i18n import t

ROOT = build.default_root()
COURSE = load_track("course")
CALL = re.compile(r'^from conduct\.(?:curriculum import show; show|app import pages; pages)\.(\w+)\((.*)\)$')
CALLED = {"show": show, "pages": pages}
CITED = {
    "vi": re.compile(r"Điều (\d+) khoản (\d+)"),
    "en": re.compile(r"Art\. (\d+)\((\d+)\)"),
}


def _notebooks(lang: str, track=TRACKS[0]) -> dict[str, nbformat.NotebookNode]:
    """{lesson number: notebook} for one edition of a track, read from the repository."""
    folder = ROOT / lang / track.out
    out = {}
    for path in sorted(folder.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if "lesson" in nb.metadata["conduct"]:  # not the app's own pages (home, final test, certificate)
            out[nb.metadata["conduct"]["lesson"]] = nb
    return out


@pytest.fixture(scope="module")
def editions() -> dict[str, dict[str, nbformat.NotebookNode]]:
    return {lang: _notebooks(lang) for lang in LANGS}


def _calls(nb) -> list[tuple[str, list]]:
    """(function, literal arguments) of every code cell."""
    out = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            m = CALL.match(cell.source.splitlines()[-1])
            assert m, f"code cell is not a one-line show or pages call: {cell.source!r}"
            module = "pages" if "pages." in cell.source else "show"
            args = list(ast.literal_eval(f"({m[2]},)")) if m[2] else []
            out.append((m[1] if module == "show" else f"pages.{m[1]}", args))
    return out


@pytest.mark.parametrize("track", TRACKS, ids=lambda t: t.name)
def test_committed_notebooks_are_what_the_generator_makes(track):
    problems = build.differences(ROOT, (track,))
    assert not problems, "run python -m conduct.curriculum.build\n" + "\n".join(problems)


def test_course_has_every_lesson_in_both_editions(editions):
    numbers = [f"{n:02d}" for n in range(10)]
    for lang in LANGS:
        assert sorted(editions[lang]) == numbers, f"{lang} edition lessons"
    assert [l.number for l in COURSE] == numbers


def test_editions_have_the_same_structure_exercises_and_posts(editions):
    for number, vi in editions["vi"].items():
        en = editions["en"][number]
        shape = lambda nb: [(c.cell_type, c.metadata["conduct"]["part"]) for c in nb.cells]
        assert shape(vi) == shape(en), f"lesson {number}: vi and en cells differ"
        vi_calls, en_calls = _calls(vi), _calls(en)
        assert [(f, a[:-1]) for f, a in vi_calls] == [(f, a[:-1]) for f, a in en_calls], number
        assert all(a[-1] == "vi" for _, a in vi_calls if a) and all(a[-1] == "en" for _, a in en_calls if a), number
        for f, args in vi_calls:
            if f == "exercise":
                assert find_part(args[0], "exercise").data["posts"], number


def test_all_text_is_nfc(editions):
    for lang, nbs in editions.items():
        for number, nb in nbs.items():
            for cell in nb.cells:
                assert unicodedata.is_normalized("NFC", cell.source), f"{lang}/{number} cell {cell.id} is not NFC"


def test_every_cited_clause_exists_in_the_code(editions):
    known = {c.id for c in code.load_code().clauses}
    seen = set()
    for lang, nbs in editions.items():
        for number, nb in nbs.items():
            for cell in nb.cells:
                for a, n in CITED[lang].findall(cell.source):
                    assert f"{a}({n})" in known, f"{lang}/{number} cites {a}({n}), which the Code lacks"
                    seen.add(f"{a}({n})")
    assert len(seen) > 20  # the regexes really match the citations the builder writes
    for nb in editions["vi"].values():  # and the clauses behind the ids in the calls
        for f, args in _calls(nb):
            if f == "quiz":
                for item in find_part(args[0], "quiz").data["items"]:
                    assert set(item["clauses"]) <= known, f"{args[0]} {item['id']}: {item['clauses']}"


def test_every_post_shown_exists_in_the_bank_and_suits_adults(editions):
    from conduct import bank

    for number, nb in editions["vi"].items():
        for f, args in _calls(nb):
            if f != "exercise":
                continue
            ids = find_part(args[0], "exercise").data["posts"]
            assert len(ids) >= 8, f"lesson {number}: exercise {args[0]} has {len(ids)} posts, needs at least 8"
            for pid in ids:
                post = bank.post(pid)  # raises for an unknown id
                assert post.audience == "adults", f"{pid} in lesson {number} is for {post.audience}"


def test_each_clause_of_articles_3_to_7_is_taught_in_its_article_notebook(editions):
    for article in (3, 4, 5, 6, 7):
        lesson = next(l for l in COURSE if l.articles == (article,))
        for lang in LANGS:
            nb = editions[lang][lesson.number]
            taught = {m for c in nb.cells if c.metadata["conduct"]["part"] == "clause"
                      for m in CITED[lang].findall(c.source.splitlines()[1])}
            wanted = {(str(article), str(c.number)) for c in code.article(article).clauses}
            assert wanted <= taught, f"{lang} lesson {lesson.number} does not teach {sorted(wanted - taught)}"
            for clause in code.article(article).clauses:  # the Code's own paraphrase, not a copy that can drift
                assert any(clause.text[lang].strip() in c.source for c in nb.cells), f"{clause.id} text ({lang})"


def test_article_lessons_follow_the_lesson_pattern():
    pattern = ["question", "terms", "clauses", "scenario", "exercise", "quiz", "summary"]
    for lesson in COURSE:
        if not lesson.articles or len(lesson.articles) > 2:
            continue  # 00, 08 and the capstone have their own shapes
        kinds = [p.kind for p in lesson.parts if p.kind in pattern]
        assert kinds == pattern, f"lesson {lesson.number}: {kinds}"
    assert {"exercise", "quiz", "summary"} <= {p.kind for p in COURSE[9].parts}
    assert {"laws", "debate", "exercise", "quiz"} <= {p.kind for p in COURSE[8].parts}


def test_every_code_cell_is_a_hidden_comment_and_one_call_without_outputs(editions):
    for lang, nbs in editions.items():
        for number, nb in nbs.items():
            for cell in nb.cells:
                assert cell.metadata.get("editable") is False, f"{lang}/{number} cell {cell.id} is editable"
                if cell.cell_type != "code":
                    continue
                where = f"{lang}/{number} cell {cell.id}"
                comment, *code = cell.source.strip().splitlines()
                assert comment == "# " + t("curriculum.code_comment", lang), where  # what JupyterLab previews
                assert len(code) == 1, where
                assert cell.metadata["jupyter"]["source_hidden"] is True, where
                assert "hide-input" in cell.metadata["tags"], where
                assert cell.outputs == [] and cell.execution_count is None, where
            for f, _ in _calls(nb):
                module, _, name = f.rpartition(".")
                assert callable(getattr(CALLED[module or "show"], name, None)), f"{lang}/{number} calls {f}, which does not exist"


def test_widgets_where_the_brief_puts_them(editions):
    def calls(number):
        return {f for f, _ in _calls(editions["vi"][number])}

    assert "progress_panel" in calls("00") and "progress_panel" in calls("09")
    assert "role_explorer" in calls("01") and "role_explorer" in calls("02")
    assert "post_checker" in calls("09")


def test_navigation_links_point_to_real_notebooks(editions):
    link = re.compile(r"\]\(([^)]+\.ipynb)\)")
    for lang in LANGS:
        folder = ROOT / lang
        for number, nb in editions[lang].items():
            for cell in nb.cells:
                for target in link.findall(cell.source):
                    assert (folder / target).resolve().exists(), f"{lang}/{number} links to missing {target}"


def test_article_exercises_practise_their_article_with_mixed_verdicts():
    from conduct import bank

    for lesson in COURSE:
        for part in lesson.parts_of("exercise"):
            posts = [bank.post(pid) for pid in part.data["posts"]]
            assert len({p.verdict for p in posts}) >= 2, f"lesson {lesson.number}: one verdict only"
            if len(lesson.articles) == 1:  # 02-06: every post turns on the lesson's own article
                off = [p.id for p in posts if not any(c.startswith(f"{lesson.articles[0]}(") for c in p.clauses)]
                assert not off, f"lesson {lesson.number}: posts {off} do not concern Art. {lesson.articles[0]}"


def test_beyond_the_code_sets_binding_law_and_the_attributed_debate_side_by_side(editions):
    facts = {"Decree 15/2020": "Nghị định 15/2020", "Article 101": "Điều 101", "331": "331", "Amnesty": "Amnesty",
             "175": "175", "Freedom House": "Freedom House", "ICCPR": "ICCPR", "RFA": "RFA"}
    for lang in LANGS:
        text = "\n".join(c.source for c in editions[lang]["08"].cells)
        missing = [k for k, v in facts.items() if (k if lang == "en" else v) not in text]
        assert not missing, f"{lang}/08 lacks {missing}"
        assert re.search(r"19(/| out of )100", text), f"{lang}/08 lacks Freedom House's score"
        parts = [c.metadata["conduct"]["part"] for c in editions[lang]["08"].cells]
        assert parts.index("laws") < parts.index("debate")  # what binds first, then who disagrees
        assert CITED[lang].search(text.split("<!-- conduct:debate -->")[0])  # the Code's own purposes, cited


def test_quiz_feedback_does_not_repeat_the_widgets_right_or_wrong():
    """The quiz widget already says "✓ Đúng." / "✗ Chưa đúng."; feedback that starts the same way reads twice."""
    verdict_words = re.compile(r"^(Đúng rồi|Đúng|Chưa đúng|Sai|Right|Wrong|Correct|Not quite|Not right|No)\b[.,!]")
    for lesson in (lesson for track in TRACKS for lesson in load_track(track.name)):
        for part in lesson.parts_of("quiz"):
            for item in part.data["items"]:
                for option in item["options"]:
                    for lang in LANGS:
                        text = option["feedback"][lang]
                        assert not verdict_words.match(text), f"{part.id} {item['id']} ({lang}): {text[:40]!r}"
