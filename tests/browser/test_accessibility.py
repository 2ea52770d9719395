"""WCAG 2.2 A/AA on the public pages (axe-core in Chromium), keyboard use, and right-to-left Arabic."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from cwgcop.meetings.models import Meeting
from tests.factories import published_document

pytestmark = pytest.mark.browser

JOURNEY_PAGES = {
    "home": "/{language}/",
    "meeting": "/{language}/meetings/cwg-cop/21/",
    "document": "/{language}/documents/CWG-COP-21/1/",
}


DIRECTIONS = {"en": "ltr", "ar": "rtl"}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_journey_pages_have_no_wcag_violations(
    page: Page, live_server: LiveServer, demo_data: object, assert_accessible: Callable[[Page], None], language: str
) -> None:
    for path in JOURNEY_PAGES.values():
        page.goto(live_server.url + path.format(language=language))
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("html")).to_have_attribute("dir", DIRECTIONS[language])

        assert_accessible(page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(
    page: Page, live_server: LiveServer, demo_data: object
) -> None:
    page.goto(f"{live_server.url}/en/documents/CWG-COP-21/1/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("main").get_by_role("link").first).to_be_focused()


def test_keyboard_focus_is_clearly_visible(page: Page, live_server: LiveServer, demo_data: object) -> None:
    page.goto(f"{live_server.url}/en/meetings/cwg-cop/21/")

    for _ in range(3):
        page.keyboard.press("Tab")
        outline = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        assert outline[0] == "solid"
        assert outline[1] >= 2


def test_content_in_another_language_than_the_page_is_marked_with_its_language(
    page: Page, live_server: LiveServer, demo_data: object
) -> None:
    # A contribution titled in English and Chinese only: the Arabic page shows the English original.
    meeting = Meeting.objects.get(body__acronym="CWG-COP", number=21)
    published_document(
        meeting=meeting,
        symbol="CWG-COP-21/90",
        titles={"en": "Age assurance: options for platforms", "zh-hans": "年龄保证：平台的选择"},
    )

    page.goto(f"{live_server.url}/ar/documents/CWG-COP-21/90/")
    title = page.get_by_role("heading", level=1).locator("[lang]")
    expect(title).to_have_attribute("lang", "en")
    expect(title).to_have_text("Age assurance: options for platforms")
    expect(page.locator(".symbol-heading [dir=ltr]")).to_have_text("CWG-COP-21/90")

    # The demo's outcomes and meeting summary exist in English and Chinese: on the Arabic meeting page they are
    # marked as English, the summary as a whole left-to-right block.
    page.goto(f"{live_server.url}/ar/meetings/cwg-cop/21/")
    expect(page.locator("#outcome-1 [lang]")).to_have_attribute("lang", "en")
    expect(page.locator(".summary")).to_have_attribute("lang", "en")
    assert page.locator(".summary").evaluate("element => getComputedStyle(element).direction") == "ltr"

    page.goto(f"{live_server.url}/zh-hans/documents/CWG-COP-21/90/")
    expect(page.get_by_role("heading", level=1).locator("[lang]")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_role("heading", level=1)).to_have_text("年龄保证：平台的选择")
