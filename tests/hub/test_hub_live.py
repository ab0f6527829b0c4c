"""A course on a real JupyterHub, start to finish, with a PostgreSQL gradebook (issue 11).

One module-scoped cohort (slow to build: a PostgreSQL cluster, the hub, four servers): an
instructor and three learners, system accounts with unique names made by `conduct-course hub
setup` from a roster, signing in with their system passwords (PAM) through the hub's login form.
The tests run in order, as a course does: sign in and land on the learner app, answer a lesson,
fetch and submit the final assignment through nbgrader's assignment list, collect and autograde
(2 workers, sandboxed) into PostgreSQL, release feedback, restart the hub, issue certificates. The
third learner's answer cell is hostile: it probes for the gradebook, its credentials, the
exchange and the others' files, from its own server and again inside the autograding sandbox.
"""
from __future__ import annotations

import csv
import html
import json
import os
import pwd
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from live import REPO, Hub, PgCluster, chp_path, free_port, hub_venv, missing_requirements, remove_user, unique
from nbgrader.api import Gradebook

from grading import certificates, cli
from grading.course import Course, load_config
from grading.hub import cgroups
from grading.hub.client import Learner
from grading.hub.settings import SETTINGS_NAME, HubSettings, load_settings
from grading.hub.setup import PASSWORDS_NAME

FILES = Path(__file__).resolve().parent / "files"
ASSIGNMENT = "final-hub"
COURSE_ID = "conduct"
HOME_PAGE = "vi/00-Bat-Dau-Tu-Day.ipynb"
MEM_LIMIT = "700M"
# What each learner writes in the two answer cells, and the exact score it earns (6 points in all:
# verdict 1 + 2, clauses 1 + 2). The third learner's verdict is not a verdict, and her cell probes.
ANSWERS = {
    "a": ('verdict_post_1 = "violation"', "clauses_post_2 = ['4(5)', '4(6)']", 6.0),
    "b": ('verdict_post_1 = "violation"', 'clauses_post_2 = ["4(1)"]', 4.0),
    "c": (None, 'clauses_post_2 = ["4(6)", "4(5)"]', 3.0),
}


def probe_code(targets: dict[str, str], pg_port: int) -> str:
    """Code a hostile learner runs: report what it could read, list or connect to (as JSON)."""
    return f'''
import json, os, socket
_targets = {targets!r}
_found = {{}}
for _name, _path in _targets.items():
    try:
        if os.path.isdir(_path):
            _found[_name] = "listed:" + ",".join(sorted(os.listdir(_path)))
        else:
            with open(_path, "rb") as _f:
                _found[_name] = "read:" + _f.read(200).decode("utf-8", "replace")
    except Exception as _e:
        _found[_name] = "denied:" + type(_e).__name__
try:
    socket.create_connection(("127.0.0.1", {pg_port}), timeout=3).close()
    _found["pg_tcp"] = "connected"
except Exception as _e:
    _found["pg_tcp"] = "denied:" + type(_e).__name__
try:
    import psycopg
    psycopg.connect(host="127.0.0.1", port={pg_port}, user="{COURSE_ID}_gradebook", dbname="{COURSE_ID}_gradebook",
                    connect_timeout=3).close()
    _found["pg_login"] = "logged-in"
except Exception as _e:
    _found["pg_login"] = "denied:" + type(_e).__name__
_found["env"] = {{k: v for k, v in os.environ.items() if any(s in (k + v).lower() for s in ("gradebook", "postgres", "pgpass", "password"))}}
print("PROBE" + json.dumps(_found))
'''


def probe_result(text: str) -> dict:
    line = next(ln for ln in text.splitlines() if ln.startswith("PROBE"))
    return json.loads(line[len("PROBE"):])


@dataclass
class Cohort:
    venv: Path
    pg: PgCluster
    tmp: Path
    settings: HubSettings
    hub: Hub
    instructor: str
    students: dict[str, str]                       # "a" -> system user name
    passwords: dict[str, str]
    clients: dict[str, Learner] = field(default_factory=dict)
    seen: dict[str, object] = field(default_factory=dict)

    @property
    def course(self) -> Course:
        return Course(Path(self.settings.course_root))

    def db_url(self) -> str:
        return load_config(self.course).CourseDirectory.db_url

    def instructor_runs(self, *args: str, expect: int = 0) -> str:
        """Run conduct-course as the instructor does: in their own server on the hub (a kernel, as a
        JupyterLab terminal would), so autograding runs inside the cgroup the hub made for them."""
        teacher = self.client("instructor")
        if "kernel" not in self.seen:
            teacher.wait_ready()
            self.seen["kernel"] = teacher.start_kernel()
        cmd = [str(self.venv / "bin" / "conduct-course"), "--lang", "en", "--course", self.settings.course_root, *args]
        out = teacher.run(str(self.seen["kernel"]), "import json, subprocess\n"
                          f"r = subprocess.run({cmd!r}, capture_output=True, text=True)\n"
                          "print(json.dumps([r.returncode, r.stdout, r.stderr]))", timeout=900)
        assert out.error is None, out.error
        code, stdout, stderr = json.loads(out.stdout.strip().splitlines()[-1])
        assert code == expect, f"conduct-course {' '.join(args)}: {code}\n{stdout}\n{stderr}"
        return stdout

    def client(self, key: str) -> Learner:
        if key not in self.clients:
            name = self.instructor if key == "instructor" else self.students[key]
            learner = Learner(self.hub.url, name)
            learner.sign_in(self.passwords[name])
            self.clients[key] = learner
        return self.clients[key]


@pytest.fixture(scope="module")
def cohort():
    venv = hub_venv()
    reason = missing_requirements(venv)
    if reason:
        pytest.skip(reason)
    tmp = Path(tempfile.mkdtemp(prefix="conduct-hubtest-"))
    os.chmod(tmp, 0o755)
    pg = PgCluster()
    instructor = unique("ci")
    students = {k: unique("cs") for k in ANSWERS}
    roster = tmp / "roster.csv"
    roster.write_text("id,first_name,last_name,email\n" + "".join(
        f"{name},Học viên,{k.upper()},\n" for k, name in students.items()), encoding="utf-8")
    settings = HubSettings(
        hub_dir=str(tmp / "hub"), venv=str(venv), notebooks=str(REPO / "notebooks"),
        course_root=f"/home/{instructor}/course", exchange_root=str(tmp / "exchange"),
        proxy_command=str(chp_path(venv)), instructors=(instructor,), learners=(), course_id=COURSE_ID,
        home_page=HOME_PAGE, ip="127.0.0.1", port=free_port(), hub_port=free_port(), proxy_api_port=free_port(),
        mem_limit=MEM_LIMIT, cpu_limit=1.0, cgroup_prefix=unique("conduct-hubtest-"))
    hub = Hub(Path(settings.hub_dir), venv, settings.port)
    state = None
    try:
        os.environ["PATH"] = f"{venv / 'bin'}:{os.environ['PATH']}"  # nbgrader's gradebook runs `alembic`
        # the instructor's one command, as README "On a server" shows it
        assert cli.main(["--lang", "en", "hub", "setup", "--hub-dir", settings.hub_dir, "--instructor", instructor,
                         "--roster", str(roster), "--exchange", settings.exchange_root, "--exercises", str(FILES),
                         "--ip", "127.0.0.1", "--port", str(settings.port), "--hub-port", str(settings.hub_port),
                         "--proxy-api-port", str(settings.proxy_api_port), "--mem-limit", MEM_LIMIT,
                         "--pg-socket", str(pg.socket_dir), "--pg-port", str(pg.port), "--home-page", HOME_PAGE,
                         "--cgroup-prefix", settings.cgroup_prefix, "--venv", str(venv),
                         "--proxy", settings.proxy_command]) == 0
        assert load_settings(Path(settings.hub_dir) / SETTINGS_NAME) == replace(
            settings, learners=tuple(sorted(students.values())))
        with open(tmp / "hub" / PASSWORDS_NAME, encoding="utf-8") as f:
            passwords = {r["user"]: r["password"] for r in csv.DictReader(f)}
        hub.start()
        state = Cohort(venv, pg, tmp, settings, hub, instructor, students, passwords)
        state.instructor_runs("release", ASSIGNMENT)
        yield state
    finally:
        hub.stop()
        for name in (instructor, *students.values()):
            try:
                dirs = cgroups.group_dirs(f"{settings.cgroup_prefix}-{name}")
                remove_user(name)
                cgroups.remove([d for d in dirs if d.exists()])
            except Exception:  # noqa: BLE001 - teardown goes on with the next user
                remove_user(name)
        pg.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def test_learners_sign_in_with_their_system_password_and_land_on_the_learner_app(cohort):
    for key, name in cohort.students.items():
        learner = cohort.client(key)
        learner.wait_ready()
        page = learner.home()
        assert page.status_code == 200
        assert page.url.endswith(f"/user/{name}/voila/render/{HOME_PAGE}")
        assert "voila" in page.text.lower()
    with pytest.raises(Exception, match="sign-in refused"):
        Learner(cohort.hub.url, cohort.students["a"]).sign_in("not-the-password")


def test_instructor_gets_jupyterlab_and_the_formgrader_learners_do_not(cohort):
    teacher = cohort.client("instructor")
    teacher.wait_ready()
    assert teacher.home().url.endswith(f"/user/{cohort.instructor}/lab")
    assert teacher.api("GET", f"{teacher.prefix}/formgrader").status_code == 200
    learner = cohort.client("a")
    assert learner.api("GET", f"{learner.prefix}/formgrader").status_code == 404
    services = teacher.api("GET", "/hub/api/services").json()
    assert "idle-culler" in services  # the culler runs as a hub service


def test_each_server_runs_inside_its_own_memory_and_cpu_limits(cohort):
    name = cohort.students["b"]
    dirs = cgroups.group_dirs(f"{cohort.settings.cgroup_prefix}-{name}")
    uid = pwd.getpwnam(name).pw_uid
    pids = cgroups.members(dirs)
    assert pids and all(os.stat(f"/proc/{p}").st_uid == uid for p in pids)
    memory = next(d for d in dirs if cgroups.controller_of(d) in ("memory", "v2"))
    limit_file = memory / ("memory.limit_in_bytes" if (memory / "memory.limit_in_bytes").exists() else "memory.max")
    assert int(limit_file.read_text()) == 700 * 1024 * 1024
    learner = cohort.client("b")
    kernel = learner.start_kernel()
    # A kernel that asks for more than the server's limit is stopped; the server itself lives on.
    hog = learner.run(kernel, "x = bytearray(900 * 1024 * 1024)\nprint('allocated')", timeout=90)
    assert "allocated" not in hog.stdout and hog.error and "KernelDied" in hog.error
    events = memory / ("memory.oom_control" if (memory / "memory.oom_control").exists() else "memory.events")
    kills = dict(line.split() for line in events.read_text().splitlines())
    assert int(kills["oom_kill"]) >= 1
    learner.stop_kernel(kernel)
    assert learner.api("GET", f"{learner.prefix}/api/status").status_code == 200


def test_lesson_answers_are_saved_in_each_learners_own_home(cohort):
    for key, name in cohort.students.items():
        learner = cohort.client(key)
        kernel = learner.start_kernel()
        out = learner.run(kernel, (
            "from conduct.progress import ProgressStore, default_path\n"
            f"ProgressStore().record('hub-lesson', 'post-1', '{key}-answer', True, ['4(5)'])\n"
            "print(default_path())"))
        learner.stop_kernel(kernel)
        assert out.error is None, out.error
        path = Path(out.stdout.strip())
        assert path == Path(pwd.getpwnam(name).pw_dir) / ".conduct" / "progress.json"
        assert os.stat(path).st_uid == pwd.getpwnam(name).pw_uid
        assert f"{key}-answer" in path.read_text(encoding="utf-8")
        cohort.seen[f"progress-{key}"] = str(path)


def test_learners_fetch_and_submit_the_assignment_through_the_hub(cohort):
    for key, (verdict, clauses, _) in ANSWERS.items():
        learner = cohort.client(key)
        learner.assignment("fetch", COURSE_ID, ASSIGNMENT)
        nb = learner.get_file(f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb")["content"]
        for cell in nb["cells"]:
            grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
            if grade_id == "answer-1":
                cell["source"] = verdict or (probe_code(_targets(cohort, key, "sandbox"), cohort.pg.port)
                                             + '\nverdict_post_1 = "maybe"')
            elif grade_id == "answer-2":
                cell["source"] = clauses
        learner.put_notebook(f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb", nb)
        listed = learner.assignment("submit", COURSE_ID, ASSIGNMENT)
        assert any(a.get("status") == "submitted" for a in listed["value"]), listed


def _targets(cohort: Cohort, key: str, where: str) -> dict[str, str]:
    other = cohort.students["a" if key != "a" else "b"]
    exchange = Path(cohort.settings.exchange_root) / COURSE_ID
    return {
        "other_progress": f"/home/{other}/.conduct/progress.json",
        "other_home": f"/home/{other}",
        "course_config": f"{cohort.settings.course_root}/nbgrader_config.py",
        "course_folder": cohort.settings.course_root,
        "inbound": str(exchange / "inbound"),
        "feedback": str(exchange / "feedback"),
        "hub_settings": str(Path(cohort.settings.hub_dir) / "hub_settings.json"),
        "passwords": str(Path(cohort.settings.hub_dir) / PASSWORDS_NAME),
        "other_feedback": f"/home/{other}/{ASSIGNMENT}/feedback",
    }


def test_a_learners_own_server_cannot_reach_others_files_or_the_gradebook(cohort):
    learner = cohort.client("c")
    kernel = learner.start_kernel()
    out = learner.run(kernel, probe_code(_targets(cohort, "c", "server"), cohort.pg.port))
    learner.stop_kernel(kernel)
    found = probe_result(out.stdout)
    for name in ("other_progress", "other_home", "course_config", "course_folder", "inbound", "feedback",
                 "hub_settings", "passwords", "other_feedback"):
        assert found[name].startswith("denied:PermissionError") or found[name].startswith("denied:FileNotFound"), \
            (name, found[name])
    assert found["pg_tcp"] == "connected"  # the server listens on this machine...
    assert found["pg_login"].startswith("denied:")  # ...but without the password nobody gets in
    assert found["env"] == {}


def test_instructor_autogrades_with_two_workers_into_the_postgresql_gradebook(cohort):
    assert cohort.db_url().startswith("postgresql+psycopg://")
    cohort.instructor_runs("collect", ASSIGNMENT)
    out = cohort.instructor_runs("autograde", ASSIGNMENT, "--workers", "2")
    assert "3 graded" in out or "graded" in out
    with Gradebook(cohort.db_url()) as gb:
        scores = {s.student.id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
    assert scores == {cohort.students[k]: expected for k, (_, _, expected) in ANSWERS.items()}


def test_student_code_being_autograded_sees_no_gradebook_credentials_exchange_or_others(cohort):
    name = cohort.students["c"]
    graded = cohort.course.step("autograded") / name / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nb = json.loads(graded.read_text(encoding="utf-8"))
    cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "answer-1")
    text = "".join("".join(o["text"]) for o in cell["outputs"] if o["output_type"] == "stream")
    found = probe_result(text)
    for key, value in found.items():
        if key in ("pg_tcp", "pg_login"):
            assert value.startswith("denied:"), (key, value)  # no network inside the sandbox
        elif key == "env":
            assert value == {}
        elif key == "course_folder":  # empty but for the paths down to what the sandbox binds back
            # (the submission's own folder, the kernel's connection folder under .conduct/)
            assert set(value.removeprefix("listed:").split(",")) <= {"", "autograded", ".conduct"}, (key, value)
        else:  # hidden (an empty folder or nothing) or refused: never the real contents
            assert value.startswith("denied:") or value == "listed:", (key, value)


def test_feedback_is_released_and_each_learner_sees_only_their_own(cohort):
    cohort.instructor_runs("feedback", ASSIGNMENT)
    for key, name in cohort.students.items():
        learner = cohort.client(key)
        learner.assignment("fetch_feedback", COURSE_ID, ASSIGNMENT)
        folder = Path(pwd.getpwnam(name).pw_dir) / ASSIGNMENT / "feedback"
        pages = list(folder.rglob(f"{ASSIGNMENT}.html"))
        assert len(pages) == 1, pages
        text = html.unescape(re.sub(r"<[^>]+>", "", pages[0].read_text(encoding="utf-8")))
        assert re.search(rf"Score:\s*{ANSWERS[key][2]:g}(\.0)?\s*/\s*6", text), text[:2000]
        own = ANSWERS[key][1].split(" = ")[1]  # each learner's clause answer is written differently
        others = [a[1].split(" = ")[1] for k2, a in ANSWERS.items() if k2 != key]
        assert own in text and not any(o in text for o in others)
    learner = cohort.client("a")
    kernel = learner.start_kernel()
    found = probe_result(learner.run(kernel, probe_code(_targets(cohort, "a", "server"), cohort.pg.port)).stdout)
    learner.stop_kernel(kernel)
    assert found["other_feedback"].startswith("denied:") and found["feedback"].startswith("denied:")


def test_restarting_the_hub_loses_no_progress_submission_or_grade(cohort):
    cohort.hub.stop()
    cohort.hub.start()
    for key in cohort.students:
        learner = cohort.client(key)
        learner.wait_ready()  # the servers kept running; the new hub found them again
        kernel = learner.start_kernel()
        out = learner.run(kernel, "from conduct.progress import ProgressStore\n"
                                  "print([a.answer for a in ProgressStore().answers('hub-lesson')])")
        learner.stop_kernel(kernel)
        assert out.stdout.strip() == str([f"{key}-answer"])
        listed = learner.api("GET", f"{learner.prefix}/assignments", params={"course_id": COURSE_ID}).json()
        assert any(a.get("status") == "submitted" for a in listed["value"])
    Learner(cohort.hub.url, cohort.students["a"]).sign_in(cohort.passwords[cohort.students["a"]])  # still works
    with Gradebook(cohort.db_url()) as gb:
        scores = {s.student.id: s.score for s in gb.assignment_submissions(ASSIGNMENT)}
    assert scores == {cohort.students[k]: expected for k, (_, _, expected) in ANSWERS.items()}


def test_certificates_go_to_those_who_passed_and_verify_against_the_gradebook(cohort):
    out_dir = f"/home/{cohort.instructor}/certificates"
    out = cohort.instructor_runs("certificates", ASSIGNMENT, "--issuer", "Trung tâm Bồi dưỡng (test)",
                                 "--out", out_dir, "--pass-percent", "70")
    passed = cohort.students["a"]  # 6/6; b has 4/6 (67 %), c 3/6
    pdfs = sorted(p.name for p in Path(out_dir).glob("*.pdf"))
    assert pdfs == [f"{passed}-{ASSIGNMENT}.pdf"], out
    assert Path(out_dir, pdfs[0]).read_bytes().startswith(b"%PDF")
    engine = sa.create_engine(cohort.db_url())
    with engine.connect() as conn:
        rows = conn.execute(sa.select(certificates.certificates)).all()
    engine.dispose()
    assert [(r.student_id, r.score) for r in rows] == [(passed, 6.0)]
    code = rows[0].code
    valid = cohort.instructor_runs("verify", code.lower().replace("-", " "))
    assert valid.startswith("VALID") and passed in valid
    assert cohort.instructor_runs("verify", "0000-0000-0000", expect=1).startswith("UNKNOWN")
    again = cohort.instructor_runs("certificates", ASSIGNMENT, "--issuer", "x", "--out", out_dir)
    assert "(0 new)" in again  # issuing again keeps the code already given
