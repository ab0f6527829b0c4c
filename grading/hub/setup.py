"""From one machine to a hub: `conduct-course hub setup`, step by step.

Each step is idempotent (run it again after adding learners to the roster) and needs root, since
it creates system accounts and a PostgreSQL role:

1. `postgres_gradebook`: a PostgreSQL role and database for the gradebook, through `psql` as the
   `postgres` superuser (peer authentication on the server's socket). The role's password is new
   and random and is written only into the course's nbgrader_config.py (mode 0600, owned by the
   instructor); a rerun keeps the password the course already has. The URL uses TCP on 127.0.0.1:
   the autograding sandbox has no network at all, and a learner on this machine needs the password.
2. `add_users`: one system account per roster id and per instructor, each home private (0700).
   New accounts get a random first password, listed in `initial-passwords.csv` (mode 0600) for the
   instructor to hand out.
3. `prepare_course`: the instructor's course folder (conduct-course setup), owned by them, private,
   pointing at the PostgreSQL gradebook and the shared exchange, with the exchange and the hub
   hidden from autograded code too; the roster imported into the gradebook.
4. `prepare_exchange`: nbgrader's exchange root, world-writable with the sticky bit, as nbgrader's
   documentation asks for a shared server (students create their submission folders there; the
   sticky bit stops them removing anyone else's).
5. `write_hub`: hub_settings.json, deploy/jupyterhub_config.py (copied once, never overwritten) and
   the per-role Jupyter config folders the spawner points each server at.
"""

from __future__ import annotations

import csv
import json
import os
import pwd
import re
import secrets
import shutil
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

from conduct.app.server import TEMPLATE
from grading.course import Course, load_config, setup_course
from grading.hub.settings import SETTINGS_NAME, HubSettings
from grading.roster import import_roster, read_roster

DEPLOY = Path(__file__).resolve().parent.parent.parent / "deploy"
CONFIG_NAME = "jupyterhub_config.py"
PASSWORDS_NAME = "initial-passwords.csv"
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class HubSetupError(RuntimeError):
    """A step could not be done; the message says what it needs."""


@dataclass(frozen=True)
class Postgres:
    """How to reach the PostgreSQL server as its superuser (peer authentication over the socket)."""

    socket_dir: str = "/var/run/postgresql"
    port: int = 5432
    superuser: str = "postgres"
    tcp_host: str = "127.0.0.1"

    def psql(self, sql: str, database: str = "postgres") -> str:
        cmd = [
            "runuser",
            "-u",
            self.superuser,
            "--",
            "psql",
            "-h",
            self.socket_dir,
            "-p",
            str(self.port),
            "-d",
            database,
            "-X",
            "-q",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            sql,
        ]
        run = subprocess.run(cmd, capture_output=True, text=True, cwd="/")
        if run.returncode != 0:
            raise HubSetupError(
                f"psql failed ({run.stderr.strip() or run.returncode}): is PostgreSQL running "
                f"with its socket in {self.socket_dir}, port {self.port}?"
            )
        return run.stdout.strip()


def _need_root() -> None:
    if os.geteuid() != 0:
        raise HubSetupError("hub setup creates system accounts and a database role: run it as root")


def gradebook_url(pg: Postgres, role: str, password: str, database: str) -> str:
    return f"postgresql+psycopg://{role}:{password}@{pg.tcp_host}:{pg.port}/{database}"


def existing_password(course_root: Path, role: str) -> str | None:
    """The gradebook password the course's config already holds for `role`, if any."""
    if not (course_root / "nbgrader_config.py").is_file():
        return None
    url = load_config(Course(course_root)).CourseDirectory.get("db_url") or ""
    m = re.match(rf"^postgresql\+psycopg://{re.escape(role)}:([^@]+)@", url)
    return m.group(1) if m else None


def postgres_gradebook(pg: Postgres, course_id: str, course_root: Path) -> str:
    """Create or update the gradebook's role and database; return the SQLAlchemy URL."""
    _need_root()
    role = database = f"{course_id.replace('-', '_')}_gradebook"
    if not _IDENT.match(role):
        raise HubSetupError(f"course id {course_id!r} does not make a PostgreSQL name (use letters, digits, '_')")
    try:  # peer authentication would let a system user of the same name in without a password
        pwd.getpwnam(role)
        raise HubSetupError(f"a system user is named {role!r}, like the gradebook's role: rename one of them")
    except KeyError:
        pass
    password = existing_password(course_root, role) or secrets.token_urlsafe(24)
    verb = "ALTER" if pg.psql(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'") else "CREATE"
    pg.psql(f"{verb} ROLE {role} LOGIN PASSWORD '{password}'")
    if not pg.psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'"):
        pg.psql(f"CREATE DATABASE {database} OWNER {role} ENCODING 'UTF8' TEMPLATE template0")
    pg.psql(f"REVOKE ALL ON DATABASE {database} FROM PUBLIC")
    return gradebook_url(pg, role, password, database)


def add_users(names: list[str], hub_dir: Path) -> list[str]:
    """Create missing system accounts with private homes; return the names created."""
    _need_root()
    created: list[tuple[str, str]] = []
    for name in names:
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            run = subprocess.run(
                ["useradd", "--create-home", "--shell", "/bin/bash", name], capture_output=True, text=True
            )
            if run.returncode != 0:
                raise HubSetupError(f"useradd {name} failed: {run.stderr.strip()}") from None
            password = secrets.token_urlsafe(9)
            subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
            created.append((name, password))
            entry = pwd.getpwnam(name)
        os.chmod(entry.pw_dir, 0o700)  # Debian's useradd leaves homes readable by everyone
    if created:
        path = hub_dir / PASSWORDS_NAME
        new = not path.exists()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            if new:
                w.writerow(["user", "password"])
            w.writerows(created)
    return [n for n, _ in created]


def learners_from_roster(roster: Path) -> list[str]:
    """The roster's ids, which must also be valid system user names."""
    good, bad = read_roster(roster)
    if bad:
        raise HubSetupError(f"{roster}: {len(bad)} bad row(s), first: row {bad[0].row}: {bad[0].reason}")
    unusable = [s.id for s in good if not re.match(r"^[a-z_][a-z0-9_-]{0,31}$", s.id)]
    if unusable:
        raise HubSetupError(
            f"{roster}: id(s) {', '.join(unusable[:5])} cannot be system user names "
            "(lowercase letters, digits, '_' and '-' only, starting with a letter)"
        )
    return [s.id for s in good]


def prepare_exchange(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    os.chmod(root, 0o1777)


def prepare_course(
    course_root: Path,
    owner: str,
    db_url: str,
    course_id: str,
    exchange: Path,
    hide: list[str],
    exercises: str | None = None,
    roster: Path | None = None,
) -> Course:
    """The instructor's course folder, private to them, on the PostgreSQL gradebook."""
    course, _, _ = setup_course(course_root, exercises, course_id=course_id, db_url=db_url)
    config = course.config.read_text(encoding="utf-8")
    marker = "# --- on the hub (written by conduct-course hub setup) ---"
    block = (
        f"\n{marker}\nc.CourseDirectory.db_url = {db_url!r}\nc.Exchange.root = {str(exchange)!r}\n"
        f"c.SandboxKernelManager.hidden_paths = list(c.SandboxKernelManager.hidden_paths) + {hide!r}\n"
    )
    config = (config.split("\n" + marker)[0].rstrip("\n") + "\n") + block
    course.config.write_text(config, encoding="utf-8")
    if roster is not None:
        import_roster(db_url, roster, course.state)  # .conduct/roster.json: export and report count the roster
    entry = pwd.getpwnam(owner)
    for folder, _, files in os.walk(course.root):
        os.chown(folder, entry.pw_uid, entry.pw_gid)
        for f in files:
            os.chown(os.path.join(folder, f), entry.pw_uid, entry.pw_gid)
    os.chmod(course.root, 0o700)
    os.chmod(course.config, 0o600)  # it holds the gradebook's password
    return course


def role_configs(settings: HubSettings) -> dict[str, dict[str, dict]]:
    """{role: {file name: JSON}}: the Jupyter config each role's servers read."""
    nbgrader = {"Exchange": {"root": settings.exchange_root}, "CourseDirectory": {"course_id": settings.course_id}}
    voila = {"template": TEMPLATE, "show_tracebacks": False}  # the learner app's look, as `./course start`
    learner_server = {
        "ServerApp": {
            "jpserver_extensions": {
                "nbgrader.server_extensions.formgrader": False,
                "nbgrader.server_extensions.create_assignment": False,
                "nbgrader.server_extensions.course_list": False,
            }
        },
        "VoilaConfiguration": voila,
    }
    # JupyterHub >= 4.1 forbids framing; nbgrader's formgrader shows pages in a frame of the same server.
    instructor_server = {
        "ServerApp": {"tornado_settings": {"headers": {"Content-Security-Policy": "frame-ancestors 'self'"}}},
        "VoilaConfiguration": voila,
    }
    instructor_nbgrader = {**nbgrader, "CourseDirectory": {**nbgrader["CourseDirectory"], "root": settings.course_root}}
    return {
        "learner": {"jupyter_server_config.json": learner_server, "nbgrader_config.json": nbgrader},
        "instructor": {"jupyter_server_config.json": instructor_server, "nbgrader_config.json": instructor_nbgrader},
    }


def write_hub(settings: HubSettings) -> Path:
    """Write the settings, the per-role configs and (once) the hub config; return the config's path."""
    hub = Path(settings.hub_dir)
    hub.mkdir(parents=True, exist_ok=True)
    os.chmod(hub, 0o755)  # servers read jupyter/<role>/ from here; secrets inside are 0600
    (hub / SETTINGS_NAME).write_text(settings.to_json(), encoding="utf-8")
    os.chmod(hub / SETTINGS_NAME, 0o600)
    for role, files in role_configs(settings).items():
        folder = hub / "jupyter" / role
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
            os.chmod(folder / name, 0o644)
    config = hub / CONFIG_NAME
    if not config.exists():
        shutil.copyfile(DEPLOY / CONFIG_NAME, config)
    return config


def check_venv(venv: str) -> None:
    """Every user's server runs from `venv`: a user who cannot run its Python cannot start one."""
    probe = subprocess.run(
        ["runuser", "-u", "nobody", "--", str(Path(venv) / "bin" / "python"), "-c", "import grading, jupyterhub"],
        capture_output=True,
        text=True,
        cwd="/",
    )
    if probe.returncode != 0:
        raise HubSetupError(
            f"other users cannot run the hub's Python in {venv} (is it under a private home, "
            "or missing jupyterhub?): make the venv from a Python every user can run, e.g. "
            "`./course hub setup …`, which creates .venv/hub from /usr/bin/python3"
        )


def hub_setup(
    settings: HubSettings, *, roster: Path | None, pg: Postgres, exercises: str | None = None
) -> tuple[Path, list[str]]:
    """All steps; returns the hub config's path and the accounts created."""
    _need_root()
    check_venv(settings.venv)
    if not Path(settings.proxy_command).exists():
        raise HubSetupError(
            f"no configurable-http-proxy at {settings.proxy_command}: "
            "`npm install --prefix .venv/node configurable-http-proxy` (./course hub does it)"
        )
    learners = learners_from_roster(roster) if roster else []
    settings = replace(settings, learners=tuple(sorted(set(settings.learners) | set(learners))))
    hub = Path(settings.hub_dir)
    hub.mkdir(parents=True, exist_ok=True)
    created = add_users([*settings.instructors, *settings.learners], hub)
    if not settings.instructors:
        raise HubSetupError("name at least one instructor (--instructor NAME): they own the course folder")
    db_url = postgres_gradebook(pg, settings.course_id, Path(settings.course_root))
    prepare_exchange(Path(settings.exchange_root))
    prepare_course(
        Path(settings.course_root),
        settings.instructors[0],
        db_url,
        settings.course_id,
        Path(settings.exchange_root),
        ["/home", settings.exchange_root, settings.hub_dir],
        exercises=exercises,
        roster=roster,
    )
    return write_hub(settings), created
