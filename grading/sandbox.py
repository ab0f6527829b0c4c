"""Autograding kernels run inside a bubblewrap sandbox.

nbgrader runs a student's code as the grading user: measured on this course, a submission could
open gradebook.db (hidden tests included), other students' work and the network. So every kernel
that autograde starts runs under Debian's `bwrap` with:

- no network (`--unshare-all`: new network, PID, IPC, UTS and mount namespaces; no capabilities);
- a read-only view of the system, with the course folder (gradebook, source, release, other
  students, exchange), the home folder and any `hidden_paths` replaced by empty tmpfs;
- only the submission's own working folder writable (plus a throw-away /tmp);
- CPU-time and address-space limits (RLIMIT_CPU, RLIMIT_AS) set inside the sandbox, so an infinite
  loop that ignores nbgrader's interrupt or a memory hog dies instead of stalling the cohort;
- a whitelisted environment (no JPY_PARENT_PID: in a new PID namespace the kernel would see no
  parent and exit; no secrets from the grader's environment).

A kernel in its own network namespace cannot reach the grader over TCP loopback, so the kernel
talks ZMQ over IPC sockets in a private folder bound into the sandbox.

nbgrader's `Execute.__init__` forces `kernel_manager_class` through `kwargs.setdefault`, which
beats configuration, so the sandbox is wired in with an `Execute` subclass placed in the Autograde
converter's `autograde_preprocessors` (see course.py's config template).
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterable

from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.notebooknode import NotebookNode
from traitlets import Integer, List, Unicode

from nbgrader.preprocessors import Execute

KERNEL_DIR_ENV = "CONDUCT_KERNEL_DIR"
ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "NBGRADER_EXECUTION", "MPLBACKEND",
            "VIRTUAL_ENV", "CONDUCT_LANG")

# Runs inside the sandbox, before the kernel: set the limits, then become the kernel.
_LIMITS_SHIM = (
    "import os,resource as r,sys;"
    "c=int(sys.argv[1]);m=int(sys.argv[2]);"
    "r.setrlimit(r.RLIMIT_CPU,(c,c+5));"
    "m>0 and r.setrlimit(r.RLIMIT_AS,(m,m));"
    "r.setrlimit(r.RLIMIT_CORE,(0,0));"
    "os.execv(sys.argv[3],sys.argv[3:])"
)


class SandboxUnavailable(RuntimeError):
    """bubblewrap is not installed or cannot create a sandbox on this machine."""


def bwrap_path() -> str | None:
    """Where `bwrap` is, or None when bubblewrap is not installed."""
    return shutil.which("bwrap")


def _under(path: Path, parent: Path) -> bool:
    return path == parent or parent in path.parents


def essential_paths() -> list[Path]:
    """What the kernel's interpreter needs to see: the venv, the Python it links to, our packages."""
    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(os.path.realpath(sys.executable)).parent.parent}
    for name in ("conduct", "grading"):
        spec = importlib.util.find_spec(name)
        if spec and spec.origin:
            paths.add(Path(spec.origin).resolve().parent)
    return sorted(p.resolve() for p in paths if p.exists())


def bwrap_command(kernel_cmd: list[str], *, workdir: str, conn_dir: str, hidden: Iterable[str],
                  cpu_seconds: int, memory_bytes: int, env: dict[str, str]) -> list[str]:
    """The full command line that starts `kernel_cmd` in the sandbox.

    Mounts are ordered by depth so that a path inside a hidden folder (the venv under a hidden
    home, the submission's folder under the hidden course) is bound back on top of the tmpfs.
    """
    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed")
    work, conn = Path(workdir).resolve(), Path(conn_dir).resolve()
    hidden_paths = sorted({Path(h).resolve() for h in hidden if h and Path(h).exists()} - {Path("/")})
    covered = [*hidden_paths, Path("/tmp")]  # /tmp is an empty tmpfs inside (a venv may live there: CI clones)
    binds: list[tuple[Path, list[str]]] = [
        *((e, ["--ro-bind", str(e), str(e)]) for e in essential_paths() if any(_under(e, h) for h in covered)),
        (work, ["--bind", str(work), str(work)]),
        (conn, ["--bind", str(conn), str(conn)]),
    ]
    mounts: list[tuple[Path, list[str]]] = []
    for h in hidden_paths:
        if not h.is_dir():
            mounts.append((h, ["--ro-bind", "/dev/null", str(h)]))
        elif any(_under(b, h) for b, _ in binds):
            mounts.append((h, ["--tmpfs", str(h)]))  # holds a bind below it: an empty, throw-away folder
        else:
            mounts.append((h, ["--tmpfs", str(h), "--remount-ro", str(h)]))  # empty and read-only
    mounts += binds
    mounts.sort(key=lambda m: len(m[0].parts))
    cmd = [bwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
           "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--clearenv"]
    for _, args in mounts:
        cmd += args
    for key, value in sorted(env.items()):
        cmd += ["--setenv", key, value]
    cmd += ["--chdir", str(work), "--"]
    prlimit = shutil.which("prlimit")  # util-linux; the Python shim does the same, a little slower
    if prlimit:
        mem = [f"--as={memory_bytes}"] if memory_bytes > 0 else []
        cmd += [prlimit, f"--cpu={cpu_seconds}:{cpu_seconds + 5}", *mem, "--core=0", *kernel_cmd]
    else:
        cmd += [sys.executable, "-c", _LIMITS_SHIM, str(cpu_seconds), str(memory_bytes), *kernel_cmd]
    return cmd


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels start under bubblewrap and talk ZMQ over IPC sockets."""

    hidden_paths = List(Unicode(), help="Folders or files the student's code must not see "
                        "(the course root is added by the course's config).").tag(config=True)
    cpu_seconds = Integer(60, help="CPU-time limit of one kernel, in seconds.").tag(config=True)
    memory_mb = Integer(2048, help="Address-space limit of one kernel, in MiB (0: none).").tag(config=True)
    env_keep = List(Unicode(), default_value=list(ENV_KEEP),
                    help="Environment variables passed into the sandbox.").tag(config=True)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # parallel.autograde points KERNEL_DIR_ENV at a folder it removes at the end, so connection
        # files of kernels whose worker was killed do not pile up in /tmp
        self._conn_dir = tempfile.mkdtemp(prefix="conduct-kernel-", dir=os.environ.get(KERNEL_DIR_ENV) or None)
        self.transport = "ipc"
        self.ip = os.path.join(self._conn_dir, "k")
        self.connection_file = os.path.join(self._conn_dir, "kernel.json")

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        # In the sandbox's own session a signal cannot reach the kernel: interrupt by message.
        self.kernel_spec.interrupt_mode = "message"
        cmd = super().format_kernel_cmd(extra_arguments)
        workdir = (self._launch_args or {}).get("cwd") or os.getcwd()
        env = {k: os.environ[k] for k in self.env_keep if k in os.environ}
        env.update(HOME="/tmp", MPLCONFIGDIR="/tmp/matplotlib", IPYTHONDIR="/tmp/ipython",
                   PYTHONDONTWRITEBYTECODE="1")
        hidden = [*self.hidden_paths, os.path.expanduser("~")]
        return bwrap_command(cmd, workdir=workdir, conn_dir=self._conn_dir, hidden=hidden,
                             cpu_seconds=self.cpu_seconds, memory_bytes=self.memory_mb * 1024 * 1024,
                             env=env)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        # The kernel's own console chatter ("Ctrl-C will not work", connection hints) would flood
        # the instructor's terminal, one copy per student; outputs reach nbgrader over ZMQ anyway.
        kw.setdefault("stdout", subprocess.DEVNULL)
        kw.setdefault("stderr", subprocess.DEVNULL)
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self._conn_dir, ignore_errors=True)


def _stopped_output(reason: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename="KernelStopped", evalue=reason,
                        traceback=[f"KernelStopped: {reason}"])


class GuardedExecute(Execute):
    """nbgrader's Execute, made to grade whatever a submission does.

    When the kernel dies (CPU or memory limit, a crash) or ignores nbgrader's interrupt, or the
    notebook as a whole runs past `notebook_timeout` (many cells that each sleep until the per-cell
    timeout), the cell that did it and every later code cell get an error output instead of
    aborting the notebook, which nbgrader would report as a failed submission with no grade:
    nbgrader still saves grades, those cells score zero and the earlier ones keep their points.
    """

    notebook_timeout = Integer(600, help="Time limit for one whole notebook, in seconds.").tag(config=True)

    _stopped: str | None = None
    _deadline: float = 0.0

    def preprocess(self, nb, resources=None, km=None):
        self._stopped = None
        self._deadline = time.monotonic() + self.notebook_timeout
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if self._stopped is None and time.monotonic() > self._deadline:
            self._stopped = f"the notebook ran past its time limit ({self.notebook_timeout} s); later cells were not run"
        if self._stopped is not None:
            cell.outputs = [_stopped_output(self._stopped)]
            return cell, resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except (DeadKernelError, CellTimeoutError) as exc:
            self._stopped = (
                "this cell ran past the time limit and ignored the interrupt; later cells were not run"
                if isinstance(exc, CellTimeoutError) else
                "the kernel stopped while running this cell (CPU-time or memory limit of the grading "
                "sandbox, or a crash); later cells were not run")
            cell.outputs = list(cell.get("outputs", [])) + [_stopped_output(self._stopped)]
            return cell, resources


class SandboxedExecute(GuardedExecute):
    """nbgrader's Execute with every kernel in the bubblewrap sandbox."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(*args, **kwargs)


class UnsandboxedExecute(GuardedExecute):
    """nbgrader's own kernels (for `--no-sandbox`), with the same limits on time and dead kernels."""
