"""A member signs up, submits a contribution in Chinese and English, the secretariat publishes it, and an
anonymous reader downloads both files — in headless Chromium against a live server (tests/browser/conftest.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import ConsoleMessage, Download, Page

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document
from tests.accounts.factories import give_totp, verify_email
from tests.browser.conftest import NewPage
from tests.browser.signin import sign_in_with_two_factors
from tests.documents.contribution_factories import open_meeting
from tests.factories import OrganizationFactory, UserFactory, pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-passphrase"


def _watched(page: Page, csp_errors: list[str]) -> Page:
    """Record every Content-Security-Policy violation the page reports (there must be none)."""

    def watch(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            csp_errors.append(f"{page.url}: {message.text}")

    page.on("console", watch)
    return page


def _sign_up_and_verify(page: Page, base: str, organisation: str) -> None:
    page.goto(f"{base}/en/account/signup/")
    page.get_by_label("Email", exact=True).fill("ada@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_label("Full name").fill("Ada Lovelace")
    page.get_by_label("Organisation").select_option(label=organisation)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(re.compile(r"/en/account/confirm-email/$"))
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/confirm-email/\S+/", str(mail.outbox[0].body))
    assert link is not None
    page.goto(link.group(0))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/en/account/$"))


def _submit(page: Page, base: str, files: dict[str, Path], assert_accessible: Any) -> None:
    page.goto(f"{base}/en/submissions/new/")
    assert_accessible(page)
    page.get_by_label("Meeting", exact=True).select_option(index=1)
    page.get_by_label("Title (English)").fill("Age assurance in app stores")
    page.get_by_label("Title (Chinese)").fill("应用商店中的年龄保证")
    page.get_by_label("File in English").set_input_files(str(files["en"]))
    page.get_by_label("File in Chinese").set_input_files(str(files["zh-hans"]))
    page.get_by_role("button", name="Submit", exact=True).click()
    page.wait_for_url(re.compile(r"/en/submissions/\d+/$"))
    assert page.get_by_text("Your submission was received.").is_visible()
    assert page.get_by_text("not numbered yet").is_visible()


def _secretariat_publishes(page: Page, base: str, secret: str, assert_accessible: Any) -> None:
    sign_in_with_two_factors(page, base, "sec", secret)
    page.get_by_role("link", name="Submissions waiting").click()
    assert page.get_by_role("heading", name="Age assurance in app stores").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("^Number and publish")).click()
    page.get_by_role("button", name="Yes, number and publish it").click()
    assert page.get_by_text("CWG-COP-22/1 is published.").is_visible()


def _download(page: Page, language_name: str) -> Download:
    downloads = page.get_by_role("region", name="Download")
    with page.expect_download() as info:
        downloads.get_by_role("link", name=re.compile(rf"^{language_name}")).click()
    return info.value


def test_member_submits_secretariat_publishes_reader_downloads(
    new_page: NewPage, live_server: Any, tmp_path: Path, settings: Any, assert_accessible: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    base = live_server.url
    meeting = open_meeting()
    OrganizationFactory(name="Republic of Korea", country="KR")
    secretariat = UserFactory(username="sec")
    Role.objects.create(user=secretariat, body=meeting.body, kind=RoleKind.SECRETARIAT)
    verify_email(secretariat)
    secret = give_totp(secretariat)
    contents = {"en": pdf_bytes("Age assurance", "en"), "zh-hans": pdf_bytes("年龄保证", "zh-hans")}
    files = {}
    for code, data in contents.items():
        files[code] = tmp_path / f"age-assurance-{code}.pdf"
        files[code].write_bytes(data)
    csp_errors: list[str] = []

    member_page = _watched(new_page(), csp_errors)
    _sign_up_and_verify(member_page, base, "Republic of Korea")
    _submit(member_page, base, files, assert_accessible)
    document = Document.objects.get()
    assert (document.status, document.created_by.email) == (DocumentStatus.SUBMITTED, "ada@example.org")

    _secretariat_publishes(_watched(new_page(), csp_errors), base, secret, assert_accessible)

    reader = _watched(new_page(), csp_errors)
    reader.goto(f"{base}/en/documents/CWG-COP-22/1/")
    assert reader.get_by_role("heading", name="Age assurance in app stores").is_visible()
    for code, language_name in (("en", "English"), ("zh-hans", "中文")):
        download = _download(reader, language_name)
        assert download.suggested_filename == f"age-assurance-{code}.pdf"
        content = Path(download.path()).read_bytes()
        assert hashlib.sha256(content).hexdigest() == hashlib.sha256(contents[code]).hexdigest()
    subjects = [m.subject for m in mail.outbox]
    assert subjects[1:] == [
        "Your submission to CWG-COP-22 was received",
        "Your submission is published as CWG-COP-22/1",
    ]
    assert csp_errors == []


def test_missing_file_and_late_submission_are_refused_in_chinese(
    new_page: NewPage, live_server: Any, tmp_path: Path
) -> None:
    base = live_server.url
    late_meeting = open_meeting(deadline_in_days=-1)
    open_meeting_23 = open_meeting(number=23, body=late_meeting.body)
    member = UserFactory(username="li", email="li@example.org")
    verify_email(member)
    csp_errors: list[str] = []
    page = _watched(new_page(), csp_errors)
    page.goto(f"{base}/zh-hans/account/login/")
    page.locator("#id_login").fill("li@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("main form.stacked button[type=submit]").click()
    page.wait_for_url(re.compile(r"/zh-hans/account/$"))

    page.goto(f"{base}/zh-hans/submissions/new/")
    page.locator("#id_meeting").select_option(str(open_meeting_23.pk))
    page.locator("#id_title_zh_hans").fill("年龄保证")
    page.locator("main form.stacked button[type=submit]").click()
    assert page.get_by_text("提交至少需要一个文件：请至少上传一种语言版本的文件。").is_visible()

    late = tmp_path / "late.pdf"
    late.write_bytes(pdf_bytes("late", "zh-hans"))
    page.locator("#id_meeting").select_option(str(late_meeting.pk))
    page.locator("#id_file_zh_hans").set_input_files(str(late))
    page.locator("main form.stacked button[type=submit]").click()
    assert page.get_by_text(re.compile("CWG-COP-22 的文稿提交截止时间为")).is_visible()
    assert Document.objects.count() == 0
    assert csp_errors == []
