"""The public pages fit a 360 px phone screen in English, Chinese and Arabic, without scrolling sideways.

With ``CWGCOP_SCREENSHOT_DIR`` set, the test also saves full-page screenshots of every page it visits, at
phone and desktop widths, to look at (see docs/testing.md).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import DESKTOP, NewPage

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}
PAGES = {
    "home": "/{language}/",
    "meeting": "/{language}/meetings/cwg-cop/21/",
    "document": "/{language}/documents/CWG-COP-22/INF/1/",
    "archive": "/{language}/documents/",
    "meetings": "/{language}/meetings/",
}
LANGUAGES = ("en", "zh-hans", "ar")


def sideways_overflow(page: Page) -> list[str]:
    """Elements that stick out of the viewport on either side (empty when nothing does).

    A wide table inside a ``.table-scroll`` box scrolls within that box, which is the one sanctioned way to be
    wider than the screen; the box itself must fit.
    """
    return list(
        page.evaluate(
            """() => {
                const width = document.documentElement.clientWidth;
                const out = [];
                for (const element of document.body.querySelectorAll('*')) {
                    const box = element.getBoundingClientRect();
                    if (box.width && (box.right > width + 1 || box.left < -1)
                        && !element.closest('.visually-hidden, .skip-link')
                        && !element.parentElement.closest('.table-scroll')) {
                        out.push(element.tagName.toLowerCase() + '.' + element.className + ' ' + Math.round(box.left)
                                 + '..' + Math.round(box.right));
                    }
                }
                const scrolled = document.documentElement.scrollWidth;
                if (scrolled > width) out.push('scrollWidth ' + scrolled);
                return out;
            }"""
        )
    )


def test_public_pages_fit_a_phone_screen_in_three_languages(
    new_page: NewPage, live_server: LiveServer, demo_data: object
) -> None:
    shots = os.environ.get("CWGCOP_SCREENSHOT_DIR")
    phone = new_page(viewport=PHONE)
    desktop = new_page(viewport=DESKTOP) if shots else None
    overflowing = {}
    for language in LANGUAGES:
        for name, path in PAGES.items():
            url = live_server.url + path.format(language=language)
            phone.goto(url)
            if problems := sideways_overflow(phone):
                overflowing[f"{name} ({language})"] = problems
            if shots and desktop is not None:
                folder = Path(shots)
                folder.mkdir(parents=True, exist_ok=True)
                phone.screenshot(path=str(folder / f"{name}-{language}-phone.png"), full_page=True)
                desktop.goto(url)
                desktop.screenshot(path=str(folder / f"{name}-{language}-desktop.png"), full_page=True)

    assert overflowing == {}
