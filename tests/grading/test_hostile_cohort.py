"""A hostile cohort against the sandbox and the exchange (issue 14), graded once for the module.

Real nbgrader, real kernels, real bubblewrap and real cgroups. Honest students are graded first
and the course and a canary folder outside it are fingerprinted (content, mode, owner, link
target of every file); then every attacker is collected, autograded with `conduct-course
autograde --workers 2` and given feedback, and the fingerprints are compared: nothing outside an
attacker's own autograded folder (and the gradebook, journal and feedback that grading writes)
may change. Each attacker answers question 2 right and sets its answer to question 1 from the
attack: "violation" (right, 6 points) if the attack worked, "ok" (wrong, 4 points) if it did not,
so the exact score says whether the attack worked.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import stat
import threading
import uuid
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from grading_helpers import FILES, cell_by_id, run_cli, student_copy, submit
from nbformat.v4 import new_code_cell, new_markdown_cell
from nbgrader.api import Gradebook, MissingEntry

from conduct.i18n import t
from grading import cli, limits
from grading.course import open_course
from grading.parallel import autograde
from grading.sandbox import cgroup_layout

ASSIGNMENT = "fixture"
CORRECT_1 = 'verdict_post_1 = "violation"'
CORRECT_2 = 'clauses_post_2 = ["4(5)", "4(6)"]'
CPU_SECONDS = 12
MAX_PROCESSES = 64


def _usable() -> str | None:
    if shutil.which("bwrap") is None:
        return "bubblewrap (bwrap) is not installed: `apt-get install bubblewrap`"
    try:
        limits.probe()
    except limits.CgroupUnavailable as exc:
        return f"no usable cgroup on this machine, so sandbox limits cannot hold: {exc}"
    return None


pytestmark = pytest.mark.skipif(_usable() is not None, reason=_usable() or "")


def _verdict(flag: str) -> str:
    """The answer line: right when the attack worked (`flag` is truthy in the student's code)."""
    return f"\nverdict_post_1 = 'violation' if {flag} else 'ok'\n"


def _attacks(root: Path, canary: Path, secret: str) -> dict[str, str]:
    """Student -> code of the answer-1 cell (answer-2 is always right)."""
    source_copies = [str(canary / "exercises" / "source" / ASSIGNMENT / "exercise.ipynb"),
                     str(root / "source" / ASSIGNMENT / "exercise.ipynb"), str(FILES / ASSIGNMENT / "exercise.ipynb")]
    hunt = (
        "import glob, os\nfound = []\n"
        f"candidates = {source_copies!r}\n"
        "candidates += glob.glob('/work/*/exercises/source/*/*.ipynb') + glob.glob('/tmp/**/*.ipynb', recursive=True)\n"
        "for d, dirs, files in os.walk('/'):  # the whole visible disk but the system's own folders\n"
        "    dirs[:] = [x for x in dirs if d != '/' or x not in ('usr', 'proc', 'sys', 'dev')]\n"
        "    candidates += [os.path.join(d, f) for f in files if f.endswith('.ipynb')]\n"
        "for path in candidates:\n"
        "    try:\n        if 'assert verdict_post_1 ==' in open(path, errors='replace').read():\n            found.append(path)\n"
        "    except OSError:\n        pass\n"
        "print('FOUND', json.dumps(found))\n"
    )
    workdir_nb = (
        "import glob, os\nhere = sorted(os.listdir('.'))\n"
        "leaked = [p for p in glob.glob('*.ipynb') + glob.glob('../**/*.ipynb', recursive=True)\n"
        "          if 'assert verdict_post_1 ==' in open(p, errors='replace').read()]\n"
        "print('HERE', json.dumps(here)); print('LEAKED', json.dumps(leaked))\n"
    )
    environ = (
        "import glob\nseen = ''\n"
        "for p in ['/proc/1/environ', '/proc/self/environ'] + glob.glob('/proc/[0-9]*/environ'):\n"
        "    try:\n        seen += open(p, 'rb').read().decode(errors='replace') + '\\n'\n"
        "    except OSError:\n        pass\n"
        f"print('ENVIRON', json.dumps(seen))\nleak = {secret!r} in seen\n"
    )
    forkmem = (
        "import os, time\nkids = []\n"
        "for i in range(6):  # 6 x 250 MB: each is under the kernel's own limit, together over the sandbox's\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n        try:\n            b = bytearray(250 << 20)\n            for j in range(0, len(b), 4096):\n                b[j] = 1\n"
        "            time.sleep(3)\n        finally:\n            os._exit(0)\n    kids.append(pid)\n"
        "codes = [os.waitpid(k, 0)[1] for k in kids]\n"
        "print('CHILDREN', json.dumps(codes))\nall_lived = all(c == 0 for c in codes)\n"
    )
    procs = (
        "import os, signal, time\nkids = []\nrefused = ''\n"
        "for i in range(300):\n    try:\n        pid = os.fork()\n    except OSError as exc:\n        refused = str(exc)\n        break\n"
        "    if pid == 0:\n        time.sleep(60)\n        os._exit(0)\n    kids.append(pid)\n"
        "for k in kids:\n    os.kill(k, signal.SIGKILL)\n    os.waitpid(k, 0)\n"
        "print('FORKED', len(kids), refused)\nmany = len(kids) >= 300\n"
    )
    cpukids = (
        "import os\n"
        "for i in range(4):\n    if os.fork() == 0:\n        while True:\n            pass\n"
    )
    forkbomb = (
        "import os, time\n"
        "if os.fork() == 0:  # every process forks again; at the cap they retry (slowly: the CPU budget is cpukids' test,\n"
        "    # and a few hundred processes retrying every 0.05 s spent it on a busy machine)\n"
        "    while True:\n        try:\n            os.fork()\n        except OSError:\n            time.sleep(0.5)\n"
        "most = 0\nfor i in range(12):\n    time.sleep(0.25)\n"
        "    most = max(most, sum(1 for p in os.listdir('/proc') if p.isdigit()))\n"
        "print('MOSTPROCS', most)\nescaped = most > " + str(MAX_PROCESSES) + "\n"
    )
    bigtmp = (
        "wrote = {}\n"
        "for path in ('/tmp/big', 'big.bin'):\n    n = 0\n    try:\n        with open(path, 'wb') as fh:\n"
        "            for i in range(1024):\n                fh.write(b'1' * (1 << 20))\n                n += 1\n"
        "    except OSError as exc:\n        pass\n    wrote[path] = n\n"
        "print('WROTE', json.dumps(wrote))\nbig = max(wrote.values()) >= 1024\n"
    )
    hugeout = "print('x' * 20_000_000)\nfor i in range(20000):\n    print('line', i)\n"
    links = (
        "import os\nmade = []\n"
        f"for target, name in [({str(root / 'submitted' / 'honest' / ASSIGNMENT / 'exercise.ipynb')!r}, 'other.ipynb'),\n"
        f"                     ('../../honest/{ASSIGNMENT}/exercise.ipynb', 'other2.ipynb'),\n"
        f"                     ({str(canary / 'instructor.txt')!r}, 'instructor.txt'),\n"
        f"                     ({str(root / 'gradebook.db')!r}, 'gradebook.db'),\n"
        f"                     ({str(root / 'source' / ASSIGNMENT / 'exercise.ipynb')!r}, 'leak.txt')]:\n"
        "    try:\n        os.symlink(target, name)\n        made.append(name)\n    except OSError:\n        pass\n"
        "print('LINKS', json.dumps(made))\n"
    )
    return {
        "hunter": hunt + _verdict("found"),
        "peeker": workdir_nb + _verdict("leaked"),
        "environ": environ + _verdict("leak"),
        "forkmem": forkmem + _verdict("all_lived"),
        "procs": procs + _verdict("many"),
        "cpukids": cpukids + _verdict("False"),
        "forkbomb": forkbomb + _verdict("escaped"),
        "bigtmp": bigtmp + _verdict("big"),
        "hugeout": hugeout + _verdict("False"),
        "linker": links + _verdict("False"),
    }


# Exact scores. Honest students: full or partial marks. Each attacker: 4 (the attack failed).
HONEST = {"honest": 6, "partly": 4, "daemon": 6}
EXPECTED = {**HONEST, "hunter": 4, "peeker": 4, "environ": 4, "forkmem": 4, "procs": 4, "cpukids": 4,
            "forkbomb": 4, "bigtmp": 4, "hugeout": 4, "linker": 4, "xss": 4}
# Crafted in the exchange after submitting: never collected, reported with the reason.
REJECTED = {"symlinker": "symbolic link", "fifo": "FIFO", "hardlinker": "hard link", "badstamp": "timestamp.txt",
            "nosecret": "submission_secret.txt", "dangling": "symbolic link", "bad name": "bad name"}
# extra cells: the CPU budget runs out in them, however busy the machine (each stays under the cell limit)
SLEEPY = [new_code_cell("import time\ntime.sleep(8)") for _ in range(60)]
XSS = "<script>alert('xss')</script><img src=x onerror=\"alert('xss')\">"


def _notebook(release_nb: Path, student: str, attack: str | None):
    if student == "honest" or student == "daemon":
        return student_copy(release_nb, {"answer-1": CORRECT_1, "answer-2": CORRECT_2})
    if student == "partly":
        return student_copy(release_nb, {"answer-1": CORRECT_1, "answer-2": 'clauses_post_2 = ["4(5)"]'})
    if student == "xss":
        nb = student_copy(release_nb, {"answer-1": "from IPython.display import HTML, display\n"
                                                   f"display(HTML({XSS!r}))\nverdict_post_1 = 'ok'",
                                       "answer-2": CORRECT_2, "reflect-1": XSS})
        nb.cells.append(new_markdown_cell(XSS))
        return nb
    nb = student_copy(release_nb, {"answer-1": "import json\n" + (attack or "verdict_post_1 = 'ok'"),
                                   "answer-2": CORRECT_2})
    if student == "cpukids":
        nb.cells += [nbformat.from_dict(c) for c in SLEEPY]
    return nb


def _fingerprint(*tops: Path) -> dict[str, tuple]:
    """Every path under `tops` (not following links): mode, owner, size and content hash or link target."""
    out: dict[str, tuple] = {}
    for top in tops:
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            for name in dirnames + filenames:
                p = os.path.join(dirpath, name)
                st = os.lstat(p)
                if stat.S_ISLNK(st.st_mode):
                    out[p] = ("link", os.readlink(p))
                elif stat.S_ISREG(st.st_mode):
                    h = hashlib.sha256()
                    with open(p, "rb") as fh:
                        for chunk in iter(lambda: fh.read(1 << 20), b""):
                            h.update(chunk)
                    out[p] = (stat.S_IMODE(st.st_mode), st.st_uid, st.st_size, h.hexdigest())
                else:
                    out[p] = (stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode), st.st_uid)
    return out


def _changed(before: dict, after: dict) -> set[str]:
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def _inbound_entry(exchange: Path, student: str) -> Path:
    entries = sorted((exchange / "conduct" / "inbound").glob(f"{student}+{ASSIGNMENT}+*"))
    assert len(entries) == 1, entries
    return entries[0]


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    root, canary, workspace = base / "course", base / "canary", base / "students"
    secret = f"gradebook-password-{uuid.uuid4().hex}"
    run_cli("setup", str(root), "--exercises", str(FILES), "--timeout", "10", "--cpu-seconds", str(CPU_SECONDS),
            "--memory-mb", "1024")
    with open(root / "nbgrader_config.py", "a", encoding="utf-8") as fh:
        fh.write(f"c.SandboxKernelManager.max_processes = {MAX_PROCESSES}\n")
    course = open_course(root)
    # an instructor's files outside the course, and a second copy of the exercises' source (hidden tests)
    (canary / "exercises" / "source").mkdir(parents=True)
    shutil.copytree(FILES / ASSIGNMENT, canary / "exercises" / "source" / ASSIGNMENT)
    (canary / "instructor.txt").write_text("instructor's notes\n", encoding="utf-8")
    run_cli("--course", str(root), "release", ASSIGNMENT)
    release_nb = root / "release" / ASSIGNMENT / "exercise.ipynb"
    attacks = _attacks(root, canary, secret)

    for student in HONEST:
        submit(course.exchange, "conduct", workspace, student, ASSIGNMENT, {"exercise.ipynb": _notebook(release_nb, student, None)})
    logs = {"collect_honest": _run(root, "collect", ASSIGNMENT, expect=0)}
    autograde(course, ASSIGNMENT, workers=2, students=sorted(HONEST))

    for student in [s for s in EXPECTED if s not in HONEST] + [s for s in REJECTED if s != "bad name"]:
        submit(course.exchange, "conduct", workspace, student, ASSIGNMENT,
               {"exercise.ipynb": _notebook(release_nb, student, attacks.get(student))})
    ex = course.exchange
    os.symlink(root / "submitted" / "honest" / ASSIGNMENT / "exercise.ipynb", _inbound_entry(ex, "symlinker") / "notes.txt")
    os.mkfifo(_inbound_entry(ex, "fifo") / "pipe")
    os.link(canary / "instructor.txt", _inbound_entry(ex, "hardlinker") / "instructor.txt")
    (_inbound_entry(ex, "badstamp") / "timestamp.txt").write_text("not a time at all", encoding="utf-8")
    (_inbound_entry(ex, "nosecret") / "submission_secret.txt").unlink()
    dangling = _inbound_entry(ex, "dangling")
    shutil.rmtree(dangling)
    os.symlink(base / "nowhere", dangling)
    (ex / "conduct" / "inbound" / f"bad name+{ASSIGNMENT}+2026-12-01 10:00:00.000000 UTC").mkdir()

    before = _fingerprint(root, canary)
    groups_before = limits.orphaned(cgroup_layout())  # other graders share this machine's cgroups
    os.environ["CONDUCT_TEST_GRADEBOOK_SECRET"] = secret  # as an instructor's db URL password would be
    try:
        logs["collect"] = _run(root, "collect", ASSIGNMENT, expect=1)
        collected = _fingerprint(root, canary)
        with _children_seen() as graders:  # the worker processes that make this run's cgroups
            logs["autograde"] = _run(root, "autograde", ASSIGNMENT, "--workers", "2", expect=0)
    finally:
        del os.environ["CONDUCT_TEST_GRADEBOOK_SECRET"]
    graded = _fingerprint(root, canary)
    # a submission collected by an older tool, its secret lost: feedback skips it, not everyone
    (root / "autograded" / "partly" / ASSIGNMENT / "submission_secret.txt").unlink()
    logs["feedback"] = _run(root, "feedback", ASSIGNMENT, "--partial", expect=1)
    after = _fingerprint(root, canary)
    yield {"root": root, "course": course, "canary": canary, "logs": logs, "secret": secret,
           "graders": graders, "groups": {g for g in limits.orphaned(cgroup_layout()) - groups_before if _creator(g) in graders},
           "before": before, "collected": collected, "graded": graded, "after": after}


class _Tags(HTMLParser):
    """Event-handler attributes and script bodies of a page, as a browser would see them."""

    def __init__(self):
        super().__init__()
        self.handlers: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.handlers += [f"{tag} {k}" for k, _ in attrs if k.lower().startswith("on")]
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


@contextlib.contextmanager
def _children_seen(every: float = 0.02):
    """The PIDs of this process's children while the block runs (polled from /proc).

    Other test files on the other xdist worker also grade (and one kills a grader with SIGKILL, whose
    groups stay until a later run sweeps them), so the cgroup check must look at this run's groups only:
    a group's name carries the PID of the worker that made it.
    """
    seen: set[int] = set()
    stop = threading.Event()
    me = os.getpid()

    def poll() -> None:
        while not stop.is_set():
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    try:
                        fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                    except (OSError, IndexError):
                        continue
                    if int(fields[1]) == me:
                        seen.add(int(entry.name))
            stop.wait(every)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join()


def _creator(group: Path) -> int:
    return int(group.name[len(limits.PREFIX):].split("-", 1)[0])


def _run(root: Path, *args: str, expect: int) -> str:
    """The CLI in process, with what it printed (stdout and stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--lang", "en", "--course", str(root), *args])
    text = out.getvalue() + err.getvalue()
    assert code == expect, f"conduct-course {' '.join(args)} exited {code}, expected {expect}\n{text}"
    return text


def _outputs(root: Path, student: str, grade_id: str | None = None) -> str:
    nb = nbformat.read(root / "autograded" / student / ASSIGNMENT / "exercise.ipynb", as_version=4)
    cells = [cell_by_id(nb, grade_id)] if grade_id else nb.cells
    return "".join(o.get("text", "") + " ".join(o.get("traceback", [])) + o.get("ename", "") + o.get("evalue", "")
                   for c in cells for o in c.get("outputs", []))


def _printed(root: Path, student: str, label: str):
    text = _outputs(root, student, "answer-1")
    return text.split(label + " ", 1)[1].splitlines()[0]


@pytest.mark.parametrize("student", sorted(EXPECTED))
def test_exact_score(cohort, student):
    with Gradebook(cohort["course"].db_url) as gb:
        sub = gb.find_submission(ASSIGNMENT, student)
        assert (sub.score, sub.max_score) == (EXPECTED[student], 8)


def test_rejected_submissions_are_reported_and_never_graded(cohort):
    log = cohort["logs"]["collect"]
    for student, reason in REJECTED.items():
        line = next((ln for ln in log.splitlines() if ln.startswith(f"{student}: skipped")), "")
        assert reason in line, (student, log)
        assert not (cohort["root"] / "submitted" / student).exists()
        with Gradebook(cohort["course"].db_url) as gb, pytest.raises(MissingEntry):
            gb.find_submission(ASSIGNMENT, student)
    expected_count = len(EXPECTED) - len(HONEST)
    assert f"collected {expected_count} submission(s), skipped {len(REJECTED)}" in log


def test_submission_owned_by_another_user_is_collected_with_a_warning(cohort):
    log = cohort["logs"]["collect_honest"]
    assert "daemon: warning (fixture): file . belongs to user root, not to daemon" in log
    assert not any(ln.startswith(("honest: warning", "partly: warning")) for ln in log.splitlines())


def test_nothing_outside_the_attackers_autograded_folders_changed(cohort):
    root = cohort["root"]
    # collect wrote only the attackers' new submitted folders
    for path in _changed(cohort["before"], cohort["collected"]):
        rel = Path(path).relative_to(root).parts if path.startswith(str(root)) else ("outside",)
        assert rel[0] == "submitted" and rel[1] in EXPECTED and rel[1] not in HONEST, path
    # autograde wrote only the attackers' autograded folders, the gradebook and the journal
    for path in _changed(cohort["collected"], cohort["graded"]):
        rel = Path(path).relative_to(root).parts if path.startswith(str(root)) else ("outside",)
        ok = (rel[0] == "autograded" and rel[1] not in HONEST and rel[1] in EXPECTED) or \
             rel[0] == ".conduct" or rel[0].startswith("gradebook.db")
        assert ok, path
    # feedback wrote feedback only
    for path in _changed(cohort["graded"], cohort["after"]):
        rel = Path(path).relative_to(root).parts if path.startswith(str(root)) else ("outside",)
        assert rel[0] == "feedback" or rel[:3] == ("exchange", "conduct", "feedback") or \
            path == str(root / "autograded" / "partly" / ASSIGNMENT / "submission_secret.txt"), path
    assert cohort["after"][str(cohort["canary"] / "instructor.txt")] == cohort["before"][str(cohort["canary"] / "instructor.txt")]


def test_course_is_private_and_gradebook_0600(cohort):
    root = cohort["root"]
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    assert stat.S_IMODE((root / "gradebook.db").stat().st_mode) == 0o600


def test_no_copy_of_the_hidden_tests_was_found(cohort):
    assert json.loads(_printed(cohort["root"], "hunter", "FOUND")) == []
    here = json.loads(_printed(cohort["root"], "peeker", "HERE"))
    assert json.loads(_printed(cohort["root"], "peeker", "LEAKED")) == []
    assert "exercise.ipynb" not in here and "timestamp.txt" in here  # its own files, never the notebook


def test_sandbox_environment_holds_no_secret(cohort):
    seen = json.loads(_printed(cohort["root"], "environ", "ENVIRON"))
    assert cohort["secret"] not in seen and "CONDUCT_TEST_GRADEBOOK_SECRET" not in seen
    assert "HOME=/tmp" in seen  # it did read the environments (its own and the sandbox's PID 1)


def test_memory_limit_holds_for_all_children_together(cohort):
    codes = json.loads(_printed(cohort["root"], "forkmem", "CHILDREN"))
    assert len(codes) == 6 and any(os.WIFSIGNALED(c) and os.WTERMSIG(c) == 9 for c in codes), codes


def test_process_count_is_capped(cohort):
    forked, _, refused = _printed(cohort["root"], "procs", "FORKED").partition(" ")
    assert int(forked) < MAX_PROCESSES and "Resource temporarily unavailable" in refused
    assert int(_printed(cohort["root"], "forkbomb", "MOSTPROCS")) <= MAX_PROCESSES


def test_cpu_time_counts_every_child_and_stops_the_sandbox(cohort):
    reason = t("sandbox.stopped_cpu", os.environ.get("CONDUCT_LANG", "vi") if os.environ.get("CONDUCT_LANG") in ("vi", "en") else "vi",
               seconds=CPU_SECONDS)
    text = _outputs(cohort["root"], "cpukids")
    assert "KernelStopped" in text and reason in text


def test_tmp_and_working_folder_are_capped_and_thrown_away(cohort):
    wrote = json.loads(_printed(cohort["root"], "bigtmp", "WROTE"))
    assert wrote["/tmp/big"] < 100 and wrote["big.bin"] < 100, wrote
    for student in EXPECTED:
        folder = cohort["root"] / "autograded" / student / ASSIGNMENT
        assert sorted(p.name for p in folder.iterdir()) == ["exercise.ipynb", "submission_secret.txt", "timestamp.txt"] \
            or student == "partly", (student, list(folder.iterdir()))


def test_huge_output_is_cut_with_a_note(cohort):
    nb_file = cohort["root"] / "autograded" / "hugeout" / ASSIGNMENT / "exercise.ipynb"
    assert nb_file.stat().st_size < 1_500_000
    note = t("sandbox.output_truncated_cell", "vi", chars=100_000).split("{")[0][:30]
    html = (cohort["root"] / "feedback" / "hugeout" / ASSIGNMENT / "exercise.html").read_text(encoding="utf-8")
    assert note in _outputs(cohort["root"], "hugeout", "answer-1") and note in html


def test_links_made_by_student_code_never_reach_the_course(cohort):
    assert len(json.loads(_printed(cohort["root"], "linker", "LINKS"))) == 5  # made inside the sandbox...
    for top in ("autograded", "feedback"):  # ...and thrown away with it
        assert not [p for p in (cohort["root"] / top / "linker").rglob("*") if p.is_symlink()]
    for student in EXPECTED:  # nbgrader copies the autograded folder's other files into feedback/
        if student != "partly":
            assert sorted(p.name for p in (cohort["root"] / "feedback" / student / ASSIGNMENT).iterdir()) == \
                ["exercise.html", "submission_secret.txt", "timestamp.txt"], student


def test_feedback_is_sanitized_and_skips_only_the_broken_student(cohort):
    root, log = cohort["root"], cohort["logs"]["feedback"]
    assert (root / "feedback" / "xss" / ASSIGNMENT / "exercise.html").is_file(), log
    html = (root / "feedback" / "xss" / ASSIGNMENT / "exercise.html").read_text(encoding="utf-8")
    assert "Score: 4.0 / 8.0" in html
    tags = _Tags()
    tags.feed(html)
    assert tags.handlers == [] and not [s for s in tags.scripts if "xss" in s]
    assert "alert" in html  # the student's code is still shown, as text
    assert "partly: skipped (fixture): submission_secret.txt is missing" in log
    assert not (root / "feedback" / "partly").exists()
    for student in EXPECTED:
        if student != "partly":
            assert f"Score: {float(EXPECTED[student])} / 8.0" in \
                (root / "feedback" / student / ASSIGNMENT / "exercise.html").read_text(encoding="utf-8"), student


def test_every_sandbox_cgroup_was_removed(cohort):
    assert len(cohort["graders"]) >= 2, "the two grading workers were not seen: the check below would prove nothing"
    assert cohort["groups"] == set()  # each sandbox's group, in every hierarchy, went with it
