"""The learner app under test: `python -m conduct.app` (what `./course start` runs) on a free loopback
port with its own progress file, and Debian's Chromium driven by Playwright.

One server per test module (it can be restarted in place, keeping port and progress file, to check
that answers survive a restart); screenshots of each page type go to the folder named in README
(`screenshots/`, git-ignored; $CONDUCT_SCREENSHOTS overrides it) so a person can look at them.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from app_helpers import CHROMIUM, CHROMIUM_ARGS, STEP_TIMEOUT_MS, AppServer

from conduct.app.paths import repo_root


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    server = AppServer(tmp_path_factory.mktemp("app"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    """Headless Debian Chromium with a fresh profile (Vietnamese locale), driven by Playwright."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (`./course test` installs it; or `apt-get install chromium`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # a test extra: its absence is an install problem, not a reason to skip
        pytest.fail(f"playwright is not installed ({e}): run ./course test or pip install -e '.[test]'")
    pw = sync_playwright().start()
    context = None
    try:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1100, "height": 900}, locale="vi-VN", accept_downloads=True)
        context.set_default_timeout(STEP_TIMEOUT_MS)
        yield context
    finally:
        if context is not None:
            context.close()
        pw.stop()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """The folder the README names for screenshots of each page type."""
    folder = Path(os.environ.get("CONDUCT_SCREENSHOTS") or repo_root() / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
