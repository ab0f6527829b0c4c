import json
import os

import pytest

from conduct.progress import ProgressStore, ProgressWarning, default_path


def test_answer_is_on_disk_as_soon_as_recorded(store):
    store.record("ex", "p1:verdict", "violation", True, ["4(5)"])
    data = json.loads(store.path.read_text(encoding="utf-8"))
    [rec] = data["answers"]
    assert rec["exercise_id"] == "ex" and rec["item"] == "p1:verdict" and rec["answer"] == "violation"
    assert rec["correct"] is True and rec["clauses"] == ["4(5)"] and rec["article"] == 4 and rec["time"] > 0
    assert [p.name for p in store.path.parent.iterdir() if p.suffix == ".tmp"] == []


def test_a_new_store_on_the_same_path_keeps_every_answer(store):
    store.start("ex", 2)
    store.record("ex", "a", "ok", False, ["3(3)"])
    other = ProgressStore(store.path)  # e.g. the learner reopened the notebook
    other.record("ex", "b", "none", True)
    other.complete("ex")
    again = ProgressStore(store.path)
    assert [a.item for a in again.answers("ex")] == ["a", "b"]
    assert again.done("ex") and not again.done("other")
    assert again.exercises()["ex"]["total"] == 2
    # the latest answer to an item wins, earlier ones stay in the file
    again.record("ex", "a", "violation", True, ["3(3)"])
    assert again.latest("ex")[("ex", "a")].correct is True
    assert len(again.answers("ex")) == 3


@pytest.mark.parametrize("content", ["{not json", '{"answers": "oops"}', '[1, 2]', '{"answers": [{"item": 1}]}'])
def test_corrupt_file_is_moved_aside_not_overwritten(store, content):
    store.path.write_text(content, encoding="utf-8")
    with pytest.warns(ProgressWarning, match=r"moved to .*progress\.json\.bak"):
        assert store.answers() == []
    bak = store.path.with_name("progress.json.bak")
    assert bak.read_text(encoding="utf-8") == content
    assert store.moved_aside == (store.path, bak)
    store.record("ex", "a", "ok", True)
    assert [a.item for a in ProgressStore(store.path).answers()] == ["a"]
    # a second damaged file does not overwrite the first backup
    store.path.write_text("{again", encoding="utf-8")
    with pytest.warns(ProgressWarning):
        store.answers()
    assert bak.read_text(encoding="utf-8") == content
    assert store.path.with_name("progress.json.1.bak").read_text(encoding="utf-8") == "{again"


def test_path_comes_from_env_or_home(monkeypatch, tmp_path):
    monkeypatch.setenv("CONDUCT_PROGRESS", str(tmp_path / "x" / "p.json"))
    assert ProgressStore().path == tmp_path / "x" / "p.json"
    ProgressStore().record("ex", "a", "ok", True)
    assert (tmp_path / "x" / "p.json").exists()
    monkeypatch.delenv("CONDUCT_PROGRESS")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / ".conduct" / "progress.json"


def test_suite_never_touches_the_real_home_file():
    assert os.environ["CONDUCT_PROGRESS"] != str(os.path.expanduser("~/.conduct/progress.json"))


def test_app_state_lives_in_the_same_file(store):
    store.record("ex", "a", "ok", True)
    store.set_profile(name="Nguyễn Thị Hồng Nhung", lang="en")
    store.visit("course-00")
    store.visit("course-00")
    store.record_final("adults", {"fa-01": "caution"}, 1, 16, False)
    again = ProgressStore(store.path)
    assert again.profile() == {"name": "Nguyễn Thị Hồng Nhung", "lang": "en"}
    assert again.visited() == {"course-00"}
    [attempt] = again.final_attempts("adults")
    assert (attempt.answers, attempt.correct, attempt.total, attempt.passed, attempt.percent) == (
        {"fa-01": "caution"}, 1, 16, False, 6)
    assert again.final_attempts("minors_11_14") == [] and [a.item for a in again.answers()] == ["a"]
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    assert raw["profile"]["name"] == "Nguyễn Thị Hồng Nhung"  # stored as text, not escaped


def test_a_damaged_final_attempt_moves_the_file_aside(store):
    store.path.write_text(json.dumps({"answers": [], "final": [{"track": "adults"}]}), encoding="utf-8")
    with pytest.warns(ProgressWarning):
        assert store.final_attempts() == []
    assert store.path.with_name("progress.json.bak").exists()


def test_first_answers_are_what_a_first_try_score_counts(store):
    store.record("qz", "q1", "A", False)
    store.record("qz", "q1", "B", True)
    assert store.first("qz")["q1"].answer == "A" and store.latest("qz")[("qz", "q1")].answer == "B"
