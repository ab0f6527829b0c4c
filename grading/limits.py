"""Limits for a whole sandbox (every process in it), through Linux control groups.

Per-process limits (`prlimit`, RLIMIT_AS/RLIMIT_CPU) do not hold a submission: measured, five
forked children each took the full address-space limit (4.9 GB against 2 GB), eight children
used 167 CPU-seconds against 60, 300 forks all succeeded, and a tmpfs inside the sandbox is host
RAM that no rlimit counts. A control group counts all of that together: the memory controller
charges tmpfs (shmem) pages to the group that wrote them, `pids.max` caps forks and threads, and
the CPU time of every process in the group is one counter that the grader polls.

Layouts handled:
- cgroup v2 with the memory, pids and cpu controllers available (a mount of type cgroup2 whose
  `cgroup.controllers` lists them, and which lets us enable them for a child of our own group);
- cgroup v1 hierarchies for memory, pids and cpuacct (cpu optional), as on these build machines:
  a hybrid layout with writable v1 hierarchies under /sys/fs/cgroup, an empty v2 mount and no
  systemd (so `systemd-run --scope` is no option).

Each sandbox gets its own uniquely named group, created as a child of the grader's own group in
each hierarchy (so whatever limit the machine puts on the grader still applies), and removed when
the sandbox ends. When neither layout is usable, `probe` says why and the caller refuses to grade
unless the instructor explicitly accepts per-process limits (`--unsafe-limits`).
"""

from __future__ import annotations

import errno
import os
import signal
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

PREFIX = "conduct-sandbox-"
V1_NEEDED = ("memory", "pids", "cpuacct")


class CgroupUnavailable(RuntimeError):
    """No control group can hold a sandbox's limits on this machine; the message says why."""


@dataclass(frozen=True)
class Limits:
    """What one sandbox (all of its processes together) may use."""

    memory_bytes: int
    cpu_seconds: int
    max_pids: int
    cpu_cores: float = 1.0  # a rate cap (CFS quota), so one sandbox cannot take every core


@dataclass(frozen=True)
class Layout:
    """Where sandboxes' groups are made: v2 (one folder) or v1 (one folder per controller)."""

    version: int
    parents: dict[str, Path]  # controller ("memory", "pids", "cpuacct", "cpu", or "v2") -> parent folder

    def describe(self) -> str:
        return f"cgroup v{self.version}: " + ", ".join(f"{k} {v}" for k, v in sorted(self.parents.items()))


def _mounts() -> list[tuple[str, str, set[str]]]:
    """(mount point, fs type, options) of cgroup mounts."""
    out: list[tuple[str, str, set[str]]] = []
    try:
        lines = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return out
    for line in lines:
        parts = line.split()
        if len(parts) >= 4 and parts[2] in ("cgroup", "cgroup2"):
            out.append((parts[1].replace("\\040", " "), parts[2], set(parts[3].split(","))))
    return out


def _own_paths() -> dict[str, str]:
    """Our own group in each hierarchy, from /proc/self/cgroup: {controller or "v2": "/path"}."""
    own: dict[str, str] = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        hid, controllers, path = line.split(":", 2)
        if hid == "0" and controllers == "":
            own["v2"] = path
        for c in controllers.split(","):
            if c:
                own[c] = path
    return own


def _writable_dir(folder: Path) -> bool:
    probe = folder / f"{PREFIX}probe-{uuid.uuid4().hex[:8]}"
    try:
        probe.mkdir()
    except OSError:
        return False
    try:
        probe.rmdir()
    except OSError:
        pass
    return True


def _v2_layout(mounts, own) -> tuple[Layout | None, str]:
    for point, fstype, _ in mounts:
        if fstype != "cgroup2":
            continue
        root = Path(point)
        available = (
            set((root / "cgroup.controllers").read_text().split()) if (root / "cgroup.controllers").exists() else set()
        )
        missing = {"memory", "pids", "cpu"} - available
        if missing:
            return None, f"the cgroup v2 mount {root} has no {', '.join(sorted(missing))} controller"
        parent = root / own.get("v2", "/").lstrip("/")
        try:  # children of our group need the controllers enabled in our group's subtree
            (parent / "cgroup.subtree_control").write_text("+memory +pids +cpu")
        except OSError as exc:
            return None, (
                f"cannot enable the memory, pids and cpu controllers below {parent} "
                f"({exc.strerror}; a cgroup v2 group that holds processes cannot have controlled children)"
            )
        if not _writable_dir(parent):
            return None, f"cannot create a cgroup under {parent}"
        return Layout(2, {"v2": parent}), ""
    return None, "no cgroup v2 mount"


def _v1_layout(mounts, own) -> tuple[Layout | None, str]:
    parents: dict[str, Path] = {}
    for point, fstype, options in mounts:
        if fstype != "cgroup":
            continue
        for controller in ("memory", "pids", "cpuacct", "cpu"):
            if controller in options and controller not in parents:
                parents[controller] = Path(point) / own.get(controller, "/").lstrip("/")
    missing = [c for c in V1_NEEDED if c not in parents]
    if missing:
        return None, f"no cgroup v1 hierarchy for {', '.join(missing)}"
    unwritable = sorted({str(p) for c, p in parents.items() if c in V1_NEEDED and not _writable_dir(p)})
    if unwritable:
        return None, f"cannot create cgroups under {', '.join(unwritable)} (the grader needs to be root there)"
    if "cpu" in parents and not _writable_dir(parents["cpu"]):
        del parents["cpu"]  # optional: only the rate cap is lost, the CPU-time budget still holds
    return Layout(1, parents), ""


def probe() -> Layout:
    """The layout to use, or CgroupUnavailable saying why neither v2 nor v1 can be used."""
    mounts, own = _mounts(), _own_paths()
    layout, why2 = _v2_layout(mounts, own)
    if layout:
        return layout
    layout, why1 = _v1_layout(mounts, own)
    if layout:
        return layout
    raise CgroupUnavailable(f"no usable control group for sandbox limits ({why2}; {why1})")


def _write(path: Path, value: str) -> None:
    path.write_text(value)


@dataclass(frozen=True)
class Cgroup:
    """One sandbox's group (a folder per v1 controller, or one v2 folder)."""

    layout: Layout
    folders: tuple[Path, ...]
    limits: Limits

    @property
    def procs_files(self) -> tuple[Path, ...]:
        """Write a PID into each of these to put that process (and its future children) in the group."""
        return tuple(f / "cgroup.procs" for f in self.folders)

    def _folder(self, controller: str) -> Path:
        name = self.folders[0].name
        return self.layout.parents["v2" if self.layout.version == 2 else controller] / name

    def cpu_seconds_used(self) -> float:
        """CPU time of every process that ever ran in the group (user + system)."""
        try:
            if self.layout.version == 2:
                for line in (self._folder("cpu") / "cpu.stat").read_text().splitlines():
                    if line.startswith("usage_usec "):
                        return int(line.split()[1]) / 1e6
                return 0.0
            return int((self._folder("cpuacct") / "cpuacct.usage").read_text()) / 1e9
        except (OSError, ValueError):
            return 0.0

    def pids(self) -> set[int]:
        out: set[int] = set()
        for f in self.procs_files:
            try:
                out.update(int(x) for x in f.read_text().split())
            except (OSError, ValueError):
                pass
        return out

    def hit_memory_limit(self) -> bool:
        """Whether the kernel's OOM killer fired in the group (a process was killed for memory)."""
        try:
            if self.layout.version == 2:
                text = (self._folder("memory") / "memory.events").read_text()
                return any(ln.split()[0] == "oom_kill" and int(ln.split()[1]) > 0 for ln in text.splitlines())
            text = (self._folder("memory") / "memory.oom_control").read_text()
            return any(ln.startswith("oom_kill ") and int(ln.split()[1]) > 0 for ln in text.splitlines())
        except (OSError, ValueError, IndexError):
            return False

    def hit_pids_limit(self) -> bool:
        """Whether a fork or thread was refused because the group had `max_pids` tasks."""
        try:
            text = (self._folder("pids") / "pids.events").read_text()
            return any(ln.split()[0] == "max" and int(ln.split()[1]) > 0 for ln in text.splitlines())
        except (OSError, ValueError, IndexError):
            return False

    def kill(self) -> None:
        """SIGKILL every process in the group, until it is empty (new forks are caught on the next pass)."""
        if self.layout.version == 2:
            try:
                _write(self.folders[0] / "cgroup.kill", "1")
            except OSError:
                pass
        for _ in range(50):
            pids = self.pids()
            if not pids:
                return
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.02)

    def remove(self) -> None:
        """Kill what is left and remove the group's folders."""
        self.kill()
        for folder in self.folders:
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except FileNotFoundError:
                    break
                except OSError as exc:
                    if exc.errno != errno.EBUSY:
                        break
                    time.sleep(0.02)  # the last killed processes are still being reaped


def create(layout: Layout, limits: Limits) -> Cgroup:
    """A new, uniquely named group with `limits` set (CgroupUnavailable if that fails)."""
    name = f"{PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}"
    made: list[Path] = []
    # one folder per hierarchy: controllers mounted together (often cpu,cpuacct) share one
    parents = sorted({layout.parents[c] for c in (["v2"] if layout.version == 2 else layout.parents)})
    try:
        for parent in parents:
            folder = parent / name
            folder.mkdir()
            made.append(folder)
        group = Cgroup(layout, tuple(made), limits)
        if layout.version == 2:
            folder = made[0]
            _write(folder / "memory.max", str(limits.memory_bytes))
            if (folder / "memory.swap.max").exists():
                _write(folder / "memory.swap.max", "0")
            _write(folder / "pids.max", str(limits.max_pids))
            _write(folder / "cpu.max", f"{int(limits.cpu_cores * 100000)} 100000")
        else:
            mem = layout.parents["memory"] / name
            _write(mem / "memory.limit_in_bytes", str(limits.memory_bytes))
            if (mem / "memory.memsw.limit_in_bytes").exists():  # memory + swap: no escape into swap
                _write(mem / "memory.memsw.limit_in_bytes", str(limits.memory_bytes))
            _write(layout.parents["pids"] / name / "pids.max", str(limits.max_pids))
            if "cpu" in layout.parents:
                cpu = layout.parents["cpu"] / name
                _write(cpu / "cpu.cfs_period_us", "100000")
                _write(cpu / "cpu.cfs_quota_us", str(int(limits.cpu_cores * 100000)))
        return group
    except OSError as exc:
        for folder in made:
            try:
                folder.rmdir()
            except OSError:
                pass
        raise CgroupUnavailable(f"could not create the sandbox's cgroup {name}: {exc}") from exc


def leftovers(layout: Layout) -> list[Path]:
    """Groups of sandboxes still present (for tests and for cleaning up after a crash)."""
    return sorted(
        p
        for parent in set(layout.parents.values())
        if parent.is_dir()
        for p in parent.iterdir()
        if p.is_dir() and p.name.startswith(PREFIX)
    )


def pid_alive(pid: int) -> bool:
    """Whether a process still exists (a process of another user counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def creator_alive(folder: Path) -> bool:
    """Whether the grader process that made this group (its PID is in the name) still runs."""
    try:
        return pid_alive(int(folder.name[len(PREFIX) :].split("-", 1)[0]))
    except ValueError:
        return True


def orphaned(layout: Layout) -> set[Path]:
    """Groups whose grader is gone: left behind (other graders' live groups are not counted)."""
    return {p for p in leftovers(layout) if not creator_alive(p)}


def sweep(layout: Layout, min_age: float = 60.0) -> list[Path]:
    """Remove empty groups whose grader process is gone and that are older than `min_age` seconds.

    A group's name holds the PID of the grader that made it; the age guard keeps a group made a
    moment ago by a grader in another PID namespace (same PID number, not alive here) safe.
    """
    removed = []
    now = time.time()
    for folder in leftovers(layout):
        try:
            pid = int(folder.name[len(PREFIX) :].split("-", 1)[0])
            old = now - folder.stat().st_mtime > min_age
            empty = not (folder / "cgroup.procs").read_text().split()
        except (OSError, ValueError):
            continue
        if old and empty and not pid_alive(pid):
            try:
                folder.rmdir()
                removed.append(folder)
            except OSError:
                pass
    return removed
