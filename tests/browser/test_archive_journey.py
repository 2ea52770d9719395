"""An anonymous reader finds the 21st meeting from the home page, opens a document and downloads it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from playwright.sync_api import Download, Page, expect
from pytest_django.live_server_helper import LiveServer

from cwgcop.documents.models import DocumentFile
from tests.browser.conftest import NewPage

pytestmark = pytest.mark.browser

TITLE = "Children's feedback on child helplines"


def follow_journey(page: Page, base_url: str) -> Download:
    page.goto(f"{base_url}/en/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Council Working Group on Child Online Protection")

    page.get_by_role("main").get_by_role("link", name="CWG-COP, meeting 21").click()
    expect(page).to_have_url(f"{base_url}/en/meetings/cwg-cop/21/")
    expect(page.get_by_role("heading", level=1)).to_have_text("CWG-COP, meeting 21")

    # The agenda and the outcomes link the document too; the reader takes it from the list of documents.
    page.get_by_role("region", name="Documents").get_by_role("link", name="CWG-COP-21/1", exact=True).click()
    expect(page).to_have_url(f"{base_url}/en/documents/CWG-COP-21/1/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)

    downloads = page.get_by_role("region", name="Download")
    with page.expect_download() as download_info:
        downloads.get_by_role("link", name=re.compile(r"^English\b")).click()
    return download_info.value


def assert_is_the_stored_file(download: Download) -> None:
    stored = DocumentFile.objects.get(revision__document__symbol="CWG-COP-21/1", revision__number=0, language="en")
    content = Path(download.path()).read_bytes()
    assert download.suggested_filename == "cwg-cop-21-1-e.pdf"
    assert stored.original_name == "cwg-cop-21-1-e.pdf"
    assert hashlib.sha256(content).hexdigest() == stored.sha256
    assert len(content) == stored.size
    assert content.startswith(b"%PDF-")


def test_reader_downloads_a_meeting_document_from_the_home_page(
    page: Page, live_server: LiveServer, demo_data: object
) -> None:
    download = follow_journey(page, live_server.url)

    assert_is_the_stored_file(download)


def test_reader_downloads_a_meeting_document_without_javascript(
    new_page: NewPage, live_server: LiveServer, demo_data: object
) -> None:
    page = new_page(java_script_enabled=False)

    download = follow_journey(page, live_server.url)

    assert_is_the_stored_file(download)
