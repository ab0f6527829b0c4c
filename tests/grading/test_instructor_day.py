"""The instructor's whole day, as grading/README.md tells it, on a fresh course (one per module).

Roster with bad rows (semicolons, an unclosed quote, a repeated id in other case, a space), release,
students fetching and submitting with `conduct-course student`, collect, autograde stopped three
ways (SIGTERM, SIGKILL, Ctrl-C) and then finished, a submission nbgrader cannot grade, manual
grading of the written answers, feedback held then released, export and report. Real nbgrader,
real kernels, the real sandbox. Each message the instructor reads is asserted, and each score.

The assignment (tests/grading/day/luyen-tap-vi) has two auto-graded questions (2 points each: a
form test and a hidden test) and one written answer (3 points, graded by hand): 7 points.
"""
from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from grading import cli
from grading.course import open_course
from grading.parallel import read_journal

pytestmark = pytest.mark.skipif(
    shutil.which("bwrap") is None,
    reason="bubblewrap (bwrap) is not installed, so autograding cannot be sandboxed: "
           "`apt-get install bubblewrap` (./course test does it when run as root)")

DAY = Path(__file__).resolve().parent / "day"
A = "luyen-tap-vi"
NB = "bai-tap.ipynb"
ROSTER = (
    "id;first_name;last_name;email\n"
    "Sv01;An;Nguyễn;an@example.org\n"          # row 2: stored as sv01
    "sv02;Bình;Trần;binh@example.org\n"        # row 3
    'sv03;"Chi;Lê;chi@example.org\n'           # row 4: unclosed quote: refused, and swallows nothing
    "sv03;Chi;Lê;chi@example.org\n"            # row 5
    "sv04;Dũng;Phạm;dung@example.org\n"        # row 6
    "sv05;Em;Võ;em@example.org\n"              # row 7: never submits
    "sv06;Giang;Đỗ;giang@example.org\n"        # row 8: resubmits something nbgrader cannot grade
    "SV01;Trùng;Lặp;\n"                        # row 9: the same id as row 2
    "bad id;Có;Dấu cách;\n"                    # row 10
)
VERDICT, CLAUSES, WRITTEN = "tra-loi-1", "tra-loi-2", "viet-3"
SLOW = "import time\ntime.sleep(3)\n"  # keeps autograde busy long enough to be stopped half-way
ANSWERS = {
    "sv01": {VERDICT: 'verdict_1 = "violation"', CLAUSES: SLOW + 'clauses_2 = ["4(5)", "4(6)"]',
             WRITTEN: "Cảm ơn bạn. Nói cả một tỉnh là lừa đảo là quy chụp, trái Điều 4(5); mong bạn sửa lại."},
    "sv02": {VERDICT: SLOW + 'verdict_1 = "violation"', CLAUSES: 'clauses_2 = ["4(5)"]',
             WRITTEN: "Bạn nói vậy là không đúng."},
    "sv03": {},  # fetched, left blank, submitted
    "sv04": {VERDICT: 'verdict_1 = "ok"', CLAUSES: SLOW + 'clauses_2 = ["4(6)", "4(5)"]',
             WRITTEN: "Xin đừng quy chụp theo vùng miền (Điều 4(5))."},
    "sv06": {VERDICT: 'verdict_1 = "violation"', CLAUSES: 'clauses_2 = ["4(5)", "4(6)"]'},
    "lan": {VERDICT: 'verdict_1 = "violation"', CLAUSES: 'clauses_2 = ["4(5)", "4(6)"]'},  # not on the roster
}
AUTO = {"sv01": 4, "sv02": 3, "sv03": 0, "sv04": 3, "sv06": 4, "lan": 4}
MANUAL = {"sv01": 3, "sv02": 1, "sv04": 2}  # sv03's written answer is the untouched placeholder: 0, no human needed
FINAL = {"sv01": 7, "sv02": 4, "sv03": 0, "sv04": 5}


def run(capsys, *args: str, expect: int = 0) -> tuple[str, str]:
    """`conduct-course ARGS` in process; check the exit status; return (stdout, stderr)."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    assert code == expect, f"conduct-course {' '.join(args)} exited {code}, expected {expect}\n{out}\n{err}"
    for noise in ("Traceback", "Warning", "SAWarning", "YOUR ANSWER HERE"):
        assert noise not in out + err, f"{noise!r} printed by conduct-course {' '.join(args)}:\n{out}\n{err}"
    return out, err


def _descendants(pid: int) -> set[tuple[int, str]]:
    """(pid, start time) of every process below `pid`: the start time tells a reused pid apart."""
    from grading.parallel import _descendants as below

    found = set()
    for child in below(pid):
        try:
            found.add((child, Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[19]))
        except (OSError, IndexError):
            pass
    return found


def _alive(procs: set[tuple[int, str]]) -> set[tuple[int, str]]:
    alive = set()
    for pid, start in procs:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat[19] == start and stat[0] != "Z":
            alive.add((pid, start))
    return alive


def _submissions(course) -> set[str]:
    with Gradebook(course.db_url) as gb:
        return {s.student.id for s in gb.find_assignment(A).submissions}


def _stop_half_way(day, signum: int) -> dict:
    """Start `conduct-course autograde --force` as the instructor would, signal it once a student is
    graded and another is being graded, and return what it left behind."""
    course, env = day["course"], day["env"]
    journal = course.state / f"autograde-{A}.json"
    before = journal.stat().st_mtime_ns if journal.exists() else None
    proc = subprocess.Popen([sys.executable, "-m", "grading.cli", "--lang", "en", "--course", str(course.root),
                             "autograde", "--workers", "2", "--force"], env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: set[tuple[int, str]] = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        seen |= _descendants(proc.pid)
        kernels = [p for p, _ in seen if "ipykernel" in _cmdline(p)]
        written = journal.stat().st_mtime_ns if journal.exists() else None
        if written != before and kernels and _alive(seen):  # a student graded, another being graded
            break
        time.sleep(0.1)
    assert proc.poll() is None, "autograde finished before it could be stopped"
    seen |= _descendants(proc.pid)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the terminal's foreground process group
    else:
        os.kill(proc.pid, signum)
    out, err = proc.communicate(timeout=300)
    deadline = time.monotonic() + 60
    while _alive(seen) and time.monotonic() < deadline:  # SIGKILL: the kernel delivers the workers' death signals
        time.sleep(0.1)
    return {"code": proc.returncode, "out": out, "err": err, "left": _alive(seen), "seen": seen,
            "tmp": sorted(p.name for p in (course.state / "tmp").glob("*")),
            "journal": read_journal(course, A), "gradebook": _submissions(course)}


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _student(capsys, student: str, home: Path, *args: str, expect: int = 0) -> str:
    """A student's command, with that student's own nbgrader cache (as their own account would have)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_DATA_DIR", str(home / ".local" / "share" / "jupyter"))
        out, err = run(capsys, "--lang", "en", "student", *args, "--student", student, "--dir", str(home),
                       expect=expect)
    return out + err


def _answer(home: Path, answers: dict[str, str]) -> None:
    path = home / A / NB
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell.source = answers[gid]
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    """Everything up to and including collect; the tests then walk through the rest of the day in order."""
    base = tmp_path_factory.mktemp("day")
    tmpdir = base / "tmp"
    tmpdir.mkdir()
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"], TMPDIR=str(tmpdir))
    yield {"base": base, "root": base / "course", "env": env, "tmpdir": tmpdir, "homes": base / "students"}


@pytest.fixture(scope="module")
def log():
    return {}


# --- morning: the course, the roster, the release ------------------------------------------------

def test_1_setup_writes_the_course_and_the_students_settings(day, capsys):
    out, _ = run(capsys, "--lang", "en", "setup", str(day["root"]), "--exercises", str(DAY), "--timeout", "20")
    assert f"Course ready in {day['root']}: 1 assignment(s) copied, 0 already there and kept." in out
    students_config = Path(os.environ["JUPYTER_CONFIG_PATH"]) / "nbgrader_config.py"
    assert f"Students' nbgrader settings written to {students_config}" in out
    exchange = day["root"].parent / "course-exchange"  # beside the course, which is private to the instructor
    assert f"c.Exchange.root = '{exchange}'" in students_config.read_text()
    assert oct(day["root"].stat().st_mode & 0o777) == "0o700" and (exchange.stat().st_mode & 0o777) == 0o777
    # the same settings where students can read them, for `--course EXCHANGE_DIR`
    assert (exchange / "nbgrader_config.py").read_text() == students_config.read_text()
    day["course"] = open_course(day["root"])


def test_2_roster_with_bad_rows(day, capsys):
    roster = day["base"] / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    # --course and --lang after the subcommand; Vietnamese, the instructor's language
    out, err = run(capsys, "roster", "import", str(roster), "--course", str(day["root"]), "--lang", "vi")
    assert out.strip() == "Đã nhập 6 học viên, 3 dòng lỗi không được nhập."
    assert err.splitlines() == [
        "dòng 4: dấu ngoặc kép mở ở dòng này không được đóng; bỏ qua dòng này (các dòng sau vẫn được đọc)",
        "dòng 9: mã 'sv01' trùng với dòng 2 (mã được so sánh không phân biệt chữ hoa, chữ thường)",
        "dòng 10: mã 'bad id' có ký tự nbgrader không dùng được (chỉ dùng chữ cái, chữ số, '.', '_', '-', '@'; "
        "không có khoảng trắng, '/', '+' hay '*')",
    ]
    with Gradebook(day["course"].db_url) as gb:
        students = {s.id: (s.first_name, s.last_name) for s in gb.students}
    assert students == {"sv01": ("An", "Nguyễn"), "sv02": ("Bình", "Trần"), "sv03": ("Chi", "Lê"),
                        "sv04": ("Dũng", "Phạm"), "sv05": ("Em", "Võ"), "sv06": ("Giang", "Đỗ")}
    nothing = day["base"] / "nothing.csv"
    nothing.write_text("id,first_name\nbad id,X\n", encoding="utf-8")
    out, err = run(capsys, "--lang", "en", "--course", str(day["root"]), "roster", "import", str(nothing), expect=1)
    assert out.strip() == "0 student(s) imported, 1 bad row(s) not imported."


def test_3_release_and_release_again(day, capsys):
    root = str(day["root"])
    out, _ = run(capsys, "--lang", "en", "--course", root, "release", A)
    assert out.strip() == f"{A}: generated and released."
    released = nbformat.read(day["root"] / "release" / A / NB, as_version=4)
    stubs = {c.metadata["nbgrader"]["grade_id"]: c.source for c in released.cells if c.metadata["nbgrader"].get("solution")}
    assert stubs[WRITTEN] == "✎ Viết câu trả lời của bạn vào đây."  # the placeholder in the notebook's language
    assert stubs[VERDICT].endswith("# ✎")
    _, err = run(capsys, "--lang", "en", "--course", root, "release", A, expect=1)
    assert err.strip() == ("error: nbgrader release_assignment: this assignment was released before; add --force to "
                           "release it again (students who fetched it keep their copy) (nbgrader's full log: add --verbose)")
    _, err = run(capsys, "--lang", "vi", "--course", root, "release", A, expect=1)
    assert "bài tập này đã được phát trước đó; thêm --force để phát lại" in err and len(err.strip().splitlines()) == 1
    _, err = run(capsys, "--lang", "en", "--course", root, "release", A, "--verbose", expect=1)
    assert "[ReleaseAssignmentApp | " in err and "Destination already exists" in err  # nbgrader's own log


# --- the students ------------------------------------------------------------------------------

def test_4_students_fetch_work_and_submit(day, capsys):
    """The documented student commands, without --course: the settings setup wrote are enough."""
    homes = day["homes"]
    for student, answers in ANSWERS.items():
        home = homes / student
        home.mkdir(parents=True)
        out = _student(capsys, student, home, "list")
        assert out.strip() == f"{A}: released, not fetched yet"
        out = _student(capsys, student, home, "fetch", A)
        assert out.startswith(f"{A}: fetched into {home / A}.")
        _answer(home, answers)
        out = _student(capsys, student, home, "submit", A)
        assert out.startswith(f"{A}: submitted (") and "the last one counts" in out
        assert _student(capsys, student, home, "list").strip() == f"{A}: submitted"
    out = _student(capsys, "sv01", homes / "sv01", "fetch", A, expect=1)
    assert out.strip() == (f"error: you already have this assignment in {A}: work in it, or rename it to fetch a "
                           "fresh copy")
    # plain nbgrader reads the same settings (here for sv05, who then never submits)
    (homes / "sv05").mkdir()
    plain = subprocess.run([sys.executable, "-m", "nbgrader", "fetch_assignment", A], cwd=homes / "sv05",
                           env=dict(day["env"], JUPYTER_DATA_DIR=str(homes / "sv05" / ".local")),
                           capture_output=True, text=True)
    assert plain.returncode == 0, plain.stderr
    assert (homes / "sv05" / A / NB).is_file()
    exchange = str(day["root"].parent / "course-exchange")
    assert _student(capsys, "sv05", homes / "sv05", "list", "--course", exchange).strip() == \
        f"{A}: fetched, not submitted yet"


def test_5_collect_names_who_is_not_on_the_roster(day, capsys):
    out, err = run(capsys, "--lang", "en", "--course", str(day["root"]), "collect")
    assert out.strip() == f"{A}: collected 6 submission(s), skipped 0."
    assert err.strip() == ("1 submission(s) from students not on the roster: lan. They are graded but left out of "
                           "export and report until you add them to the roster.")


# --- autograde, stopped three ways, then finished ------------------------------------------------

@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL, signal.SIGINT])
def test_6_stopping_autograde_leaves_nothing_behind(day, signum, log):
    left = _stop_half_way(day, signum)
    name = signal.Signals(signum).name
    assert not left["left"], f"{name}: processes left running: {[_cmdline(p) for p, _ in left['left']]}"
    assert len(left["seen"]) >= 3  # workers and their kernels were running when the signal came
    assert not list(day["tmpdir"].iterdir()), f"{name}: something was left in TMPDIR"
    # every journal entry is in the gradebook; a stopped run also forgot the students caught half-way
    assert set(left["journal"]) <= left["gradebook"], name
    if signum != signal.SIGKILL:
        assert set(left["journal"]) == left["gradebook"], name
    if signum == signal.SIGKILL:
        assert left["code"] == -signal.SIGKILL
        assert len(left["tmp"]) == 1  # a killed run cannot clean up: its folder is in the course, not /tmp ...
        log["killed_tmp"] = left["tmp"][0]
    else:
        assert left["code"] == 128 + signum
        assert f"{A}: stopped by {name}: " in left["err"] and "left for the next run" in left["err"]
        assert left["tmp"] == [] or left["tmp"] == [log.get("killed_tmp")]


def test_7_autograde_finishes_what_was_left(day, capsys, log):
    course = day["course"]
    journal = read_journal(course, A)
    out, err = run(capsys, "--lang", "en", "--course", str(day["root"]), "autograde", "--workers", "2")
    graded = 6 - len(journal)
    assert f"{A}: {graded} graded, 0 given zero, {len(journal)} unchanged, 0 failed, in " in out
    assert f"{A}: 3 answer(s) wait for manual grading: `conduct-course grade {A}` lists them." in out
    assert list((course.state / "tmp").glob("*")) == []  # ... and the next run removed it
    with Gradebook(course.db_url) as gb:
        for student, score in AUTO.items():
            assert gb.find_submission(A, student).score == score, student
    assert set(read_journal(course, A)) == set(AUTO)


def test_8_a_submission_nbgrader_cannot_grade_keeps_no_score(day, capsys):
    home = day["homes"] / "sv06"
    nb = nbformat.read(home / A / NB, as_version=4)
    nb.cells[3].metadata["nbgrader"]["schema_version"] = 99  # a notebook from a future nbgrader
    nbformat.write(nb, home / A / NB)
    _student(capsys, "sv06", home, "submit", A)
    run(capsys, "--lang", "en", "--course", str(day["root"]), "collect", A)
    out, _ = run(capsys, "--lang", "en", "--course", str(day["root"]), "autograde", A, expect=1)
    line = next(ln for ln in out.splitlines() if ln.strip().startswith("sv06:"))
    assert line.startswith("  sv06: FAILED: nbgrader could not grade it: ") and "newer version" in line
    assert line.endswith("its scores are cleared until it is graded (fix it and run autograde again, or grade it by hand)")
    assert f"{A}: 0 graded, 0 given zero, 5 unchanged, 1 failed, in " in out
    with Gradebook(day["course"].db_url) as gb:
        sub = gb.find_submission(A, "sv06")
        assert sub.score == 0 and sub.needs_manual_grade  # the earlier 4 points are gone


# --- manual grading, feedback --------------------------------------------------------------------

def test_9_report_before_manual_grading_counts_only_what_is_graded(day, capsys):
    out_dir = day["base"] / "report-morning"
    run(capsys, "--lang", "en", "--course", str(day["root"]), "report", str(out_dir))
    page = (out_dir / "index.html").read_text(encoding="utf-8")
    assert f"<tr><td>{A}</td><td>sv01</td><td>4 / 4</td><td>100%</td><td>1 answer(s) wait for manual grading</td></tr>" in page
    assert f"<tr><td>{A}</td><td>sv02</td><td>3 / 4</td><td>75%</td><td>1 answer(s) wait for manual grading</td></tr>" in page
    assert f"<tr><td>{A}</td><td>sv03</td><td>0 / 7</td><td>0%</td><td>graded</td></tr>" in page


def test_10_feedback_is_held_until_the_written_answers_are_graded(day, capsys):
    root = str(day["root"])
    out, err = run(capsys, "--lang", "en", "--course", root, "feedback", A)
    assert out.strip() == f"{A}: feedback generated and released to 1 student(s)."
    assert (f"Feedback held for 3 student(s) whose written answers wait for manual grading: sv01, sv02, sv04. "
            f"Grade them (`conduct-course grade {A}`) and run feedback again, or add --partial.") in err
    assert "No feedback for 1 student(s) whose grading failed: sv06." in err
    assert sorted(p.name for p in day["course"].step("feedback").iterdir()) == ["sv03"]


def test_11_manual_grading(day, capsys):
    root = str(day["root"])
    out, _ = run(capsys, "--lang", "vi", "--course", root, "grade", A)
    lines = out.splitlines()
    assert lines[0] == f"{A} · sv01 · Câu 3 (/3): {ANSWERS['sv01'][WRITTEN]}"
    assert lines[1] == f"{A} · sv02 · Câu 3 (/3): {ANSWERS['sv02'][WRITTEN]}"
    assert lines[2] == f"{A} · sv04 · Câu 3 (/3): {ANSWERS['sv04'][WRITTEN]}"
    assert all("lan" not in ln for ln in lines)
    assert "câu trả lời chờ chấm tay." in out and "Formgrader" in out
    out, _ = run(capsys, "--lang", "vi", "--course", root, "grade", A, "sv01", "Câu 3", "3", "--comment", "Rất tốt.")
    assert out.strip() == "sv01 · Câu 3: đã ghi 3 / 3; học viên này còn 0 câu trả lời chờ chấm."
    _, err = run(capsys, "--lang", "en", "--course", root, "grade", A, "sv02", "3", "5", expect=1)
    assert err.strip() == "error: score 5 is outside 0–3"
    run(capsys, "--lang", "en", "--course", root, "grade", A, "sv02", "3", str(MANUAL["sv02"]))
    out, _ = run(capsys, "--lang", "en", "--course", root, "grade", A, "SV04", "Question 3", str(MANUAL["sv04"]))
    assert out.strip() == "sv04 · Question 3: 2 / 3 recorded; 0 answer(s) of this student still wait."
    with Gradebook(day["course"].db_url) as gb:
        for student, score in FINAL.items():
            sub = gb.find_submission(A, student)
            assert sub.score == score and not sub.needs_manual_grade, student


def test_12_feedback_in_the_students_language(day, capsys):
    out, err = run(capsys, "--lang", "en", "--course", str(day["root"]), "feedback")
    assert out.strip() == f"{A}: feedback generated and released to 4 student(s)."
    assert "held" not in err
    page = (day["course"].step("feedback") / "sv01" / A / "bai-tap.html").read_text(encoding="utf-8")
    assert "(Điểm: 7.0 / 7.0)" in page and ">Câu trả lời viết</a>" in page and "<b>Nhận xét:</b>" in page
    assert "Rất tốt." in page
    assert "Score:" not in page and "Written response" not in page and "Test cell" not in page
    home = day["homes"] / "sv01"
    out = _student(capsys, "sv01", home, "list")
    assert out.strip() == f"{A}: submitted, feedback ready (`conduct-course student feedback NAME`)"
    out = _student(capsys, "sv01", home, "feedback", A)
    fetched = Path(out.strip().removeprefix("Feedback: "))
    assert fetched.is_file() and "(Điểm: 7.0 / 7.0)" in fetched.read_text(encoding="utf-8")


# --- evening: export and report ----------------------------------------------------------------

def test_13_export_counts_the_roster_only(day, capsys):
    dest = day["base"] / "grades.csv"
    out, err = run(capsys, "--lang", "en", "--course", str(day["root"]), "export", str(dest))
    assert out.strip() == f"Grades written to {dest} (6 rows)."
    assert err.strip() == "Not exported, not on the roster: lan (1)."
    with open(dest, encoding="utf-8-sig", newline="") as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh)}
    assert sorted(rows) == ["sv01", "sv02", "sv03", "sv04", "sv05", "sv06"]
    for student, score in FINAL.items():
        row = rows[student]
        assert (float(row["score"]), row["submitted"], row["needs_manual_grade"], row["autograde_failed"]) == \
            (score, "yes", "no", "no"), student
    assert (rows["sv05"]["submitted"], float(rows["sv05"]["score"])) == ("no", 0.0)
    assert (rows["sv06"]["needs_manual_grade"], rows["sv06"]["autograde_failed"], float(rows["sv06"]["score"])) == \
        ("yes", "yes", 0.0)
    assert rows["sv01"]["first_name"] == "An" and rows["sv01"]["max_score"] == "7.0"


def test_14_report(day, capsys):
    out_dir = day["base"] / "report"
    out, _ = run(capsys, "--course", str(day["root"]), "report", str(out_dir), "--lang", "vi")
    assert out.strip() == f"Đã ghi báo cáo vào {out_dir / 'index.html'}."
    page = (out_dir / "index.html").read_text(encoding="utf-8")
    expected = {"sv01": ("7 / 7", "100%", "đã chấm xong"), "sv02": ("4 / 7", "57%", "đã chấm xong"),
                "sv03": ("0 / 7", "0%", "đã chấm xong"), "sv04": ("5 / 7", "71%", "đã chấm xong"),
                "sv05": ("—", "—", "chưa nộp bài"), "sv06": ("—", "—", "chấm không thành công")}
    for student, (score, percent, state) in expected.items():
        assert f"<tr><td>{A}</td><td>{student}</td><td>{score}</td><td>{percent}</td><td>{state}</td></tr>" in page
    assert "Không tính vào số liệu nào vì không có trong danh sách học viên: lan (1)." in page
    assert "<td>lan</td>" not in page
    assert "4 học viên, 4 bài nộp đã chấm" in page or "4 học viên" in page
    # the most-missed questions, named as the students saw them, with the answers as values
    row = next(r for r in page.split("<tr>") if f"{A} / Câu 2<" in r)
    assert "<td>2 / 4</td>" in row and "<q>4(5)</q> × 1" in row and "<em>không trả lời</em> × 1" in row
    assert "clauses_2" not in page and "tra-loi" not in page and "kiem-tra" not in page


def test_15_a_read_only_gradebook_is_one_line(day, capsys):
    """The gradebook opened read-only (SQLite's own read-only mode, which binds root too): one line, no traceback."""
    config = day["course"].config
    original = config.read_text(encoding="utf-8")
    db = day["root"] / "gradebook.db"
    try:
        config.write_text(original + f"\nc.CourseDirectory.db_url = 'sqlite:///file:{db}?mode=ro&uri=true'\n",
                          encoding="utf-8")
        _, err = run(capsys, "--lang", "en", "--course", str(day["root"]), "autograde", "--force", expect=1)
        errors = [line for line in err.splitlines() if line.startswith("error:")]
        assert errors == ["error: the gradebook is read-only: give the instructor's account write access to it "
                          "and to its folder"]
    finally:
        config.write_text(original, encoding="utf-8")
