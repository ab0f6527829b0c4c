"""How many learners one server holds: simulated learners on a real JupyterHub (issue 11).

For each cohort size N (10, 20, 40, … up to --max, or until the machine runs short of memory or a
learner waits more than --answer-limit seconds), new learners sign in (PAM, through the hub's login
form) until N are active, each opens the learner app's home page (Voilà renders it in a kernel run
as the learner: the "first interactive lesson"), then all N answer a post at the same moment
(a classifier answer, saved to each learner's progress file, in the kernel of the page they opened).

Prints, per N: memory per learner server (its cgroup: the server, Voilà and the page's kernel),
time to first interactive lesson (median and p90 of the new learners), answer latency (median, p90,
max), and at the end the largest N with every answer within the limit. Run as root (it creates
system users with unique names and removes them at the end), once, on a quiet machine; note
`uptime` with the figures.

    .venv/bin/python benchmarks/bench_hub.py --max 80
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "hub"))

from live import Hub, chp_path, free_port, hub_venv, missing_requirements, remove_user, unique  # noqa: E402

from grading.hub import cgroups  # noqa: E402
from grading.hub.client import Learner  # noqa: E402
from grading.hub.settings import HubSettings  # noqa: E402
from grading.hub.setup import PASSWORDS_NAME, add_users, write_hub  # noqa: E402

SETUP_ANSWERS = """
from conduct.bank import load_posts
from conduct.progress import ProgressStore
from conduct.widgets.classifier_state import ClassifierState
_bench = ClassifierState(list(load_posts(lang="vi"))[:5], "bench-hub", ProgressStore())
"""
ANSWER = "_bench.choose_verdict('violation'); print('ok')"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else float("nan")


def available_mb() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) // 1024
    return 0


def open_lesson(hub_url: str, name: str, password: str) -> tuple[Learner, float, str]:
    """Sign in and wait for the home page; return the client, the seconds it took, the page's kernel."""
    start = time.monotonic()
    learner = Learner(hub_url, name)
    learner.sign_in(password)
    learner.wait_ready(timeout=600)
    page = learner.home()
    if page.status_code != 200 or "/voila/render/" not in page.url:
        raise RuntimeError(f"{name}: no lesson page ({page.status_code} {page.url})")
    seconds = time.monotonic() - start
    kernels = learner.api("GET", f"{learner.prefix}/api/kernels").json()
    kernel = kernels[0]["id"]
    out = learner.run(kernel, SETUP_ANSWERS, timeout=300)
    if out.error:
        raise RuntimeError(f"{name}: {out.error}")
    return learner, seconds, kernel


def answer(learner: Learner, kernel: str) -> float:
    start = time.monotonic()
    out = learner.run(kernel, ANSWER, timeout=120)
    if out.error or "ok" not in out.stdout:
        raise RuntimeError(f"{learner.name}: answer failed: {out.error}")
    return time.monotonic() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,20,40,60,80,120,160,200")
    ap.add_argument("--max", type=int, default=200)
    ap.add_argument("--answer-limit", type=float, default=2.0)
    ap.add_argument("--mem-limit", default="1G")
    ap.add_argument("--reserve-mb", type=int, default=3000, help="stop before the machine has less free memory")
    ap.add_argument("--parallel", type=int, default=10, help="learners signing in at the same moment")
    args = ap.parse_args()
    venv = hub_venv()
    reason = missing_requirements(venv)
    if reason:
        print(f"cannot run: {reason}")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="conduct-benchhub-"))
    os.chmod(tmp, 0o755)
    prefix = unique("conduct-bench-")
    sizes = [n for n in map(int, args.sizes.split(",")) if n <= args.max]
    names = [unique("bl") for _ in range(max(sizes))]
    settings = HubSettings(hub_dir=str(tmp / "hub"), venv=str(venv), notebooks=str(REPO / "notebooks"),
                           course_root=str(tmp / "course"), exchange_root=str(tmp / "exchange"),
                           proxy_command=str(chp_path(venv)), instructors=(), learners=tuple(names),
                           ip="127.0.0.1", port=free_port(), hub_port=free_port(), proxy_api_port=free_port(),
                           mem_limit=args.mem_limit, cpu_limit=1.0, cgroup_prefix=prefix, cull_timeout=86400)
    hub = Hub(Path(settings.hub_dir), venv, settings.port)
    active: list[tuple[Learner, str]] = []
    best = 0
    print(f"cpus={os.cpu_count()} mem_available={available_mb()} MiB load={os.getloadavg()}")
    print("N  new  server_MiB(median)  first_lesson_s(median/p90)  answer_s(median/p90/max)  load1")
    try:
        add_users(names, tmp)
        with open(tmp / PASSWORDS_NAME, encoding="utf-8") as f:
            passwords = {r["user"]: r["password"] for r in csv.DictReader(f)}
        write_hub(settings)
        hub.start()
        for n in sizes:
            new = names[len(active):n]
            with ThreadPoolExecutor(args.parallel) as pool:
                opened = list(pool.map(lambda u: open_lesson(hub.url, u, passwords[u]), new))
            active += [(learner, kernel) for learner, _, kernel in opened]
            firsts = [s for _, s, _ in opened]
            with ThreadPoolExecutor(len(active)) as pool:
                latencies = list(pool.map(lambda lk: answer(*lk), active))
            mem = [cgroups.memory_usage(cgroups.group_dirs(f"{prefix}-{lr.name}")) / 2**20 for lr, _ in active]
            print(f"{n:<3} {len(new):<4} {statistics.median(mem):>8.0f}            "
                  f"{statistics.median(firsts):>6.1f} / {pct(firsts, 0.9):>5.1f}            "
                  f"{statistics.median(latencies):.2f} / {pct(latencies, 0.9):.2f} / {max(latencies):.2f}"
                  f"        {os.getloadavg()[0]:.1f}", flush=True)
            if max(latencies) <= args.answer_limit:
                best = n
            else:
                break
            if available_mb() < args.reserve_mb:
                print(f"stopping: {available_mb()} MiB left (reserve {args.reserve_mb} MiB)")
                break
        print(f"largest N with every learner answered within {args.answer_limit:g} s: {best}")
        return 0
    finally:
        hub.stop()
        for name in names:
            dirs = [d for d in cgroups.group_dirs(f"{prefix}-{name}") if d.exists()]
            remove_user(name)
            cgroups.remove(dirs)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
