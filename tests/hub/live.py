"""Real servers for the hub tests and benchmarks/bench_hub.py: a private PostgreSQL cluster, a
JupyterHub with its proxy, and system users, each on free ports and under unique names, all removed
again by `close()`.

Several developers run servers on this machine at once: nothing here uses a fixed port, a fixed
user name or a shared folder.
"""
from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[2]
PG_BIN_CANDIDATES = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def unique(prefix: str) -> str:
    """A system-wide unique short name (system user names are at most 32 characters)."""
    return f"{prefix}{uuid.uuid4().hex[:6]}"


def pg_bin() -> Path | None:
    for d in PG_BIN_CANDIDATES:
        if (d / "initdb").exists():
            return d
    return None


def missing_requirements(venv: Path) -> str | None:
    """Why the live hub cannot run here, or None."""
    if os.geteuid() != 0:
        return "the hub tests create system users and run the hub as root"
    if pg_bin() is None:
        return "PostgreSQL's server is not installed (apt-get install postgresql; ./course test does this)"
    if not chp_path(venv).exists():
        return "configurable-http-proxy is not installed in .venv/node (./course test installs it with npm)"
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return "no postgres system user (apt-get install postgresql)"
    probe = subprocess.run(["runuser", "-u", "nobody", "--", str(venv / "bin" / "python"), "-c", "import grading"],
                           capture_output=True, text=True, cwd="/")
    if probe.returncode != 0:
        return f"other users cannot run this checkout's virtual environment ({venv}): clone it where every user can read"
    return None


def hub_venv() -> Path:
    """The venv every user's server runs from: .venv/hub when ./course made one (see ./course), else .venv."""
    hub = REPO / ".venv" / "hub"
    return hub if (hub / "bin" / "jupyterhub").exists() else REPO / ".venv"


def chp_path(venv: Path) -> Path:
    """configurable-http-proxy as ./course installs it (into .venv/node, beside a hub venv too)."""
    for base in (venv, REPO / ".venv"):
        path = base / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
        if path.exists():
            return path
    return REPO / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"


class PgCluster:
    """A throw-away PostgreSQL cluster owned by the postgres user, on a free TCP port of 127.0.0.1."""

    def __init__(self) -> None:
        self.bin = pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="conduct-pg-"))
        self.data = self.dir / "data"
        self.socket_dir = self.dir / "sock"
        self.port = free_port()
        self.socket_dir.mkdir()
        shutil.chown(self.dir, "postgres", "postgres")
        shutil.chown(self.socket_dir, "postgres", "postgres")
        self._as_pg([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-E", "UTF8",
                     "--locale=C.UTF-8", "--auth-local=peer", "--auth-host=scram-sha-256"])
        self._as_pg([str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log"), "-w", "-t", "60",
                     "-o", f"-p {self.port} -k {self.socket_dir} -h 127.0.0.1 -c fsync=off -c max_connections=200",
                     "start"])

    def _as_pg(self, cmd: list[str]) -> None:
        run = subprocess.run(["runuser", "-u", "postgres", "--", *cmd], capture_output=True, text=True, cwd="/")
        if run.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd[:2])} failed: {run.stdout}{run.stderr}")

    def stop(self) -> None:
        try:
            self._as_pg([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def add_user(name: str, password: str) -> Path:
    subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", name], check=True, capture_output=True)
    subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
    home = Path(pwd.getpwnam(name).pw_dir)
    os.chmod(home, 0o700)
    return home


def processes_of(name: str) -> list[int]:
    """The pids of processes running as system user `name` (one of this test's own users)."""
    uid = pwd.getpwnam(name).pw_uid
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
            except FileNotFoundError:
                pass
    return pids


def remove_user(name: str) -> None:
    """Stop what the user still runs (by pid) and delete the account and its home."""
    try:
        for pid in processes_of(name):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    except KeyError:
        return
    time.sleep(0.2)
    subprocess.run(["userdel", "--remove", name], capture_output=True)


@dataclass
class Hub:
    """A JupyterHub started from a hub folder written by `conduct-course hub setup`."""

    hub_dir: Path
    venv: Path
    port: int
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> None:
        log = open(self.hub_dir / "hub.log", "ab")
        self.proc = subprocess.Popen([str(self.venv / "bin" / "jupyterhub"), "-f", "jupyterhub_config.py"],
                                     cwd=self.hub_dir, stdout=log, stderr=subprocess.STDOUT,
                                     env={**os.environ, "PATH": f"{self.venv / 'bin'}:{os.environ['PATH']}"},
                                     start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the hub exited ({self.proc.returncode}):\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/hub/api", timeout=5).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"the hub did not answer in {timeout:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        """Stop the hub and its proxy (learners' servers keep running: cleanup_servers is off)."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.proc = None

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join((self.hub_dir / "hub.log").read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

