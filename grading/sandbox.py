"""Autograding kernels run inside a bubblewrap sandbox built from an allow-list.

nbgrader runs a student's code as the grading user: measured on this course, a submission could
open gradebook.db (hidden tests included), other students' work, another copy of the exercises'
source anywhere on the machine, the notebook being graded (nbgrader writes it, hidden tests
restored, into the kernel's working folder before running it) and the network. Hiding a list of
paths from a read-only `/` missed whatever the list forgot, so the sandbox now shows only what a
kernel needs:

- the system's programs and libraries (/usr and the /bin, /lib… links or folders), a few files
  of /etc (the dynamic loader's cache, the time zone) and made-up passwd/group files;
- the Python the kernel runs (the virtual environment and the installation it was made from) and
  the `conduct` package the assignments import, all read-only;
- a size-capped tmpfs as the working folder, filled with a COPY of the submission's own regular
  files except notebooks (symlinks, devices and oversized files are left out), and a size-capped
  tmpfs /tmp: what the student writes is thrown away with the sandbox, so nothing it writes can
  reach autograded/ or feedback/, and nbgrader never follows a link the student made;
- the kernel's private connection folder (ZMQ over IPC sockets: a kernel in its own network
  namespace cannot reach the grader over TCP loopback).

bwrap is started with a clean environment (a handful of variables; nothing of the grader's, so
/proc/1/environ inside shows no secret), with `--unshare-all` (no network, own PID, IPC, UTS,
mount and user namespaces), `--die-with-parent`, `--new-session` and no capabilities. Limits hold
for the whole sandbox through a control group of its own (grading/limits.py): memory including
the tmpfs folders, process count, and a CPU-time budget polled by the grader; per-process rlimits
stay as a second layer. With no usable control group the kernel manager refuses to start unless
`unsafe_limits` (`conduct-course autograde --unsafe-limits`) accepts per-process limits only.

nbgrader's `Execute.__init__` forces `kernel_manager_class` through `kwargs.setdefault`, which
beats configuration, so the sandbox is wired in with an `Execute` subclass placed in the Autograde
converter's `autograde_preprocessors` (see course.py's config template).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Bool, Float, Integer, List, Unicode, default

from conduct.i18n import LANGS, t
from grading import limits as cg

KERNEL_DIR_ENV = "CONDUCT_KERNEL_DIR"
UNSAFE_LIMITS_ENV = "CONDUCT_UNSAFE_LIMITS"  # set by `conduct-course autograde --unsafe-limits`
ENV_KEEP = ("LANG", "LC_ALL", "LC_CTYPE", "TZ", "NBGRADER_EXECUTION", "MPLBACKEND", "CONDUCT_LANG")
SANDBOX_PATH = "/usr/local/bin:/usr/bin:/bin"
ETC_FILES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "mime.types")
PASSWD = "root:x:0:0:student:/tmp:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
GROUP = "root:x:0:\nnogroup:x:65534:\n"
INBOX = "inbox"  # in the connection folder: the copy of the submission's files, copied into the tmpfs at start

# Runs inside the sandbox, before the kernel: fill the working tmpfs from the inbox, then become the kernel.
_FILL_SHIM = 'cp -R "$1"/. . 2>/dev/null; shift; exec "$@"'
# Runs outside, just before bwrap: join the sandbox's cgroups so bwrap and all it starts are counted.
_ENTER_SHIM = 'n=$1; shift; while [ "$n" -gt 0 ]; do echo $$ > "$1" || exit 121; shift; n=$((n-1)); done; exec "$@"'
# Per-process limits when prlimit (util-linux) is missing: the same, a little slower.
_LIMITS_SHIM = (
    "import os,resource as r,sys;"
    "c=int(sys.argv[1]);m=int(sys.argv[2]);f=int(sys.argv[3]);"
    "r.setrlimit(r.RLIMIT_CPU,(c,c+5));"
    "m>0 and r.setrlimit(r.RLIMIT_AS,(m,m));"
    "r.setrlimit(r.RLIMIT_FSIZE,(f,f));"
    "r.setrlimit(r.RLIMIT_CORE,(0,0));"
    "os.execv(sys.argv[4],sys.argv[4:])"
)


class SandboxUnavailable(RuntimeError):
    """bubblewrap is not installed, cannot create a sandbox, or no cgroup can hold its limits."""


def bwrap_path() -> str | None:
    """Where `bwrap` is, or None when bubblewrap is not installed."""
    return shutil.which("bwrap")


def _lang() -> str:
    lang = os.environ.get("CONDUCT_LANG", "vi")
    return lang if lang in LANGS else "vi"


def _under(path: Path, parent: Path) -> bool:
    return path == parent or parent in path.parents


def essential_paths() -> list[Path]:
    """What the kernel's interpreter needs to see: the venv, the Python it links to, `conduct`.

    Only the `conduct` package (the assignments import it for widgets and checks), not the
    repository around it: exercises/, with every key, stays out of sight.
    """
    paths = {Path(sys.prefix), Path(sys.base_prefix), Path(os.path.realpath(sys.executable)).parent.parent}
    spec = importlib.util.find_spec("conduct")
    if spec and spec.origin:
        paths.add(Path(spec.origin).resolve().parent)
    resolved = sorted(p.resolve() for p in paths if p.exists())
    return [p for p in resolved if not any(q != p and _under(p, q) for q in resolved)]  # drop nested ones


def system_mounts() -> list[str]:
    """bwrap arguments for the system: /usr read-only, the merged-/usr links (or folders), /etc's few files."""
    args = ["--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = Path("/") / name
        if path.is_symlink():
            args += ["--symlink", os.readlink(path), str(path)]
        elif path.is_dir():
            args += ["--ro-bind", str(path), str(path)]
    for name in ETC_FILES:
        if (Path("/etc") / name).exists():
            args += ["--ro-bind", f"/etc/{name}", f"/etc/{name}"]
    return args


def bwrap_command(
    kernel_cmd: list[str],
    *,
    workdir: str,
    conn_dir: str,
    cpu_seconds: int,
    memory_bytes: int,
    env: dict[str, str],
    work_bytes: int = 64 << 20,
    tmp_bytes: int = 64 << 20,
    hidden: Iterable[str] = (),
    extra_ro: Iterable[str] = (),
) -> list[str]:
    """The full bwrap command line that starts `kernel_cmd` in the sandbox.

    `workdir` (the folder nbgrader runs the notebook in) becomes an empty tmpfs at the same path,
    filled at start from `conn_dir`/inbox (see `fill_inbox`); the real folder is not visible.
    `hidden` paths that fall inside something bound (say an exercises copy inside the venv) are
    covered with an empty read-only tmpfs; everything else is invisible anyway.
    """
    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed")
    work, conn = Path(workdir).resolve(), Path(conn_dir).resolve()
    mounts: list[tuple[Path, list[str]]] = []
    for p in [*essential_paths(), *(Path(e).resolve() for e in extra_ro if e and Path(e).exists())]:
        if not _under(p, Path("/usr")):
            mounts.append((p, ["--ro-bind", str(p), str(p)]))
    bound = [m[0] for m in mounts] + [Path("/usr")]
    for h in sorted({Path(h).resolve() for h in hidden if h and Path(h).exists()}):
        if any(_under(h, b) for b in bound):
            mounts.append(
                (
                    h,
                    ["--ro-bind", "/dev/null", str(h)]
                    if not h.is_dir()
                    else ["--tmpfs", str(h), "--remount-ro", str(h)],
                )
            )
    mounts.append((work, ["--size", str(work_bytes), "--tmpfs", str(work)]))
    mounts.append((conn, ["--bind", str(conn), str(conn)]))
    mounts.sort(key=lambda m: len(m[0].parts))  # a parent before what is mounted inside it
    cmd = [
        bwrap,
        "--unshare-all",
        "--die-with-parent",
        "--new-session",
        "--cap-drop",
        "ALL",
        "--clearenv",
        *system_mounts(),
        "--dev",
        "/dev",
        "--proc",
        "/proc",
        "--size",
        str(tmp_bytes),
        "--tmpfs",
        "/tmp",
        "--ro-bind",
        str(conn / "passwd"),
        "/etc/passwd",
        "--ro-bind",
        str(conn / "group"),
        "/etc/group",
    ]
    for _, args in mounts:
        cmd += args
    for key, value in sorted(env.items()):
        cmd += ["--setenv", key, value]
    cmd += ["--chdir", str(work), "--", "/bin/sh", "-c", _FILL_SHIM, "sh", str(conn / INBOX)]
    prlimit = shutil.which("prlimit")
    if prlimit:
        mem = [f"--as={memory_bytes}"] if memory_bytes > 0 else []
        cmd += [
            prlimit,
            f"--cpu={cpu_seconds}:{cpu_seconds + 5}",
            *mem,
            f"--fsize={work_bytes}",
            "--core=0",
            *kernel_cmd,
        ]
    else:
        cmd += [kernel_cmd[0], "-c", _LIMITS_SHIM, str(cpu_seconds), str(memory_bytes), str(work_bytes), *kernel_cmd]
    return cmd


def enter_cgroup_command(cmd: list[str], procs_files: Iterable[Path]) -> list[str]:
    """`cmd` preceded by a tiny shell that first moves itself into the given cgroups."""
    files = [str(f) for f in procs_files]
    return ["/bin/sh", "-c", _ENTER_SHIM, "sh", str(len(files)), *files, *cmd]


def fill_inbox(workdir: Path, inbox: Path, max_bytes: int) -> list[str]:
    """Copy the submission's own files (never a notebook) from `workdir` into `inbox`.

    Only regular files and folders are copied (lstat: a symlink is never followed, devices and
    FIFOs are skipped), up to `max_bytes` in all. Notebooks stay out: the one being graded has the
    hidden tests restored, and one graded earlier in the same run too. Returns what was left out.
    """
    left_out: list[str] = []
    total = 0
    inbox.mkdir(mode=0o700, exist_ok=True)
    if not workdir.is_dir():
        return left_out
    for dirpath, dirnames, filenames in os.walk(workdir, followlinks=False):
        rel_dir = Path(dirpath).relative_to(workdir)
        for d in list(dirnames):
            if os.path.islink(os.path.join(dirpath, d)) or d.startswith(".ipynb_checkpoints"):
                dirnames.remove(d)
                left_out.append(str(rel_dir / d))
        for name in filenames:
            src = Path(dirpath) / name
            rel = rel_dir / name
            try:
                st = os.lstat(src)
            except OSError:
                continue
            if name.endswith(".ipynb") or not stat.S_ISREG(st.st_mode) or total + st.st_size > max_bytes:
                left_out.append(str(rel))
                continue
            dest = inbox / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(src, os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(fd, "rb") as fin, open(dest, "xb") as fout:
                shutil.copyfileobj(fin, fout)
            total += st.st_size
    return left_out


@functools.cache
def cgroup_layout() -> cg.Layout:
    """The machine's cgroup layout, probed once per process (CgroupUnavailable when none is usable).

    Groups left behind by graders that were killed (SIGKILL leaves no chance to clean up) are
    removed on the way.
    """
    layout = cg.probe()
    cg.sweep(layout)
    return layout


def limits_check(unsafe: bool = False, lang: str | None = None) -> str:
    """Describe the cgroup layout sandboxes will use; SandboxUnavailable when none and not `unsafe`."""
    lang = lang or _lang()
    try:
        return cgroup_layout().describe()
    except cg.CgroupUnavailable as exc:
        if unsafe:
            return t("sandbox.unsafe_limits_used", lang, reason=str(exc))
        raise SandboxUnavailable(t("sandbox.no_cgroup", lang, reason=str(exc))) from exc


class SandboxKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels start under bubblewrap, in a cgroup of their own."""

    hidden_paths = List(
        Unicode(),
        help="Paths to cover if they fall inside something the sandbox binds (nothing else is visible anyway).",
    ).tag(config=True)
    extra_ro_paths = List(
        Unicode(),
        help="More folders the kernel may read (data an assignment "
        "needs); the venv, the system and `conduct` are always there.",
    ).tag(config=True)
    cpu_seconds = Integer(60, help="CPU-time budget of one sandbox (all its processes), in seconds.").tag(config=True)
    memory_mb = Integer(2048, help="Memory of one sandbox (all its processes and its tmpfs), in MiB.").tag(config=True)
    max_processes = Integer(64, help="Processes and threads one sandbox may have at once.").tag(config=True)
    cpu_cores = Float(1.0, help="Cores one sandbox may use at once (a rate cap).").tag(config=True)
    work_mb = Integer(64, help="Size of the sandbox's working folder and largest file, in MiB.").tag(config=True)
    tmp_mb = Integer(64, help="Size of the sandbox's /tmp, in MiB.").tag(config=True)
    unsafe_limits = Bool(
        help="Start kernels with per-process limits only when no cgroup is usable "
        "(forked children then escape the memory and CPU limits)."
    ).tag(config=True)
    env_keep = List(Unicode(), default_value=list(ENV_KEEP), help="Environment variables passed into the sandbox.").tag(
        config=True
    )

    @default("unsafe_limits")
    def _unsafe_limits_default(self) -> bool:
        return os.environ.get(UNSAFE_LIMITS_ENV) == "1"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # parallel.autograde points KERNEL_DIR_ENV at a folder it removes at the end, so connection
        # files of kernels whose worker was killed do not pile up in /tmp
        # short names: the kernel's IPC socket path ("<dir>/k-<n>") may not exceed 107 bytes
        self._conn_dir = tempfile.mkdtemp(prefix="k", dir=os.environ.get(KERNEL_DIR_ENV) or None)
        self.transport = "ipc"
        self.ip = os.path.join(self._conn_dir, "k")
        self.connection_file = os.path.join(self._conn_dir, "kernel.json")
        self._cgroup: cg.Cgroup | None = None
        self._process: subprocess.Popen | None = None
        self._watch_stop = threading.Event()
        self._over_cpu = False
        self._sandbox_env: dict[str, str] = {}
        self.left_out: list[str] = []
        self.setup_seconds = 0.0  # time spent on the cgroup (for benchmarks/bench_autograde.py)

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        # In the sandbox's own session a signal cannot reach the kernel: interrupt by message.
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"
        cmd = super().format_kernel_cmd(extra_arguments)
        workdir = Path(str((self._launch_args or {}).get("cwd") or os.getcwd())).resolve()
        conn = Path(self._conn_dir)
        (conn / "passwd").write_text(PASSWD)
        (conn / "group").write_text(GROUP)
        shutil.rmtree(conn / INBOX, ignore_errors=True)
        self.left_out = fill_inbox(workdir, conn / INBOX, self.work_mb << 20)
        env = {k: os.environ[k] for k in self.env_keep if k in os.environ}
        env.update(
            PATH=os.path.dirname(cmd[0]) + ":" + SANDBOX_PATH,
            HOME="/tmp",
            MPLCONFIGDIR="/tmp/matplotlib",
            IPYTHONDIR="/tmp/ipython",
            PYTHONDONTWRITEBYTECODE="1",
            PYTHONNOUSERSITE="1",
        )
        self._sandbox_env = env
        full = bwrap_command(
            cmd,
            workdir=str(workdir),
            conn_dir=self._conn_dir,
            cpu_seconds=self.cpu_seconds,
            memory_bytes=self.memory_mb << 20,
            env=env,
            work_bytes=self.work_mb << 20,
            tmp_bytes=self.tmp_mb << 20,
            hidden=self.hidden_paths,
            extra_ro=self.extra_ro_paths,
        )
        self._release_cgroup()
        start = time.perf_counter()
        try:
            layout = cgroup_layout()
        except cg.CgroupUnavailable as exc:
            if not self.unsafe_limits:
                raise SandboxUnavailable(t("sandbox.no_cgroup", _lang(), reason=str(exc))) from exc
            self.log.warning(t("sandbox.unsafe_limits_used", _lang(), reason=str(exc)))
            return full
        # the kernel's per-process address-space limit stays; the group adds room for its tmpfs folders
        self._cgroup = cg.create(
            layout,
            cg.Limits(
                memory_bytes=(self.memory_mb + self.work_mb + self.tmp_mb) << 20,
                cpu_seconds=self.cpu_seconds,
                max_pids=self.max_processes,
                cpu_cores=self.cpu_cores,
            ),
        )
        self.setup_seconds += time.perf_counter() - start
        return enter_cgroup_command(full, self._cgroup.procs_files)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        # bwrap itself gets the clean environment: its own environ is what /proc/1/environ shows inside.
        kw["env"] = dict(self._sandbox_env)
        # The kernel's own console chatter ("Ctrl-C will not work", connection hints) would flood
        # the instructor's terminal, one copy per student; outputs reach nbgrader over ZMQ anyway.
        kw["stdout"] = subprocess.DEVNULL
        kw["stderr"] = subprocess.DEVNULL
        kw.pop("cwd", None)  # the real working folder is not the sandbox's: bwrap starts wherever
        await super()._async_launch_kernel(kernel_cmd, **kw)
        self._process = getattr(self.provisioner, "process", None)
        if self._cgroup is not None:
            self._watch_stop.clear()
            threading.Thread(target=self._watch_cpu, args=(self._cgroup,), daemon=True).start()

    def _watch_cpu(self, group: cg.Cgroup) -> None:
        """Kill the whole sandbox once all its processes together used up the CPU-time budget."""
        while not self._watch_stop.wait(0.25):
            if group.cpu_seconds_used() > self.cpu_seconds:
                self._over_cpu = True
                group.kill()
                return

    def stop_reason(self) -> str | None:
        """Which of the sandbox's limits stopped or hindered the kernel, in the course's language."""
        group = self._cgroup
        if self._over_cpu:
            return t("sandbox.stopped_cpu", _lang(), seconds=self.cpu_seconds)
        if group is not None and group.hit_memory_limit():
            return t("sandbox.stopped_memory", _lang(), mb=self.memory_mb)
        if group is not None and group.hit_pids_limit():
            return t("sandbox.stopped_pids", _lang(), count=self.max_processes)
        return None

    def _release_cgroup(self) -> None:
        self._watch_stop.set()
        if self._cgroup is not None:
            start = time.perf_counter()
            self._cgroup.kill()
            # bwrap, killed, stays a zombie of this process until reaped, and a v1 cpu or pids group
            # with a zombie in it cannot be removed
            if self._process is not None:
                try:
                    self._process.wait(timeout=10)
                except (subprocess.TimeoutExpired, OSError):
                    pass
            self._cgroup.remove()
            self.setup_seconds += time.perf_counter() - start
            self._cgroup = None

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            self._release_cgroup()
            shutil.rmtree(self._conn_dir, ignore_errors=True)


def _stopped_output(reason: str) -> NotebookNode:
    return NotebookNode(
        output_type="error", ename="KernelStopped", evalue=reason, traceback=[f"KernelStopped: {reason}"]
    )


def _size(value) -> int:
    """Characters of text in an output message's content (its strings, recursively)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_size(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return sum(_size(v) for v in value)
    return 8


class GuardedExecute(Execute):
    """nbgrader's Execute, made to grade whatever a submission does.

    When the kernel dies (CPU or memory limit, a crash) or ignores nbgrader's interrupt, or the
    notebook as a whole runs past `notebook_timeout` (many cells that each sleep until the per-cell
    timeout), the cell that did it and every later code cell get an error output instead of
    aborting the notebook, which nbgrader would report as a failed submission with no grade:
    nbgrader still saves grades, those cells score zero and the earlier ones keep their points.

    Outputs are capped while they arrive, per cell and per notebook (nbgrader's LimitOutput counts
    lines, so one 200 MB line went through, and the grader held it all in memory); past the cap the
    rest is dropped and a note says so, which the feedback shows.
    """

    notebook_timeout = Integer(600, help="Time limit for one whole notebook, in seconds.").tag(config=True)
    max_cell_output = Integer(100_000, help="Characters of output kept per cell.").tag(config=True)
    max_notebook_output = Integer(1_000_000, help="Characters of output kept per notebook.").tag(config=True)

    _stopped: str | None = None
    _deadline: float = 0.0

    def preprocess(self, nb, resources=None, km=None):
        if not any(
            c.cell_type == "code" and c.source.strip() and self.skip_cells_with_tag not in c.metadata.get("tags", [])
            for c in nb.cells
        ):
            return nb, resources  # every code cell is graded as data (grading.answers): no kernel to start
        self._stopped = None
        self._deadline = time.monotonic() + self.notebook_timeout
        self._cell_chars: dict[int, int] = {}
        self._notebook_chars = 0
        self._noted: set[int] = set()
        self._managers: list = []
        try:
            return super().preprocess(nb, resources, km)
        finally:  # jupyter_client does not clean up after a kernel that died (limits, a crash): we do
            for manager in self._managers:
                release = getattr(manager, "_release_cgroup", None)
                if callable(release):
                    release()

    def create_kernel_manager(self):
        manager = super().create_kernel_manager()
        self._managers.append(manager)
        return manager

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = _size(content)
        cell_room = self.max_cell_output - self._cell_chars.get(cell_index, 0)
        room = min(cell_room, self.max_notebook_output - self._notebook_chars)
        if size <= room:
            self._account(cell_index, size)
            return super().output(outs, msg, display_id, cell_index)
        out = None
        if msg.get("msg_type") == "stream" and room > 0:  # keep the beginning of the text
            msg = {**msg, "content": {**content, "text": content.get("text", "")[:room]}}
            self._account(cell_index, room)
            out = super().output(outs, msg, display_id, cell_index)
        if cell_index not in self._noted:
            self._noted.add(cell_index)
            key, chars = (
                ("sandbox.output_truncated_cell", self.max_cell_output)
                if cell_room <= room
                else ("sandbox.output_truncated_notebook", self.max_notebook_output)
            )
            outs.append(
                NotebookNode(output_type="stream", name="stderr", text="\n" + t(key, _lang(), chars=chars) + "\n")
            )
        return out

    def _account(self, cell_index: int, size: int) -> None:
        self._cell_chars[cell_index] = self._cell_chars.get(cell_index, 0) + size
        self._notebook_chars += size

    def _kernel_reason(self) -> str | None:
        reason = getattr(self._managers[-1] if self._managers else self.km, "stop_reason", None)
        return reason() if callable(reason) else None

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code":
            return cell, resources
        if self._stopped is None and time.monotonic() > self._deadline:
            self._stopped = (
                f"the notebook ran past its time limit ({self.notebook_timeout} s); later cells were not run"
            )
        if self._stopped is not None:
            cell.outputs = [_stopped_output(self._stopped)]
            return cell, resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except (DeadKernelError, CellTimeoutError) as exc:
            why = self._kernel_reason()
            self._stopped = (
                "this cell ran past the time limit and ignored the interrupt; later cells were not run"
                if isinstance(exc, CellTimeoutError)
                else t("sandbox.stopped_by_limit", _lang(), reason=why)
                if why
                else "the kernel stopped while running this cell (CPU-time or memory limit of the grading "
                "sandbox, or a crash); later cells were not run"
            )
            cell.outputs = list(cell.get("outputs", [])) + [_stopped_output(self._stopped)]
            return cell, resources


class SandboxedExecute(GuardedExecute):
    """nbgrader's Execute with every kernel in the bubblewrap sandbox."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager)
        super().__init__(*args, **kwargs)


class UnsandboxedExecute(GuardedExecute):
    """nbgrader's own kernels (for `--no-sandbox`), with the same limits on time and dead kernels."""
