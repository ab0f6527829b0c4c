"""The sandboxed Execute on its own, with a real kernel: a notebook of many sleeping cells, each
interrupted at the cell time limit, is cut off at the notebook time limit instead of holding a
worker for cells × timeout."""
from __future__ import annotations

import shutil

import pytest
from nbformat.v4 import new_code_cell, new_notebook

from grading.sandbox import SandboxedExecute

pytestmark = pytest.mark.skipif(shutil.which("bwrap") is None,
                                reason="bubblewrap (bwrap) is not installed: `apt-get install bubblewrap`")


def test_notebook_time_limit_stops_a_sleepy_notebook(tmp_path):
    cells = [new_code_cell("import time\ntime.sleep(600)") for _ in range(8)] + [new_code_cell("print('reached')")]
    nb = new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                            "language": "python"}})
    ep = SandboxedExecute(timeout=1, notebook_timeout=3)
    nb, _ = ep.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    enames = [[o.get("ename") for o in c.outputs] for c in nb.cells]
    interrupted = [e for e in enames if "CellTimeoutError" in e]
    stopped = [e for e in enames if e == ["KernelStopped"]]
    assert 1 <= len(interrupted) <= 5 and len(interrupted) + len(stopped) == len(cells)
    assert "notebook ran past its time limit (3 s)" in nb.cells[-1].outputs[0]["evalue"]
