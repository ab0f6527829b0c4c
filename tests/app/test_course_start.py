"""`./course start` from a fresh clone brings up the learner app: the address it prints answers with
the Vietnamese home page, "/" leads there, and the clone stays clean.

The install is not repeated here: the test hands `./course` (through CONDUCT_VENV) a virtual
environment that is the test's own, seen through symlinks, with the stamp `./course` writes after an
install, so the script takes its "nothing to install" path; the stamp logic itself is checked too.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conduct.app.paths import repo_root

START_TIMEOUT_S = 120
ROOT = repo_root()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _venv_view(where: Path, pyproject: Path) -> Path:
    """The running virtual environment under another name, stamped as installed for `pyproject`."""
    prefix = Path(sys.prefix)
    (where / "bin").mkdir(parents=True)
    (where / "bin" / "python").symlink_to(Path(sys.executable))
    for folder in ("lib", "share"):  # packages, and the Jupyter data (Voilà's templates) under share/
        (where / folder).symlink_to(prefix / folder)
    shutil.copy(prefix / "pyvenv.cfg", where / "pyvenv.cfg")
    digest = hashlib.sha256(pyproject.read_bytes()).hexdigest()
    (where / ".conduct-installed").write_text(f"{digest} test\n")
    return where


def _children(pid: int) -> list[int]:
    kids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    return kids


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout to clone")
    dest = tmp_path_factory.mktemp("clone") / "course"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dest)], check=True)
    return dest


def test_course_start_serves_the_home_page_from_a_fresh_clone(clone, tmp_path):
    venv = _venv_view(tmp_path / "venv", clone / "pyproject.toml")
    port = _free_port()
    env = dict(os.environ, CONDUCT_VENV=str(venv), CONDUCT_PROGRESS=str(tmp_path / "progress.json"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    log_path = tmp_path / "start.log"  # a file, not a pipe: a pipe nobody reads would stall the server
    log = open(log_path, "w", encoding="utf-8")
    proc = subprocess.Popen(["./course", "start", "--no-browser", "--port", str(port)], cwd=clone, env=env,
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    out: list[str] = []
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        url = None
        while url is None:
            out = log_path.read_text(encoding="utf-8").splitlines(keepends=True)
            m = re.search(rf"(http://127\.0\.0\.1:{port}/\S+)", "".join(out))
            url = m[1] if m else None
            if url is None and (time.monotonic() > deadline or proc.poll() is not None):
                pytest.fail("./course start printed no address:\n" + "".join(out))
            time.sleep(0.3)
        assert "nothing to install" in "".join(out), "".join(out)
        assert not any("setuptools" in line or "WARNING" in line for line in out), "".join(out)
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("the app did not listen:\n" + "".join(out))
                time.sleep(0.3)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=120) as r:  # "/" redirects home
            assert r.url == url, f"/ led to {r.url}, not {url}"
            html = r.read().decode("utf-8")
        assert "<title>00 · Bắt đầu từ đây</title>" in html
        assert "Traceback" not in html and "Error" not in html.split("</title>")[0]
    finally:
        kids = _children(proc.pid)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.close()
        for k in kids:
            if Path(f"/proc/{k}").exists():
                try:
                    os.kill(k, signal.SIGKILL)
                except ProcessLookupError:
                    pass
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all", "--ignored"], cwd=clone,
                            capture_output=True, text=True, check=True).stdout
    assert status == "", f"./course start left files in the clone:\n{status}"


def test_second_run_skips_the_install_only_while_pyproject_is_unchanged(clone, tmp_path):
    venv = _venv_view(tmp_path / "venv", clone / "pyproject.toml")
    env = dict(os.environ, CONDUCT_VENV=str(venv))
    ran = subprocess.run(["./course", "start", "--help"], cwd=clone, env=env, capture_output=True, text=True, timeout=120)
    assert "nothing to install" in ran.stderr and "--no-browser" in ran.stdout, ran.stderr + ran.stdout
    (venv / ".conduct-installed").write_text("0" * 64 + " test\n")  # as if pyproject.toml had changed
    (venv / "bin" / "python").unlink()
    (venv / "bin" / "python").write_text("#!/bin/sh\nexit 3\n")  # would be used to install: must fail fast
    (venv / "bin" / "python").chmod(0o755)
    ran = subprocess.run(["./course", "start", "--no-browser"], cwd=clone, env=env, capture_output=True, text=True,
                         timeout=120)
    assert ran.returncode != 0 and "updating pip" in ran.stderr and "nothing to install" not in ran.stderr, ran.stderr
