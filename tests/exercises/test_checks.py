"""The answer checks a learner meets in the test cells: clear messages for bad form, fair grading of content."""
from __future__ import annotations

import re
import unicodedata

import pytest

from conduct.exercises import checks, present
from conduct.exercises.build import assignments, build_notebook
from conduct.exercises.spec import all_specs

OPTIONS = ["3(3)", "4(5)", "4(6)"]


@pytest.mark.parametrize("value, expected", [
    ("violation", "violation"), (" Violation ", "violation"), ("vi phạm", "violation"),
    ("CAUTION", "caution"), ("không vi phạm", "ok"), ("needs care", "caution"),
])
def test_verdict_accepts_codes_and_words_of_both_languages(value, expected):
    assert checks.verdict(value, "vi", name="v") == expected


@pytest.mark.parametrize("value, lang, fragment", [
    ("...", "vi", "bạn chưa trả lời"),
    ("", "en", "you have not answered yet"),
    (3, "en", 'for example v = "ok"'),
    ("maybe", "en", 'choose one of "ok", "caution", "violation"'),
])
def test_verdict_form_errors_name_the_variable_and_the_fix(value, lang, fragment):
    with pytest.raises(AssertionError, match="^v: ") as err:
        checks.verdict(value, lang, name="v")
    assert fragment in str(err.value)


def test_clauses_form():
    assert checks.clauses(["4(5)", "Điều 4 (6)", "Art. 3(3)"], OPTIONS, "en", name="c") == {"4(5)", "4(6)", "3(3)"}
    assert checks.clauses("4(5)", OPTIONS, "en", name="c") == {"4(5)"}
    assert checks.clauses("4(5), 3(3)", OPTIONS, "en", name="c") == {"4(5)", "3(3)"}
    assert checks.choices("a; C", ["A", "B", "C"], "en", name="c") == {"A", "C"}
    assert checks.clauses([], OPTIONS, "en", name="c") == frozenset()
    for bad, fragment in (([...], "still contains ..."), (..., "still contains ..."), (["9(9)"], "'9(9)' is not one of"),
                          (5, "square brackets")):
        with pytest.raises(AssertionError, match=fragment.replace("(", r"\(").replace(")", r"\)").replace(".", r"\.")):
            checks.clauses(bad, OPTIONS, "en", name="c")


@pytest.mark.parametrize("answer, right", [
    (["4(6)"], True), (["4(6)", "3(3)"], True), (["4(6)", "4(5)"], False), ([], False), (["4(5)"], False),
])
def test_clauses_content_one_right_clause_and_no_wrong_one(answer, right):
    def grade():
        checks.expect_clauses(answer, ["4(6)", "3(3)"], OPTIONS, "en", name="c")

    if right:
        grade()
    else:
        with pytest.raises(AssertionError, match="not correct"):
            grade()


def test_an_ok_post_wants_an_empty_list():
    checks.expect_clauses([], [], OPTIONS, "vi", name="c")
    with pytest.raises(AssertionError):
        checks.expect_clauses(["4(5)"], [], OPTIONS, "vi", name="c")


def test_a_wrong_choice_gets_that_options_feedback():
    with pytest.raises(AssertionError) as err:
        checks.expect_choice("a", "B", ["A", "B", "C"], "en", name="answer_1", feedback={"A": "Not quite."})
    assert '"B"' in str(err.value) and "Not quite." in str(err.value)
    checks.expect_choice(" b", "B", ["A", "B", "C"], "en", name="answer_1")


def test_present_shows_the_post_and_its_clause_labels():
    from conduct.bank import load_posts
    from conduct.code import clause

    p = load_posts(lang="vi")[0]
    text = present.post_text(p.id, "vi", clauses=["4(5)"])
    assert p.text.split()[0] in text and clause("4(5)").short["vi"] in text and '"violation"' in text


def test_specs_and_notebook_text_are_nfc_vietnamese():
    assert len(all_specs()) >= 10
    for aid, triple in assignments().items():
        nb, index = build_notebook(*triple)
        assert index, aid
        for cell in nb.cells:
            assert unicodedata.is_normalized("NFC", cell.source), (aid, cell.id)


def test_pre_and_post_quiz_share_their_items():
    table = assignments()
    for band in ("11-14", "15-18"):
        for lang in ("vi", "en"):
            pre, post = (build_notebook(*table[f"school-{stage}-{band}-{lang}"]) for stage in ("pre", "post"))
            assert [c.grade_id for c in pre[1]] == [c.grade_id for c in post[1]] and len(pre[1]) >= 8
            assert [c.gold for c in pre[1]] == [c.gold for c in post[1]]


def _spec_with(item: dict, **extra):
    from conduct.exercises.spec import Spec, _item

    return Spec(id="t", file="exercises/data/t.yaml", title={"vi": "T", "en": "T"}, intro={"vi": "I", "en": "I"},
                articles=(4,), clause_options=tuple(extra.get("clause_options", ("4(5)",))),
                items=(_item("exercises/data/t.yaml", item, "items[0]"),), variants=())


@pytest.mark.parametrize("item, fragment", [
    ({"kind": "essay", "id": "x"}, "unknown value 'essay'"),
    ({"kind": "post", "id": "Bad Id", "select": {}}, "bad id"),
    ({"kind": "choice", "id": "x", "question": {"vi": "?", "en": "?"},
      "options": [{"text": {"vi": "a", "en": "a"}}, {"text": {"vi": "b", "en": "b"}}]}, "0 options marked correct"),
    ({"kind": "written", "id": "x", "question": {"vi": "?", "en": ""}, "rubric": [], "model": {"vi": "m", "en": "m"}},
     "empty text"),
])
def test_a_broken_spec_item_is_rejected_with_the_fix(item, fragment):
    from conduct.datafiles import DataError

    with pytest.raises(DataError, match=re.escape(fragment)) as err:
        _spec_with(item)
    assert "exercises/data/t.yaml: items[0]" in str(err.value)


def test_the_build_names_a_post_filter_that_matches_nothing_and_a_missing_clause():
    from conduct.datafiles import DataError

    spec = _spec_with({"kind": "post", "id": "p", "select": {"concern": "hate_speech", "topic": "no-such-topic"}})
    with pytest.raises(DataError, match="items.p.select: only 0 unused vi post"):
        build_notebook(spec, "t", "vi")
    spec = _spec_with({"kind": "post", "id": "p", "select": {"concern": "personal_data", "verdict": "violation"}},
                      clause_options=("4(5)",))
    with pytest.raises(DataError, match=r"gold clauses \['3\(3\)'\] are not among the clauses offered"):
        build_notebook(spec, "t", "vi")


def test_build_check_reports_a_stale_tree(tmp_path, capsys):
    from conduct.exercises.build import main

    assert main(["--out", str(tmp_path), "pii"]) == 0
    assert main(["--out", str(tmp_path), "--check", "pii"]) == 0
    stale = tmp_path / "pii-vi" / "pii-vi.ipynb"
    stale.write_text(stale.read_text(encoding="utf-8").replace("find_personal_data", "f"), encoding="utf-8")
    capsys.readouterr()
    assert main(["--out", str(tmp_path), "--check", "pii"]) == 1
    assert f"out of date: {stale}" in capsys.readouterr().err


def test_a_right_form_is_confirmed_once_and_content_checks_stay_silent(capsys):
    checks.verdict("ok", "en", name="verdict_post_1")
    assert capsys.readouterr().out == "✓ verdict_post_1: the form is right.\n"
    checks.expect_verdict("ok", "ok", "en", name="verdict_post_1")
    checks.expect_clauses([], [], OPTIONS, "en", name="c")
    assert capsys.readouterr().out == ""


def test_school_exercises_use_only_their_age_bands_posts():
    from conduct.bank import post

    table = assignments()
    for band in ("11-14", "15-18"):
        for lang in ("vi", "en"):
            cells = build_notebook(*table[f"school-{band}-{lang}"])[1]
            posts = {c.post for c in cells if c.post}
            assert len(posts) >= 5
            assert {post(p).audience for p in posts} == {f"minors_{band.replace('-', '_')}"}
            assert {post(p).lang for p in posts} == {lang}


def test_build_names_an_unknown_spec(capsys):
    from conduct.exercises.build import main

    assert main(["nope"]) == 2
    assert capsys.readouterr().err.startswith("error: no exercise spec nope: choose from art1-3, art4")
