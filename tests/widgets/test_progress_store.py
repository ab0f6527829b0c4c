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
