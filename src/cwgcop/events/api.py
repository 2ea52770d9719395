"""Events in the public API: read events and their counts; register (the same service as the form)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from cwgcop.core import ratelimit
from cwgcop.core.api.errors import plain_refusal_codes
from cwgcop.core.languages import current_language
from cwgcop.events import queries, services
from cwgcop.events.models import Event

router = Router(tags=["events"])


class CountsSchema(Schema):
    capacity: int
    confirmed: int
    waitlisted: int
    places_left: int
    by_region: dict[str, int]
    by_stakeholder_kind: dict[str, int]


class EventSchema(Schema):
    series: str
    slug: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    format: str
    venue: str
    status: str
    registration_opens_at: datetime.datetime
    registration_closes_at: datetime.datetime
    registration_open: bool
    sign_languages: list[str]
    live_captions: bool
    interpretation_languages: list[str]
    concept_note: str | None
    counts: CountsSchema
    url: str


class RegistrationIn(Schema):
    name: str
    email: str
    organization: str = ""
    country: str
    stakeholder_kind: str
    attendance_mode: str
    needs_sign_language: bool = False
    sign_language: str = ""
    needs_captions: bool = False
    accessibility_other: str = ""
    consent: bool


class RegistrationOut(Schema):
    status: str
    detail: str


def _event_data(event: Event, figures: queries.Figures) -> dict[str, Any]:
    return {
        "series": event.series.slug,
        "slug": event.slug,
        "title": event.display_title,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "time_zone": event.time_zone,
        "format": event.format,
        "venue": event.display_venue,
        "status": event.status,
        "registration_opens_at": event.registration_opens_at,
        "registration_closes_at": event.registration_closes_at,
        "registration_open": event.registration_is_open(),
        "sign_languages": list(event.sign_languages),
        "live_captions": event.live_captions,
        "interpretation_languages": list(event.interpretation_languages),
        "concept_note": event.concept_note.symbol if event.concept_note else None,
        "counts": {
            "capacity": event.capacity,
            "confirmed": event.confirmed_count,
            "waitlisted": getattr(event, "waitlisted", 0),
            "places_left": event.places_left,
            "by_region": dict(figures.by_region),
            "by_stakeholder_kind": dict(figures.by_kind),
        },
        "url": f"{settings.SITE_URL}{event.get_absolute_url()}",
    }


@router.get("/{series}/", response=list[EventSchema])
def list_events(request: HttpRequest, series: str) -> list[dict[str, Any]]:
    found = queries.series(series)
    if found is None:
        raise Http404
    events = list(queries.events_of(found))
    figures = queries.figures(events)
    return [_event_data(e, figures[e.pk]) for e in events]


@router.get("/{series}/{event}", response=EventSchema)
def get_event(request: HttpRequest, series: str, event: str) -> dict[str, Any]:
    found = queries.event(series, event)
    if found is None:
        raise Http404
    return _event_data(found, queries.figures([found])[found.pk])


@router.post("/{series}/{event}/registrations", response={202: RegistrationOut})
@plain_refusal_codes(conflicts={"registration_duplicate"})
def register(request: HttpRequest, series: str, event: str, payload: RegistrationIn) -> Status[dict[str, str]]:
    """Register without an account. The registration counts once the e-mailed link is followed."""
    found = queries.event(series, event)
    if found is None:
        raise Http404
    if ratelimit.hit(request, group="events.register", rate=settings.CWGCOP_EVENT_RATE_LIMIT):
        raise HttpError(429, _("Too many registrations from your network in a short time. Please try again later."))
    applicant = services.Applicant(**payload.dict(), language=current_language())
    registration, _secret = services.register(event=found, applicant=applicant)
    return Status(
        202,
        {
            "status": registration.status,
            "detail": _("Check your e-mail and follow the link to confirm the registration."),
        },
    )
