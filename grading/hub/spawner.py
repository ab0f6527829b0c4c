"""The single-user server of each learner or instructor: a local process, inside its own cgroup.

`LimitedSpawner` is JupyterHub's LocalProcessSpawner (the server runs as the user's own system
account, so file permissions keep learners apart) with three additions:

- `mem_limit` and `cpu_limit` are enforced, not advisory: the hub creates a cgroup per user
  (grading/hub/cgroups.py) and the server joins it between fork and exec, before dropping root, so
  every kernel the server starts is inside the same limits and cannot leave them;
- the server runs in the user's home, where `vi/` and `en/` are links to the course notebooks, so
  the learner app's pages are `/user/<name>/voila/render/vi/<page>.ipynb` and assignments fetched
  from nbgrader's exchange land next to them;
- learners and instructors get a different Jupyter config folder (JUPYTER_CONFIG_PATH): learners
  have no formgrader, instructors have nbgrader's course folder. The folders are written by
  `conduct-course hub setup` under the hub folder; a learner cannot edit them.
"""

from __future__ import annotations

import os
import pwd
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Bool, Dict, Unicode

from grading.hub import cgroups


class LimitedSpawner(LocalProcessSpawner):
    """LocalProcessSpawner with enforced limits and the course's per-role setup."""

    cgroup_prefix = Unicode("conduct-hub", help="Prefix of the per-user cgroup names (unique per hub).").tag(
        config=True
    )
    enforce_limits = Bool(True, help="Refuse to start a server whose limits cannot be enforced.").tag(config=True)
    delegate_cgroup = Bool(
        False,
        help="Give the user their group to make groups inside it (instructors: "
        "the autograding sandbox limits each submission in a group of its own).",
    ).tag(config=True)
    course_links = Dict(
        Unicode(),
        help="{name in the home: target}: links made in each home at start "
        "(the course's notebooks/vi and notebooks/en).",
    ).tag(config=True)

    _cgroup_dirs: list[Path] = []

    @property
    def cgroup_name(self) -> str:
        return f"{self.cgroup_prefix}-{self.user.name}"

    def _prepare_cgroup(self) -> list[Path]:
        if not (self.mem_limit or self.cpu_limit):
            return []
        limits = cgroups.Limits(
            memory_bytes=int(self.mem_limit or 0) or (1 << 62), cpu_cores=float(self.cpu_limit or os.cpu_count() or 1)
        )
        try:
            dirs = cgroups.create(self.cgroup_name, limits)
            if self.delegate_cgroup:
                entry = pwd.getpwnam(self.user.name)
                cgroups.delegate(dirs, entry.pw_uid, entry.pw_gid)
            return dirs
        except (cgroups.CgroupUnavailable, OSError) as exc:
            if self.enforce_limits:
                raise RuntimeError(f"cannot enforce the limits of {self.user.name}'s server: {exc}") from exc
            self.log.warning("limits of %s's server not enforced: %s", self.user.name, exc)
            return []

    def make_preexec_fn(self, name):
        become_user = set_user_setuid(name)
        dirs = list(self._cgroup_dirs)
        links = dict(self.course_links)
        home = pwd.getpwnam(name).pw_dir

        def preexec() -> None:
            cgroups.join(dirs)  # still root here: join first, so the user cannot leave the group
            become_user()
            for link, target in links.items():  # as the user, in the user's own home
                path = os.path.join(home, link)
                if not os.path.lexists(path):
                    os.symlink(target, path)

        return preexec

    async def start(self):
        self._cgroup_dirs = self._prepare_cgroup()
        return await super().start()

    async def stop(self, now=False):
        await super().stop(now=now)
        dirs = self._cgroup_dirs or self._existing_dirs()
        if dirs and not cgroups.remove(dirs):
            self.log.warning("could not remove the cgroup of %s's server", self.user.name)
        self._cgroup_dirs = []

    def _existing_dirs(self) -> list[Path]:
        """After a hub restart the spawner object is new: find the group by its name."""
        try:
            return [d for d in cgroups.group_dirs(self.cgroup_name) if d.exists()]
        except cgroups.CgroupUnavailable:
            return []

    def memory_usage(self) -> int:
        """Bytes used by this user's server and kernels now (for the benchmark and the admin)."""
        return cgroups.memory_usage(self._cgroup_dirs or self._existing_dirs())
