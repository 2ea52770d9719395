"""The secretariat's writes to event series and events: create, edit, retire, postpone and cancel.

Every function checks the whole input before writing anything, so a refused change leaves no trace. Postponing
and cancelling tell every active registrant (waiting for confirmation, confirmed or on the waiting list) by
e-mail, each in the language they registered in, once the change is committed. Who may do this is checked by
the caller (``events.create_series`` on the body, ``events.manage_series`` on the series).
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import number
from cwgcop.core.languages import LANGUAGE_ORDER
from cwgcop.core.translated_fields import set_translations
from cwgcop.documents.models import Document
from cwgcop.events import notifications
from cwgcop.events.enums import ACTIVE_STATUSES, Cadence, EventAction, EventFormat, EventStatus
from cwgcop.events.models import Event, EventSeries, Registration
from cwgcop.events.services import lock_rows, promote_waiting_list

# Words the staff addresses use after a series' slug; an event may not take one of them as its slug.
RESERVED_SLUGS = frozenset({"new", "edit", "retire", "events"})
EVENT_FIELDS = [
    "starts_at",
    "ends_at",
    "time_zone",
    "format",
    "online_link",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "concept_note",
    "sign_languages",
    "live_captions",
    "interpretation_languages",
]
TIME_ZONES = frozenset(zoneinfo.available_timezones())


@dataclass(frozen=True)
class EventDetails:
    """Everything an event has, as the staff form and the API give it. Texts are ``{language: text}``."""

    titles: Mapping[str, str]
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    format: str
    capacity: int
    registration_opens_at: datetime.datetime
    registration_closes_at: datetime.datetime
    descriptions: Mapping[str, str] = field(default_factory=dict)
    venues: Mapping[str, str] = field(default_factory=dict)
    online_link: str = ""
    concept_note: Document | None = None
    sign_languages: Sequence[str] = ()
    live_captions: bool = False
    interpretation_languages: Sequence[str] = ()


def _check_slug(slug: str) -> str:
    slug = slug.strip().lower()
    try:
        validate_slug(slug)
    except ValidationError as exc:
        raise DomainError(
            _("Use only letters, numbers, hyphens and underscores in the short name."), code="slug_invalid"
        ) from exc
    if len(slug) > 80:
        raise DomainError(_("The short name can have at most 80 characters."), code="slug_invalid")
    return slug


def _check_cadence(cadence: str) -> None:
    if cadence not in Cadence.values:
        raise DomainError(_("Choose a cadence from the list."), code="cadence_invalid")


def _aware(value: datetime.datetime, zone: str) -> datetime.datetime:
    """A time without a zone is read in the event's own time zone (as the staff form gives it)."""
    if timezone.is_naive(value):
        return timezone.make_aware(value, zoneinfo.ZoneInfo(zone))
    return value


def _check_window(
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
) -> None:
    if ends_at <= starts_at:
        raise DomainError(_("The event must end after it starts."), code="ends_before_start")
    if closes_at <= opens_at:
        raise DomainError(_("Registration must close after it opens."), code="registration_window_invalid")
    if closes_at > ends_at:
        raise DomainError(_("Registration must close before the event ends."), code="registration_window_invalid")


def _clean_list(values: Sequence[str], max_length: int) -> list[str]:
    cleaned = [v.strip() for v in values if v and v.strip()]
    if any(len(v) > max_length for v in cleaned):
        raise DomainError(
            _("Each name can have at most %(count)s characters.") % {"count": number(max_length)}, code="invalid"
        )
    return list(dict.fromkeys(cleaned))


def _checked(details: EventDetails) -> EventDetails:
    """The details with times made aware and lists cleaned; a ``DomainError`` for the first problem found."""
    if details.time_zone not in TIME_ZONES:
        raise DomainError(
            _("“%(zone)s” is not a time zone. Write it as Region/City, e.g. Europe/Zurich.")
            % {"zone": details.time_zone[:64]},
            code="time_zone_invalid",
        )
    if details.format not in EventFormat.values:
        raise DomainError(_("Choose a format from the list."), code="format_invalid")
    if not 1 <= details.capacity <= 100_000:
        raise DomainError(_("The capacity must be between 1 and 100,000."), code="capacity_invalid")
    if details.online_link:
        try:
            URLValidator(schemes=["https", "http"])(details.online_link)
        except ValidationError as exc:
            raise DomainError(_("The online link is not a valid web address."), code="online_link_invalid") from exc
    unknown = sorted(set(details.interpretation_languages) - set(LANGUAGE_ORDER))
    if unknown:
        raise DomainError(_("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)}, code="language_invalid")
    zone = details.time_zone
    checked = EventDetails(
        **{
            **{f.name: getattr(details, f.name) for f in fields(details)},
            "starts_at": _aware(details.starts_at, zone),
            "ends_at": _aware(details.ends_at, zone),
            "registration_opens_at": _aware(details.registration_opens_at, zone),
            "registration_closes_at": _aware(details.registration_closes_at, zone),
            "online_link": details.online_link.strip(),
            "sign_languages": _clean_list(details.sign_languages, 100),
            "interpretation_languages": [c for c in LANGUAGE_ORDER if c in set(details.interpretation_languages)],
        }
    )
    _check_window(checked.starts_at, checked.ends_at, checked.registration_opens_at, checked.registration_closes_at)
    return checked


def _write_details(event: Event, details: EventDetails) -> None:
    set_translations(
        event, "title", details.titles, required=True, refusal=_("Give the event a title in at least one language.")
    )
    set_translations(event, "description", details.descriptions)
    set_translations(event, "venue", details.venues)
    for name in EVENT_FIELDS:
        setattr(event, name, getattr(details, name))
    event.sign_languages = list(details.sign_languages)
    event.interpretation_languages = list(details.interpretation_languages)


def _state(event: Event) -> dict[str, object]:
    return audit.snapshot(event, ["title_en", "slug", "status", "venue_en", "postponed_from", *EVENT_FIELDS])


@transaction.atomic
def create_series(
    *,
    actor: Actor,
    body: Body,
    slug: str,
    titles: Mapping[str, str],
    descriptions: Mapping[str, str] | None = None,
    cadence: str = Cadence.QUARTERLY,
) -> EventSeries:
    """A new event series of ``body``; the short name ``slug`` makes its address and cannot be taken twice."""
    slug = _check_slug(slug)
    if slug in RESERVED_SLUGS:
        raise DomainError(_("“%(slug)s” cannot be a series' short name.") % {"slug": slug}, code="slug_invalid")
    _check_cadence(cadence)
    if EventSeries.objects.filter(slug=slug).exists():
        raise DomainError(
            _("Another series already has the short name “%(slug)s”.") % {"slug": slug}, code="slug_taken"
        )
    series = EventSeries(slug=slug, body=body, cadence=cadence)
    set_translations(
        series, "title", titles, required=True, refusal=_("Give the series a title in at least one language.")
    )
    set_translations(series, "description", descriptions or {})
    series.save()
    audit.record(actor=actor, action=EventAction.SERIES_CREATE, instance=series)
    bump_archive_generation()
    return series


@transaction.atomic
def update_series(
    *,
    actor: Actor,
    series: EventSeries,
    titles: Mapping[str, str],
    descriptions: Mapping[str, str] | None = None,
    cadence: str | None = None,
) -> EventSeries:
    """Change a series' texts and cadence (its body and short name stay: addresses and rights depend on them)."""
    series = lock_rows(EventSeries.objects.filter(pk=series.pk)).get()
    before = audit.snapshot(series)
    if cadence is not None:
        _check_cadence(cadence)
        series.cadence = cadence
    set_translations(
        series,
        "title",
        titles,
        required=True,
        replace=True,
        refusal=_("Give the series a title in at least one language."),
    )
    set_translations(series, "description", descriptions or {}, replace=True)
    series.save()
    audit.record(
        actor=actor, action=EventAction.SERIES_UPDATE, instance=series, before=before, after=audit.snapshot(series)
    )
    bump_archive_generation()
    return series


@transaction.atomic
def retire_series(*, actor: Actor, series: EventSeries, now: datetime.datetime | None = None) -> EventSeries:
    """Take a series off the list of series; it keeps its events and pages but takes no new event.

    Refused while one of its events is still to come and not cancelled: cancel or hold it first.
    """
    now = now or timezone.now()
    series = lock_rows(EventSeries.objects.filter(pk=series.pk)).get()
    if series.retired_at is not None:
        raise DomainError(_("This series is already retired."), code="series_retired")
    if series.events.filter(status=EventStatus.SCHEDULED, ends_at__gt=now).exists():
        raise DomainError(
            _("An event of this series is still to come: cancel it before retiring the series."),
            code="series_has_events",
        )
    series.retired_at = now
    series.save(update_fields=["retired_at"])
    audit.record(actor=actor, action=EventAction.SERIES_RETIRE, instance=series, after={"retired_at": now.isoformat()})
    bump_archive_generation()
    return series


@transaction.atomic
def create_event(*, actor: Actor, series: EventSeries, slug: str, details: EventDetails) -> Event:
    """A new event of ``series``, open for registration in its window; nothing is written when a value is wrong."""
    slug = _check_slug(slug)
    if slug in RESERVED_SLUGS:
        raise DomainError(_("“%(slug)s” cannot be an event's short name.") % {"slug": slug}, code="slug_invalid")
    if series.retired_at is not None:
        raise DomainError(_("This series is retired: it takes no new event."), code="series_retired")
    details = _checked(details)
    if Event.objects.filter(series=series, slug=slug).exists():
        raise DomainError(
            _("Another event of this series already has the short name “%(slug)s”.") % {"slug": slug},
            code="slug_taken",
        )
    event = Event(series=series, slug=slug)
    _write_details(event, details)
    event.save()
    audit.record(actor=actor, action=EventAction.CREATE, instance=event, after=_state(event))
    bump_archive_generation()
    return event


def _active(event: Event) -> bool:
    return Registration.objects.filter(event=event, status__in=ACTIVE_STATUSES, erased_at__isnull=True).exists()


@transaction.atomic
def update_event(*, actor: Actor, event: Event, details: EventDetails, now: datetime.datetime | None = None) -> Event:
    """Change an event. Its dates change only through :func:`postpone_event` once people have registered (they
    must be told); the capacity never goes below the confirmed places, and raising it promotes the waiting list."""
    event = lock_rows(Event.objects.filter(pk=event.pk)).get()
    if event.status == EventStatus.CANCELLED:
        raise DomainError(_("This event is cancelled: it cannot be changed."), code="event_cancelled")
    details = _checked(details)
    if _same_minute(details.starts_at, event.starts_at) and _same_minute(details.ends_at, event.ends_at):
        # Forms give times to the minute: the seconds a script or the demo stored are not a change of date.
        details = EventDetails(
            **{
                **{f.name: getattr(details, f.name) for f in fields(details)},
                "starts_at": event.starts_at,
                "ends_at": event.ends_at,
            }
        )
    if (details.starts_at, details.ends_at) != (event.starts_at, event.ends_at) and _active(event):
        raise DomainError(
            _("People have registered: change the dates with “Postpone”, which tells each of them."),
            code="dates_need_postponing",
        )
    if details.capacity < event.confirmed_count:
        raise DomainError(
            _("%(confirmed)s people are already confirmed: the capacity cannot be lower than that.")
            % {"confirmed": event.confirmed_count},
            code="capacity_below_confirmed",
        )
    before = _state(event)
    _write_details(event, details)
    event.sequence += 1
    event.save()
    promote_waiting_list(event.pk, now or timezone.now())
    audit.record(actor=actor, action=EventAction.UPDATE, instance=event, before=before, after=_state(event))
    bump_archive_generation()
    return event


def _same_minute(one: datetime.datetime, other: datetime.datetime) -> bool:
    return abs((one - other).total_seconds()) < 60 and one.minute == other.minute


def _registrants(event: Event) -> list[Registration]:
    return list(
        Registration.objects.select_related("event", "event__series").filter(
            event=event, status__in=ACTIVE_STATUSES, erased_at__isnull=True
        )
    )


@transaction.atomic
def postpone_event(
    *,
    actor: Actor,
    event: Event,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    registration_closes_at: datetime.datetime | None = None,
) -> tuple[Event, int]:
    """Move the event to new dates and e-mail every active registrant in their language; their places stay.

    ``registration_closes_at`` defaults to one hour before the new start (or the new start when the window
    would otherwise close before it opened). Returns the event and how many people are told.
    """
    event = lock_rows(Event.objects.filter(pk=event.pk)).get()
    if event.status == EventStatus.CANCELLED:
        raise DomainError(_("This event is cancelled: it cannot be postponed."), code="event_cancelled")
    starts_at, ends_at = _aware(starts_at, event.time_zone), _aware(ends_at, event.time_zone)
    if (starts_at, ends_at) == (event.starts_at, event.ends_at):
        raise DomainError(_("Give the event new dates to postpone it."), code="dates_unchanged")
    closes_at = _aware(registration_closes_at, event.time_zone) if registration_closes_at else None
    if closes_at is None:
        closes_at = max(
            starts_at - datetime.timedelta(hours=1), event.registration_opens_at + datetime.timedelta(minutes=1)
        )
    _check_window(starts_at, ends_at, event.registration_opens_at, closes_at)
    before = _state(event)
    event.postponed_from = event.postponed_from or event.starts_at
    event.starts_at, event.ends_at, event.registration_closes_at = starts_at, ends_at, closes_at
    event.sequence += 1
    event.save(
        update_fields=["starts_at", "ends_at", "registration_closes_at", "postponed_from", "sequence", "updated_at"]
    )
    audit.record(actor=actor, action=EventAction.POSTPONE, instance=event, before=before, after=_state(event))
    bump_archive_generation()
    registrants = _registrants(event)
    transaction.on_commit(lambda: notifications.send_postponed(registrants))
    return event, len(registrants)


@transaction.atomic
def cancel_event(*, actor: Actor, event: Event, reason: str = "") -> tuple[Event, int]:
    """Cancel the event for good and e-mail every active registrant in their language (with ``reason``).

    Registrations keep their status as a record of who had registered; a cancelled event refuses every new
    registration and confirmation. Returns the event and how many people are told.
    """
    event = lock_rows(Event.objects.filter(pk=event.pk)).get()
    if event.status == EventStatus.CANCELLED:
        raise DomainError(_("This event is already cancelled."), code="event_cancelled")
    reason = reason.strip()
    if len(reason) > 2000:
        raise DomainError(_("Write the reason in at most 2,000 characters."), code="reason_too_long")
    before = _state(event)
    event.status = EventStatus.CANCELLED
    event.sequence += 1
    event.save(update_fields=["status", "sequence", "updated_at"])
    audit.record(actor=actor, action=EventAction.CANCEL, instance=event, before=before, after=_state(event))
    bump_archive_generation()
    registrants = _registrants(event)
    transaction.on_commit(lambda: notifications.send_event_cancelled(registrants, reason))
    return event, len(registrants)
