"""Shared fixtures for journeys in a real browser (headless Chromium driven by Playwright's sync API).

One Chromium is launched per test session; every test gets its own browser context (cookies, storage,
JavaScript on or off), so tests stay independent and fast. Debian's ``chromium`` is used, never a browser
that Playwright downloads. A failing test leaves a full-page screenshot and the page's HTML in
``test-artifacts/browser/`` (or ``$CWGCOP_BROWSER_ARTIFACTS``), named after the test.

Use them like this::

    @pytest.mark.browser
    def test_something(page, live_server, demo_data, assert_accessible):
        page.goto(live_server.url + "/en/")
        assert_accessible(page)
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from cwgcop.demo.loader import Summary, load_demo

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run beside one unless
# told that this is deliberate. Tests only: the ORM calls here are the test's own set-up and checks.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the platform promises (DESIGN.md, "Accessibility").
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}

_axe = Axe()


def chromium_path() -> str:
    found = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not found:
        pytest.fail("The browser tests need Chromium: install Debian's `chromium` or set CHROMIUM_PATH.")
    return found


def artifacts_dir() -> Path:
    return Path(os.environ.get("CWGCOP_BROWSER_ARTIFACTS") or ROOT / "test-artifacts" / "browser")


def axe_violations(page: Page, context: str | None = None) -> list[dict[str, Any]]:
    """The WCAG 2.2 A/AA violations axe-core finds on the page as it is now."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, context=context, options=options)
    return list(results.response["violations"])


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def assert_no_axe_violations(page: Page, context: str | None = None) -> None:
    """Fail with a readable list when axe-core finds any WCAG 2.2 A/AA violation on ``page``."""
    violations = axe_violations(page, context)
    assert violations == [], f"axe-core found violations on {page.url}:\n{describe_violations(violations)}"


# Another folder's conftest may offer these fixtures too (tests/a11y imports them): each folder then has its own
# session fixture, but Playwright's sync API runs only once per thread, so both share one Playwright and Chromium.
_SHARED: dict[str, Any] = {}


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    _SHARED["users"] = _SHARED.get("users", 0) + 1
    if "playwright" not in _SHARED:
        _SHARED["playwright"] = sync_playwright().start()
        _SHARED["browser"] = _SHARED["playwright"].chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield _SHARED["playwright"]
    _SHARED["users"] -= 1
    if not _SHARED["users"]:
        _SHARED.pop("browser").close()
        _SHARED.pop("playwright").stop()


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Browser:
    """One headless Chromium for the whole session."""
    return _SHARED["browser"]  # type: ignore[no-any-return]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
    """Remember each phase's outcome on the test item, so fixtures can tell whether the test failed."""
    report: pytest.TestReport = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _save_failure(request: pytest.FixtureRequest, pages: list[Page]) -> None:
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    folder = artifacts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.nodeid).strip("-")
    for number, page in enumerate(pages):
        if page.is_closed():
            continue
        name = f"{stem}-{number}" if len(pages) > 1 else stem
        try:
            page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
            (folder / f"{name}.html").write_text(page.content(), encoding="utf-8")
        except Exception as error:  # the test's own failure is the one to report
            print(f"Could not save the failing page {page.url}: {error}")  # noqa: T201
        else:
            print(f"Saved the failing page {page.url} as {folder / name}.png and .html")  # noqa: T201


NewPage = Callable[..., Page]


@pytest.fixture
def new_page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[NewPage]:
    """Open a page in a fresh browser context: ``new_page(java_script_enabled=False, viewport=...)``.

    Keyword arguments go to ``Browser.new_context``; downloads are accepted and the viewport is a desktop one
    unless told otherwise. Every context is closed after the test, and a failing test's pages are saved.
    """
    contexts: list[BrowserContext] = []
    pages: list[Page] = []

    def open_page(**options: Any) -> Page:
        options.setdefault("accept_downloads", True)
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        pages.append(page)
        return page

    yield open_page
    _save_failure(request, pages)
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: NewPage) -> Page:
    """A page with JavaScript on, in its own browser context."""
    return new_page()


@pytest.fixture
def assert_accessible() -> Callable[..., None]:
    """``assert_accessible(page)``: zero WCAG 2.2 A/AA violations found by axe-core on the current page."""
    return assert_no_axe_violations


@pytest.fixture
def demo_data(transactional_db: None) -> Summary:
    """The demo data (bodies, the 21st and 22nd meetings, their documents and files), for the live server.

    The live server reads the test database from another thread, so the data must be committed: this fixture
    needs ``transactional_db``, which empties the database again after the test.
    """
    return load_demo()
