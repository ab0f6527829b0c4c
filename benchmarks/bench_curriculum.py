"""How long the curriculum takes to generate and to execute: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_curriculum.py            # build + nbval over notebooks/
    .venv/bin/python benchmarks/bench_curriculum.py --no-nbval  # build only

The build figure tells a content editor how long `python -m conduct.curriculum.build` keeps them
waiting; the nbval figure is what the notebook part of the test suite costs CI (one kernel per
notebook, every cell executed, outputs not compared).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from conduct.curriculum import build

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-nbval", action="store_true")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        written = build.build(Path(tmp))
        took = time.perf_counter() - start
    print(f"build: {len(written)} notebooks generated in {took:.2f} s")

    if args.no_nbval:
        return
    notebooks = sorted(str(p.relative_to(REPO)) for p in (REPO / "notebooks").rglob("*.ipynb"))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax", *notebooks],
                          cwd=REPO, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    summary = (proc.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"nbval --nbval-lax: {len(notebooks)} notebooks in {took:.1f} s ({took / max(len(notebooks), 1):.2f} s each): {summary}")


if __name__ == "__main__":
    main()
