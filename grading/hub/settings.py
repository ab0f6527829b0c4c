"""The hub's settings: one JSON file that `conduct-course hub setup` writes and the hub config reads.

deploy/jupyterhub_config.py is plain, commented JupyterHub configuration; everything that differs
between one school's server and another (ports, users, the course folder, limits) lives in this
file beside it, so an upgrade replaces the config without touching a site's choices. Unknown keys
are errors, never ignored: a typo such as "mem_limt" must not silently leave learners unlimited.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path

SETTINGS_NAME = "hub_settings.json"
AUTHENTICATORS = ("pam", "dummy")
_USER = re.compile(r"^[a-z_][a-z0-9_-]{0,31}$")  # what useradd accepts (Debian's default NAME_REGEX)
_BYTES = re.compile(r"^[0-9]+(\.[0-9]+)?[KMGT]?$")


class SettingsError(ValueError):
    """The settings file is missing, malformed or names something impossible; the message says which key."""


@dataclass(frozen=True)
class HubSettings:
    """Everything site-specific about one hub. Paths are absolute.

    authenticator: "pam" signs users in with their system password (production); "dummy" accepts
    one shared password and exists only for tests and demos on a private machine.
    """

    hub_dir: str  # the hub's own state: jupyterhub.sqlite, cookie secret, this file
    venv: str  # the virtual environment the hub and every single-user server run from
    notebooks: str  # the course's notebooks/ folder (vi/, en/): the learner app
    course_root: str  # the instructor's nbgrader course folder (gradebook config inside)
    exchange_root: str  # nbgrader's exchange, shared by every user of this machine
    proxy_command: str  # configurable-http-proxy, from npm
    instructors: tuple[str, ...]  # system users who get JupyterLab and the formgrader
    learners: tuple[str, ...]  # system users who get the learner app
    course_id: str = "conduct"
    home_page: str = "vi/00-Bat-Dau-Tu-Day.ipynb"  # the learner's default page, relative to notebooks/
    ip: str = "0.0.0.0"
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    mem_limit: str = "1G"
    cpu_limit: float = 1.0
    instructor_mem_limit: str = "4G"  # autograding runs in the instructor's server: N workers and sandboxes
    instructor_cpu_limit: float = 2.0
    cull_timeout: int = 3600  # seconds of inactivity before a learner's server is stopped
    cull_every: int = 300
    authenticator: str = "pam"
    dummy_password: str = ""
    cgroup_prefix: str = "conduct-hub"
    ssl_cert: str = ""
    ssl_key: str = ""

    def __post_init__(self) -> None:
        for name in ("hub_dir", "venv", "notebooks", "course_root", "exchange_root", "proxy_command"):
            if not Path(getattr(self, name)).is_absolute():
                raise SettingsError(f"{name}: {getattr(self, name)!r} must be an absolute path")
        for name in (*self.instructors, *self.learners):
            if not _USER.match(name):
                raise SettingsError(
                    f"user {name!r} is not a valid system user name "
                    "(lowercase letters, digits, '_' or '-', at most 32, starting with a letter)"
                )
        both = sorted(set(self.instructors) & set(self.learners))
        if both:
            raise SettingsError(f"{', '.join(both)}: a user is an instructor or a learner, not both")
        if self.authenticator not in AUTHENTICATORS:
            raise SettingsError(f"authenticator: {self.authenticator!r} is not one of {', '.join(AUTHENTICATORS)}")
        if self.authenticator == "dummy" and len(self.dummy_password) < 8:
            raise SettingsError("dummy_password: the shared test password needs at least 8 characters")
        for name in ("mem_limit", "instructor_mem_limit"):
            if not _BYTES.match(getattr(self, name)):
                raise SettingsError(f"{name}: {getattr(self, name)!r} is not a size such as 512M or 1G")
        for name in ("cpu_limit", "instructor_cpu_limit"):
            if not 0 < getattr(self, name) <= 64:
                raise SettingsError(f"{name}: {getattr(self, name)} must be a number of cores above 0")
        if len({self.port, self.hub_port, self.proxy_api_port}) != 3:
            raise SettingsError("port, hub_port and proxy_api_port must be three different ports")
        if bool(self.ssl_cert) != bool(self.ssl_key):
            raise SettingsError("ssl_cert and ssl_key go together")

    @property
    def python(self) -> str:
        return str(Path(self.venv) / "bin" / "python")

    @property
    def bin(self) -> str:
        return str(Path(self.venv) / "bin")

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def mem_bytes(spec: str) -> int:
    """ "512M" -> bytes (powers of 1024, as JupyterHub's mem_limit reads them)."""
    unit = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}.get(spec[-1:], 1)
    number = spec[:-1] if spec[-1:] in "KMGT" else spec
    return int(float(number) * unit)


def load_settings(path: str | Path) -> HubSettings:
    """Read and check a settings file; unknown or missing keys are errors naming the key."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"{path}: no such file (run `conduct-course hub setup` first)") from None
    except ValueError as exc:
        raise SettingsError(f"{path}: not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{path}: expected an object of settings")
    known = {f.name: f for f in dataclasses.fields(HubSettings)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s) {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    missing = sorted(n for n, f in known.items() if n not in data and f.default is dataclasses.MISSING)
    if missing:
        raise SettingsError(f"{path}: missing setting(s) {', '.join(missing)}")
    for name in ("instructors", "learners"):
        if name in data:
            if not isinstance(data[name], list) or not all(isinstance(u, str) for u in data[name]):
                raise SettingsError(f"{path}: {name} must be a list of user names")
            data[name] = tuple(data[name])
    for name, f in known.items():  # a setting has the type of its default (str for the required paths)
        if name in data and name not in ("instructors", "learners"):
            want = str if f.default is dataclasses.MISSING else type(f.default)
            ok = isinstance(data[name], want) or (want is float and isinstance(data[name], int))
            if not ok or isinstance(data[name], bool):
                raise SettingsError(f"{path}: {name} must be a {want.__name__}, not {data[name]!r}")
    try:
        return HubSettings(**data)
    except TypeError as exc:
        raise SettingsError(f"{path}: {exc}") from None
