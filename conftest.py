"""Suite-wide setup, shared by the pytest tests and the nbval notebook runs.

Notebooks and widgets save learner progress under the home directory; a test run must never touch a
real learner's file, so every run (and every kernel it starts, which inherits the environment) gets
its own temporary progress file.
"""
import os
import tempfile

_tmp = tempfile.mkdtemp(prefix="conduct-test-")
os.environ["CONDUCT_PROGRESS"] = os.path.join(_tmp, "progress.json")
os.environ.setdefault("MPLBACKEND", "Agg")
