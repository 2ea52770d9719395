"""The crawl runs in the browser suite's Chromium, with its fixtures (one browser, a context per test)."""

from tests.browser.conftest import (  # noqa: F401 (fixtures and the hook that saves a failing page)
    browser,
    new_page,
    playwright_instance,
    pytest_runtest_makereport,
)
