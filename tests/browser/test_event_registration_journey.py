"""Industry Connect in a real browser: register → confirm → cancel → the waiting list moves up."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from cwgcop.events.models import Registration
from tests.events.factories import EventFactory, confirmed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _link(address: str, ending: str) -> str:
    message = next(m for m in reversed(mail.outbox) if m.to == [address] and ending in m.body)
    return next(u for u in re.findall(r"http://\S+", message.body) if u.endswith(ending))


def _local(url: str, live_server_url: str) -> str:
    return re.sub(r"^http://[^/]+", live_server_url, url)


def test_register_confirm_cancel_promotes_the_waiting_list(
    page: Page, live_server, settings, assert_accessible
) -> None:  # type: ignore[no-untyped-def]
    settings.SITE_URL = live_server.url
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    event = EventFactory(capacity=1, format="online")
    confirmed(event, 99)  # someone already holds the only place
    page.goto(f"{live_server.url}/en/events/{event.series.slug}/{event.slug}/")
    expect(page.get_by_text("0 of 1 places left")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Name").fill("Lina Haddad")
    page.get_by_label("E-mail").fill("lina@example.org")
    page.get_by_label("Organisation").fill("Youth Council")
    page.get_by_label("Country").select_option("JO")
    page.get_by_label("Stakeholder kind", exact=True).select_option("civil-society")
    page.get_by_label("I need live captions").check()
    page.get_by_label("I have read the privacy notice and agree to it").check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()

    page.goto(_local(_link("lina@example.org", "/confirm/"), live_server.url))
    expect(page.get_by_text("On the waiting list", exact=True)).to_be_visible()
    assert Registration.objects.get(email="lina@example.org").status == "waitlisted"

    holder = Registration.objects.get(email="person99@example.org")
    other = page.context.new_page()
    other.goto(_local(_link("person99@example.org", "/confirm/"), live_server.url).removesuffix("confirm/"))
    other.get_by_role("link", name="Cancel my registration").click()
    other.get_by_role("button", name="Yes, cancel my registration").click()
    expect(other.get_by_text("Cancelled", exact=True)).to_be_visible()

    assert Registration.objects.get(pk=holder.pk).status == "cancelled"
    assert Registration.objects.get(email="lina@example.org").status == "confirmed"
    promoted = next(
        m for m in mail.outbox if m.to == ["lina@example.org"] and m.subject.startswith("A place is now yours")
    )
    assert promoted.attachments[0][0] == "event.ics"
    page.reload()
    expect(page.get_by_text("Your place is confirmed.")).to_be_visible()
