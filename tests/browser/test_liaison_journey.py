"""The secretariat records an incoming statement, the meeting considers it, the chair approves the reply,
and the reply shows in the conversation — in headless Chromium, on the demo data."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.liaisons.models import LiaisonStatement
from tests.accounts.factories import give_totp
from tests.browser.conftest import NewPage
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

TITLE = "Request for input on child helplines"
REPLY = "Reply on child helplines"


def signed_in(new_page: NewPage, base_url: str, username: str, kind: RoleKind) -> Page:
    """A browser signed in as a new ``kind`` of CWG-COP with an authenticator app, through a session cookie.

    The session comes from Django's test client, so the journey does not depend on the sign-in pages.
    """
    user = UserFactory(username=username)
    Role.objects.create(user=user, body=Body.objects.get(acronym="CWG-COP"), kind=kind)
    give_totp(user)
    client = Client()
    client.force_login(user)
    page = new_page()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": base_url}])
    return page


def record_incoming(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/en/staff/liaisons/new/incoming/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an incoming statement")
    page.get_by_label("Purpose").select_option(label="For action")
    page.get_by_role("group", name="From").get_by_label("ITU-D SG2 Q3/2").check()
    page.get_by_role("group", name="To").get_by_label("CWG-COP", exact=True).check()
    page.get_by_label("Title (English)").fill(TITLE)
    page.get_by_label("Title (Chinese)").fill("关于儿童求助热线的征求意见")
    today = datetime.date.today()
    page.get_by_label("Sent on").fill(today.isoformat())
    page.get_by_label("Deadline").fill((today + datetime.timedelta(days=30)).isoformat())
    page.get_by_label("Attachments").fill("CWG-COP-21/LS/1")
    page.get_by_label("Contacts").fill("Rapporteur Q3/2 <q32@example.org>")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator(".facts .liaison-state")).to_have_text("Received")


def consider_at_meeting(page: Page) -> None:
    page.get_by_label("Meeting that considered it").select_option(label="CWG-COP-22")
    page.get_by_role("button", name="Record as considered").click()
    expect(page.get_by_role("status")).to_contain_text("Recorded as considered.")
    expect(page.locator(".facts .liaison-state")).to_have_text("Considered")


def draft_reply(page: Page) -> str:
    page.get_by_role("link", name="Draft a reply").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Draft an outgoing statement")
    # The reply goes back the way the statement came.
    expect(page.get_by_role("group", name="From").get_by_label("CWG-COP", exact=True)).to_be_checked()
    expect(page.get_by_role("group", name="To").get_by_label("ITU-D SG2 Q3/2")).to_be_checked()
    page.get_by_label("Purpose").select_option(label="For information")
    page.get_by_label("Title (English)").fill(REPLY)
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator(".facts .liaison-state")).to_have_text("Draft")
    return page.url


def test_incoming_statement_considered_and_answered_by_an_approved_reply(
    new_page: NewPage, live_server: LiveServer, demo_data: object, assert_accessible: Any
) -> None:
    base = live_server.url
    secretariat = signed_in(new_page, base, "journey-sec", RoleKind.SECRETARIAT)
    record_incoming(secretariat, base)
    assert_accessible(secretariat)
    consider_at_meeting(secretariat)
    reply_url = draft_reply(secretariat)
    expect(secretariat.get_by_role("button", name="Approve")).to_have_count(0)

    chair = signed_in(new_page, base, "journey-chair", RoleKind.CHAIR)
    chair.goto(reply_url)
    chair.get_by_role("button", name="Approve").click()
    expect(chair.locator(".facts .liaison-state")).to_have_text("Approved")
    conversation = chair.get_by_role("region", name="Conversation")
    expect(conversation.get_by_role("listitem")).to_have_count(2)
    expect(conversation.get_by_role("listitem").nth(0)).to_contain_text(TITLE)
    expect(conversation.get_by_role("listitem").nth(1)).to_contain_text(REPLY)
    expect(conversation.get_by_role("listitem").nth(1)).to_contain_text("Approved")
    assert_accessible(chair)

    secretariat.goto(reply_url)
    secretariat.get_by_role("button", name="Record as sent").click()
    expect(secretariat.locator(".facts .liaison-state")).to_have_text("Sent")

    question = LiaisonStatement.objects.get(title_en=TITLE)
    reader = new_page()
    reader.goto(f"{base}/en/liaisons/{question.pk}/")
    expect(reader.locator(".facts .liaison-state")).to_have_text("Answered")
    public_thread = reader.get_by_role("region", name="Conversation")
    expect(public_thread.get_by_role("link", name=REPLY)).to_be_visible()
    expect(reader.get_by_role("link", name="CWG-COP-21/LS/1")).to_be_visible()
    assert_accessible(reader)
    reader.goto(f"{base}/zh-hans/liaisons/{question.pk}/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("关于儿童求助热线的征求意见")
    assert_accessible(reader)


def test_liaison_register_and_workplan_are_accessible_in_every_direction(
    page: Page, live_server: LiveServer, demo_data: object, assert_accessible: Any
) -> None:
    base = live_server.url
    page.goto(f"{base}/en/liaisons/?direction=incoming")
    expect(page.locator(".liaison-row")).to_have_count(2)
    assert_accessible(page)
    page.goto(f"{base}/ar/liaisons/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page)
    page.goto(f"{base}/en/workplan/gap-analysis-report/")
    expect(page.locator("ol.route > li")).to_have_count(4)
    assert_accessible(page)
    page.goto(f"{base}/en/bodies/itu-d-sg2-q3/")
    expect(page.get_by_role("heading", name="Received by ITU-D SG2 Q3/2")).to_be_visible()
    assert_accessible(page)
