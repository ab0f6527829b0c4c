"""The hardening's parts on their own, fast: exchange checks on crafted folders, cgroup life cycle,
refusal without a cgroup (and --unsafe-limits), output caps and sanitized markdown with a real
kernel. The whole story with nbgrader is in test_hostile_cohort.py."""
from __future__ import annotations

import os
import shutil
import stat
from html.parser import HTMLParser

import pytest
from grading_helpers import FILES, run_cli
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from conduct.i18n import t
from grading import limits, sandbox
from grading.exchange import check_folder, parse_entry
from grading.sanitize import SanitizeMarkdown

KERNELSPEC = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
STAMP = "2026-12-01 10:00:00.000000 UTC"


def _cgroups() -> str | None:
    try:
        limits.probe()
    except limits.CgroupUnavailable as exc:
        return str(exc)
    return None


def _submission(folder, **extra):
    folder.mkdir(parents=True)
    (folder / "exercise.ipynb").write_text("{}", encoding="utf-8")
    (folder / "timestamp.txt").write_text(STAMP, encoding="utf-8")
    (folder / "submission_secret.txt").write_text("s" * 64, encoding="utf-8")
    for name, text in extra.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_clean_submission_is_copied_as_regular_files(tmp_path):
    src = _submission(tmp_path / "in", **{"notes.txt": "mine"})
    (src / "sub").mkdir()
    (src / "sub" / "data.csv").write_text("a,b\n", encoding="utf-8")
    problems, warnings = check_folder(src, "en", dest=tmp_path / "out")
    assert problems == [] and warnings == []
    copied = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*"))
    assert copied == ["exercise.ipynb", "notes.txt", "sub", "sub/data.csv", "submission_secret.txt", "timestamp.txt"]
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o700


@pytest.mark.parametrize("attack, reason", [
    ("symlink", "notes.txt is a symbolic link"),
    ("dirlink", "other is a symbolic link"),
    ("fifo", "pipe is not a regular file (a device, FIFO or socket)"),
    ("hardlink", "notes.txt is a hard link to another file (2 names)"),
    ("badname", "bad name: bad\ufffdname"),
    ("ctrlname", "bad name: a\nb"),
    ("stamp", "timestamp.txt does not hold a time (yesterday-ish)"),
    ("secret", "submission_secret.txt is missing"),
    ("big", "the submission is too big"),
])
def test_unsafe_submission_is_refused_and_nothing_copied(tmp_path, attack, reason):
    src = _submission(tmp_path / "in")
    outside = tmp_path / "outside.txt"
    outside.write_text("instructor's", encoding="utf-8")
    if attack == "symlink":
        os.symlink(outside, src / "notes.txt")
    elif attack == "dirlink":
        os.symlink(tmp_path, src / "other")
    elif attack == "fifo":
        os.mkfifo(src / "pipe")
    elif attack == "hardlink":
        os.link(outside, src / "notes.txt")
    elif attack == "badname":
        open(os.path.join(os.fsencode(src), b"bad\xffname"), "w").close()
    elif attack == "ctrlname":
        (src / "a\nb").write_text("x", encoding="utf-8")
    elif attack == "stamp":
        (src / "timestamp.txt").write_text("yesterday-ish", encoding="utf-8")
    elif attack == "secret":
        (src / "submission_secret.txt").unlink()
    elif attack == "big":
        (src / "big.bin").write_bytes(b"0" * 4096)
    problems, _ = check_folder(src, "en", dest=tmp_path / "out", max_bytes=2048 if attack == "big" else 1 << 20)
    assert any(reason in p for p in problems), problems
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert outside.read_text(encoding="utf-8") == "instructor's"


def test_a_linked_submission_folder_is_refused(tmp_path):
    real = _submission(tmp_path / "real")
    os.symlink(real, tmp_path / "link")
    problems, _ = check_folder(tmp_path / "link", "en")
    assert problems == ["link is a symbolic link"]


def test_files_of_another_user_give_a_warning(tmp_path):
    src = _submission(tmp_path / "daemon")  # owned by whoever runs the tests, not by the `daemon` account
    _, warnings = check_folder(src, "en", student="daemon")
    assert len(warnings) == 1 and "not to daemon" in warnings[0]
    if os.getuid() == 0:  # a mix of owners, no local account: someone else replaced a file
        os.chown(src / "exercise.ipynb", 54321, 54321)
        _, warnings = check_folder(src, "en", student="no-such-account-h4")
        assert warnings == ["file exercise.ipynb belongs to user 54321, not to no-such-account-h4"]


@pytest.mark.parametrize("name, student", [
    (f"an+fixture+{STAMP}+AbCd", "an"), (f"an+fixture+{STAMP}", "an"), ("an+fixture", None),
    (f"../x+fixture+{STAMP}", None), (f"bad name+fixture+{STAMP}", None), (f"+fixture+{STAMP}", None),
])
def test_inbound_entry_names(name, student):
    entry = parse_entry(name)
    assert (entry.student if entry else None) == student
    if name == "an+fixture":
        return
    assert entry is None or entry.timestamp is not None


def test_garbage_timestamp_in_an_entry_name():
    assert parse_entry("an+fixture+not a time").timestamp is None


@pytest.mark.skipif(_cgroups() is not None, reason=f"no usable cgroup: {_cgroups()}")
def test_cgroup_is_created_with_limits_and_removed():
    layout = limits.probe()
    group = limits.create(layout, limits.Limits(memory_bytes=300 << 20, cpu_seconds=5, max_pids=7))
    try:
        assert all(f.is_dir() for f in group.folders) and group.pids() == set()
        if layout.version == 1:
            mem = layout.parents["memory"] / group.folders[0].name
            assert int((mem / "memory.limit_in_bytes").read_text()) == 300 << 20
            assert (layout.parents["pids"] / group.folders[0].name / "pids.max").read_text().strip() == "7"
        assert group.cpu_seconds_used() == 0.0
    finally:
        group.remove()
    assert not any(f.exists() for f in group.folders)


@pytest.mark.skipif(shutil.which("bwrap") is None, reason="bubblewrap (bwrap) is not installed")
def test_no_cgroup_refuses_unless_unsafe_limits(tmp_path, monkeypatch, capsys):
    def unavailable():
        raise limits.CgroupUnavailable("no cgroup v2 mount; no cgroup v1 hierarchy for memory")

    monkeypatch.setattr(sandbox, "cgroup_layout", unavailable)
    monkeypatch.delenv(sandbox.UNSAFE_LIMITS_ENV, raising=False)
    run_cli("setup", str(tmp_path / "c"), "--exercises", str(FILES), capsys=capsys)
    out = run_cli("--course", str(tmp_path / "c"), "autograde", expect=1, capsys=capsys)
    assert "no cgroup is usable" in out and "--unsafe-limits" in out and "no cgroup v1 hierarchy for memory" in out
    out = run_cli("--course", str(tmp_path / "c"), "autograde", "--unsafe-limits", expect=1, capsys=capsys)
    assert "WARNING: grading with per-process limits only" in out and "no cgroup is usable" not in out
    monkeypatch.delenv(sandbox.UNSAFE_LIMITS_ENV, raising=False)
    nb = new_notebook(cells=[new_code_cell("print('ran')")], metadata=KERNELSPEC)
    with pytest.raises(sandbox.SandboxUnavailable, match=t("sandbox.no_cgroup", "vi", reason="x")[:20]):
        sandbox.SandboxedExecute(timeout=20).preprocess(nb, {"metadata": {"path": str(tmp_path)}})


def test_output_is_capped_per_cell_and_per_notebook_with_a_note(tmp_path):
    cells = [new_code_cell("print('a' * 5000)"), new_code_cell("for i in range(300):\n    print('b' * 9)"),
             new_code_cell("print('c' * 10)")]
    nb = new_notebook(cells=cells, metadata=KERNELSPEC)
    ep = sandbox.UnsandboxedExecute(timeout=30, max_cell_output=1000, max_notebook_output=1800)
    nb, _ = ep.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    texts = ["".join(o.get("text", "") for o in c.outputs) for c in nb.cells]
    lang = os.environ.get("CONDUCT_LANG") if os.environ.get("CONDUCT_LANG") in ("vi", "en") else "vi"
    assert texts[0].startswith("a" * 1000) and "a" * 1001 not in texts[0]
    assert t("sandbox.output_truncated_cell", lang, chars=1000) in texts[0]
    assert t("sandbox.output_truncated_notebook", lang, chars=1800) in texts[1] and 700 < texts[1].count("b") <= 800
    assert "c" * 10 not in texts[2] and t("sandbox.output_truncated_notebook", lang, chars=1800) in texts[2]


class _Handlers(HTMLParser):
    def __init__(self):
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.bad += [tag] if tag == "script" else []
        self.bad += [f"{tag} {k}" for k, _ in attrs if k.startswith("on")]


def test_markdown_is_sanitized_for_feedback():
    nb = new_notebook(cells=[new_markdown_cell("**Trả lời:** <script>alert(1)</script><img src=x onerror=alert(1)>"
                                               "<a href=\"javascript:alert(1)\">x</a>")])
    nb, _ = SanitizeMarkdown().preprocess(nb, {})
    parser = _Handlers()
    parser.feed(nb.cells[0].source)
    assert parser.bad == [] and "javascript:" not in nb.cells[0].source.replace("&", "")
    assert "Trả lời:" in nb.cells[0].source
