"""Secretariat pages for series and events: forms, refusals in the reader's language, other bodies, confirmation."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from cwgcop.events.models import Event, EventSeries
from tests.events.factories import EventFactory, EventSeriesFactory, confirmed, schedule_state
from tests.factories import BodyFactory, secretariat

pytestmark = pytest.mark.django_db


def _event_form(**overrides: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": "2031-q2",
        "title_en": "Gaming and children",
        "title_es": "Los videojuegos y la infancia",
        "venue_en": "ITU headquarters",
        "time_zone": "America/Bogota",
        "starts_at": "2031-05-20T09:00",
        "ends_at": "2031-05-20T11:00",
        "format": "hybrid",
        "online_link": "https://meet.example.org/gaming",
        "capacity": "60",
        "registration_opens_at": "2031-04-01T00:00",
        "registration_closes_at": "2031-05-19T12:00",
        "sign_languages": "Colombian Sign Language, International Sign",
        "live_captions": "on",
        "interpretation_languages": ["es", "en"],
    }
    return data | overrides


@pytest.fixture
def series() -> EventSeries:
    return EventSeriesFactory(slug="gaming", body=BodyFactory(acronym="EG-PLAY"))


@pytest.fixture
def staff(client: Client, series: EventSeries) -> Client:
    assert series.body is not None
    client.force_login(secretariat(series.body, username="play-sec"))
    return client


def test_secretariat_creates_an_event_with_everything_it_has(staff: Client, series: EventSeries) -> None:
    assert staff.get("/en/staff/events/gaming/new/").status_code == 200
    response = staff.post("/en/staff/events/gaming/new/", _event_form())
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/events/gaming/2031-q2/"
    event = Event.objects.get()
    bogota = zoneinfo.ZoneInfo("America/Bogota")
    assert (event.starts_at, event.ends_at) == (
        datetime.datetime(2031, 5, 20, 9, 0, tzinfo=bogota),
        datetime.datetime(2031, 5, 20, 11, 0, tzinfo=bogota),
    )
    assert (event.title_en, event.title_es, event.venue_en, event.capacity) == (
        "Gaming and children",
        "Los videojuegos y la infancia",
        "ITU headquarters",
        60,
    )
    assert event.sign_languages == ["Colombian Sign Language", "International Sign"]
    assert (event.live_captions, event.interpretation_languages) == (True, ["en", "es"])
    public = Client().get("/en/events/gaming/2031-q2/").content.decode()
    assert "Sign-language interpretation: Colombian Sign Language" in public
    assert "https://meet.example.org/gaming" not in public  # the link is for confirmed registrants only


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends_at": "2031-05-20T08:00"}, "The event must end after it starts."),
        ({"time_zone": "Bogota"}, "This is not a time zone. Write it as Region/City, e.g. Europe/Zurich."),
        ({"capacity": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"starts_at": "tomorrow"}, "Enter a valid date/time."),
        ({"title_en": "", "title_es": ""}, "Give the event a title in at least one language."),
        ({"concept_note": "XX-1/1"}, "No document of the archive has the symbol XX-1/1."),
    ],
)
def test_bad_input_is_shown_on_the_form_and_nothing_is_written(
    staff: Client, series: EventSeries, overrides: dict[str, str], message: str
) -> None:
    response = staff.post("/en/staff/events/gaming/new/", _event_form(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Event.objects.count() == 0


def test_the_refusal_is_in_the_readers_language(staff: Client, series: EventSeries) -> None:
    response = staff.post("/fr/staff/events/gaming/new/", _event_form(ends_at="2031-05-20T08:00"))
    assert response.status_code == 400
    assert "L’événement doit finir après avoir commencé." in response.content.decode()


def test_another_bodys_secretariat_gets_403_and_nothing_is_written(client: Client, series: EventSeries) -> None:
    event = EventFactory(series=series, capacity=5)
    client.force_login(secretariat(BodyFactory(acronym="EG-OTHER"), username="other-sec"))
    base = f"/en/staff/events/gaming/{event.slug}/"
    attempts = [
        ("/en/staff/events/gaming/new/", _event_form()),
        ("/en/staff/events/gaming/edit/", {"title_en": "Taken over", "cadence": "monthly"}),
        ("/en/staff/events/gaming/retire/", {"confirm": "on"}),
        (base + "edit/", _event_form(capacity="9")),
        (base + "postpone/", {"starts_at": "2031-06-01T09:00", "ends_at": "2031-06-01T10:00"}),
        (base + "cancel/", {"confirm": "on"}),
    ]
    for url, data in attempts:
        assert client.post(url, data).status_code == 403, url
    assert schedule_state(event, series) == (1, 5, "scheduled", "quarterly", None)
    created = client.post(
        "/en/staff/events/new/",
        {"body": series.body.pk, "slug": "stolen", "title_en": "Stolen", "cadence": "monthly"},  # type: ignore[union-attr]
    )
    assert created.status_code == 400  # the other body is not among the bodies they may choose
    assert not EventSeries.objects.filter(slug="stolen").exists()


def test_cancelling_asks_for_confirmation_then_tells_each_registrant(
    staff: Client, series: EventSeries, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory(series=series)
    confirmed(event, 1)
    confirmed(event, 2, language="fr")
    url = f"/en/staff/events/gaming/{event.slug}/cancel/"
    page = staff.get(url).content.decode()
    assert "it takes no more registrations, and 2 registrants are told by e-mail" in page
    unconfirmed = staff.post(url, {"reason": "No speakers"})
    assert unconfirmed.status_code == 400
    assert "Tick the box to confirm." in unconfirmed.content.decode()
    event.refresh_from_db()
    assert event.status == "scheduled"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        done = staff.post(url, {"reason": "No speakers", "confirm": "on"}, follow=True)
    assert "Event cancelled. 2 registrants are told by e-mail." in done.content.decode()
    event.refresh_from_db()
    assert event.status == "cancelled"
    assert sorted(m.subject for m in mail.outbox) == [
        f"Annulé : Session {event.slug}",
        f"Cancelled: Session {event.slug}",
    ]


def test_postponing_moves_the_dates_and_tells_registrants(
    staff: Client, series: EventSeries, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory(series=series, time_zone="Africa/Nairobi")
    confirmed(event, 1)
    url = f"/en/staff/events/gaming/{event.slug}/postpone/"
    assert "1 registrant is told by e-mail" in staff.get(url).content.decode()
    backwards = staff.post(url, {"starts_at": "2031-06-01T09:00", "ends_at": "2031-06-01T08:00"})
    assert backwards.status_code == 400
    assert "The event must end after it starts." in backwards.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url, {"starts_at": "2031-06-01T09:00", "ends_at": "2031-06-01T10:30"})
    event.refresh_from_db()
    nairobi = zoneinfo.ZoneInfo("Africa/Nairobi")
    assert event.starts_at == datetime.datetime(2031, 6, 1, 9, 0, tzinfo=nairobi)
    assert [m.subject for m in mail.outbox] == [f"Postponed: Session {event.slug}"]


def test_editing_keeps_what_is_not_changed_and_refuses_a_capacity_below_confirmed(
    staff: Client, series: EventSeries
) -> None:
    event = EventFactory(series=series, capacity=4)
    confirmed(event, 1)
    confirmed(event, 2)
    url = f"/en/staff/events/gaming/{event.slug}/edit/"
    form = staff.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False, "")}
    data.update({"starts_at": form.initial["starts_at"].strftime("%Y-%m-%dT%H:%M")})
    for name in ("ends_at", "registration_opens_at", "registration_closes_at"):
        data[name] = form.initial[name].strftime("%Y-%m-%dT%H:%M")
    refused = staff.post(url, {**data, "capacity": "1"})
    assert refused.status_code == 400
    assert "2 people are already confirmed: the capacity cannot be lower than that." in refused.content.decode()
    assert staff.post(url, {**data, "capacity": "8", "title_fr": "Séance"}).status_code == 302
    event.refresh_from_db()
    assert (event.capacity, event.title_fr, event.title_en) == (8, "Séance", f"Session {event.slug}")


def test_series_create_edit_retire(staff: Client, series: EventSeries) -> None:
    assert series.body is not None
    created = staff.post(
        "/en/staff/events/new/",
        {
            "body": series.body.pk,
            "slug": "online-safety-talks",
            "title_en": "Online safety talks",
            "cadence": "monthly",
        },
    )
    assert created.status_code == 302
    talks = EventSeries.objects.get(slug="online-safety-talks")
    assert (talks.body, talks.title_en, talks.cadence) == (series.body, "Online safety talks", "monthly")
    duplicate = staff.post(
        "/en/staff/events/new/",
        {"body": series.body.pk, "slug": "online-safety-talks", "title_en": "Again", "cadence": "monthly"},
    )
    assert duplicate.status_code == 400
    assert "Another series already has the short name “online-safety-talks”." in duplicate.content.decode()
    edited = staff.post("/en/staff/events/online-safety-talks/edit/", {"title_en": "Safety talks", "cadence": "yearly"})
    assert edited.status_code == 302
    asked = staff.get("/en/staff/events/online-safety-talks/retire/").content.decode()
    assert "The series leaves the public list of series and takes no new event." in asked
    assert staff.post("/en/staff/events/online-safety-talks/retire/", {}).status_code == 400
    talks.refresh_from_db()
    assert (talks.title_en, talks.cadence, talks.retired_at) == ("Safety talks", "yearly", None)
    assert staff.post("/en/staff/events/online-safety-talks/retire/", {"confirm": "on"}).status_code == 302
    talks.refresh_from_db()
    assert talks.retired_at is not None
    assert "Safety talks" not in Client().get("/en/events/").content.decode()


@pytest.mark.parametrize("rows", [1, 3])
def test_staff_event_list_runs_a_fixed_number_of_queries(
    staff: Client, series: EventSeries, django_assert_num_queries, rows: int
) -> None:  # type: ignore[no-untyped-def]
    for number in range(rows):
        other = EventSeriesFactory(slug=f"series-{number}", title_en=f"Series {number}", body=series.body)
        confirmed(EventFactory(series=other, title_en=f"Listed event {number}"), number)
    staff.get("/en/staff/events/")
    with django_assert_num_queries(8):
        page = staff.get("/en/staff/events/").content.decode()
    assert page.count("Listed event ") == rows
