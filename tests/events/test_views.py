from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path

import icalendar
import polib
import pytest
from django.core import mail, signing
from django.test import Client
from lxml import html
from openpyxl import load_workbook

import cwgcop.events as events_app
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.events.forms import STARTED_SALT
from cwgcop.events.models import Event, Registration
from tests.accounts.factories import give_totp
from tests.events.factories import EventFactory, EventSeriesFactory, confirmed
from tests.factories import BodyFactory, UserFactory
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _form(**overrides: str) -> dict[str, str]:
    data = {
        "name": "Amina Diallo",
        "email": "amina@example.org",
        "organization": "Child Helpline Network",
        "country": "SN",
        "stakeholder_kind": "civil-society",
        "attendance_mode": "online",
        "needs_sign_language": "on",
        "sign_language": "International Sign",
        "consent": "on",
        "website": "",
        "started": signing.dumps(time.time() - 60, salt=STARTED_SALT),
    }
    data.update(overrides)
    return data


def _register(client: Client, event: Event, **overrides: str):  # type: ignore[no-untyped-def]
    return client.post(f"/en/events/{event.series.slug}/{event.slug}/register/", _form(**overrides))


def _links(message: str) -> list[str]:
    return re.findall(r"http://\S+", message)


def test_public_journey_register_confirm_cancel(client: Client, django_capture_on_commit_callbacks) -> None:
    event = EventFactory(capacity=1)
    page = client.get(f"/en/events/{event.series.slug}/{event.slug}/")
    assert page.status_code == 200
    assert "1 of 1 places left" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, event)
    assert response.status_code == 200
    assert "We sent a message to amina@example.org" in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.status, registration.region, registration.needs_sign_language, registration.sign_language) == (
        "pending",
        "africa",
        True,
        "International Sign",
    )
    confirm_url = next(u for u in _links(mail.outbox[0].body) if u.endswith("/confirm/"))
    with django_capture_on_commit_callbacks(execute=True):
        confirmed_page = client.get(confirm_url.replace("http://127.0.0.1:8000", ""), follow=True)
    assert "Your place is confirmed." in confirmed_page.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    manage = confirm_url.replace("http://127.0.0.1:8000", "").removesuffix("confirm/")
    asked = client.get(manage + "cancel/").content.decode()
    assert "If you hold a place, it goes at once to the next person on the waiting list" in asked
    assert Registration.objects.get().status == "confirmed"  # the confirmation page writes nothing
    unconfirmed = client.post(manage + "cancel/")
    assert unconfirmed.status_code == 200
    assert "Yes, cancel my registration" in unconfirmed.content.decode()
    assert Registration.objects.get().status == "confirmed"
    cancelled = client.post(manage + "cancel/", {"confirm": "yes"}, follow=True)
    assert "Cancelled" in cancelled.content.decode()
    assert Registration.objects.get().status == "cancelled"
    replay = client.post(manage + "cancel/", {"confirm": "yes"})
    assert replay.status_code == 409
    assert "This registration is already cancelled." in replay.content.decode()


def test_forged_link_gets_a_clear_404(client: Client) -> None:
    event = EventFactory()
    confirmed(event, 1)
    registration = Registration.objects.get()
    response = client.get(f"/en/events/registration/{registration.public_id}/forged-secret/")
    assert response.status_code == 404
    assert "This link is not valid." in response.content.decode()
    assert (
        client.post(
            f"/en/events/registration/{registration.public_id}/forged-secret/cancel/", {"confirm": "yes"}
        ).status_code
        == 404
    )
    assert Registration.objects.get().status == "confirmed"


def test_honeypot_and_too_fast_forms_are_refused(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory()
    robot = _register(client, event, website="http://spam.example")
    assert robot.status_code == 400
    assert "The field “Leave this field empty” must stay empty." in robot.content.decode()
    settings.CWGCOP_EVENT_FORM_MIN_SECONDS = 5
    fast = _register(client, event, started=signing.dumps(time.time(), salt=STARTED_SALT))
    assert fast.status_code == 400
    assert "That was very fast." in fast.content.decode()
    assert Registration.objects.count() == 0


def test_invalid_email_on_the_form_is_explained(client: Client) -> None:
    event = EventFactory()
    response = _register(client, event, email="amina-at-example")
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert Registration.objects.count() == 0


def test_rate_limit_per_address(client: Client, settings) -> None:  # type: ignore[no-untyped-def]
    settings.CWGCOP_EVENT_RATE_LIMIT = "2/h"
    event = EventFactory(capacity=10)
    codes = [_register(client, event, email=f"p{n}@example.org").status_code for n in range(3)]
    assert codes == [200, 200, 429]
    assert Registration.objects.count() == 2


def test_series_page_shows_public_figures_and_ical_feed(client: Client) -> None:
    event = EventFactory(capacity=5)
    confirmed(event, 1, country="CN", stakeholder_kind="member-state")
    confirmed(event, 2, country="FR", stakeholder_kind="academia")
    confirmed(event, 3, country="CN", stakeholder_kind="academia")
    page = client.get(f"/en/events/{event.series.slug}/").content.decode()
    assert "3 confirmed participants" in page
    assert re.search(r"Asia-Pacific</th><td class=\"number\">2<", page)
    assert re.search(r"Europe</th><td class=\"number\">1<", page)
    assert re.search(r"Academia</th><td class=\"number\">2<", page)
    feed = icalendar.Calendar.from_ical(client.get(f"/events/{event.series.slug}.ics").content)
    events = list(feed.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == [event.title]
    assert events[0].decoded("DTSTART") == event.starts_at


def _secretariat(client: Client, event: Event) -> None:
    body = BodyFactory()
    event.series.body = body
    event.series.save()
    user = UserFactory(username="events-sec")
    Role.objects.create(user=user, body=body, kind=RoleKind.SECRETARIAT)
    give_totp(user)  # staff pages require two-factor authentication
    client.force_login(user)


def test_staff_sees_filters_and_exports_registrations(client: Client) -> None:
    event = EventFactory(capacity=2)
    confirmed(event, 1, needs_captions=True)
    confirmed(event, 2, name="=HYPERLINK(1)")
    confirmed(event, 3)
    _secretariat(client, event)
    base = f"/en/staff/events/{event.series.slug}/{event.slug}/"
    page = client.get(base + "?status=waitlisted").content.decode()
    assert "Person 3" in page
    assert "Person 1" not in page
    rows = list(csv.reader(io.StringIO(client.get(base + "export.csv").content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "E-mail", "Organisation"]
    assert [r[0] for r in rows[1:]] == ["Person 1", "'=HYPERLINK(1)", "Person 3"]
    assert [r[7] for r in rows[1:]] == ["Confirmed", "Confirmed", "On the waiting list"]
    workbook = load_workbook(io.BytesIO(client.get(base + "export.xlsx?needs=captions").content))
    assert [[c.value for c in row][:1] for row in workbook.active.iter_rows(min_row=2)] == [["Person 1"]]


def test_staff_checks_in_changes_capacity_and_emails_all(client: Client, django_capture_on_commit_callbacks) -> None:
    event = EventFactory(capacity=2)
    first = confirmed(event, 1)
    confirmed(event, 2)
    _secretariat(client, event)
    base = f"/en/staff/events/{event.series.slug}/{event.slug}/"
    client.post(f"{base}{first.public_id}/check-in/")
    assert Registration.objects.get(pk=first.pk).checked_in_at is not None
    refused = client.post(base + "capacity/", {"capacity": "1"})
    assert refused.status_code == 400
    assert "2 people are already confirmed" in refused.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(base + "email/", {"statuses": ["confirmed"], "subject": "Agenda", "message": "See you soon"})
    assert sorted(m.to[0] for m in mail.outbox) == ["person1@example.org", "person2@example.org"]


def test_staff_pages_need_the_secretariat_role(client: Client) -> None:
    event = EventFactory()
    base = f"/en/staff/events/{event.series.slug}/{event.slug}/"
    assert client.get(base).status_code == 302
    client.force_login(UserFactory(username="someone"))
    assert client.get(base).status_code == 403
    assert client.get(base + "export.csv").status_code == 403


def test_staff_page_asks_a_secretariat_without_two_factor_to_set_it_up(client: Client) -> None:
    event = EventFactory()
    body = BodyFactory()
    event.series.body = body
    event.series.save()
    user = UserFactory(username="events-sec-nomfa")
    Role.objects.create(user=user, body=body, kind=RoleKind.SECRETARIAT)
    client.force_login(user)
    base = f"/en/staff/events/{event.series.slug}/{event.slug}/"
    assert client.get(base).status_code == 302
    refused = client.post(base + "capacity/", {"capacity": "50"})
    assert refused.status_code == 403
    assert Event.objects.get(pk=event.pk).capacity == event.capacity


@pytest.mark.parametrize("rows", [1, 3])
def test_series_index_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    for number in range(rows):
        EventSeriesFactory(slug=f"helpline-forum-{number}", title_en=f"Helpline forum {number}")
    with django_assert_num_queries(1):  # the same for 1 or 3 series
        page = client.get("/en/events/").content.decode()
    assert page.count('href="/en/events/helpline-forum-') == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_series_page_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    series = EventSeriesFactory(slug="helpline-forum", title_en="Helpline forum")
    for number in range(rows):
        event = EventFactory(series=series, slug=f"session-{number}", capacity=4)
        confirmed(event, 2 * number + 1, country="BR")
        confirmed(event, 2 * number + 2, country="KE", stakeholder_kind="academia")
    with django_assert_num_queries(3):  # the same for 1 or 3 events
        page = client.get("/en/events/helpline-forum/").content.decode()
    assert page.count("2 confirmed participants") == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_staff_registrations_page_runs_a_fixed_number_of_queries(
    client: Client, page_in_queries: PageInQueries, rows: int
) -> None:
    event = EventFactory(capacity=2, slug="forum")
    for number in range(1, rows + 1):
        confirmed(event, number, needs_captions=number % 2 == 0)
    _secretariat(client, event)
    page = page_in_queries(f"/en/staff/events/{event.series.slug}/forum/", 11)  # the same for 1 or 3 registrations
    assert [f"Person {n}" in page for n in range(1, 4)] == [n <= rows for n in range(1, 4)]


@pytest.mark.parametrize("rows", [1, 3])
def test_series_calendar_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    series = EventSeriesFactory(slug="helpline-forum", title_en="Helpline forum")
    for number in range(rows):
        EventFactory(series=series, slug=f"session-{number}", title_en=f"Session {number}")
    with django_assert_num_queries(2):  # the same for 1 or 3 events
        feed = icalendar.Calendar.from_ical(client.get("/events/helpline-forum.ics").content)
    assert len(list(feed.walk("VEVENT"))) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_staff_export_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory(capacity=5, slug="forum")
    for number in range(1, rows + 1):
        confirmed(event, number, country="VN")
    _secretariat(client, event)
    url = f"/en/staff/events/{event.series.slug}/forum/export.csv"
    client.get(url)  # the session and the two-factor check settle on the first request
    with django_assert_num_queries(8):  # the same for 1 or 3 registrations
        content = client.get(url).content.decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(content)))) == 1 + rows


def test_the_french_registration_form_shows_the_events_apps_own_labels(client: Client) -> None:
    """Each label is the events catalogue's French (bodies and meetings translate "Stakeholder kind" too; before
    the catalogues agreed, the form showed the bodies' "Type de partie prenante")."""
    event = EventFactory(format="hybrid")
    page = client.get(f"/fr/events/{event.series.slug}/{event.slug}/")
    assert page.status_code == 200
    form = html.fromstring(page.content.decode()).xpath('//form[contains(@action, "/register/")]')[0]
    labels = {label.get("for"): label.text_content().strip() for label in form.xpath(".//label[@for]")}
    assert labels == {
        "id_name": "Nom",
        "id_email": "Courriel",
        "id_organization": "Organisation",
        "id_country": "Pays",
        "id_stakeholder_kind": "Catégorie de partie prenante",
        "id_attendance_mode": "Je participerai",
        "id_needs_sign_language": "J’ai besoin d’une interprétation en langue des signes",
        "id_sign_language": "Quelle langue des signes",
        "id_needs_captions": "J’ai besoin de sous-titres en direct",
        "id_accessibility_other": "Autres besoins d’accessibilité",
        "id_consent": "J’ai lu l’avis de confidentialité et je l’accepte",
        "id_website": "Laissez ce champ vide",
    }
    events_catalogue = polib.pofile(str(Path(events_app.__file__).parent / "locale/fr/LC_MESSAGES/django.po"))
    assert labels["id_stakeholder_kind"] == events_catalogue.find("Stakeholder kind").msgstr
    assert form.xpath('.//select[@name="attendance_mode"]/option/text()') == ["En ligne", "En présentiel"]
    assert form.xpath(".//button[@type='submit']/text()") == ["S’inscrire"]
