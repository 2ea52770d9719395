"""A new secretariat runs its group without a developer, in one continuous journey through the pages.

The instance holds only a body and its secretariat's account (no demo data). The secretariat signs in with two
factors, adds an organisation, creates the next meeting and names its chair from that organisation, creates the
Industry Connect series and an event with sign-language interpretation; a member of the public registers on the
event's page in French and asks for sign language; the secretariat postpones the event through its confirmation
step, and the registrant's e-mail says so in French with the new date.
"""

from __future__ import annotations

import datetime
import re
import zoneinfo
from typing import Any

import pytest
from babel.dates import format_date
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from cwgcop.bodies.models import Organization
from cwgcop.events.models import Event, Registration
from cwgcop.meetings.models import Meeting
from tests.accounts.factories import give_totp
from tests.browser.conftest import NewPage
from tests.browser.signin import sign_in_with_two_factors
from tests.factories import BodyFactory, secretariat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCAL = "%Y-%m-%dT%H:%M"
ZURICH = zoneinfo.ZoneInfo("Europe/Zurich")
TITLE_FR = "La voix des jeunes dans la conception des produits"


def _staff_area(page: Page, area: str) -> None:
    _hub(page)
    page.get_by_role("navigation", name="Staff areas").get_by_role("link", name=area, exact=True).click()


def _hub(page: Page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Secretariat").click()


def _create_meeting_with_its_chair(page: Page, start: datetime.date) -> Meeting:
    _hub(page)
    page.get_by_role("link", name="New meeting").click()
    page.get_by_label("Body").select_option(label="EG-WAVE")
    page.get_by_label("Number").fill("1")
    page.get_by_label("Start date").fill(start.isoformat())
    page.get_by_label("End date").fill((start + datetime.timedelta(days=1)).isoformat())
    page.get_by_label("Venue (English)").fill("Suva")
    page.get_by_label("Remote participation link").fill("https://meet.example.net/egw-1")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/en/meetings/eg-wave/1/$"))
    meeting = Meeting.objects.get(body__acronym="EG-WAVE", number=1)
    assert (meeting.start_date, meeting.remote_link_private) == (start, True)

    _hub(page)
    page.get_by_role("link", name="Manage EG-WAVE, meeting 1").click()
    page.get_by_role("link", name="Chair and vice-chairs").click()
    first = page.get_by_role("group", name="Officer 1")
    first.get_by_label("Role").select_option("chair")
    first.get_by_label("Name", exact=True).fill("Losa Tuilagi")
    first.get_by_label("Country").select_option("WS")
    first.get_by_label("Organisation").select_option(label="Pacific Islands Telecommunications Association")
    page.get_by_role("button", name="Save the officers").click()
    expect(page.get_by_text("The officers of EGW-1 were saved.")).to_be_visible()
    page.get_by_role("link", name="Public page").click()
    expect(
        page.locator("dl.facts").get_by_text(
            "Losa Tuilagi (Pacific Islands Telecommunications Association, Samoa)", exact=True
        )
    ).to_be_visible()
    expect(page.get_by_text("The link is shown to registered participants.")).to_be_visible()
    return meeting


def _add_organisation(page: Page) -> None:
    _staff_area(page, "Organisations")
    page.get_by_role("link", name="Add an organisation").click()
    page.get_by_label("Name", exact=True).fill("Pacific Islands Telecommunications Association")
    page.get_by_label("Country").select_option("FJ")
    page.get_by_label("Stakeholder kind").select_option("un-igo")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/en/staff/organisations/$"))
    expect(page.get_by_text("Pacific Islands Telecommunications Association added.")).to_be_visible()
    organisation = Organization.objects.get()
    assert (organisation.country.code, organisation.region) == ("FJ", "asia-pacific")


def _create_series_and_event(page: Page, start: datetime.datetime, assert_accessible: Any) -> None:
    _staff_area(page, "Events")
    expect(page.get_by_text("No event series yet.")).to_be_visible()
    page.get_by_role("link", name="New series").click()
    page.get_by_label("Body").select_option(label="EG-WAVE")
    page.get_by_label("Short name").fill("industry-connect")
    page.get_by_label("Cadence").select_option("quarterly")
    page.get_by_label("Title (English)").fill("Industry Connect")
    page.get_by_label("Title (French)").fill("Industry Connect")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Series created.")).to_be_visible()

    page.get_by_role("link", name="New event").click()
    assert_accessible(page)
    now = timezone.now().astimezone(ZURICH)
    page.get_by_label("Short name").fill("youth-design")
    page.get_by_label("Title (English)").fill("Youth voices in product design")
    page.get_by_label("Title (French)").fill(TITLE_FR)
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
    expect(page.get_by_text("0 confirmed of 50 places; 0 on the waiting list.")).to_be_visible()
    event = Event.objects.get(series__slug="industry-connect", slug="youth-design")
    assert (event.sign_languages, event.format, event.capacity, event.starts_at) == (
        ["International Sign"],
        "online",
        50,
        start.replace(tzinfo=ZURICH),
    )


def _register_in_french(page: Page, base: str) -> None:
    page.goto(f"{base}/fr/events/")
    page.get_by_role("link", name="Industry Connect").click()
    page.get_by_role("link", name=TITLE_FR).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE_FR)
    expect(page.get_by_text("Interprétation en langue des signes : International Sign")).to_be_visible()
    expect(page.get_by_text("50 places restantes sur 50")).to_be_visible()
    page.get_by_label("Nom", exact=True).fill("Camille Martin")
    page.get_by_label("Courriel", exact=True).fill("camille@example.org")
    page.get_by_label("Pays", exact=True).select_option("FR")
    page.get_by_label("Catégorie de partie prenante", exact=True).select_option("civil-society")
    page.get_by_label("J’ai besoin d’une interprétation en langue des signes").check()
    page.get_by_label("Quelle langue des signes").fill("LSF")
    page.get_by_label("J’ai lu l’avis de confidentialité et je l’accepte").check()
    page.get_by_role("button", name="S’inscrire").click()
    expect(page.get_by_role("heading", name="Consultez votre courriel")).to_be_visible()

    [asked] = [m for m in mail.outbox if m.to == ["camille@example.org"]]
    assert asked.subject == f"Confirmez votre inscription : {TITLE_FR}"
    link = next(u for u in re.findall(r"http://\S+", asked.body) if u.endswith("/confirm/"))
    page.goto(link)
    expect(
        page.get_by_text("Votre place est confirmée. Nous vous avons envoyé un fichier de calendrier par courriel.")
    ).to_be_visible()
    registration = Registration.objects.get(email="camille@example.org")
    assert (registration.status, registration.language, registration.sign_language) == ("confirmed", "fr", "LSF")
    page.goto(f"{base}/fr/events/industry-connect/youth-design/")
    expect(page.get_by_text("49 places restantes sur 50")).to_be_visible()


def _postpone(page: Page, new_start: datetime.datetime) -> None:
    _staff_area(page, "Events")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Youth voices in product design"))
    expect(row.locator("td.number")).to_have_text("1")
    page.get_by_role("link", name="Youth voices in product design").click()
    expect(page.get_by_text("1 confirmed of 50 places; 0 on the waiting list.")).to_be_visible()
    expect(page.get_by_text("Sign language — LSF: 1")).to_be_visible()
    page.get_by_role("link", name="Postpone").click()
    expect(page.get_by_text("1 registrant is told by e-mail, in the language they registered in.")).to_be_visible()
    page.get_by_label("New start").fill(new_start.strftime(LOCAL))
    page.get_by_label("New end").fill((new_start + datetime.timedelta(hours=2)).strftime(LOCAL))
    page.get_by_role("button", name="Postpone and tell the registrants").click()
    expect(page.get_by_text("Event postponed. 1 registrant is told by e-mail.")).to_be_visible()


def test_a_new_secretariat_runs_its_group_from_sign_in_to_a_postponed_event(
    new_page: NewPage, live_server: Any, settings: Any, assert_accessible: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = live_server.url
    body = BodyFactory(acronym="EG-WAVE", slug="eg-wave", symbol_prefix="EGW", name_en="Expert group on waves")
    secret = give_totp(secretariat(body, username="newclerk"))
    today = timezone.localdate()
    start = datetime.datetime.combine(today + datetime.timedelta(days=20), datetime.time(14, 0))
    new_start = start + datetime.timedelta(days=7)

    staff = new_page()
    sign_in_with_two_factors(staff, live_server.url, "newclerk", secret)
    _add_organisation(staff)
    _create_meeting_with_its_chair(staff, today + datetime.timedelta(days=60))
    _create_series_and_event(staff, start, assert_accessible)
    _register_in_french(new_page(java_script_enabled=False), live_server.url)
    mail.outbox.clear()
    _postpone(staff, new_start)

    event = Event.objects.get(slug="youth-design")
    assert (event.starts_at, event.postponed_from) == (new_start.replace(tzinfo=ZURICH), start.replace(tzinfo=ZURICH))
    [told] = mail.outbox
    assert (told.to, told.subject) == (["camille@example.org"], f"Reporté : {TITLE_FR}")
    new_date = format_date(new_start.date(), "medium", locale="fr")
    assert told.body.startswith(
        f"Bonjour Camille Martin,\n\n{TITLE_FR} est reporté. Il aura lieu désormais :\n\n"
        f"{new_date}, 14:00 – 16:00 (Europe/Zurich)\n"
    )
    assert "Votre place est conservée. Le fichier de calendrier joint remplace celui" in told.body
    [(filename, ics, mimetype)] = told.attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    utc_start = new_start.replace(tzinfo=ZURICH).astimezone(datetime.UTC)
    assert f"DTSTART:{utc_start:%Y%m%dT%H%M%S}Z\r\n" in ics
    assert "SEQUENCE:1\r\n" in ics
