"""Reads of events and registrations, with their joins and aggregates decided here."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from cwgcop.bodies.enums import Region, StakeholderKind
from cwgcop.events.enums import ACTIVE_STATUSES, RegistrationStatus
from cwgcop.events.models import Event, EventSeries, Registration


def series_list() -> QuerySet[EventSeries]:
    return EventSeries.objects.select_related("body").order_by("slug")


def series(slug: str) -> EventSeries | None:
    return series_list().filter(slug=slug).first()


def events_of(series: EventSeries) -> QuerySet[Event]:
    return (
        Event.objects.filter(series=series)
        .select_related("series", "concept_note")
        .annotate(waitlisted=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)))
        .order_by("starts_at")
    )


def event(series_slug: str, event_slug: str) -> Event | None:
    return (
        Event.objects.select_related("series", "series__body", "concept_note")
        .annotate(waitlisted=Count("registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)))
        .filter(series__slug=series_slug, slug=event_slug)
        .first()
    )


@dataclass
class Figures:
    """Confirmed participants of one event, by region and by stakeholder kind, in a fixed order."""

    total: int = 0
    by_region: list[tuple[str, int]] = field(default_factory=list)
    by_kind: list[tuple[str, int]] = field(default_factory=list)


def figures(events: list[Event]) -> dict[int, Figures]:
    """Public figures for each event in one query (erased registrations still count: only names go)."""
    rows = (
        Registration.objects.filter(event__in=events, status=RegistrationStatus.CONFIRMED)
        .values_list("event_id", "region", "stakeholder_kind")
        .order_by()
    )
    regions: dict[int, Counter[str]] = {e.pk: Counter() for e in events}
    kinds: dict[int, Counter[str]] = {e.pk: Counter() for e in events}
    for event_id, region, kind in rows:
        regions[event_id][region or ""] += 1
        kinds[event_id][kind] += 1
    result = {}
    for event_id, region_counts in regions.items():
        by_region = [(str(r.label), region_counts[r.value]) for r in Region]
        if region_counts[""]:
            by_region.append(("—", region_counts[""]))
        result[event_id] = Figures(
            total=sum(region_counts.values()),
            by_region=by_region,
            by_kind=[(str(k.label), kinds[event_id][k.value]) for k in StakeholderKind],
        )
    return result


def registrations(event: Event) -> QuerySet[Registration]:
    return Registration.objects.filter(event=event).order_by("created_at", "id")


def accessibility_summary(event: Event) -> dict[str, object]:
    """What the secretariat needs to book interpreters: counts among confirmed and waitlisted people."""
    active = Registration.objects.filter(
        event=event, status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
    )
    sign = Counter(
        (s or "").strip() or "?"
        for s in active.filter(needs_sign_language=True).values_list("sign_language", flat=True)
    )
    return {
        "sign_languages": sorted(sign.items()),
        "captions": active.filter(needs_captions=True).count(),
        "other": list(active.exclude(accessibility_other="").values_list("accessibility_other", flat=True)),
    }


def staff_series() -> QuerySet[EventSeries]:
    """Every series with its events, for the secretariat's list: three queries whatever the number of rows."""
    from django.db.models import Prefetch

    return (
        EventSeries.objects.select_related("body")
        .prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.annotate(
                    active=Count("registrations", filter=Q(registrations__status__in=ACTIVE_STATUSES))
                ).order_by("-starts_at"),
            )
        )
        .order_by("retired_at", "slug")
    )


def public_series() -> QuerySet[EventSeries]:
    return series_list().filter(retired_at__isnull=True)


def active_registrants(event: Event) -> int:
    """How many people a postponement or cancellation would e-mail."""
    return Registration.objects.filter(event=event, status__in=ACTIVE_STATUSES, erased_at__isnull=True).count()
