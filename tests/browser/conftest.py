"""A real browser on the built site: Debian's chromium, driven by Playwright.

One browser for the whole session; the built site and the search-probe site
are each served once on 127.0.0.1. Every test that opens a browser context
gets a BrowserLog, and fails with its list of problems (console errors,
failed or >= 400 requests, requests leaving the site) even when its own
assertions pass.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from browser_log import BrowserLog
from chromium_setup import LAUNCH_ARGS, ensure_chromium
from static_server import serve

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
VIEWPORT = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        path, notes = ensure_chromium(playwright.chromium.executable_path)
        for note in notes:
            warnings.warn(note, stacklevel=1)
        if path is None:
            message = "the browser tests need Chromium: " + "; ".join(notes)
            if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
                pytest.fail(message + " (CI=true: a missing browser is a failure, not a skip)", pytrace=False)
            pytest.skip(message)
        browser = playwright.chromium.launch(executable_path=str(path), args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """Root URL of the project's site, served from a background thread."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def probe_url(probe_site) -> str:
    """Root URL of the site with a search-probe page in every language."""
    with serve(probe_site) as url:
        yield url


@pytest.fixture
def browser_log(request) -> BrowserLog:
    """Problems seen by every context this test opens (origin: whichever site it uses)."""
    origin = request.getfixturevalue("probe_url" if "probe_url" in request.fixturenames else "site_url")
    return BrowserLog(origin)


@pytest.fixture
def new_context(browser, browser_log):
    """Open a fresh, watched browser context (own cookies and localStorage); all closed after the test."""
    contexts = []

    def open_context():
        context = browser.new_context(viewport=VIEWPORT)
        context.set_default_timeout(10_000)
        browser_log.watch(context)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail a browser test whose body passed when its browser saw any problem."""
    log: BrowserLog | None = item.funcargs.get("browser_log")
    try:
        result = yield
    except BaseException:
        if log is not None and log.problems:
            item.add_report_section("call", "browser problems", log.report())
        raise
    if log is not None and log.problems:
        pytest.fail(f"the browser saw {len(set(log.problems))} problem(s):\n{log.report()}", pytrace=False)
    return result
