"""A new secretariat runs an Industry Connect event from the pages alone: sign in with two factors, create the
event with sign-language interpretation, a member of the public registers in French, the secretariat postpones
it, and the registrant's e-mail says so in French."""

from __future__ import annotations

import datetime
import re
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.events.models import Event, Registration
from tests.accounts.factories import give_totp, totp_code, verify_email
from tests.browser.conftest import NewPage
from tests.events.factories import EventSeriesFactory
from tests.factories import BodyFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCAL = "%Y-%m-%dT%H:%M"


def _sign_in(page: Page, base: str, secret: str) -> None:
    page.goto(f"{base}/en/account/login/")
    page.locator("#id_login").fill("ic-sec")
    page.locator("#id_password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/en/account/2fa/authenticate/$"))
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/en/(staff|account)/$"))


def _create_event(page: Page, assert_accessible: Any) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Secretariat").click()
    page.get_by_role("navigation", name="Staff areas").get_by_role("link", name="Events").click()
    page.get_by_role("link", name="New event").click()
    assert_accessible(page)
    now = timezone.now().astimezone(datetime.timezone(datetime.timedelta(hours=1)))
    start = (now + datetime.timedelta(days=20)).replace(hour=14, minute=0)
    page.get_by_label("Short name").fill("2031-youth")
    page.get_by_label("Title (English)").fill("Youth voices in product design")
    page.get_by_label("Title (French)").fill("La voix des jeunes dans la conception des produits")
    page.get_by_label("Time zone").fill("Europe/Zurich")
    page.get_by_label("Starts").fill(start.strftime(LOCAL))
    page.get_by_label("Ends").fill((start + datetime.timedelta(hours=2)).strftime(LOCAL))
    page.get_by_label("Format").select_option("online")
    page.get_by_label("Online link").fill("https://meet.example.org/youth")
    page.get_by_label("Capacity").fill("50")
    page.get_by_label("Registration opens").fill((now - datetime.timedelta(days=1)).strftime(LOCAL))
    page.get_by_label("Registration closes").fill((start - datetime.timedelta(hours=2)).strftime(LOCAL))
    page.get_by_label("Sign-language interpretation offered").fill("International Sign")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Event created.")).to_be_visible()


def _register_in_french(page: Page, base: str) -> None:
    page.goto(f"{base}/fr/events/industry-connect/2031-youth/")
    expect(page.get_by_role("heading", level=1)).to_have_text("La voix des jeunes dans la conception des produits")
    expect(page.get_by_text("International Sign")).to_be_visible()
    page.locator("#id_name").fill("Camille Martin")
    page.locator("#id_email").fill("camille@example.org")
    page.locator("#id_country").select_option("FR")
    page.locator("#id_stakeholder_kind").select_option("civil-society")
    page.locator("#id_needs_sign_language").check()
    page.locator("#id_sign_language").fill("LSF")
    page.locator("#id_consent").check()
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_url(re.compile(r"/register/$"))
    message = next(m for m in mail.outbox if m.to == ["camille@example.org"])
    link = next(u for u in re.findall(r"http://\S+", message.body) if u.endswith("/confirm/"))
    page.goto(re.sub(r"^http://[^/]+", base, link))
    assert Registration.objects.get(email="camille@example.org").status == "confirmed"


def _postpone(page: Page) -> datetime.datetime:
    page.goto(page.url)  # the registrations page, now with one registrant
    page.get_by_role("link", name="Postpone").click()
    expect(page.get_by_text("1 registrant is told by e-mail")).to_be_visible()
    event = Event.objects.get(slug="2031-youth")
    new_start = event.starts_at.astimezone(event.zone).replace(tzinfo=None) + datetime.timedelta(days=7)
    page.get_by_label("New start").fill(new_start.strftime(LOCAL))
    page.get_by_label("New end").fill((new_start + datetime.timedelta(hours=2)).strftime(LOCAL))
    page.get_by_role("button", name="Postpone and tell the registrants").click()
    expect(page.get_by_text("Event postponed. 1 registrant is told by e-mail.")).to_be_visible()
    return new_start


def test_secretariat_creates_and_postpones_an_event_the_registrant_is_told_in_french(
    new_page: NewPage, live_server: Any, settings: Any, assert_accessible: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = live_server.url
    body = BodyFactory(acronym="EG-IC")
    EventSeriesFactory(body=body)
    user = UserFactory(username="ic-sec")
    Role.objects.create(user=user, body=body, kind=RoleKind.SECRETARIAT)
    verify_email(user)
    secret = give_totp(user)

    staff = new_page()
    _sign_in(staff, live_server.url, secret)
    _create_event(staff, assert_accessible)
    event = Event.objects.get(slug="2031-youth")
    assert (event.sign_languages, event.format, event.capacity) == (["International Sign"], "online", 50)

    _register_in_french(new_page(java_script_enabled=False), live_server.url)

    mail.outbox.clear()
    new_start = _postpone(staff)
    event.refresh_from_db()
    assert event.starts_at.astimezone(event.zone).replace(tzinfo=None) == new_start
    [told] = [m for m in mail.outbox if m.to == ["camille@example.org"]]
    assert told.subject == "Reporté : La voix des jeunes dans la conception des produits"
    assert "est reporté" in told.body
    assert told.attachments[0][0] == "event.ics"
