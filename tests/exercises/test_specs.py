"""Exercise specs and the generator: keys outside the package, fresh graded posts, well-formed items."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from conduct.bank import load_posts
from conduct.datafiles import PACKAGE_ROOT, DataError
from conduct.exercises.build import assignments, build_notebook, main
from conduct.exercises.keys import ANSWER_KINDS, parse_key
from conduct.exercises.spec import SPEC_DIR, all_specs, load_spec, read_yaml
from conduct.school import TOPICS

REPO = PACKAGE_ROOT.parent
GRADED_POST_MIN = 30  # 39 posts when the keys moved out of the bank; keep the exercises about as long


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _graded_posts():
    return [(spec.id, item) for spec in all_specs() for item in spec.items if item.kind == "post"]


def test_specs_live_outside_the_installed_package():
    assert SPEC_DIR == REPO / "exercises" / "specs" and len(all_specs()) >= 10
    assert not list(PACKAGE_ROOT.rglob("exercises/data/*.yaml"))
    assert not (PACKAGE_ROOT / "school" / "data" / "prepost_11_14.yaml").exists()


def test_graded_posts_are_written_for_the_exercises_not_taken_from_the_bank():
    posts = _graded_posts()
    assert len(posts) >= GRADED_POST_MIN
    bank = {_fold(p.text) for p in load_posts()}
    for spec_id, item in posts:
        for lang in ("vi", "en"):
            assert _fold(item.post.text[lang]) not in bank, (spec_id, item.id, lang)
    verdicts = {item.post.verdict for _, item in posts}
    assert verdicts == {"ok", "caution", "violation"}
    assert {item.post.role for _, item in posts} == {"individual", "organization", "official", "agency", "provider"}


def _key_fragments() -> set[str]:
    """Texts that would give a key away: every graded post, every option's feedback, every reason."""
    out = set()
    for spec in all_specs():
        for item in spec.items:
            if item.post:
                out |= {item.post.text["vi"], item.post.text["en"], item.post.reason["vi"], item.post.reason["en"]}
            for option in item.options:
                out |= {option["feedback"]["vi"], option["feedback"]["en"]}
    return {_fold(f) for f in out if len(f) > 40}


def test_no_graded_key_ships_in_conduct_or_grading():
    fragments = _key_fragments()
    assert len(fragments) > 100
    for package in ("conduct", "grading"):
        for path in (REPO / package).rglob("*"):
            if path.suffix not in (".py", ".yaml", ".yml", ".json", ".txt", ".md", ".css") or "__pycache__" in path.parts:
                continue
            text = _fold(path.read_text(encoding="utf-8"))
            leaked = [f[:60] for f in fragments if f in text]
            assert not leaked, (path, leaked[:3])


def test_every_graded_option_has_feedback_and_every_post_a_reason():
    for spec in all_specs():
        for item in spec.items:
            for option in item.options:
                assert option["feedback"]["vi"].strip() and option["feedback"]["en"].strip(), (spec.id, item.id)
            if item.post:
                assert item.post.reason["vi"].strip() and item.post.reason["en"].strip()


def test_art8_9_teaches_the_law_in_force_and_keeps_mic_historical():
    spec = load_spec("art8-9")
    ids = {item.id for item in spec.items}
    assert "cyber-law" not in ids and "cyber-law-2025" in ids
    law = next(i for i in spec.items if i.id == "cyber-law-2025")
    right = next(o for o in law.options if o["correct"])
    assert "1/7/2026" in right["text"]["vi"] and "1 July 2026" in right["text"]["en"] and "116/2025" in law.question["vi"]
    feedback = next(i for i in spec.items if i.id == "feedback")
    right = next(o for o in feedback.options if o["correct"])
    assert "43/2025" in right["text"]["vi"] and "Văn hóa, Thể thao và Du lịch" in right["text"]["vi"]
    wrong = [o for o in feedback.options if not o["correct"]]
    assert any("vẫn là cơ quan quản lý" in o["text"]["vi"] for o in wrong)


def test_notebook_text_is_nfc_and_every_graded_cell_holds_a_key():
    for aid, triple in assignments().items():
        nb, index = build_notebook(*triple)
        assert index, aid
        keys = {}
        for cell in nb.cells:
            assert unicodedata.is_normalized("NFC", cell.source), (aid, cell.id)
            meta = cell.metadata["nbgrader"]
            if meta.get("grade") and cell.cell_type == "code":
                keys[meta["grade_id"]] = parse_key(cell.source)
        for info in index:
            if info.kind in ANSWER_KINDS:
                assert keys[info.grade_id]["answer"] == info.gold, (aid, info.grade_id)
                assert set(keys[info.grade_id]["feedback"]) == set(info.options), (aid, info.grade_id)
            elif info.kind == "function":
                assert keys[info.grade_id]["kind"] == "function"


def test_answer_notebooks_call_only_the_answer_sheet():
    """No answer variable for a learner to type, no package call that could reveal a key."""
    for aid, triple in assignments().items():
        nb, _ = build_notebook(*triple)
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert "answer_1 =" not in code and "verdict_post_" not in code and "conduct.bank" not in code, aid
        assert "present." not in code, aid


def test_pre_and_post_quiz_share_their_items():
    table = assignments()
    for band in ("11-14", "15-18"):
        for lang in ("vi", "en"):
            pre, post = (build_notebook(*table[f"school-{stage}-{band}-{lang}"]) for stage in ("pre", "post"))
            assert [c.grade_id for c in pre[1]] == [c.grade_id for c in post[1]] and len(pre[1]) >= 8
            assert [c.gold for c in pre[1]] == [c.gold for c in post[1]]


def _spec_file(tmp_path: Path, items: list, **extra) -> Path:
    data = {"schema_version": 2, "id": "t", "title": {"vi": "T", "en": "T"}, "intro": {"vi": "I", "en": "I"},
            "articles": [4], "clause_options": extra.get("clause_options", ["4(5)"]), "items": items}
    (tmp_path / "t.yaml").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path


POST = {"kind": "post", "id": "p", "role": "individual", "text": {"vi": "a", "en": "a"}, "verdict": "violation",
        "clauses": ["4(5)"], "reason": {"vi": "r", "en": "r"}}
CHOICE = {"kind": "choice", "id": "c", "question": {"vi": "?", "en": "?"},
          "options": [{"text": {"vi": "a", "en": "a"}, "correct": True, "feedback": {"vi": "f", "en": "f"}},
                      {"text": {"vi": "b", "en": "b"}, "feedback": {"vi": "f", "en": "f"}}]}


@pytest.mark.parametrize("item, fragment", [
    ({"kind": "essay", "id": "x"}, "unknown value 'essay'"),
    ({**POST, "id": "Bad Id"}, "bad id"),
    ({**POST, "verdcit": "ok"}, "items[0].verdcit: unknown key (did you mean `verdict`?)"),
    ({**POST, "clauses": ["4(6)"]}, "clauses ['4(6)'] are not among the clauses offered"),
    ({**POST, "verdict": "ok"}, "verdict 'ok' with clauses ['4(5)']"),
    ({**CHOICE, "options": [{**CHOICE["options"][0]}, {"text": {"vi": "b", "en": "b"}}]}, "options[1].feedback: missing"),
    ({**CHOICE, "options": [{**o, "correct": False} for o in CHOICE["options"]]}, "0 options marked correct"),
    ({"kind": "written", "id": "x", "question": {"vi": "?", "en": ""}, "rubric": [], "model": {"vi": "m", "en": "m"}},
     "empty text"),
])
def test_a_broken_spec_item_is_rejected_with_the_fix(tmp_path, item, fragment):
    with pytest.raises(DataError, match=re.escape(fragment)) as err:
        load_spec("t", _spec_file(tmp_path, [item]))
    assert "exercises/specs/t.yaml: items[0]" in str(err.value)


def test_the_generator_takes_the_specs_folder_as_a_path(tmp_path, capsys):
    (tmp_path / "specs").mkdir()
    specs = _spec_file(tmp_path / "specs", [POST, CHOICE])
    out = tmp_path / "source"
    assert main(["--specs", str(specs), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["t-en", "t-vi"]
    assert main(["--specs", str(specs), "--out", str(out), "--check"]) == 0
    stale = out / "t-vi" / "t-vi.ipynb"
    stale.write_text(stale.read_text(encoding="utf-8").replace("ANSWER_KEY", "KEY"), encoding="utf-8")
    capsys.readouterr()
    assert main(["--specs", str(specs), "--out", str(out), "--check"]) == 1
    assert "t-vi/t-vi.ipynb: differs from its data" in capsys.readouterr().err


def test_build_names_an_unknown_spec(capsys):
    assert main(["nope"]) == 2
    assert capsys.readouterr().err.startswith("error: no exercise spec nope: choose from art1-3, art4")


@pytest.mark.parametrize("band", ["11-14", "15-18"])
def test_school_quiz_items_cover_every_school_topic(band):
    """The pre/post quiz (moved here from the package with its keys) still asks about every topic."""
    data = read_yaml(SPEC_DIR / f"school-quiz-{band}.yaml", f"school-quiz-{band}")
    assert {item["topic"] for item in data["items"]} == set(TOPICS) and len(data["items"]) >= 6
    assert all(item.kind == "choice" for item in load_spec(f"school-quiz-{band}").items)
