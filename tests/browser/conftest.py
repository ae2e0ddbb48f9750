"""The browser harness: Playwright for Python driving Debian's Chromium.

Playwright cannot download its own browser on these machines, so it launches
Debian's /usr/bin/chromium (debian-packages.toml). Every outside host resolves to
nothing, so a test never waits on the network; the CDN's htmx URL is routed to the
vendored copy (same bytes, same integrity hash) where a test loads the CDN markup.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from smartspec_site.config import CHECKOUT

from ..system import need

# A Chromium of your own, where Debian's is not the one to test.
CHROMIUM = os.environ.get("CHROMIUM", "")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
ARTIFACTS = CHECKOUT / "artifacts"
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = CHROMIUM or need("chromium")
    need("libatomic1")  # Playwright's own Node.js cannot start without it
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


def _context(browser: Browser, **options) -> BrowserContext:
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def context(browser) -> Iterator[BrowserContext]:
    context = _context(browser)
    yield context
    context.close()


@pytest.fixture
def page(context) -> Page:
    page = context.new_page()
    return page


@pytest.fixture
def nojs_page(browser, live_server) -> Iterator[Page]:
    """A browser with JavaScript turned off."""
    context = _context(browser, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where tests leave screenshots for a person to look at (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
