# JupyterHub configuration for the course on one server (JupyterHub 5/6, run as root).
#
# `conduct-course hub setup` copies this file into the hub folder next to hub_settings.json and
# never overwrites it afterwards; the site's choices (users, ports, limits, paths) are in the JSON
# file, checked on load by grading/hub/settings.py. Start the hub from the hub folder:
#     cd /srv/conduct-hub && /path/to/.venv/bin/jupyterhub -f jupyterhub_config.py
# The Kubernetes version of the same choices is deploy/z2jh/values.yaml.
import os
from pathlib import Path

from conduct.app.paths import template_root
from grading.hub.settings import SETTINGS_NAME, load_settings

c = get_config()  # noqa: F821
here = Path(os.environ.get("CONDUCT_HUB_DIR") or Path(__file__).resolve().parent)
s = load_settings(here / SETTINGS_NAME)

# --- where the hub listens and keeps its state -------------------------------------------------
c.JupyterHub.ip = s.ip
c.JupyterHub.port = s.port
c.JupyterHub.hub_ip = "127.0.0.1"           # the hub's own API: only the proxy and servers here use it
c.JupyterHub.hub_port = s.hub_port
c.JupyterHub.db_url = f"sqlite:///{here / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(here / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(here / "jupyterhub.pid")
if s.ssl_cert:  # serve HTTPS directly; behind a TLS-terminating reverse proxy leave these empty
    c.JupyterHub.ssl_cert = s.ssl_cert
    c.JupyterHub.ssl_key = s.ssl_key

# The proxy (configurable-http-proxy, from npm) is started by the hub on 127.0.0.1.
c.ConfigurableHTTPProxy.command = [s.proxy_command]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s.proxy_api_port}"
c.ConfigurableHTTPProxy.pid_file = str(here / "proxy.pid")

# Restarting the hub (an upgrade, a config change) must not end learners' sessions: their servers
# keep running and the restarted hub finds them again from its database.
c.JupyterHub.cleanup_servers = False

# --- who may sign in ---------------------------------------------------------------------------
if s.authenticator == "pam":
    # System accounts and their passwords (created by `conduct-course hub setup` from the roster).
    c.JupyterHub.authenticator_class = "pam"
    c.PAMAuthenticator.open_sessions = False  # no systemd-logind session per server
else:
    # Tests and demos only: every allowed user signs in with one shared password.
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = s.dummy_password
c.Authenticator.allowed_users = set(s.learners) | set(s.instructors)
c.Authenticator.admin_users = set(s.instructors)
c.JupyterHub.load_groups = {
    "instructors": {"users": list(s.instructors)},
    "learners": {"users": list(s.learners)},
}

# --- each user's server --------------------------------------------------------------------------
c.JupyterHub.spawner_class = "grading.hub.spawner.LimitedSpawner"
c.Spawner.cmd = [str(Path(s.bin) / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"                 # the home; vi/ and en/ link to the course notebooks
c.LimitedSpawner.course_links = {lang: str(Path(s.notebooks) / lang) for lang in ("vi", "en")}
c.LimitedSpawner.cgroup_prefix = s.cgroup_prefix
c.Spawner.mem_limit = s.mem_limit            # enforced by the spawner's cgroup (grading/hub/cgroups.py)
c.Spawner.cpu_limit = s.cpu_limit
c.Spawner.start_timeout = 120                # a loaded machine starts JupyterLab slowly
c.Spawner.http_timeout = 120
# As the learner's own `./course start` runs the app (conduct/app/server.py): the course's Voilà
# template first on JUPYTER_PATH, no byte code written next to the shared checkout.
c.Spawner.environment = {"PATH": f"{s.bin}:/usr/local/bin:/usr/bin:/bin", "CONDUCT_LANG": "vi",
                         "JUPYTER_PATH": str(template_root()), "PYTHONDONTWRITEBYTECODE": "1", "MPLBACKEND": "Agg"}


def per_role(spawner):
    """Learners land on the learner app and get no instructor tools; instructors get JupyterLab."""
    groups = {g.name for g in spawner.user.groups}
    role = "instructor" if spawner.user.name in s.instructors or "instructors" in groups else "learner"
    spawner.environment = dict(spawner.environment, JUPYTER_CONFIG_PATH=str(here / "jupyter" / role))
    spawner.default_url = "/lab" if role == "instructor" else f"/voila/render/{s.home_page}"
    if role == "instructor":  # autograding (N workers, each submission in a sandbox group) runs here
        spawner.mem_limit = s.instructor_mem_limit
        spawner.cpu_limit = s.instructor_cpu_limit
        spawner.delegate_cgroup = True


c.Spawner.pre_spawn_hook = per_role

# --- idle servers are stopped (their files stay) --------------------------------------------------
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [s.python, "-m", "jupyterhub_idle_culler", f"--timeout={s.cull_timeout}",
                f"--cull-every={s.cull_every}"],
}]
