"""How the learner app feels: prints figures from a real server and browser, asserts nothing.

    .venv/bin/python benchmarks/bench_app.py               # 10 openings
    .venv/bin/python benchmarks/bench_app.py --runs 20 --preheat 1

Starts `python -m conduct.app` (what `./course start` runs) on a free port with a throw-away progress
file, drives Debian's Chromium with Playwright, and for each opening (the progress file emptied first,
so every opening shows the same first post):
  - card → widget: from pressing a module card on the home page to the first verdict button of the
    lesson's classifier accepting a click (Voilà starts a kernel and runs the page's cells);
  - feedback: from clicking that verdict button to its ✓/✗ mark (one kernel round trip + the checker);
  - kernel RSS: the resident memory of the open lesson's kernel once the page is ready.
Issue 8's goals on a 2-core machine: median ≤ 2.0 s to an interactive lesson, feedback ≤ 0.3 s,
≤ 150 MB per open lesson. Report the load average (`uptime`) with the figures.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conduct.app.homes import get_home, modules
from conduct.app.paths import RENDER_PREFIX, home_page, repo_root
from conduct.bank import post as bank_post
from conduct.curriculum.lessons import find_part
from conduct.curriculum.show import module_of
from conduct.i18n import t

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def descendants(pid: int) -> list[int]:
    """Every process below `pid` (Voilà's kernels run in their own sessions)."""
    parent: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parent[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parent.items() if pp == p]
        out += kids
        todo += kids
    return out


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def kernels(server_pid: int) -> list[int]:
    return [p for p in descendants(server_pid)
            if "ipykernel" in Path(f"/proc/{p}/cmdline").read_bytes().decode(errors="replace")]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--preheat", type=int, default=0, help="kernels kept ready per page (the app's --preheat)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    home = get_home("course")
    lesson = modules(home)[3]
    exercise = next(pid for pid, kind in module_of(lesson).parts if kind == "exercise")
    first = bank_post(find_part(exercise, "exercise").data["posts"][0])
    verdict = t(f"checker.verdict.{first.verdict}", "vi")
    card = f"{lesson.number} · {lesson.title['vi']}"

    tmp = Path(tempfile.mkdtemp(prefix="bench-app-"))
    progress = tmp / "progress.json"
    port = free_port()
    env = dict(os.environ, CONDUCT_PROGRESS=str(progress), JUPYTER_RUNTIME_DIR=str(tmp / "runtime"))
    log = open(tmp / "app.log", "w")
    cmd = [sys.executable, "-m", "conduct.app", "--no-browser", f"--port={port}", f"--preheat={args.preheat}"]
    server = subprocess.Popen(cmd, cwd=repo_root(), env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    open_s, feedback_s, rss = [], [], []
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        if args.preheat:
            time.sleep(30)  # let the pools fill before measuring
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox", "--disable-gpu"] if os.geteuid() == 0 else ["--disable-gpu"])
            pg = browser.new_page(viewport={"width": 1100, "height": 900})
            for i in range(args.runs + 1):  # the first opening warms caches and is not counted
                progress.unlink(missing_ok=True)
                pg.goto(base + RENDER_PREFIX + home_page("vi"), wait_until="domcontentloaded")
                pg.wait_for_function("() => !document.getElementById('loading')", timeout=120_000)
                link = pg.get_by_role("link", name=card).first
                link.wait_for(timeout=60_000)
                start = time.perf_counter()
                link.click()
                button = pg.get_by_role("button", name=verdict, exact=True).first
                button.wait_for(state="visible", timeout=120_000)
                pg.wait_for_function("(b) => !b.disabled", arg=button.element_handle(), timeout=60_000)
                opened = time.perf_counter() - start
                pg.wait_for_function("() => !document.getElementById('loading')", timeout=120_000)
                ks = kernels(server.pid)
                start = time.perf_counter()
                button.click()
                pg.get_by_role("button", name=f"✓ {verdict}", exact=True).first.wait_for(timeout=60_000)
                answered = time.perf_counter() - start
                newest = max(ks, key=lambda p: os.stat(f"/proc/{p}").st_ctime) if ks else None
                if i:
                    open_s.append(opened)
                    feedback_s.append(answered)
                    if newest:
                        rss.append(rss_mb(newest))
            browser.close()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    print(f"learner app, lesson {lesson.number}, {args.runs} openings, preheat={args.preheat}")
    print(f"card → first usable widget: median {statistics.median(open_s):.2f} s, p90 {pct(open_s, 0.9):.2f} s "
          f"(min {min(open_s):.2f}, max {max(open_s):.2f})")
    print(f"classifier feedback: median {statistics.median(feedback_s) * 1000:.0f} ms, "
          f"p90 {pct(feedback_s, 0.9) * 1000:.0f} ms")
    if rss:
        print(f"open lesson's kernel RSS: median {statistics.median(rss):.0f} MB, max {max(rss):.0f} MB")
    print("load average:", Path("/proc/loadavg").read_text().split()[:3])
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
