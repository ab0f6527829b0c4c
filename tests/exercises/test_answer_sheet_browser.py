"""A learner answers a released assignment with the keyboard alone, in Voilà (the learner app).

The real `art4-vi` release (made by nbgrader's generate_assignment) is served by Voilà in directory
mode from a folder that stands for the learner's assignment folder, on a free loopback port, and
driven by Debian's Chromium through Playwright. Tab and Space answer a post; answers.json appears
beside the notebook with the agreed schema, the item's live region says it was saved, and the page
never shows code, a key, or right and wrong. The same release, opened in JupyterLab and run once,
saves a click the same way.

Needs Debian's chromium (`./course test` installs it): without it the module is skipped with the reason.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conduct.i18n import t
from grading.course import load_config, nbgrader_env, setup_course

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ASSIGNMENT = "art4-vi"
START_TIMEOUT_S = 60
RENDER_TIMEOUT_MS = 90_000
STEP_TIMEOUT_S = 15

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                "(`./course test` installs it; or `apt-get install chromium`)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _release(tmp: Path) -> Path:
    """The assignment as nbgrader releases it, in a folder of its own (the learner's assignment folder)."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    os.environ["PATH"] = nbgrader_env()["PATH"]
    course, _, _ = setup_course(tmp / "course", only=[ASSIGNMENT])
    config = load_config(course)
    result = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config).generate_assignment(ASSIGNMENT)
    assert result["success"], result.get("error")
    app = tmp / "learner"
    shutil.copytree(course.step("release") / ASSIGNMENT, app / ASSIGNMENT)
    return app


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Voilà (directory mode) over the learner's folder; yields (page url, assignment folder)."""
    tmp = tmp_path_factory.mktemp("sheet-voila")
    app = _release(tmp)
    bindir = Path(sys.executable).parent
    port = _free_port()
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", JUPYTER_RUNTIME_DIR=str(tmp / "rt"))
    log = open(tmp / "voila.log", "w+", encoding="utf-8")
    proc = subprocess.Popen([str(bindir / "voila"), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
                             "--VoilaConfiguration.show_tracebacks=True", str(app)], cwd=app, env=env,
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"voila exited with {proc.returncode}:\n{log.read()[-3000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("voila did not start")
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/voila/render/{ASSIGNMENT}/{ASSIGNMENT}.ipynb", app / ASSIGNMENT
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the session Voilà leads: its kernels end with it
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium for the module (Playwright's sync API runs one event loop at a time)."""
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    context = pw.chromium.launch_persistent_context(str(tmp_path_factory.mktemp("profile")), executable_path=CHROMIUM,
                                                    headless=True, args=CHROMIUM_ARGS, locale="vi-VN",
                                                    viewport={"width": 1200, "height": 900})
    try:
        yield context
    finally:
        context.close()
        pw.stop()


@pytest.fixture(scope="module")
def page(served, browser):
    url, _ = served
    pg = browser.new_page()
    pg.goto(url, wait_until="domcontentloaded")
    pg.wait_for_function("() => !document.getElementById('loading')", timeout=RENDER_TIMEOUT_MS)
    pg.get_by_role("button", name=t("checker.verdict.violation", "vi"), exact=True).first.wait_for(timeout=RENDER_TIMEOUT_MS)
    yield pg
    pg.close()


def _answers(folder: Path, key: str, want):
    """answers.json's answer to `key`, once it equals `want` (a click's save is a kernel round trip)."""
    deadline = time.monotonic() + STEP_TIMEOUT_S
    data = None
    while time.monotonic() < deadline:
        try:
            data = json.loads((folder / "answers.json").read_text(encoding="utf-8"))
            if data["answers"].get(key) == want:
                return data
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.2)
    pytest.fail(f"answers.json never recorded {key} = {want!r}; it holds {data}")


def _focused(pg) -> str:
    return pg.evaluate("() => { const e = document.activeElement; if (!e || e === document.body) return '';"
                       " const l = e.closest('label'); return (l ? l.innerText : (e.innerText || e.value || '')).trim(); }")


def test_a_post_is_answered_with_tab_and_space_and_saved_as_data(page, served):
    _, folder = served
    verdict = page.get_by_role("button", name=t("checker.verdict.violation", "vi"), exact=True).first
    verdict.focus()
    page.keyboard.press("Space")
    data = _answers(folder, "hate-verdict", "violation")
    assert data["schema_version"] == 1 and data["assignment"] == ASSIGNMENT and data["notebook"] == ASSIGNMENT
    seen = []
    for _ in range(15):  # from the verdict buttons into the clause boxes, to Art. 4(5)
        page.keyboard.press("Tab")
        label = _focused(page)
        seen.append(label[:30])
        if label.startswith("Điều 4 khoản 5"):
            break
    else:
        pytest.fail(f"Tab never reached the Art. 4(5) box; focus visited {seen}")
    page.keyboard.press("Space")
    _answers(folder, "hate-clauses", ["4(5)"])
    page.get_by_role("status").filter(has_text=t("exercises.sheet.saved", "vi")).first.wait_for(timeout=STEP_TIMEOUT_S * 1000)


def test_the_page_shows_no_code_no_key_and_no_verdict_on_the_answer(page, served):
    text = page.inner_text("body")
    assert "sheet.post" not in text and "ANSWER_KEY" not in text and "answer_sheet" not in text
    for key in ("exercises.graded.right", "exercises.graded.wrong", "widgets.right", "widgets.wrong"):
        assert t(key, "vi") not in text
    assert page.locator("input[type=radio]").count() == 0


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab (what `./course lab` opens) over a copy of the learner's folder; yields (notebook url, folder)."""
    tmp = tmp_path_factory.mktemp("sheet-lab")
    app = _release(tmp)
    bindir = Path(sys.executable).parent
    port = _free_port()
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", JUPYTER_RUNTIME_DIR=str(tmp / "rt"),
               JUPYTER_CONFIG_DIR=str(tmp / "cfg"))
    log = open(tmp / "lab.log", "w+", encoding="utf-8")
    proc = subprocess.Popen([str(bindir / "jupyter"), "lab", "--no-browser", "--allow-root", f"--port={port}",
                             "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", "--ServerApp.password=",
                             "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                             "--LabApp.collaborative=False", f"--ServerApp.root_dir={app}"],
                            cwd=app, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log.read()[-3000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("jupyter lab did not start")
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}/lab/tree/{ASSIGNMENT}/{ASSIGNMENT}.ipynb", app / ASSIGNMENT
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
        log.close()


def test_the_same_notebook_works_in_jupyterlab(lab, browser):
    """Run every cell once (as the how-to says), then click: answers.json is saved beside the notebook."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    url, folder = lab
    pg = browser.new_page()
    try:
        pg.goto(url, wait_until="domcontentloaded")
        pg.locator(".jp-Notebook").first.wait_for(timeout=RENDER_TIMEOUT_MS)
        select = pg.get_by_role("button", name="Select", exact=True)  # Lab asks which kernel for a fresh notebook
        try:
            select.wait_for(timeout=20_000)
            select.click()
        except PlaywrightTimeout:
            pass  # no dialog: the kernel started by itself
        pg.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(timeout=RENDER_TIMEOUT_MS)
        pg.get_by_role("menuitem", name="Run", exact=True).click()
        pg.get_by_role("menuitem", name="Run All Cells").first.click()
        button = pg.get_by_role("button", name=t("checker.verdict.caution", "vi"), exact=True).first
        button.wait_for(timeout=RENDER_TIMEOUT_MS)
        button.click()
        _answers(folder, "hate-verdict", "caution")
    finally:
        pg.close()
