"""A learner with only a keyboard works through a real lesson, rendered by Voilà in headless Chromium.

The widget tests click buttons from Python; this module checks what only a browser shows: that the
exercise and the quiz can be reached and operated with Tab, Shift+Tab, Enter and Space alone, that
feedback lands in an ARIA live region (role="status") and says right/wrong with a symbol and words,
that focus stays in the exercise after each choice, that no radio inputs appear, and that the hidden
code cells show no source, in Voilà and in JupyterLab (which `./course lab` opens for authors). One Voilà
server and one page serve the Voilà tests (Voilà starts a kernel per page load); each test reads the
state it starts from, so their order does not matter.

Needs Debian's chromium (`./course test` installs it): without it the module is skipped with the
reason; any other failure to start Voilà or the browser fails the tests.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conduct.bank import post as bank_post
from conduct.curriculum.cite import expand
from conduct.curriculum.lessons import find_part
from conduct.i18n import t
from conduct.progress import ProgressStore

ROOT = Path(__file__).resolve().parents[2]
LANG = "vi"
NOTEBOOK = next(iter(sorted((ROOT / "notebooks" / LANG).glob("03-*.ipynb"))), None)
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
# The flags this machine needs (closed network, root, no GPU): see the env notes for Chromium.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
START_TIMEOUT_S = 30      # Voilà listening on its port
RENDER_TIMEOUT_MS = 45_000  # the notebook executed and its widgets drawn
STEP_TIMEOUT_MS = 10_000    # one keypress's feedback (a kernel round trip, plus the checker on a verdict)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed "
                                "(`./course test` installs it; or `apt-get install chromium`)")


# ---------------------------------------------------------------- what the notebook should show

def _hidden_code_cells() -> list[str]:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def _part_id(kind: str) -> str:
    """The exercise or quiz id the notebook's hidden cell asks for, e.g. show.exercise("c03-posts", "vi")."""
    for src in _hidden_code_cells():
        m = re.search(rf'show\.{kind}\("([^"]+)"', src)
        if m:
            return m[1]
    raise AssertionError(f"{NOTEBOOK.name} has no show.{kind}(...) cell")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


# ---------------------------------------------------------------- Voilà and the browser

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Direct children of `pid` (Voilà's kernels run in their own sessions, so a group kill misses them)."""
    kids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    kids.append(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    return kids


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM lets Voilà shut its kernels down; anything it leaves is ended by id."""
    kids = _children(proc.pid)
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    deadline = time.monotonic() + 5
    for k in kids:
        while Path(f"/proc/{k}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        if Path(f"/proc/{k}").exists():
            try:
                os.kill(k, signal.SIGKILL)
            except ProcessLookupError:
                pass


@contextlib.contextmanager
def _serve(name: str, args: list[str], cwd: Path, tmp: Path, **env_extra: str):
    """Run a Jupyter server app from the test's environment on a free loopback port; yield (url, log).

    The environment passes through (so the suite's settings reach the kernels), with the venv's bin/
    first on PATH for the kernel, and the runtime files kept in `tmp`. Stopped on exit, kernels too.
    """
    bindir = Path(sys.executable).parent
    exe = bindir / name
    assert exe.exists(), f"{name} is not installed beside {sys.executable}: run ./course test (it installs the test extras)"
    port = _free_port()
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}",
               JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), **env_extra)
    log = open(tmp / f"{name}.log", "w+", encoding="utf-8")
    proc = subprocess.Popen([str(exe), "--no-browser", f"--port={port}", *args], cwd=cwd, env=env,
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"{name} exited with {proc.returncode} before serving:\n{log.read()[-3000:]}")
            try:  # listening is enough: the page fixtures wait for the app's own state
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"{name} did not answer on {url} within {START_TIMEOUT_S} s:\n{log.read()[-3000:]}")
                time.sleep(0.3)
        yield url, log
    finally:
        _stop(proc)
        log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Debian Chromium with a fresh profile, driven by Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # a test extra: its absence is an install problem, not a reason to skip
        pytest.fail(f"playwright is not installed ({e}): run ./course test or pip install -e '.[test]'")
    pw = sync_playwright().start()
    context = None
    try:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1100, "height": 900}, locale="vi-VN")
        context.set_default_timeout(STEP_TIMEOUT_MS)
        yield context
    finally:
        if context is not None:
            context.close()
        pw.stop()


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    """Voilà serving the lesson on 127.0.0.1 with its own progress file; yields (url, progress path, log).

    Its own file, not the suite's: the exercise must start at post 1, whatever other tests saved.
    """
    assert NOTEBOOK is not None, "notebooks/vi/03-*.ipynb is missing: run `python -m conduct.curriculum.build`"
    tmp = tmp_path_factory.mktemp("voila")
    progress = tmp / "progress.json"
    with _serve("voila", ["--Voila.ip=127.0.0.1", "--VoilaConfiguration.show_tracebacks=True", NOTEBOOK.name],
                NOTEBOOK.parent, tmp, CONDUCT_PROGRESS=str(progress)) as (url, log):
        yield url, progress, log


@pytest.fixture(scope="module")
def page(voila, browser):
    """The lesson loaded once, after Voilà has run every cell and drawn the widgets."""
    url, _, log = voila
    pg = browser.new_page()
    pg.goto(url, wait_until="domcontentloaded", timeout=RENDER_TIMEOUT_MS)
    try:
        # Voilà removes #loading once every cell has run; the widgets' views are then drawn from the
        # kernel's models: wait for the classifier's first button and the quiz's last option.
        pg.wait_for_function("() => !document.getElementById('loading')", timeout=RENDER_TIMEOUT_MS)
        pg.get_by_role("button", name=t("checker.verdict.ok", LANG), exact=True).wait_for(timeout=RENDER_TIMEOUT_MS)
        last = find_part(_part_id("quiz"), "quiz").data["items"][-1]["options"][-1]["text"][LANG]
        pg.get_by_role("button", name=expand(last, LANG)).wait_for()
    except Exception as e:
        errors = pg.locator('[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
        log.seek(0)
        pytest.fail(f"the lesson did not render its widgets: {e}\ncell errors: {errors}\nvoila log:\n{log.read()[-3000:]}")
    yield pg
    pg.close()


# ---------------------------------------------------------------- keyboard helpers

def focused(pg) -> str:
    """The focused element's visible label (what a screen reader would read for a button)."""
    return _norm(pg.evaluate("() => { const e = document.activeElement; "
                             "return e && e !== document.body ? (e.innerText || e.textContent || '') : ''; }"))


def press_until(pg, want, *, key: str = "Tab", limit: int = 80) -> str:
    """Press `key` until the focused element's label satisfies `want`; fail naming what focus visited."""
    seen = []
    for _ in range(limit):
        pg.keyboard.press(key)
        label = focused(pg)
        if want(label):
            return label
        seen.append(label[:40])
    pytest.fail(f"{key} pressed {limit} times never reached the control; focus visited: {seen}")


def wait_focus(pg, want, what: str) -> str:
    """The widget moves focus from Python after a choice; give the kernel's message time to arrive."""
    deadline = time.monotonic() + STEP_TIMEOUT_MS / 1000
    while True:
        label = focused(pg)
        if want(label):
            return label
        if time.monotonic() > deadline:
            pytest.fail(f"focus should be on {what} after the choice, but is on {label!r}")
        pg.wait_for_timeout(100)


def status_with(pg, text: str):
    """The live region (role=status) that shows `text`, once it does."""
    region = pg.get_by_role("status").filter(has_text=text).first
    try:
        region.wait_for(timeout=STEP_TIMEOUT_MS)
    except Exception:
        where = ("it is on the page, but in no role=status live region" if pg.get_by_text(text).count()
                 else "it is not on the page")
        pytest.fail(f"expected feedback {text!r} in a live region (role=status): {where}")
    return region


def quiz_score(pg, total: int) -> tuple[int, int]:
    """(right at first try, questions left) as the quiz's score region says now, whatever ran before."""
    texts = _norm(" ".join(pg.get_by_role("status").all_inner_texts()))
    correct = next(c for c in range(total + 1) if _norm(t("widgets.quiz.score", LANG, correct=c, total=total)) in texts)
    left = next((n for n in range(1, total + 1) if _norm(t("widgets.quiz.remaining", LANG, count=n)) in texts), 0)
    return correct, left


# ---------------------------------------------------------------- the tests

def test_page_shows_no_code_and_no_radio_buttons(page, tmp_path_factory):
    body = page.inner_text("body")
    assert unicodedata.normalize("NFC", body) == body, "the page's text is not NFC"
    title = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"][0]["source"]
    heading = next(line.lstrip("# ").strip() for line in "".join(title).splitlines() if line.startswith("#"))
    assert heading in body, f"the lesson's Vietnamese heading {heading!r} is not on the page"

    html = page.content()
    for src in _hidden_code_cells():
        for line in filter(None, (s.strip() for s in src.splitlines())):
            assert line not in body and line not in html, f"code cell source shown to the learner: {line!r}"
    assert page.locator(".jp-CodeCell .jp-InputArea:visible, .cm-editor, .CodeMirror").count() == 0

    assert page.locator("input[type=radio]").count() == 0
    assert page.get_by_role("radio").count() == 0 and page.get_by_role("radiogroup").count() == 0

    shot = tmp_path_factory.mktemp("screens") / "lesson03-vi.png"
    page.get_by_role("button", name=t("checker.verdict.ok", LANG), exact=True).scroll_into_view_if_needed()
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_classifier_with_the_keyboard_alone(page, voila, tmp_path_factory):
    _, progress, _ = voila
    exercise = _part_id("exercise")
    post_ids = list(find_part(exercise, "exercise").data["posts"])
    first, second = bank_post(post_ids[0]), bank_post(post_ids[1])
    total = len(post_ids)
    verdict_label = {v: t(f"checker.verdict.{v}", LANG) for v in ("ok", "caution", "violation")}
    right_mark, wrong_mark = t("widgets.right", LANG), t("widgets.wrong", LANG)
    assert _norm(t("widgets.classifier.position", LANG, n=1, total=total)) in _norm(page.inner_text("body"))

    # Step 1: Tab from the top of the page to the verdict buttons, overshoot by one and come back with
    # Shift+Tab (the buttons sit in the Code's order ok, caution, violation), then choose with Enter.
    order = list(verdict_label)
    gold = order.index(first.verdict)
    after = verdict_label[order[gold + 1]] if gold + 1 < len(order) else None
    if after:
        press_until(page, lambda s: s == after)
        assert press_until(page, lambda s: bool(s), key="Shift+Tab", limit=1) == verdict_label[first.verdict]
    else:
        press_until(page, lambda s: s == verdict_label[first.verdict])
    assert focused(page) == verdict_label[first.verdict]
    ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement); "
                         "return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; }")
    assert ring, "the focused verdict button shows no focus outline: a keyboard user cannot see where they are"
    page.keyboard.press("Enter")

    answer = t("widgets.classifier.answer_verdict", LANG, verdict=verdict_label[first.verdict])
    region = status_with(page, answer)
    text = _norm(region.inner_text())
    assert text.startswith(_norm(right_mark)), f"the verdict feedback does not open with {right_mark!r}: {text[:120]}"
    # step 2 asks for the clause: step 1 points there and keeps the explanation (which cites it) for step 2
    assert _norm(t("widgets.classifier.now_clause", LANG)) in text
    assert _norm(first.explanation[LANG])[:40] not in text, "step 1 gives away the clause step 2 asks for"
    # right/wrong is in the button's own label too, not only its colour
    marked = page.get_by_role("button", name=f"✓ {verdict_label[first.verdict]}", exact=True)
    assert marked.count() == 1, "the chosen verdict's button does not say ✓ in its label (colour alone?)"
    assert marked.is_disabled()

    # The answer is saved as soon as it is given.
    saved = ProgressStore(progress).latest(exercise)
    assert (exercise, f"{first.id}:verdict") in saved and saved[(exercise, f"{first.id}:verdict")].correct

    # Step 2: focus has moved to the first clause button (the pressed one is disabled now). Choose a wrong
    # clause on purpose, reached with Tab and Shift+Tab, pressed with Space.
    right = {"none"} | ({"4(7)"} & set(first.clauses)) if first.verdict == "ok" else set(first.clauses)
    none_label = _norm(t("widgets.classifier.no_clause", LANG))

    cite = re.escape(t("code.cite_clause", LANG, article="@A", number="@N")).replace("@A", r"(\d+)").replace("@N", r"(\d+)")

    def clause_of(label: str) -> str:
        """The clause id a clause button stands for ("none" for no clause), or "" for any other control."""
        if label.lstrip("✓✗ ") == none_label:
            return "none"
        m = re.match(cite, label.lstrip("✓✗ "))
        return f"{m[1]}({m[2]})" if m else ""

    labels = [wait_focus(page, lambda s: bool(clause_of(s)), "the first clause button")]
    while len(labels) < 30:  # walk the clause buttons with Tab to learn them
        labels.append(press_until(page, lambda s: True, limit=1))
        if not clause_of(labels[-1]):
            break
    clause_labels = [s for s in labels if clause_of(s)]
    wrong_i = next(i for i, s in enumerate(clause_labels) if clause_of(s) not in right)
    steps_back = len(labels) - 1 - wrong_i
    for _ in range(steps_back):
        page.keyboard.press("Shift+Tab")
    assert focused(page) == clause_labels[wrong_i]
    page.keyboard.press("Space")

    if first.verdict == "ok":
        answer = t("widgets.classifier.answer_none", LANG)
    else:
        answer = t("widgets.classifier.answer_clauses", LANG, clauses="").rstrip(". ")
    region = status_with(page, answer)  # text only the clause feedback has (other regions may say ✗ too)
    text = _norm(region.inner_text())
    assert text.startswith(_norm(wrong_mark)) and _norm(first.explanation[LANG])[:40] in text
    assert page.get_by_role("button", name=f"✗ {clause_labels[wrong_i]}", exact=True).count() == 1, \
        "the wrongly chosen clause's button does not say ✗ in its label (colour alone?)"
    right_buttons = [b for b in page.get_by_role("button").all_inner_texts() if _norm(b).startswith("✓ ")
                     and clause_of(_norm(b)) in right]
    assert right_buttons, "the right clause is not marked with ✓ after a wrong choice"

    shot = tmp_path_factory.mktemp("screens") / "lesson03-vi-feedback.png"
    region.screenshot(path=str(shot))  # the ✓/✗ marks and the Vietnamese feedback, to look at by eye
    print(f"screenshot: {shot}")

    # Move on: focus is on "Next"; Enter loads post 2 and puts focus back on the first verdict button.
    next_label = _norm(t("widgets.classifier.next", LANG))
    wait_focus(page, lambda s: s == next_label, repr(next_label))
    page.keyboard.press("Enter")
    page.get_by_text(t("widgets.classifier.position", LANG, n=2, total=total), exact=True).wait_for()
    assert _norm(second.text)[:40] in _norm(page.inner_text("body"))
    wait_focus(page, lambda s: s == verdict_label["ok"], "the first verdict button")
    saved = ProgressStore(progress).latest(exercise)
    assert saved[(exercise, f"{first.id}:clause")].correct is False


def test_quiz_option_with_the_keyboard(page, voila):
    _, progress, _ = voila
    quiz_id = _part_id("quiz")
    items = find_part(quiz_id, "quiz").data["items"]
    option = items[0]["options"][1]  # option B of the first question
    label = _norm(f"B. {expand(option['text'][LANG], LANG)}")

    score_before = quiz_score(page, len(items))
    press_until(page, lambda s: s == label)
    page.keyboard.press("Space")

    mark = t("widgets.right" if option["correct"] else "widgets.wrong", LANG)
    region = status_with(page, _norm(expand(option["feedback"][LANG], LANG))[:60])
    text = _norm(region.inner_text())
    assert text.startswith(_norm(mark)), f"quiz feedback should open with {mark!r}: {text[:120]}"
    assert page.get_by_role("button", name=f"{mark[0]} {label}", exact=True).count() == 1, \
        f"the chosen option's button does not say {mark[0]} in its label (colour alone?)"
    correct, remaining = score_before
    status_with(page, t("widgets.quiz.score", LANG, correct=correct + bool(option["correct"]), total=len(items)))
    if remaining > 1:
        status_with(page, t("widgets.quiz.remaining", LANG, count=remaining - 1))
    saved = ProgressStore(progress).latest(quiz_id)
    assert saved[(quiz_id, items[0]["id"])].answer == "B"


def test_live_region_stays_in_the_page_when_feedback_arrives(page):
    """Feedback is announced only if the live region node existed before its text changed."""
    quiz_id = _part_id("quiz")
    items = find_part(quiz_id, "quiz").data["items"]
    label = _norm(f"A. {expand(items[1]['options'][0]['text'][LANG], LANG)}")
    press_until(page, lambda s: s == label)
    # the empty live region right after this question's options (the one its feedback will fill)
    region = page.evaluate_handle("""() => {
        const all = [...document.querySelectorAll('[role=status]')];
        return all.find(r => document.activeElement.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    if region.evaluate("r => r.textContent.trim()") != "":
        pytest.fail("expected the still-empty feedback region of question 2")
    page.keyboard.press("Enter")
    status_with(page, _norm(expand(items[1]["options"][0]["feedback"][LANG], LANG))[:60])
    assert region.evaluate("r => r.isConnected && r.textContent.trim() !== ''")


def test_jupyterlab_shows_no_code_either(browser, tmp_path_factory):
    """`./course lab` opens JupyterLab, where hiding the code rests on each cell's source_hidden metadata."""
    tmp = tmp_path_factory.mktemp("lab")
    work = tmp / "notebooks"
    work.mkdir()
    shutil.copy(NOTEBOOK, work / NOTEBOOK.name)  # JupyterLab may save what it opens: never the repo's copy
    labconfig = tmp / "config" / "labconfig"
    labconfig.mkdir(parents=True)
    (labconfig / "page_config.json").write_text(json.dumps(  # it would wait on the network for news
        {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
    tracker = tmp / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))  # draw every cell, not only those in view
    args = ["--allow-root", "--ServerApp.ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            f"--LabApp.workspaces_dir={tmp / 'workspaces'}", f"--LabApp.user_settings_dir={tmp / 'settings'}"]
    with _serve("jupyter-lab", args, work, tmp, JUPYTER_CONFIG_DIR=str(tmp / "config"),
                CONDUCT_PROGRESS=str(tmp / "progress.json")) as (url, log):
        pg = browser.new_page()
        try:
            pg.goto(f"{url}lab/tree/{NOTEBOOK.name}", wait_until="domcontentloaded", timeout=RENDER_TIMEOUT_MS)
            cells = pg.locator(".jp-Notebook .jp-CodeCell")
            try:  # the notebook is open and all its cells are drawn
                pg.wait_for_function("(n) => document.querySelectorAll('.jp-Notebook .jp-CodeCell').length === n",
                                     arg=len(_hidden_code_cells()), timeout=RENDER_TIMEOUT_MS)
            except Exception as e:
                log.seek(0)
                pytest.fail(f"JupyterLab did not show the lesson's {len(_hidden_code_cells())} code cells: {e}\n"
                            f"{log.read()[-3000:]}")
            assert pg.locator(".jp-Notebook .jp-CodeCell .jp-InputPlaceholder:visible").count() == cells.count(), \
                "a code cell's input is not collapsed in JupyterLab (jupyter.source_hidden missing?)"
            assert pg.locator(".jp-Notebook .jp-CodeCell .cm-editor:visible").count() == 0
            text = pg.inner_text(".jp-Notebook")
            shown = [line for src in _hidden_code_cells() for line in (s.strip() for s in src.splitlines())
                     if line and not line.startswith("#") and line in text]
            assert not shown, (
                "JupyterLab previews the first line of a collapsed (source_hidden) cell in its placeholder, so "
                f"the learner sees {shown[0]!r}: every hidden cell must start with a comment in the learner's "
                "language (conduct/curriculum/build.py), with the call below it")
        finally:
            pg.close()
