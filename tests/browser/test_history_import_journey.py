"""The secretariat imports a decade of a renamed body's history on the staff import page: upload the ZIP, read
the dry run, import it through the task queue while the page refreshes itself (no JavaScript), and find the
documents in the public archive — in headless Chromium."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from cwgcop.documents.models import Document
from tests.browser.conftest import NewPage
from tests.factories import secretariat
from tests.history.fixture import make_body, write_archive

pytestmark = pytest.mark.browser


def zipped(root: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root).as_posix())
    return target


def signed_in_without_javascript(new_page: NewPage, base_url: str) -> Page:
    client = Client()
    client.force_login(secretariat(make_body(), "dl-clerk"))
    page = new_page(java_script_enabled=False)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])
    return page


def test_secretariat_checks_and_imports_a_decade_and_the_public_finds_it(
    new_page: NewPage, live_server: LiveServer, transactional_db: None, settings: Any, tmp_path: Path
) -> None:
    settings.CWGCOP_IMPORT_DIR = tmp_path / "imports"
    # Tasks wait in the database for a worker, as in production, so the page shows them running.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    archive = zipped(write_archive(tmp_path / "archive"), tmp_path / "cwg-dl-2010-2019.zip")
    page = signed_in_without_javascript(new_page, live_server.url)

    # The live server's first request loads the URL configuration and the API: on a busy machine, over 10 s.
    page.goto(f"{live_server.url}/en/staff/", timeout=60_000)
    page.get_by_role("link", name="Import a history").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a history")
    page.get_by_label("Archive (ZIP)").set_input_files(archive)
    page.get_by_role("button", name="Check the archive").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Archive cwg-dl-2010-2019.zip")
    expect(page.locator("#import-stage")).to_have_text("Being checked")
    expect(page.get_by_text("Waiting for its turn…")).to_be_visible()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")  # the worker takes the dry run
    # The page refreshes itself every two seconds until the check is done.
    expect(page.locator("#import-stage")).to_have_text("Checked: ready to import")
    expect(page.locator("#import-summary")).to_have_text(
        "Dry run: nothing was written. 32 to create, 0 to update, 0 unchanged, 0 refused."
    )
    row = page.get_by_role("row", name="WG-DL/2/1 Rev.1")
    expect(row).to_have_text("documentWG-DL/2/1 Rev.1create")
    assert Document.objects.count() == 0

    page.get_by_role("button", name="Import these records").click()
    expect(page.get_by_role("status").first).to_contain_text("The import started.")
    expect(page.locator("#import-stage")).to_have_text("Being imported")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    expect(page.locator("#import-stage")).to_have_text("Imported")
    expect(page.get_by_text("The archive was imported.")).to_be_visible()
    assert Document.objects.count() == 21

    page.get_by_role("link", name="See the public archive").click()
    expect(page.get_by_role("link", name="CWG-DL-10/2")).to_be_visible()
    page.goto(f"{live_server.url}/en/documents/WG-DL/3/1/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Report 2012/1")
    expect(page.locator("main")).to_contain_text("Working Group on Digital Literacy (WG-DL; now CWG-DL)")
