"""The secretariat's writes to series and events: create, edit, retire, postpone, cancel; refusals write nothing."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.events import services
from cwgcop.events.models import Event, EventSeries, Registration
from cwgcop.events.services import schedule
from tests.events.factories import EventFactory, EventSeriesFactory, applicant, confirmed
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db
TOKYO = zoneinfo.ZoneInfo("Asia/Tokyo")


def _details(**overrides: Any) -> schedule.EventDetails:
    start = datetime.datetime(2031, 3, 12, 14, 0)
    values: dict[str, Any] = {
        "titles": {"en": "Age assurance in practice", "fr": "La vérification de l'âge en pratique"},
        "venues": {"en": "Tokyo International Forum"},
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "time_zone": "Asia/Tokyo",
        "format": "hybrid",
        "online_link": "https://meet.example.org/age",
        "capacity": 40,
        "registration_opens_at": datetime.datetime(2031, 1, 1, 9, 0),
        "registration_closes_at": start - datetime.timedelta(hours=1),
        "sign_languages": ["Japanese Sign Language", " ", "International Sign"],
        "live_captions": True,
        "interpretation_languages": ["fr", "ar"],
    }
    values.update(overrides)
    return schedule.EventDetails(**values)


def _series() -> EventSeries:
    return schedule.create_series(
        actor=None, body=BodyFactory(acronym="EG-KIDS"), slug="kids-forum", titles={"en": "Kids forum"}
    )


def test_create_event_stores_everything_with_times_read_in_its_time_zone() -> None:
    event = schedule.create_event(actor=None, series=_series(), slug="2031-q1", details=_details())
    event.refresh_from_db()
    assert event.starts_at == datetime.datetime(2031, 3, 12, 14, 0, tzinfo=TOKYO)
    assert event.starts_at.astimezone(datetime.UTC) == datetime.datetime(2031, 3, 12, 5, 0, tzinfo=datetime.UTC)
    assert (event.title_en, event.title_fr, event.venue_en, event.format, event.capacity) == (
        "Age assurance in practice",
        "La vérification de l'âge en pratique",
        "Tokyo International Forum",
        "hybrid",
        40,
    )
    assert event.sign_languages == ["Japanese Sign Language", "International Sign"]
    assert (event.live_captions, event.interpretation_languages) == (True, ["ar", "fr"])
    assert event.online_link == "https://meet.example.org/age"
    assert AuditEntry.objects.filter(action="event.create", object_id=str(event.pk)).count() == 1


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"ends_at": datetime.datetime(2031, 3, 12, 13, 0)}, "ends_before_start"),
        ({"registration_closes_at": datetime.datetime(2030, 12, 1)}, "registration_window_invalid"),
        ({"registration_closes_at": datetime.datetime(2031, 3, 13)}, "registration_window_invalid"),
        ({"time_zone": "Mars/Olympus"}, "time_zone_invalid"),
        ({"format": "telepathy"}, "format_invalid"),
        ({"capacity": 0}, "capacity_invalid"),
        ({"online_link": "not a link"}, "online_link_invalid"),
        ({"interpretation_languages": ["de"]}, "language_invalid"),
        ({"titles": {"en": "  "}}, "title_missing"),
        ({"titles": {"xx": "Title"}}, "language_invalid"),
    ],
)
def test_create_event_refuses_bad_input_and_writes_nothing(overrides: dict[str, Any], code: str) -> None:
    series = _series()
    with pytest.raises(DomainError) as refused:
        schedule.create_event(actor=None, series=series, slug="2031-q1", details=_details(**overrides))
    assert refused.value.code == code
    assert Event.objects.count() == 0
    assert not AuditEntry.objects.filter(action="event.create").exists()


def test_slugs_are_unique_and_reserved_words_refused() -> None:
    series = _series()
    schedule.create_event(actor=None, series=series, slug="2031-q1", details=_details())
    for slug, code in [("2031-q1", "slug_taken"), ("edit", "slug_invalid"), ("two words", "slug_invalid")]:
        with pytest.raises(DomainError) as refused:
            schedule.create_event(actor=None, series=series, slug=slug, details=_details())
        assert refused.value.code == code
    with pytest.raises(DomainError) as taken:
        schedule.create_series(actor=None, body=series.body, slug="kids-forum", titles={"en": "Again"})
    assert (taken.value.code, EventSeries.objects.count()) == ("slug_taken", 1)


def test_capacity_below_the_confirmed_count_is_refused_and_nothing_changes() -> None:
    event = EventFactory(capacity=3)
    confirmed(event, 1)
    confirmed(event, 2)
    details = _details(
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        time_zone=event.time_zone,
        registration_opens_at=event.registration_opens_at,
        registration_closes_at=event.registration_closes_at,
        capacity=1,
    )
    with pytest.raises(DomainError) as refused:
        schedule.update_event(actor=None, event=event, details=details)
    assert str(refused.value.messages[0]) == ("2 people are already confirmed: the capacity cannot be lower than that.")
    event.refresh_from_db()
    assert (event.capacity, event.title_en) == (3, f"Session {event.slug}")


def test_dates_change_only_by_postponing_once_people_registered() -> None:
    event = EventFactory()
    confirmed(event, 1)
    later = event.starts_at + datetime.timedelta(days=7)
    details = _details(
        starts_at=later,
        ends_at=later + datetime.timedelta(hours=1),
        time_zone=event.time_zone,
        registration_opens_at=event.registration_opens_at,
        registration_closes_at=event.registration_closes_at,
    )
    with pytest.raises(DomainError) as refused:
        schedule.update_event(actor=None, event=event, details=details)
    assert refused.value.code == "dates_need_postponing"


def test_postponing_tells_each_registrant_in_their_language(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory(title_en="Safety by design", title_fr="La sécurité dès la conception", capacity=1)
    confirmed(event, 1, language="fr")
    services.confirm_email(registration=services.register(event=event, applicant=applicant(2, language="es"))[0])
    services.register(event=event, applicant=applicant(3))  # pending: told as well
    cancelled = confirmed(event, 4)
    services.cancel(registration=cancelled)
    mail.outbox.clear()
    start = event.starts_at + datetime.timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        _postponed, told = schedule.postpone_event(
            actor=None, event=event, starts_at=start, ends_at=start + datetime.timedelta(hours=1)
        )
    assert told == 3
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == ["person1@example.org", "person2@example.org", "person3@example.org"]
    assert by_address["person1@example.org"].subject == "Reporté : La sécurité dès la conception"
    assert "Votre place est conservée." in by_address["person1@example.org"].body
    assert by_address["person1@example.org"].attachments[0][0] == "event.ics"
    assert by_address["person2@example.org"].subject == "Aplazado: Safety by design"
    assert by_address["person3@example.org"].subject == "Postponed: Safety by design"
    assert "is postponed. It now takes place:" in by_address["person3@example.org"].body
    event.refresh_from_db()
    assert event.starts_at == start
    assert event.registration_closes_at == start - datetime.timedelta(hours=1)
    assert event.postponed_from is not None


def test_cancelling_tells_registrants_and_refuses_registration(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory(title_en="Safety by design", title_ru="Безопасность при проектировании")
    confirmed(event, 1, language="ru")
    pending, _secret = services.register(event=event, applicant=applicant(2, language="ar"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _cancelled, told = schedule.cancel_event(actor=None, event=event, reason="The speakers cannot travel.")
    assert told == 2
    russian = next(m for m in mail.outbox if m.to == ["person1@example.org"])
    assert russian.subject == "Отменено: Безопасность при проектировании"
    assert "The speakers cannot travel." in russian.body
    arabic = next(m for m in mail.outbox if m.to == ["person2@example.org"])
    assert arabic.subject == "أُلغي: Safety by design"
    event.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        services.register(event=event, applicant=applicant(5))
    assert (refused.value.code, str(refused.value.messages[0])) == ("event_cancelled", "This event is cancelled.")
    with pytest.raises(DomainError) as late:
        services.confirm_email(registration=pending)
    assert late.value.code == "event_cancelled"
    assert Registration.objects.filter(email="person5@example.org").count() == 0
    with pytest.raises(DomainError) as again:
        schedule.cancel_event(actor=None, event=event)
    assert again.value.code == "event_cancelled"


def test_retiring_a_series_waits_for_its_events_and_hides_it() -> None:
    series = EventSeriesFactory(slug="retiring")
    event = EventFactory(series=series)
    with pytest.raises(DomainError) as refused:
        schedule.retire_series(actor=None, series=series)
    assert refused.value.code == "series_has_events"
    schedule.cancel_event(actor=None, event=event)
    schedule.retire_series(actor=None, series=series)
    series.refresh_from_db()
    assert series.retired_at is not None
    with pytest.raises(DomainError) as closed:
        schedule.create_event(actor=None, series=series, slug="next", details=_details())
    assert closed.value.code == "series_retired"


def test_update_series_replaces_its_texts() -> None:
    series = _series()
    schedule.update_series(
        actor=None,
        series=series,
        titles={"fr": "Forum des enfants"},
        descriptions={"en": "Twice a year"},
        cadence="yearly",
    )
    series.refresh_from_db()
    assert (series.title_en, series.title_fr, series.description_en, series.cadence) == (
        "",
        "Forum des enfants",
        "Twice a year",
        "yearly",
    )
    with pytest.raises(DomainError) as refused:
        schedule.update_series(actor=None, series=series, titles={}, cadence="hourly")
    assert refused.value.code == "cadence_invalid"


def test_a_series_whose_events_are_over_can_retire() -> None:
    series = EventSeriesFactory(slug="old")
    EventFactory(
        series=series,
        starts_at=timezone.now() - datetime.timedelta(days=30),
        ends_at=timezone.now() - datetime.timedelta(days=29),
        registration_opens_at=timezone.now() - datetime.timedelta(days=60),
        registration_closes_at=timezone.now() - datetime.timedelta(days=31),
    )
    assert schedule.retire_series(actor=None, series=series).retired_at is not None


def _ics_lines(message: Any) -> list[str]:
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("event.ics", "text/calendar")
    text = content if isinstance(content, str) else content.decode()
    return [line for line in text.split("\r\n") if line.startswith(("SEQUENCE:", "STATUS:", "DTSTART"))]


def test_each_change_raises_the_calendar_sequence_and_a_cancelled_file_says_so(
    client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    event = EventFactory(
        series=EventSeriesFactory(slug="sequence-forum"),
        starts_at=datetime.datetime(2031, 3, 12, 13, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2031, 3, 12, 15, 0, tzinfo=datetime.UTC),
        registration_closes_at=datetime.datetime(2031, 3, 12, 12, 0, tzinfo=datetime.UTC),
    )
    with django_capture_on_commit_callbacks(execute=True):
        confirmed(event, 1)
    assert (Event.objects.get(pk=event.pk).sequence, _ics_lines(mail.outbox[-1])) == (
        0,
        ["DTSTART:20310312T130000Z", "SEQUENCE:0"],
    )
    mail.outbox.clear()
    start = datetime.datetime(2031, 3, 19, 14, 0)  # in the event's own time zone (Europe/Zurich, UTC+1 in March)
    with django_capture_on_commit_callbacks(execute=True):
        schedule.postpone_event(actor=None, event=event, starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    [postponed] = mail.outbox
    assert _ics_lines(postponed) == ["DTSTART:20310319T130000Z", "SEQUENCE:1"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        schedule.cancel_event(actor=None, event=event, reason="The speakers cannot travel.")
    [cancelled] = mail.outbox
    assert _ics_lines(cancelled) == ["DTSTART:20310319T130000Z", "SEQUENCE:2", "STATUS:CANCELLED"]
    feed = client.get("/events/sequence-forum.ics").content.decode().split("\r\n")
    assert [line for line in feed if line.startswith(("SEQUENCE:", "STATUS:"))] == ["SEQUENCE:2", "STATUS:CANCELLED"]


def test_editing_an_event_raises_its_calendar_sequence() -> None:
    event = EventFactory()
    schedule.update_event(actor=None, event=event, details=_details())
    assert Event.objects.get(pk=event.pk).sequence == 1
