from __future__ import annotations

import datetime
from typing import Any

import factory
from django.utils import timezone

from cwgcop.events import services
from cwgcop.events.models import Event, EventSeries, Registration


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries
        django_get_or_create = ("slug",)

    slug = "industry-connect"
    title = "ITU Industry Connect"
    title_en = "ITU Industry Connect"
    cadence = "quarterly"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    series = factory.SubFactory(EventSeriesFactory)
    slug = factory.Sequence(lambda n: f"event-{n}")
    title = factory.LazyAttribute(lambda e: f"Session {e.slug}")
    title_en = factory.LazyAttribute(lambda e: f"Session {e.slug}")
    starts_at = factory.LazyFunction(lambda: (timezone.now() + datetime.timedelta(days=10)).replace(microsecond=0))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(minutes=90))
    time_zone = "Europe/Zurich"
    format = "hybrid"
    capacity = 3
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    registration_closes_at = factory.LazyAttribute(lambda e: e.starts_at - datetime.timedelta(hours=1))


def applicant(number: int = 1, **overrides: Any) -> services.Applicant:
    values: dict[str, Any] = {
        "name": f"Person {number}",
        "email": f"person{number}@example.org",
        "organization": "Org",
        "country": "KE",
        "stakeholder_kind": "civil-society",
        "attendance_mode": "online",
        "consent": True,
    }
    values.update(overrides)
    return services.Applicant(**values)


def confirmed(event: Event, number: int, **overrides: Any) -> Registration:
    registration, _secret = services.register(event=event, applicant=applicant(number, **overrides))
    return services.confirm_email(registration=registration)


def schedule_state(event: Event, series: EventSeries) -> tuple[Any, ...]:
    """What a refused write must leave as it was, read afresh: how many events there are, the event's capacity and
    status, the series' cadence and retirement."""
    event.refresh_from_db()
    series.refresh_from_db()
    return (Event.objects.count(), event.capacity, event.status, series.cadence, series.retired_at)
