"""Events in the API: read series, events and their counts; register (the same service as the form); the
secretariat creates, edits, retires, postpones and cancels with a personal API token (the same services as
the staff pages: a refusal answers 400, or 409 for the record's state, and writes nothing)."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from cwgcop.accounts.api_auth import api_token_auth, api_user, require_api_permission
from cwgcop.bodies.models import Body
from cwgcop.core import ratelimit
from cwgcop.core.api.errors import ApiError, plain_refusal_codes
from cwgcop.core.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.core.api.schemas import ErrorSchema
from cwgcop.core.api.serializers import translations
from cwgcop.core.languages import current_language
from cwgcop.documents.api import cited_document
from cwgcop.events import queries, services
from cwgcop.events.models import Event, EventSeries
from cwgcop.events.schemas import (
    CancelIn,
    EventIn,
    EventPatch,
    PostponeIn,
    SeriesIn,
    SeriesPatch,
    SeriesSchema,
    ToldOut,
    series_data,
)
from cwgcop.events.services import schedule

router = Router(tags=["events"])
WRITE_RESPONSES: dict[int, Any] = dict.fromkeys((400, 401, 403, 404, 409), ErrorSchema)


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


def _series_or_404(slug: str) -> EventSeries:
    found = queries.series(slug)
    if found is None:
        raise ApiError(404, "not_found", _("There is no event series “%(slug)s”.") % {"slug": slug[:80]})
    return found


def _event_or_404(series: str, event: str) -> Event:
    found = queries.event(series, event)
    if found is None:
        raise ApiError(404, "not_found", _("There is no event “%(slug)s” in this series.") % {"slug": event[:80]})
    return found


def _managed_event(request: HttpRequest, series: str, event: str) -> Event:
    """The event, for a token that may manage its series: 404 when there is no such event, 403 when it may not."""
    found = _event_or_404(series, event)
    require_api_permission(request, "events.manage_series", found.series)
    return found


def _event_out(event: Event) -> dict[str, Any]:
    fresh = queries.event(event.series.slug, event.slug)
    assert fresh is not None
    return _event_data(fresh, queries.figures([fresh])[fresh.pk])


@router.get(
    "/",
    response={200: list[SeriesSchema], 400: ErrorSchema},
    summary="Event series (Industry Connect, …)",
    operation_id="cwgcop_api_events_list_series",
)
@paginate(LimitOffsetPagination)
def list_series(request: HttpRequest) -> LazyPage:
    """Every event series, retired ones included (``retired: true``), by short name."""
    return LazyPage(queries.series_list(), lambda series: series_data(request, series))


@router.post("/", auth=api_token_auth, response={201: SeriesSchema, **WRITE_RESPONSES}, summary="Create a series")
def create_series(request: HttpRequest, payload: SeriesIn) -> Any:
    """A new series of a body (its secretariat)."""

    body = Body.objects.filter(Q(slug=payload.body.lower()) | Q(acronym=payload.body)).first()
    if body is None:
        raise ApiError(400, "body_unknown", _("There is no body %(body)s.") % {"body": payload.body[:80]})
    require_api_permission(request, "events.create_series", body)
    series = schedule.create_series(
        actor=api_user(request),
        body=body,
        slug=payload.slug,
        titles=payload.titles,
        descriptions=payload.descriptions,
        cadence=payload.cadence,
    )
    return Status(201, series_data(request, _series_or_404(series.slug)))


@router.patch(
    "/{series}/", auth=api_token_auth, response={200: SeriesSchema, **WRITE_RESPONSES}, summary="Edit a series"
)
def update_series(request: HttpRequest, series: str, payload: SeriesPatch) -> Any:
    """Change the titles, descriptions or cadence; fields left out keep their value."""

    found = _series_or_404(series)
    require_api_permission(request, "events.manage_series", found)
    schedule.update_series(
        actor=api_user(request),
        series=found,
        titles=payload.titles if payload.titles is not None else translations(found, "title"),
        descriptions=(payload.descriptions if payload.descriptions is not None else translations(found, "description")),
        cadence=payload.cadence,
    )
    return series_data(request, _series_or_404(series))


@router.post(
    "/{series}/retire", auth=api_token_auth, response={200: SeriesSchema, **WRITE_RESPONSES}, summary="Retire a series"
)
def retire_series(request: HttpRequest, series: str) -> Any:
    """Take the series off the list; refused while one of its events is still to come."""

    found = _series_or_404(series)
    require_api_permission(request, "events.manage_series", found)
    schedule.retire_series(actor=api_user(request), series=found)
    return series_data(request, _series_or_404(series))


@router.post(
    "/{series}/", auth=api_token_auth, response={201: EventSchema, **WRITE_RESPONSES}, summary="Create an event"
)
def create_event(request: HttpRequest, series: str, payload: EventIn) -> Any:
    """A new event of the series, with everything it has; times without an offset are read in ``time_zone``."""

    found = _series_or_404(series)
    require_api_permission(request, "events.manage_series", found)
    values = payload.dict(exclude={"slug", "concept_note"})
    details = schedule.EventDetails(**values, concept_note=cited_document(payload.concept_note))
    event = schedule.create_event(actor=api_user(request), series=found, slug=payload.slug, details=details)
    return Status(201, _event_out(event))


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


def _current(event: Event) -> dict[str, Any]:
    zone = event.time_zone
    return {
        "titles": translations(event, "title"),
        "descriptions": translations(event, "description"),
        "venues": translations(event, "venue"),
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "time_zone": zone,
        "format": event.format,
        "online_link": event.online_link,
        "capacity": event.capacity,
        "registration_opens_at": event.registration_opens_at,
        "registration_closes_at": event.registration_closes_at,
        "sign_languages": list(event.sign_languages),
        "live_captions": event.live_captions,
        "interpretation_languages": list(event.interpretation_languages),
    }


@router.patch(
    "/{series}/{event}", auth=api_token_auth, response={200: EventSchema, **WRITE_RESPONSES}, summary="Edit an event"
)
def update_event(request: HttpRequest, series: str, event: str, payload: EventPatch) -> Any:
    """Change an event; fields left out keep their value. Once people registered, dates change by postponing."""

    found = _managed_event(request, series, event)
    given = payload.dict(exclude_unset=True)
    concept_note = cited_document(given.pop("concept_note")) if "concept_note" in given else found.concept_note
    values = {**_current(found), **{k: v for k, v in given.items() if v is not None}}
    details = schedule.EventDetails(**values, concept_note=concept_note)
    schedule.update_event(actor=api_user(request), event=found, details=details)
    return _event_out(found)


@router.post(
    "/{series}/{event}/postpone",
    auth=api_token_auth,
    response={200: ToldOut, **WRITE_RESPONSES},
    summary="Postpone an event",
)
def postpone_event(request: HttpRequest, series: str, event: str, payload: PostponeIn) -> Any:
    """New dates; every registrant is e-mailed in the language they registered in."""

    found = _managed_event(request, series, event)
    _event, told = schedule.postpone_event(actor=api_user(request), event=found, **payload.dict())
    return {"told": told}


@router.post(
    "/{series}/{event}/cancel",
    auth=api_token_auth,
    response={200: ToldOut, **WRITE_RESPONSES},
    summary="Cancel an event",
)
def cancel_event(request: HttpRequest, series: str, event: str, payload: CancelIn) -> Any:
    """Cancel for good; every registrant is e-mailed in their language, and registration is refused from now on."""

    found = _managed_event(request, series, event)
    _event, told = schedule.cancel_event(actor=api_user(request), event=found, reason=payload.reason)
    return {"told": told}
