"""The hub's parts without a hub: settings checks, the per-role configs, the hub config as
JupyterHub loads it, real cgroup limits on a real process, certificates on a real nbgrader
gradebook, and the z2jh values file. Fast (a few seconds)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from live import unique
from nbgrader.api import Gradebook
from pypdf import PdfReader
from traitlets.config.loader import PyFileConfigLoader

from grading import certificates
from grading.hub import cgroups
from grading.hub.settings import SETTINGS_NAME, HubSettings, SettingsError, load_settings, mem_bytes
from grading.hub.setup import role_configs

REPO = Path(__file__).resolve().parents[2]


def settings(tmp_path: Path, **over) -> HubSettings:
    base = dict(hub_dir=str(tmp_path / "hub"), venv=sys.prefix, notebooks=str(REPO / "notebooks"),
                course_root=str(tmp_path / "course"), exchange_root=str(tmp_path / "exchange"),
                proxy_command="/usr/bin/true", instructors=("giangvien",), learners=("an", "binh"))
    return HubSettings(**{**base, **over})


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / SETTINGS_NAME
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_settings_round_trip(tmp_path):
    s = settings(tmp_path, mem_limit="512M", cpu_limit=0.5)
    assert load_settings(write(tmp_path, json.loads(s.to_json()))) == s
    assert mem_bytes("512M") == 512 * 1024 * 1024 and mem_bytes("1G") == 1 << 30


@pytest.mark.parametrize("change, problem", [
    ({"mem_limt": "1G"}, "unknown setting(s) mem_limt"),
    ({"port": "8000"}, "port must be a int"),
    ({"learners": ["An Nguyen"]}, "not a valid system user name"),
    ({"learners": ["giangvien"]}, "not both"),
    ({"mem_limit": "lots"}, "not a size"),
    ({"authenticator": "dummy"}, "at least 8 characters"),
    ({"hub_dir": "relative/hub"}, "absolute path"),
])
def test_settings_refuse_what_would_silently_misbehave(tmp_path, change, problem):
    data = {**json.loads(settings(tmp_path).to_json()), **change}
    with pytest.raises(SettingsError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        load_settings(write(tmp_path, data))


def test_missing_settings_file_says_what_to_run(tmp_path):
    with pytest.raises(SettingsError, match="hub setup"):
        load_settings(tmp_path / SETTINGS_NAME)


def test_learners_have_no_instructor_tools_and_instructors_have_the_course(tmp_path):
    s = settings(tmp_path)
    roles = role_configs(s)
    learner = roles["learner"]["jupyter_server_config.json"]["ServerApp"]["jpserver_extensions"]
    assert learner["nbgrader.server_extensions.formgrader"] is False
    assert learner["nbgrader.server_extensions.create_assignment"] is False
    assert "root" not in roles["learner"]["nbgrader_config.json"]["CourseDirectory"]
    assert roles["instructor"]["nbgrader_config.json"]["CourseDirectory"]["root"] == s.course_root
    assert roles["learner"]["nbgrader_config.json"]["Exchange"]["root"] == s.exchange_root


def test_hub_config_as_jupyterhub_loads_it(tmp_path, monkeypatch):
    s = settings(tmp_path, mem_limit="768M", cull_timeout=1800)
    (tmp_path / SETTINGS_NAME).write_text(s.to_json(), encoding="utf-8")
    monkeypatch.setenv("CONDUCT_HUB_DIR", str(tmp_path))
    c = PyFileConfigLoader("jupyterhub_config.py", path=str(REPO / "deploy")).load_config()
    assert c.JupyterHub.spawner_class == "grading.hub.spawner.LimitedSpawner"
    assert c.JupyterHub.authenticator_class == "pam"
    assert c.Authenticator.allowed_users == {"giangvien", "an", "binh"}
    assert c.Authenticator.admin_users == {"giangvien"}
    assert c.Spawner.mem_limit == "768M" and c.Spawner.cpu_limit == 1.0
    assert c.JupyterHub.cleanup_servers is False  # a restart keeps learners' sessions
    culler = c.JupyterHub.services[0]
    assert culler["name"] == "idle-culler" and "--timeout=1800" in culler["command"]
    assert c.LimitedSpawner.course_links == {"vi": f"{REPO}/notebooks/vi", "en": f"{REPO}/notebooks/en"}
    assert c.ConfigurableHTTPProxy.command == ["/usr/bin/true"]


def _cgroups_or_skip() -> None:
    if os.geteuid() != 0:
        pytest.skip("creating cgroups needs root")
    try:
        cgroups.layout()
    except cgroups.CgroupUnavailable as exc:
        pytest.skip(str(exc))


def test_a_process_in_a_group_cannot_use_more_memory_than_its_limit():
    _cgroups_or_skip()
    name = unique("conduct-test-cg-")
    dirs = cgroups.create(name, cgroups.Limits(memory_bytes=64 * 1024 * 1024, cpu_cores=0.5, pids=64))
    try:
        hog = subprocess.run([sys.executable, "-c", "x = bytearray(256 * 1024 * 1024); print('survived')"],
                             preexec_fn=lambda: cgroups.join(dirs), capture_output=True, text=True, timeout=120)
        assert hog.returncode == -9 and "survived" not in hog.stdout  # killed by the group's OOM killer
        small = subprocess.run([sys.executable, "-c", "x = bytearray(8 * 1024 * 1024); print('fine')"],
                               preexec_fn=lambda: cgroups.join(dirs), capture_output=True, text=True, timeout=120)
        assert small.stdout.strip() == "fine"
        quota = [d for d in dirs if cgroups.controller_of(d) == "cpu"]
        if quota:
            assert (quota[0] / "cpu.cfs_quota_us").read_text().strip() == "50000"
    finally:
        assert cgroups.remove(dirs)
    assert not any(d.exists() for d in dirs)


def test_removing_a_group_stops_what_is_left_in_it():
    _cgroups_or_skip()
    dirs = cgroups.create(unique("conduct-test-cg-"), cgroups.Limits(memory_bytes=256 * 1024 * 1024, cpu_cores=1))
    proc = subprocess.Popen(["sleep", "300"], preexec_fn=lambda: cgroups.join(dirs))
    try:
        assert proc.pid in cgroups.members(dirs)
        assert cgroups.remove(dirs)
        assert proc.wait(10) == -9
    finally:
        if proc.poll() is None:
            proc.kill()


def _gradebook_with(db_url: str, scores: dict[str, float]) -> None:
    with Gradebook(db_url) as gb:
        gb.add_assignment("final-vi")
        gb.add_notebook("final-vi", "final-vi")
        gb.add_grade_cell("q1", "final-vi", "final-vi", max_score=10, cell_type="code")
        gb.add_solution_cell("a1", "final-vi", "final-vi")
        for student, score in scores.items():
            gb.add_student(student, first_name="Nguyễn", last_name=f"Văn {student.upper()}")
            gb.add_submission("final-vi", student)
            grade = gb.find_grade("q1", "final-vi", "final-vi", student)
            grade.auto_score = score
            grade.needs_manual_grade = False  # as nbgrader's autograder leaves a passing code cell
            gb.db.commit()


def test_certificates_only_for_a_pass_and_codes_check_against_the_gradebook(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    _gradebook_with(db_url, {"an": 9, "binh": 6.5, "chi": 7})
    issued, pending = certificates.issue(db_url, "final-vi", 70, "Trường (kiểm thử)")
    assert [(c.student_id, c.score, c.learner_name) for c in issued] == [("an", 9.0, "Nguyễn Văn AN"),
                                                                          ("chi", 7.0, "Nguyễn Văn CHI")]
    assert pending == []
    again, _ = certificates.issue(db_url, "final-vi", 70, "other")
    assert [c.code for c in again] == [c.code for c in issued]  # issuing twice never changes a code
    code = issued[0].code
    assert len(code) == 14 and code.count("-") == 2
    found = certificates.verify(db_url, code.lower().replace("-", " "), 70)
    assert found.certificate == issued[0] and found.still_passing
    assert certificates.verify(db_url, "0000-0000-0000", 70).certificate is None
    with Gradebook(db_url) as gb:  # a regrade below the pass mark shows on verification
        gb.find_grade("q1", "final-vi", "final-vi", "an").manual_score = 3
        gb.db.commit()
    changed = certificates.verify(db_url, code, 70)
    assert changed.certificate is not None and not changed.still_passing and changed.current_score == 3
    pdf = certificates.write_pdf(issued[1], tmp_path / "chi.pdf", "vi")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Nguyễn Văn CHI" in text and issued[1].code in text and "Trường (kiểm thử)" in text


def test_codes_are_random_and_typing_slips_are_forgiven():
    codes = {certificates.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert certificates.normalise_code("ab1o-llx2 yz34") == "AB10-11X2-YZ34"


# z2jh's documented configuration keys (the chart's schema and "Configuration Reference") for the
# paths this file uses; a misspelt key would be ignored by Helm and silently change nothing.
Z2JH_KEYS = {
    "hub": {"config", "db", "extraEnv", "extraConfig", "loadRoles", "cookieSecret", "extraFiles", "extraVolumes",
            "extraVolumeMounts", "services", "image", "resources", "networkPolicy", "baseUrl",
            "concurrentSpawnLimit", "activeServerLimit", "allowNamedServers", "namedServerLimitPerUser"},
    "hub.db": {"type", "url", "password", "pvc", "upgrade"},
    "proxy": {"https", "service", "secretToken", "chp", "traefik"},
    "proxy.https": {"enabled", "hosts", "letsencrypt", "type", "manual", "secret"},
    "singleuser": {"image", "memory", "cpu", "storage", "networkPolicy", "startTimeout", "defaultUrl", "cmd",
                   "extraEnv", "profileList", "lifecycleHooks", "uid", "fsGid", "serviceAccountName", "nodeSelector"},
    "singleuser.memory": {"limit", "guarantee"},
    "singleuser.cpu": {"limit", "guarantee"},
    "singleuser.storage": {"type", "capacity", "extraVolumes", "extraVolumeMounts", "dynamic", "homeMountPath",
                           "static", "extraLabels"},
    "singleuser.networkPolicy": {"enabled", "egress", "egressAllowRules", "ingress", "interNamespaceAccessLabels",
                                 "allowedIngressPorts"},
    "singleuser.networkPolicy.egressAllowRules": {"cloudMetadataServer", "dnsPortsCloudMetadataServer",
                                                  "dnsPortsKubeSystemNamespace", "dnsPortsPrivateIPs",
                                                  "nonPrivateIPs", "privateIPs"},
    "cull": {"enabled", "timeout", "every", "users", "removeNamedServers", "maxAge", "concurrency", "adminUsers"},
    "scheduling": {"userScheduler", "podPriority", "userPlaceholder", "corePods", "userPods"},
    "scheduling.userPlaceholder": {"enabled", "replicas", "resources"},
    "prePuller": {"hook", "continuous", "pullProfileListImages", "extraImages"},
}
TOP = {"hub", "proxy", "singleuser", "cull", "scheduling", "prePuller", "ingress", "debug", "rbac", "global"}


def test_z2jh_values_are_yaml_with_the_charts_keys():
    values = yaml.safe_load((REPO / "deploy" / "z2jh" / "values.yaml").read_text(encoding="utf-8"))
    assert set(values) <= TOP
    for path, allowed in Z2JH_KEYS.items():
        node = values
        for part in path.split("."):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        assert set(node) <= allowed, (path, set(node) - allowed)
    assert values["singleuser"]["memory"]["limit"] == "1G" and values["singleuser"]["cpu"]["limit"] == 1
    assert values["cull"]["enabled"] is True and values["cull"]["timeout"] == 3600
    assert "voila/render/vi/" in values["hub"]["extraConfig"]["10-conduct-roles.py"]
    compile(values["hub"]["extraConfig"]["10-conduct-roles.py"], "10-conduct-roles.py", "exec")
