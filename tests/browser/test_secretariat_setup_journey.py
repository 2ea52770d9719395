"""A new secretariat runs its group without a developer: signs in with two-factor authentication, adds an
organisation, creates the next meeting and names its chair, and the public meeting page shows them."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.utils import timezone

from cwgcop.bodies.models import Organization
from cwgcop.meetings.models import Meeting
from tests.accounts.factories import give_totp
from tests.browser.conftest import NewPage
from tests.browser.signin import sign_in_with_two_factors
from tests.factories import BodyFactory, MeetingFactory, secretariat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_secretariat_creates_the_next_meeting_with_its_chair_and_an_organisation(
    new_page: NewPage, live_server: Any, assert_accessible: Any
) -> None:
    body = BodyFactory(acronym="EG-WAVE", slug="eg-wave", symbol_prefix="EGW", name_en="Expert group on waves")
    MeetingFactory(body=body, number=3, start_date=datetime.date(2025, 3, 3), end_date=datetime.date(2025, 3, 4))
    clerk = secretariat(body, username="newclerk")
    secret = give_totp(clerk)
    base = live_server.url
    page = new_page()

    sign_in_with_two_factors(page, base, "newclerk", secret)

    page.goto(f"{base}/en/staff/organisations/new/")
    assert_accessible(page)
    page.get_by_label("Name", exact=True).fill("Pacific Islands Telecommunications Association")
    page.get_by_label("Country").select_option("FJ")
    page.get_by_label("Stakeholder kind").select_option("un-igo")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/en/staff/organisations/$"))
    assert page.get_by_text("Pacific Islands Telecommunications Association added.").is_visible()
    assert Organization.objects.get().region == "asia-pacific"

    start = timezone.localdate() + datetime.timedelta(days=60)
    page.goto(f"{base}/en/staff/meetings/new/")
    assert_accessible(page)
    page.get_by_label("Body").select_option(label="EG-WAVE")
    page.get_by_label("Number").fill("4")
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_label("End date").fill((start - datetime.timedelta(days=1)).isoformat())
    page.get_by_label("Venue (English)").fill("Suva")
    page.get_by_label("Remote participation link").fill("https://meet.example.net/egw-4")
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The meeting cannot end before it starts.").first.is_visible()
    assert not Meeting.objects.filter(number=4).exists()
    page.get_by_label("End date").fill((start + datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/en/meetings/eg-wave/4/$"))
    meeting = Meeting.objects.get(body=body, number=4)
    assert meeting.remote_link_private is True

    page.goto(f"{base}/en/staff/meetings/{meeting.pk}/officers/")
    assert_accessible(page)
    first = page.get_by_role("group", name="Officer 1")
    first.get_by_label("Role").select_option("chair")
    first.get_by_label("Name", exact=True).fill("Losa Tuilagi")
    first.get_by_label("Country").select_option("WS")
    first.get_by_label("Organisation").select_option(label="Pacific Islands Telecommunications Association")
    page.get_by_role("button", name="Save the officers").click()
    page.wait_for_url(re.compile(rf"/en/staff/meetings/{meeting.pk}/$"))
    assert page.get_by_text("The officers of EGW-4 were saved.").is_visible()

    page.goto(f"{base}/en/meetings/eg-wave/4/")
    facts = page.locator("dl.facts")
    assert facts.get_by_text("Losa Tuilagi (Pacific Islands Telecommunications Association, Samoa)").is_visible()
    assert page.get_by_text("The link is shown to registered participants.").is_visible()
    assert_accessible(page)
