"""Memory and CPU limits for one learner's server, enforced by the kernel's control groups.

JupyterHub's `mem_limit` and `cpu_limit` are only advice for LocalProcessSpawner: one learner's
runaway kernel could take the whole machine from everyone else. systemd's SystemdSpawner enforces
them through systemd, which is not PID 1 on every server (nor on these build machines), so the hub
makes the cgroup itself: one group per user, created by the hub (root) before the server starts,
joined by the server's process between fork and exec (so every kernel it starts is inside too), and
emptied and removed when the server stops.

Both layouts are handled: cgroup v2 (one hierarchy with `memory.max` and `cpu.max`) and the v1
hierarchies (`memory/`, `cpu/`, `pids/`) that machines with a hybrid layout still use.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
CFS_PERIOD_US = 100_000


class CgroupUnavailable(RuntimeError):
    """No writable memory and CPU controllers on this machine: limits cannot be enforced."""


@dataclass(frozen=True)
class Limits:
    memory_bytes: int
    cpu_cores: float
    pids: int = 1024  # a fork bomb in a learner's kernel stops here, not at the machine's limit


def layout(root: Path = ROOT) -> str:
    """ "v2" when the unified hierarchy has the memory and cpu controllers, "v1" when the
    separate hierarchies are writable, otherwise raise CgroupUnavailable."""
    controllers = root / "cgroup.controllers"
    if controllers.is_file() and {"memory", "cpu"} <= set(controllers.read_text().split()):
        return "v2"
    if all(os.access(root / c, os.W_OK) for c in ("memory", "cpu")):
        return "v1"
    raise CgroupUnavailable(
        f"no writable memory and cpu cgroup controllers under {root} "
        "(run the hub as root on Linux, or use Kubernetes' limits)"
    )


V1_CONTROLLERS = ("memory", "cpu", "cpuacct", "pids")


def _own_v1(controller: str) -> str:
    """This process's group in a v1 hierarchy (from /proc/self/cgroup), e.g. "/" or "/machine/x"."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        if controller in controllers.split(","):
            return path
    return "/"


def group_dirs(name: str, root: Path = ROOT) -> list[Path]:
    """The folders of group `name`: one in v2, one per controller in v1.

    In v1 the group is a child of the hub's own group in each hierarchy, so a limit the machine
    puts on the hub (a container, a session) still holds for every server it starts.
    """
    if layout(root) == "v2":
        return [root / name]
    return [root / c / _own_v1(c).lstrip("/") / name for c in V1_CONTROLLERS if (root / c).is_dir()]


def controller_of(folder: Path, root: Path = ROOT) -> str:
    """ "memory", "cpu", … for a v1 group folder; "v2" for the unified hierarchy."""
    first = folder.relative_to(root).parts[0]
    return first if first in V1_CONTROLLERS else "v2"


def delegate(dirs: list[Path], uid: int, gid: int) -> None:
    """Let the user make groups inside their own (the autograding sandbox of an instructor does):
    the folder and the files that move processes become theirs; the limit files stay root's, and
    a child group can never get more than its parent."""
    for d in dirs:
        os.chown(d, uid, gid)
        for name in ("cgroup.procs", "tasks", "cgroup.subtree_control", "cgroup.threads"):
            if (d / name).exists():
                os.chown(d / name, uid, gid)


def _write(path: Path, value: str) -> None:
    path.write_text(value)


def create(name: str, limits: Limits, root: Path = ROOT) -> list[Path]:
    """Create (or update) group `name` with `limits`; returns its folders."""
    kind = layout(root)
    dirs = group_dirs(name, root)
    for d in dirs:
        d.mkdir(exist_ok=True)
    quota = max(1000, int(limits.cpu_cores * CFS_PERIOD_US))
    if kind == "v2":
        d = dirs[0]
        _write(d / "memory.max", str(limits.memory_bytes))
        if (d / "memory.swap.max").exists():
            _write(d / "memory.swap.max", "0")
        _write(d / "cpu.max", f"{quota} {CFS_PERIOD_US}")
        if (d / "pids.max").exists():
            _write(d / "pids.max", str(limits.pids))
        return dirs
    for d in dirs:
        controller = controller_of(d, root)
        if controller == "memory":
            _write(d / "memory.limit_in_bytes", str(limits.memory_bytes))
            if (d / "memory.memsw.limit_in_bytes").exists():  # no swapping around the limit either
                _write(d / "memory.memsw.limit_in_bytes", str(limits.memory_bytes))
        elif controller == "cpu":
            _write(d / "cpu.cfs_period_us", str(CFS_PERIOD_US))
            _write(d / "cpu.cfs_quota_us", str(quota))
        elif controller == "pids":
            _write(d / "pids.max", str(limits.pids))
    return dirs


def join(dirs: list[Path], pid: int | None = None) -> None:
    """Move process `pid` (default: this one) into the group. Safe between fork and exec."""
    pid = os.getpid() if pid is None else pid
    for d in dirs:
        with open(d / "cgroup.procs", "w") as f:
            f.write(str(pid))


def members(dirs: list[Path]) -> set[int]:
    """Processes still in the group."""
    out: set[int] = set()
    for d in dirs:
        try:
            out |= {int(p) for p in (d / "cgroup.procs").read_text().split()}
        except FileNotFoundError:
            pass
    return out


def remove(dirs: list[Path], timeout: float = 5.0) -> bool:
    """Kill whatever is left in the group and the groups inside it (kernels the server left
    behind, an instructor's sandboxes) and remove them, innermost first.

    Returns False when a folder could not be removed in time (a process in uninterruptible sleep).
    """
    inner = sorted(
        (p for d in dirs if d.is_dir() for p in d.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True
    )
    dirs = [*inner, *dirs]
    deadline = time.monotonic() + timeout
    while True:
        left = members(dirs)
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            for d in dirs:
                if d.exists():
                    d.rmdir()
            return True
        except OSError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)


def memory_usage(dirs: list[Path]) -> int:
    """Bytes the group uses now (its processes' memory, page cache included, as the limit counts it)."""
    for d in dirs:
        for name in ("memory.current", "memory.usage_in_bytes"):
            if (d / name).is_file():
                return int((d / name).read_text())
    return 0
