"""The one drift rule of both notebook generators (conduct.generated)."""
from __future__ import annotations

import json

from conduct.generated import drift, made_by, sync

GEN = "conduct.test.generator"


def _nb(generator: str | None) -> str:
    meta = {"conduct": {"generated_by": generator}} if generator else {}
    return json.dumps({"cells": [], "metadata": meta, "nbformat": 4, "nbformat_minor": 5})


def test_sync_writes_reports_and_removes_only_its_own_stale_notebooks(tmp_path):
    folder = tmp_path / "vi"
    folder.mkdir()
    (folder / "old.ipynb").write_text(_nb(GEN))          # ours, no longer made: stale
    (folder / "scratch.ipynb").write_text(_nb(None))     # an author's file: never touched
    (folder / "other.ipynb").write_text(_nb("someone.else"))
    (folder / "same.ipynb").write_text(_nb(GEN))
    wanted = {folder / "same.ipynb": _nb(GEN), folder / "new.ipynb": _nb(GEN)}

    found = drift(wanted, [folder], GEN)
    assert found.missing == (folder / "new.ipynb",) and found.differing == () and found.stale == (folder / "old.ipynb",)
    assert found.problems(tmp_path) == ["vi/new.ipynb: missing", "vi/old.ipynb: stale (no data makes it)"]

    changed = sync(wanted, [folder], GEN)
    assert changed == found
    assert sorted(p.name for p in folder.iterdir()) == ["new.ipynb", "other.ipynb", "same.ipynb", "scratch.ipynb"]
    assert not drift(wanted, [folder], GEN)


def test_a_differing_notebook_is_rewritten_and_unreadable_files_are_not_ours(tmp_path):
    path = tmp_path / "a.ipynb"
    path.write_text(_nb(GEN).replace("[]", "[ ]", 1))
    assert drift({path: _nb(GEN)}, [tmp_path], GEN).differing == (path,)
    sync({path: _nb(GEN)}, [tmp_path], GEN)
    assert path.read_text() == _nb(GEN)
    broken = tmp_path / "b.ipynb"
    broken.write_text("{not json")
    assert not made_by(broken, GEN)
