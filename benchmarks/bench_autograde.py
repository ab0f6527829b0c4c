"""Autograde a synthetic cohort twice and print the wall times: plain serial nbgrader vs ours.

Both runs grade the same submissions of the same assignment in two copies of a course with fresh
gradebooks:
  plain  `nbgrader autograde ASSIGNMENT`, one process, nbgrader's own pipeline, no sandbox;
  ours   `conduct-course autograde ASSIGNMENT --workers N`: every kernel in the bubblewrap sandbox,
         N worker processes (default: the number of cores).
Then it checks that both gradebooks hold the same score for every student, and prints the ratio
and the load average (the machine may be shared; the figure is only as good as the quiet).
Last, the per-submission overhead of the hardening, one kernel at a time: a one-cell notebook run
with nbgrader's own kernel and in the sandbox (bwrap, allow-list mounts, the copy of the
submission's files, the cgroup), and the cgroup's own setup and removal on their own.

    .venv/bin/python benchmarks/bench_autograde.py                   # 200 submissions, fixture assignment
    .venv/bin/python benchmarks/bench_autograde.py -n 40 --assignment art4-vi --exercises exercises/source
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from grading import limits  # noqa: E402
from grading.course import nbgrader_env, open_course, setup_course  # noqa: E402
from grading.sandbox import SandboxedExecute, UnsandboxedExecute, cgroup_layout  # noqa: E402

PLAIN_CONFIG = '''c = get_config()
c.CourseDirectory.root = {root!r}
c.CourseDirectory.course_id = "conduct"
c.CourseDirectory.db_url = "sqlite:///{root}/gradebook.db"
from conduct.exercises import configure
configure(c)
'''


def _meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def synthetic(source: Path, release: Path, i: int) -> nbformat.NotebookNode:
    """Submission i: full solutions, blank, or half the answers solved, in turn."""
    src = nbformat.read(source, as_version=4)
    if i % 3 == 0:
        return src
    nb = nbformat.read(release, as_version=4)
    if i % 3 == 2:
        solved = {_meta(c).get("grade_id"): c.source for c in src.cells if _meta(c).get("solution") and c.cell_type == "code"}
        for k, cell in enumerate(c for c in nb.cells if _meta(c).get("grade_id") in solved):
            if k % 2 == 0:
                cell.source = "\n".join(ln for ln in solved[_meta(cell)["grade_id"]].splitlines() if "### " not in ln)
    return nb


def scores(db_url: str, assignment: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        return {s.student.id: s.score for s in gb.find_assignment(assignment).submissions}


def run(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, env=nbgrader_env(), capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd[:4])} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return took


def overhead(repeat: int, workdir: Path) -> None:
    """Print the mean time per submission of a trivial notebook, plain vs sandboxed, and of a cgroup."""
    from nbformat.v4 import new_code_cell, new_notebook

    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "data.txt").write_text("a file of the submission, copied into the sandbox\n")
    nb = new_notebook(cells=[new_code_cell("x = 1")], metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}})
    times = {}
    for label, cls in (("plain kernel", UnsandboxedExecute), ("sandboxed kernel", SandboxedExecute)):
        cls(timeout=30).preprocess(nbformat.from_dict(nb), {"metadata": {"path": str(workdir)}})  # warm caches
        start = time.perf_counter()
        for _ in range(repeat):
            cls(timeout=30).preprocess(nbformat.from_dict(nb), {"metadata": {"path": str(workdir)}})
        times[label] = (time.perf_counter() - start) / repeat
    layout = cgroup_layout()
    start = time.perf_counter()
    for _ in range(repeat):
        limits.create(layout, limits.Limits(memory_bytes=2 << 30, cpu_seconds=60, max_pids=64)).remove()
    cgroup = (time.perf_counter() - start) / repeat
    print(f"one-cell notebook, mean of {repeat}: plain {times['plain kernel']:.3f} s, sandboxed "
          f"{times['sandboxed kernel']:.3f} s -> sandbox overhead {times['sandboxed kernel'] - times['plain kernel']:+.3f} s "
          f"per submission, of which cgroup setup and removal {cgroup * 1000:.1f} ms ({layout.describe()}); "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-n", type=int, default=200, help="number of submissions (default 200)")
    p.add_argument("--workers", type=int, default=os.cpu_count(), help="our worker processes (default: cores)")
    p.add_argument("--assignment", default="fixture")
    p.add_argument("--exercises", default=str(REPO / "tests" / "grading" / "files"))
    p.add_argument("--keep", action="store_true", help="keep the two courses for inspection")
    p.add_argument("--overhead", type=int, default=20, help="runs of the per-submission overhead measure (0: skip)")
    p.add_argument("--only-overhead", action="store_true", help="measure the overhead only")
    args = p.parse_args()

    base = Path(tempfile.mkdtemp(prefix="bench-autograde-"))
    if args.only_overhead:
        overhead(args.overhead or 20, base / "work")
        shutil.rmtree(base, ignore_errors=True)
        return 0
    ours = open_course(setup_course(base / "ours", args.exercises, only=[args.assignment])[0].root)
    plain_root = base / "plain"
    shutil.copytree(ours.step("source") / args.assignment, plain_root / "source" / args.assignment)
    (plain_root / "nbgrader_config.py").write_text(PLAIN_CONFIG.format(root=str(plain_root)))
    py = [sys.executable, "-m", "nbgrader"]
    for root in (ours.root, plain_root):
        run([*py, "generate_assignment", args.assignment], root)

    nb_name = next((ours.step("source") / args.assignment).glob("*.ipynb")).name
    source, release = ours.step("source") / args.assignment / nb_name, ours.step("release") / args.assignment / nb_name
    for i in range(args.n):
        nb = synthetic(source, release, i)
        for root in (ours.root, plain_root):
            folder = root / "submitted" / f"student{i:03d}" / args.assignment
            folder.mkdir(parents=True)
            nbformat.write(nb, folder / nb_name)

    cores = os.cpu_count()
    print(f"cohort: {args.n} submissions of {args.assignment!r}; {cores} cores; "
          f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    t_plain = run([*py, "autograde", args.assignment], plain_root)
    print(f"plain serial nbgrader autograde:          {t_plain:7.1f} s  ({t_plain / args.n:.2f} s per submission)", flush=True)
    t_ours = run([sys.executable, "-m", "grading.cli", "--lang", "en", "--course", str(ours.root), "autograde",
                  args.assignment, "--workers", str(args.workers)], ours.root)
    print(f"ours, sandboxed, {args.workers} workers:               {t_ours:7.1f} s  ({t_ours / args.n:.2f} s per submission)")
    print(f"ratio plain / ours: {t_plain / t_ours:.2f}x   "
          f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    a, b = scores(f"sqlite:///{plain_root}/gradebook.db", args.assignment), scores(ours.db_url, args.assignment)
    same = a == b and len(a) == args.n
    print(f"same score for every student in both gradebooks: {'yes' if same else 'NO'} "
          f"({len(a)} plain, {len(b)} ours)")
    if args.overhead:
        overhead(args.overhead, base / "work")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    else:
        print(f"courses kept in {base}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
