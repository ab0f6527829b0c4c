"""Helpers for the browser tests of the learner app: the app server, waiting for a rendered page,
keyboard moves, the checkout's git status and axe-core's serious findings."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conduct.app.paths import RENDER_PREFIX, repo_root

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"] + (["--no-sandbox"] if os.geteuid() == 0 else [])
START_TIMEOUT_S = 60
RENDER_TIMEOUT_MS = 90_000   # a page's notebook executed and its widgets drawn, on a loaded 2-core machine
STEP_TIMEOUT_MS = 15_000     # one click's feedback: a kernel round trip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def children(pid: int) -> list[int]:
    """Direct children of `pid` (Voilà's kernels run in their own sessions, so a group kill misses them)."""
    kids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    return kids


class AppServer:
    """The app as a learner runs it, stoppable and restartable on the same port and progress file."""

    def __init__(self, tmp: Path, checkout: Path | None = None) -> None:
        self.tmp, self.checkout = tmp, checkout or repo_root()
        self.port = free_port()
        self.progress = tmp / "progress.json"
        self.url = f"http://127.0.0.1:{self.port}/"
        self.proc: subprocess.Popen | None = None
        self.log_path = tmp / "app.log"

    def page_url(self, rel: str) -> str:
        return self.url + RENDER_PREFIX + rel

    def start(self) -> None:
        env = dict(os.environ, CONDUCT_PROGRESS=str(self.progress), JUPYTER_RUNTIME_DIR=str(self.tmp / "runtime"),
                   PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
        self.log = open(self.log_path, "a", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, "-m", "conduct.app", "--no-browser", f"--port={self.port}"],
                                     cwd=self.checkout, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if self.proc.poll() is not None:
                pytest.fail(f"the app exited with {self.proc.returncode} before serving:\n{self.tail()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=2).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"the app did not answer on {self.url} within {START_TIMEOUT_S} s:\n{self.tail()}")
                time.sleep(0.3)

    def stop(self) -> None:
        """SIGTERM lets Voilà shut its kernels down; anything it leaves is ended by id."""
        if self.proc is None:
            return
        kids = children(self.proc.pid)
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        deadline = time.monotonic() + 5
        for k in kids:
            while Path(f"/proc/{k}").exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            if Path(f"/proc/{k}").exists():
                try:
                    os.kill(k, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        self.proc = None
        self.log.close()

    def restart(self) -> None:
        self.stop()
        self.start()

    def tail(self, n: int = 3000) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-n:]


def wait_rendered(pg, server: AppServer | None = None) -> None:
    """Voilà removes #loading once every cell has run; then the widgets are drawn from the kernel."""
    try:
        pg.wait_for_function("() => !document.getElementById('loading')", timeout=RENDER_TIMEOUT_MS)
        pg.wait_for_selector(".jupyter-widgets, .widget-box", timeout=RENDER_TIMEOUT_MS)
    except Exception as e:
        errors = pg.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
        pytest.fail(f"{pg.url} did not render: {e}\ncell errors: {errors}\n" + (server.tail() if server else ""))
    errors = pg.locator('[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output pre:has-text("Traceback")')
    assert errors.count() == 0, f"{pg.url} shows an error: {errors.all_inner_texts()[:2]}"


def focused(pg) -> str:
    """The focused element's visible text (what a screen reader reads for a link or button)."""
    return norm(pg.evaluate("() => { const e = document.activeElement; "
                            "return e && e !== document.body ? (e.innerText || e.textContent || e.value || '') : ''; }"))


def press_until(pg, want, *, key: str = "Tab", limit: int = 150) -> str:
    """Press `key` until the focused element's text satisfies `want`; fail naming what focus visited."""
    seen = []
    for _ in range(limit):
        pg.keyboard.press(key)
        label = focused(pg)
        if want(label):
            return label
        seen.append(label[:30])
    pytest.fail(f"{key} pressed {limit} times never reached the control; focus visited: {seen}")


def git_status(path: Path) -> str:
    """`git status --porcelain` of the checkout (ignored files, e.g. screenshots/, are not listed)."""
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=path, capture_output=True,
                          text=True, check=True).stdout


def text_of(pg) -> str:
    return norm(pg.inner_text("body"))


SERIOUS = ("serious", "critical")


def axe_violations(pg) -> list[str]:
    """axe-core's serious and critical violations on the page, as "rule: target" lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(pg)
    out = []
    for v in results.response["violations"]:
        if v.get("impact") in SERIOUS:
            targets = [", ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])][:3]
            out.append(f"{v['id']} ({v['impact']}): {v.get('help')} at {targets}")
    return out


