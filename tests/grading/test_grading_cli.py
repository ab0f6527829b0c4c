"""The instructor's tool without grading anything: usage errors, roster rows, sandbox refusal, the
sandbox's mount plan, and the pre/post comparison. Fast: no kernel, no nbgrader app."""
from __future__ import annotations

import os
import sys

import pytest
from grading_helpers import FILES, run_cli

from grading import sandbox
from grading.reports import CellResult, Submission, detect_pairs, prepost
from grading.roster import RosterError, read_roster


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["autograde", "--workers", "0"], ["autograde", "--workers", "x"],
                                  ["setup"], ["roster"], ["export"]])
def test_bad_usage_exits_2_with_one_line(args, capsys, tmp_path):
    from grading import cli

    code = cli.main(["--lang", "en", "--course", str(tmp_path), *args])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ") and "Traceback" not in err


def test_not_a_course_folder(capsys, tmp_path):
    out = run_cli("--course", str(tmp_path), "collect", expect=1, capsys=capsys)
    assert "is not a course folder" in out and "conduct-course setup" in out and "Traceback" not in out


def test_unknown_assignment_is_bad_usage(capsys, tmp_path):
    run_cli("setup", str(tmp_path / "c"), "--exercises", str(FILES), capsys=capsys)
    out = run_cli("--course", str(tmp_path / "c"), "release", "nope", expect=2, capsys=capsys)
    assert "no assignment 'nope'" in out and "fixture" in out


def test_setup_never_overwrites(capsys, tmp_path):
    root = tmp_path / "c"
    run_cli("setup", str(root), "--exercises", str(FILES), capsys=capsys)
    (root / "nbgrader_config.py").write_text((root / "nbgrader_config.py").read_text() + "\n# mine\n")
    out = run_cli("setup", str(root), "--exercises", str(FILES), capsys=capsys)
    assert "0 assignment(s) copied, 1 already there" in out
    assert (root / "nbgrader_config.py").read_text().endswith("# mine\n")


def test_autograde_refuses_without_bubblewrap(capsys, tmp_path, monkeypatch):
    root = tmp_path / "c"
    run_cli("setup", str(root), "--exercises", str(FILES), capsys=capsys)
    monkeypatch.setenv("PATH", os.path.dirname(sys.executable))  # a PATH on which bwrap is not found
    out = run_cli("--course", str(root), "autograde", expect=1, capsys=capsys)
    assert "bubblewrap is not installed" in out and "--no-sandbox" in out and "apt-get install bubblewrap" in out


def test_roster_rows(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("\ufeffID,First_Name,last_name,email\n"
                    "an.nguyen,An,Nguyễn,an@example.org\n"
                    "\n"
                    ",No,Id,\n"
                    "bad id,Bad,Id,\n"
                    "an.nguyen,Dup,,\n"
                    "binh,Bình,Trần,not-an-address\n"
                    "chi,Chi,Lê,chi@example.org,extra\n"
                    "dung,,,\n", encoding="utf-8")
    good, bad = read_roster(path)
    assert [s.id for s in good] == ["an.nguyen", "dung"] and good[0].last_name == "Nguyễn"
    assert [(b.row, b.key) for b in bad] == [(4, "empty_id"), (5, "bad_id"), (6, "repeated_id"), (7, "bad_email"),
                                             (8, "extra_fields")]
    assert "repeats row 2" in bad[2].reason and "trùng với dòng 2" in bad[2].text("vi")


@pytest.mark.parametrize("text, problem", [("name,email\nx,y\n", "`id` column"), ("", "`id` column")])
def test_roster_unusable_file(tmp_path, text, problem):
    path = tmp_path / "r.csv"
    path.write_text(text)
    with pytest.raises(RosterError, match=problem):
        read_roster(path)
    with pytest.raises(RosterError, match="no such file"):
        read_roster(tmp_path / "missing.csv")


def test_mount_plan_is_an_allow_list(tmp_path, monkeypatch):
    """Only the system, the venv and the kernel's own folders are mounted; `/` never is; a hidden
    path inside something bound is covered; the working folder is a size-capped tmpfs."""
    venv, secret_in_venv = tmp_path / "venv", tmp_path / "venv" / "exercises"
    work = tmp_path / "course" / "autograded" / "s" / "a"
    conn = tmp_path / "kernel"
    for p in (secret_in_venv, work, conn):
        p.mkdir(parents=True)
    monkeypatch.setattr(sandbox, "essential_paths", lambda: [venv])
    cmd = sandbox.bwrap_command(["python", "-m", "ipykernel_launcher"], workdir=str(work), conn_dir=str(conn),
                                hidden=[str(secret_in_venv), str(tmp_path / "course")], cpu_seconds=7,
                                memory_bytes=1024, env={"NBGRADER_EXECUTION": "autograde"}, work_bytes=4096)
    flat = " ".join(cmd)
    assert "--ro-bind / /" not in flat and "--bind / /" not in flat
    assert "--ro-bind /usr /usr" in flat and f"--ro-bind {venv} {venv}" in flat
    assert flat.index(f"--ro-bind {venv} {venv}") < flat.index(f"--tmpfs {secret_in_venv}")
    assert f"--size 4096 --tmpfs {work}" in flat and f"--bind {work}" not in flat
    assert str(tmp_path / "course") not in cmd  # not bound at all, so nothing to hide
    assert "--unshare-all" in cmd and "--clearenv" in cmd and "--die-with-parent" in cmd and "--new-session" in cmd
    assert cmd[cmd.index("--chdir") + 1] == str(work) and cmd[-3:] == ["python", "-m", "ipykernel_launcher"]


def test_pairs_detected_by_name():
    names = ["art4-vi", "school-pre-11-14-vi", "school-post-11-14-vi", "school-pre-15-18-en", "school-vi"]
    assert detect_pairs(names) == [("school-pre-11-14-vi", "school-post-11-14-vi")]


def test_prepost_change_per_student_and_item():
    pre, post = "school-pre-11-14-vi", "school-post-11-14-vi"
    subs = [Submission(pre, "an", 1, 4), Submission(post, "an", 3, 4), Submission(pre, "binh", 2, 4),
            Submission(post, "binh", 2, 4), Submission(pre, "chi", 0, 4)]  # chi missed the post-quiz

    def cells(a, s, q1, q2):
        return [CellResult(a, s, "nb", "q1", q1, 2), CellResult(a, s, "nb", "q2", q2, 2)]

    results = cells(pre, "an", 0, 1) + cells(post, "an", 2, 1) + cells(pre, "binh", 2, 0) + cells(post, "binh", 2, 0) \
        + cells(pre, "chi", 0, 0)
    pp = prepost(subs, results, pre, post)
    assert pp.students == (("an", 25.0, 75.0), ("binh", 50.0, 50.0))
    assert pp.items == (("q1", 0.5, 1.0), ("q2", 0.0, 0.0))


def test_gradebook_url_from_setup_is_used_and_hidden(capsys, tmp_path):
    """Any SQLAlchemy URL goes into the config; every command then uses it (here a SQLite file
    outside the course, which the sandbox must hide too)."""
    from nbgrader.api import Gradebook

    from grading.course import load_config, open_course

    db = tmp_path / "elsewhere" / "gradebook.db"
    db.parent.mkdir()
    url = f"sqlite:///{db}"
    run_cli("setup", str(tmp_path / "c"), "--exercises", str(FILES), "--db", url, capsys=capsys)
    course = open_course(tmp_path / "c")
    assert course.db_url == url
    assert str(db) in load_config(course).SandboxKernelManager.hidden_paths
    roster = tmp_path / "r.csv"
    roster.write_text("id\nan\n")
    run_cli("--course", str(course.root), "roster", "import", str(roster), capsys=capsys)
    with Gradebook(url) as gb:
        assert [s.id for s in gb.students] == ["an"]
    assert not (course.root / "gradebook.db").exists()


def test_nbgrader_reason_is_found_and_worded():
    """nbgrader's log format, colour codes included: the CRITICAL line wins, then a traceback's last
    line, never the generic 'see the above traceback'; known reasons are worded in each language."""
    from grading.messages import explain, nbgrader_reason

    release = ("\x1b[32m[ReleaseAssignmentApp | INFO]\x1b[0m Source: /c/release/a\n"
               "\x1b[31m[ReleaseAssignmentApp | CRITICAL]\x1b[0m Destination already exists, add --force to "
               "overwrite: /x/outbound/a\n"
               "[ReleaseAssignmentApp | ERROR] nbgrader release_assignment failed\n")
    assert nbgrader_reason(release).startswith("Destination already exists, add --force")
    assert explain(nbgrader_reason(release), "vi").startswith("bài tập này đã được phát trước đó; thêm --force")
    autograde = ("[AutogradeApp | ERROR] There was an error processing assignment: /c/submitted/s/a\n"
                 "[AutogradeApp | ERROR] Traceback (most recent call last):\n"
                 '  File "x.py", line 1, in <module>\n'
                 "nbgrader.nbgraderformat.common.SchemaTooNewError: Notebook uses a newer version\n"
                 "[AutogradeApp | ERROR] Please see the the above traceback for details on the specific errors\n")
    assert nbgrader_reason(autograde) == "nbgrader.nbgraderformat.common.SchemaTooNewError: Notebook uses a newer version"
    assert explain("something new", "en") == "something new"
    assert explain("sqlite3.OperationalError: attempt to write a readonly database", "vi").startswith("sổ điểm chỉ đọc")


def test_roster_semicolons_unclosed_quote_and_case(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text('id;first_name;last_name\nSv01;An;Nguyễn\nsv02;"Bình;Trần\nsv03;Chi;Lê\nSV01;Lặp;Lại\n',
                    encoding="utf-8")
    good, bad = read_roster(path)
    assert [(s.id, s.first_name) for s in good] == [("sv01", "An"), ("sv03", "Chi")]  # row 3 swallowed nothing
    assert [(b.row, b.key) for b in bad] == [(3, "unclosed_quote"), (5, "repeated_id")]
    assert bad[0].text("vi").startswith("dấu ngoặc kép mở ở dòng này không được đóng")
