"""End to end with real nbgrader, real kernels and the real sandbox: one cohort, shared by the module.

The course is set up from tests/grading/files (a small fixture assignment with visible and hidden
tests and a written reflection), released, submitted by a cohort of simulated students through
nbgrader's own exchange, collected, autograded in parallel in the sandbox (the first run is killed
half-way, as a crash, and the rerun must finish without duplicates), given feedback, exported and
reported. Each student's exact score is read back through nbgrader's Gradebook.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from grading.course import open_course
from grading.parallel import read_journal

from grading_helpers import FILES, cell_by_id, run_cli, student_copy, submit

pytestmark = pytest.mark.skipif(
    shutil.which("bwrap") is None,
    reason="bubblewrap (bwrap) is not installed, so autograding cannot be sandboxed: "
           "`apt-get install bubblewrap` (./course test does it when run as root)")

ASSIGNMENT = "fixture"
CORRECT_1 = 'verdict_post_1 = "violation"'
CORRECT_2 = 'clauses_post_2 = ["4(5)", "4(6)"]'

# auto-graded points: test-1-form 1, test-1-content 2, test-2-form 1, test-2-content 2 (= 6);
# the written reflection (2 points) waits for manual grading and counts 0 until then.
EXPECTED = {
    "correct": 6,
    "blank": 0,
    "partly": 4,         # verdict right (3), clauses a list but wrong (1)
    "wrongtypes": 0,     # a number and a string: every form test fails, so every content test too
    "edited": 4,         # rewrote the hidden test as `assert True`: nbgrader restores it, wrong verdict scores 1
    "deleted": 6,        # deleted a test cell: restored, and the answer it checks is right
    "raiser": 3,         # answer 1 raises
    "looper": 3,         # answer 1 loops forever: interrupted at the time limit
    "stubborn": 3,       # answer 2 loops and ignores the interrupt: later cells not run
    "hog": 3,            # answer 2 eats memory until the sandbox's limit stops it
    "cheater": 4,        # tried to read the gradebook and hidden tests: could not, so guessed wrong
    "netuser": 4,        # tried the network: could not, so guessed wrong
    "killer": 6,         # kills its kernel's parent: in the sandbox that is the namespace's init, which ignores it
    "notnb": 0,          # submitted a text file named exercise.ipynb
    "wrongfile": 0,      # submitted no notebook at all, only an essay.txt
}
ZEROED = {"notnb", "wrongfile"}  # nothing nbgrader can run: zero through the gradebook, with a reason
ROSTER = "id,first_name,last_name,email\n" + "".join(
    f"{s},Tên {i},Nguyễn,{s}@example.org\n" for i, s in enumerate([*EXPECTED, "absent"])
) + ",No,Id,x@example.org\nbad id,Has,Space,y@example.org\ncorrect,Dup,Licate,z@example.org\nemailbad,E,Mail,not-an-email\n"


def _answers(course_root: Path, repo_source: Path, port: int, outside: Path) -> dict[str, tuple[dict, tuple]]:
    secrets = [str(course_root / "gradebook.db"), str(course_root / "source" / ASSIGNMENT / "exercise.ipynb"),
               str(repo_source / ASSIGNMENT / "exercise.ipynb"), "../../../gradebook.db",
               f"../../../source/{ASSIGNMENT}/exercise.ipynb", f"../../../../submitted/correct/{ASSIGNMENT}/exercise.ipynb"]
    cheat = (
        "import json, os\nattempts = {}\n"
        f"for path in {secrets!r}:\n"
        "    try:\n        open(path, 'rb').read()\n        attempts[path] = 'READ'\n"
        "    except OSError as exc:\n        attempts[path] = 'blocked: ' + type(exc).__name__\n"
        f"for path in {[str(outside / 'written.txt'), str(repo_source / 'written.txt')]!r}:\n"
        "    try:\n        open(path, 'w').write('x')\n        attempts[path] = 'WROTE'\n"
        "    except OSError as exc:\n        attempts[path] = 'blocked: ' + type(exc).__name__\n"
        "others = sorted(os.listdir('../..'))\n"
        "print('ATTEMPTS', json.dumps(attempts))\nprint('OTHERS', json.dumps(others))\n"
        "verdict_post_1 = 'violation' if {'READ', 'WROTE'} & set(attempts.values()) else 'ok'\n"
    )
    net = (
        "import json, socket\nnet = {}\n"
        f"for host, port in [('127.0.0.1', {port}), ('1.1.1.1', 80)]:\n"
        "    try:\n        socket.create_connection((host, port), timeout=3).close()\n        net[f'{host}:{port}'] = 'OPEN'\n"
        "    except OSError as exc:\n        net[f'{host}:{port}'] = 'blocked: ' + type(exc).__name__\n"
        "print('NETWORK', json.dumps(net))\n"
        "verdict_post_1 = 'violation' if 'OPEN' in net.values() else 'ok'\n"
    )
    stubborn = (CORRECT_2 + "\nwhile True:\n    try:\n        while True:\n            pass\n"
                "    except KeyboardInterrupt:\n        pass\n")
    hog = "hog = []\nwhile True:\n    hog.append(bytearray(64 * 1024 * 1024))\n" + CORRECT_2
    ok = {"answer-1": CORRECT_1, "answer-2": CORRECT_2}
    return {
        "correct": ({**ok, "reflect-1": "Cảm ơn bạn đã góp ý. Bình luận này vi phạm Điều 4(5); xin giữ lời lẽ ôn hòa."}, ()),
        "blank": ({}, ()),
        "partly": ({"answer-1": CORRECT_1, "answer-2": 'clauses_post_2 = ["4(5)"]'}, ()),
        "wrongtypes": ({"answer-1": "verdict_post_1 = 3", "answer-2": 'clauses_post_2 = "4(5)"'}, ()),
        "edited": ({"answer-1": 'verdict_post_1 = "ok"', "answer-2": CORRECT_2, "test-1-content": "assert True"}, ()),
        "deleted": (ok, ("test-2-content",)),
        "raiser": ({"answer-1": 'raise ValueError("I am not sure")', "answer-2": CORRECT_2}, ()),
        "looper": ({"answer-1": "while True:\n    pass\n" + CORRECT_1, "answer-2": CORRECT_2}, ()),
        "stubborn": ({"answer-1": CORRECT_1, "answer-2": stubborn}, ()),
        "hog": ({"answer-1": CORRECT_1, "answer-2": hog}, ()),
        "cheater": ({"answer-1": cheat, "answer-2": CORRECT_2}, ()),
        "netuser": ({"answer-1": net, "answer-2": CORRECT_2}, ()),
        "killer": ({"answer-1": CORRECT_1 + "\nimport os, signal\nos.kill(os.getppid(), signal.SIGKILL)",
                    "answer-2": CORRECT_2}, ()),
    }


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """A course graded end to end; yields what the tests inspect."""
    base = tmp_path_factory.mktemp("course")
    root = base / "course"
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.setblocking(False)
    port = listener.getsockname()[1]

    run_cli("setup", str(root), "--exercises", str(FILES), "--timeout", "5", "--cpu-seconds", "12",
            "--memory-mb", "1024")
    course = open_course(root)
    roster = base / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    logs = {"roster_code": __import__("grading.cli", fromlist=["main"]).main(
        ["--lang", "en", "--course", str(root), "roster", "import", str(roster)])}
    run_cli("--course", str(root), "release", ASSIGNMENT)

    release_nb = root / "release" / ASSIGNMENT / "exercise.ipynb"
    workspace = base / "students"
    for student, (answers, delete) in _answers(root, FILES, port, Path(sys.prefix)).items():
        nb = student_copy(release_nb, answers, delete)
        submit(course.exchange, "conduct", workspace, student, ASSIGNMENT, {"exercise.ipynb": nb})
    submit(course.exchange, "conduct", workspace, "notnb", ASSIGNMENT, {"exercise.ipynb": "my essay, not a notebook"})
    submit(course.exchange, "conduct", workspace, "wrongfile", ASSIGNMENT, {"essay.txt": "my essay"})
    run_cli("--course", str(root), "collect", ASSIGNMENT)

    # First run, killed as a crash once a few students are done.
    (base / "tmp").mkdir()  # a killed run cannot clean up its kernels' folder: keep it in the test's tmp
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"], TMPDIR=str(base / "tmp"))
    crashed = subprocess.Popen([sys.executable, "-m", "grading.cli", "--lang", "en", "--course", str(root),
                                "autograde", "--workers", "2"], env=env, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 240
    while len(read_journal(course, ASSIGNMENT)) < 4 and crashed.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(crashed.pid, signal.SIGKILL)
    crashed.wait()
    logs["done_before_crash"] = set(read_journal(course, ASSIGNMENT))

    code = __import__("grading.cli", fromlist=["main"]).main(
        ["--lang", "en", "--course", str(root), "autograde", "--workers", "2"])
    logs["autograde_code"] = code
    try:
        listener.accept()
        logs["listener_contacted"] = True
    except BlockingIOError:
        logs["listener_contacted"] = False
    listener.close()
    yield {"root": root, "course": course, "logs": logs, "base": base}


def _gradebook(course):
    from nbgrader.api import Gradebook

    return Gradebook(course.db_url)


def _outputs(root: Path, student: str, grade_id: str) -> str:
    nb = nbformat.read(root / "autograded" / student / ASSIGNMENT / "exercise.ipynb", as_version=4)
    cell = cell_by_id(nb, grade_id)
    return "".join(o.get("text", "") + " ".join(o.get("traceback", [])) + o.get("ename", "")
                   for o in cell.get("outputs", []))


def test_roster_bad_rows_reported_and_good_rows_imported(cohort):
    assert cohort["logs"]["roster_code"] == 0  # students were imported; the bad rows are listed
    with _gradebook(cohort["course"]) as gb:
        ids = {s.id for s in gb.students}
        assert {*EXPECTED, "absent"} <= ids
        assert "bad id" not in ids and "emailbad" not in ids
        assert gb.find_student("correct").first_name == "Tên 0"  # the duplicate row did not overwrite


def test_crash_then_rerun_grades_everyone_exactly_once(cohort):
    done_before = cohort["logs"]["done_before_crash"]
    assert 0 < len(done_before) < len(EXPECTED), "the first run should have been killed half-way"
    assert cohort["logs"]["autograde_code"] == 0
    with _gradebook(cohort["course"]) as gb:
        assignment = gb.find_assignment(ASSIGNMENT)
        subs = [s for s in assignment.submissions]
        assert sorted(s.student.id for s in subs) == sorted(EXPECTED)  # one each, no duplicates, no absentee
        for s in subs:
            assert len(s.notebooks) == 1 and len(s.notebooks[0].grades) == 5


@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_exact_score(cohort, student):
    with _gradebook(cohort["course"]) as gb:
        sub = gb.find_submission(ASSIGNMENT, student)
        assert sub.score == EXPECTED[student]
        assert sub.max_score == 8


def test_sandbox_hid_gradebook_hidden_tests_and_other_students(cohort):
    text = _outputs(cohort["root"], "cheater", "answer-1")
    attempts = json.loads(text.split("ATTEMPTS", 1)[1].splitlines()[0])
    others = json.loads(text.split("OTHERS", 1)[1].splitlines()[0])
    assert len(attempts) == 8 and all(v.startswith("blocked") for v in attempts.values()), attempts
    # /tmp is a throw-away tmpfs in the sandbox; the venv and the repository are read-only
    assert not (Path(sys.prefix) / "written.txt").exists() and not (FILES / "written.txt").exists()
    assert others == ["cheater"]  # the autograded folder shows no other student


def test_sandbox_had_no_network(cohort):
    text = _outputs(cohort["root"], "netuser", "answer-1")
    net = json.loads(text.split("NETWORK", 1)[1].splitlines()[0])
    assert len(net) == 2 and all(v.startswith("blocked") for v in net.values()), net
    assert cohort["logs"]["listener_contacted"] is False


def test_runaway_code_was_stopped_with_a_reason(cohort):
    root = cohort["root"]
    assert "CellTimeoutError" in _outputs(root, "looper", "answer-1") or "KeyboardInterrupt" in _outputs(root, "looper", "answer-1")
    assert "KernelStopped" in _outputs(root, "stubborn", "answer-2")
    assert "KernelStopped" in _outputs(root, "stubborn", "test-2-content")
    assert "MemoryError" in _outputs(root, "hog", "answer-2") or "KernelStopped" in _outputs(root, "hog", "answer-2")


def test_edited_and_deleted_test_cells_were_restored(cohort):
    root = cohort["root"]
    edited = nbformat.read(root / "autograded" / "edited" / ASSIGNMENT / "exercise.ipynb", as_version=4)
    assert 'assert verdict_post_1 == "violation"' in cell_by_id(edited, "test-1-content").source
    deleted = nbformat.read(root / "autograded" / "deleted" / ASSIGNMENT / "exercise.ipynb", as_version=4)
    assert "sorted(clauses_post_2)" in cell_by_id(deleted, "test-2-content").source


def test_not_a_notebook_gets_zero_with_a_reason(cohort, capsys):
    # rerunning is cheap (everything is unchanged) and shows what the instructor is told
    out = run_cli("--course", str(cohort["root"]), "autograde", capsys=capsys)
    assert "notnb: zero: exercise.ipynb is not a valid notebook" in out
    assert "wrongfile: zero: no notebook of the assignment was submitted (expected exercise.ipynb; found essay.txt)" in out
    assert f"{len(EXPECTED) - len(ZEROED)} unchanged" in out


def test_feedback_for_every_graded_student(cohort, capsys):
    root = cohort["root"]
    # the written reflection waits for manual grading: --partial releases feedback all the same
    run_cli("--course", str(root), "feedback", ASSIGNMENT, "--partial", capsys=capsys)
    for student, score in EXPECTED.items():
        html = root / "feedback" / student / ASSIGNMENT / "exercise.html"
        if student in ZEROED:
            assert not html.exists()  # nothing nbgrader could render; the autograde report said why
            continue
        text = html.read_text(encoding="utf-8")
        assert f"Score: {float(score)} / 8.0" in text, student
    released = list((cohort["course"].exchange / "conduct" / "feedback").iterdir())
    assert len(released) == len(EXPECTED) - len(ZEROED)


def test_export_csv_has_every_student(cohort, capsys):
    dest = cohort["base"] / "grades.csv"
    run_cli("--course", str(cohort["root"]), "export", str(dest), capsys=capsys)
    with open(dest, encoding="utf-8-sig", newline="") as fh:
        rows = {r["student_id"]: r for r in csv.DictReader(fh) if r["assignment"] == ASSIGNMENT}
    for student, score in EXPECTED.items():
        assert float(rows[student]["score"]) == score and rows[student]["submitted"] == "yes"
    assert rows["absent"]["submitted"] == "no" and float(rows["absent"]["score"]) == 0
    assert rows["correct"]["first_name"] == "Tên 0" and rows["correct"]["needs_manual_grade"] == "yes"


def test_report_files(cohort, capsys):
    out = cohort["base"] / "report"
    run_cli("--course", str(cohort["root"]), "report", str(out), capsys=capsys)
    page = (out / "index.html").read_text(encoding="utf-8")
    for png in ("scores.png", "mastery.png", "missed.png"):
        assert (out / png).stat().st_size > 1000
        assert png in page
    # the most-missed questions (named as the student saw them), with the wrong answers given as values
    # (the list ["4(5)"] and the string "4(5)" read the same), a blank and a non-notebook labelled
    row = next(r for r in page.split("<tr>") if "fixture / Question 2<" in r)
    assert f"7 / {len(EXPECTED)}" in row
    assert "<q>4(5)</q> × 2" in row and "clauses_post_2" not in row
    assert "<em>no answer</em> × 1" in row and "<em>no notebook</em> × 2" in row


def test_without_the_sandbox_the_same_cheat_works(cohort):
    """The contrast that shows the sandbox is what stops it. Runs last: it regrades some students
    unsandboxed (the cheater then reads the hidden tests and scores full marks; the killer kills
    its grading worker, and only its own grading fails), then sandboxed again."""
    from grading.parallel import autograde

    course = cohort["course"]
    again = ["cheater", "killer", "correct", "partly"]
    try:
        outcomes = {o.student: o for o in autograde(course, ASSIGNMENT, sandbox=False, force=True, students=again,
                                                    workers=2)}
    finally:  # unsandboxed, the cheat really writes into the venv and the repository
        (Path(sys.prefix) / "written.txt").unlink(missing_ok=True)
        (FILES / "written.txt").unlink(missing_ok=True)
    assert outcomes["killer"].status == "failed" and "worker died" in outcomes["killer"].reason
    assert all(outcomes[s].status == "graded" for s in ("cheater", "correct", "partly")), outcomes
    attempts = json.loads(_outputs(cohort["root"], "cheater", "answer-1").split("ATTEMPTS", 1)[1].splitlines()[0])
    with _gradebook(course) as gb:
        assert gb.find_submission(ASSIGNMENT, "cheater").score == 6
    assert attempts[str(cohort["root"] / "gradebook.db")] == "READ"
    assert attempts[str(FILES / "written.txt")] == "WROTE"
    autograde(course, ASSIGNMENT, sandbox=True, force=True, students=again)
    with _gradebook(course) as gb:
        for student in again:
            assert gb.find_submission(ASSIGNMENT, student).score == EXPECTED[student]
