"""iCalendar (RFC 5545) for events: one event as an e-mail attachment, and the whole series as a feed."""

from __future__ import annotations

from collections.abc import Iterable

import icalendar
from django.conf import settings

from cwgcop.events.models import Event, EventSeries


def event_component(event: Event, *, with_link: bool = False) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"event-{event.series.slug}-{event.slug}@cwgcop")
    component.add("summary", event.display_title)
    component.add("dtstart", event.starts_at)
    component.add("dtend", event.ends_at)
    component.add("dtstamp", event.updated_at)
    # Raised on every change (postponed, cancelled, edited): calendar apps replace an entry only for a higher one.
    component.add("sequence", event.sequence)
    component.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    if event.display_venue:
        component.add("location", event.display_venue)
    elif with_link and event.online_link:
        component.add("location", event.online_link)
    description = [event.display_description]
    if with_link and event.online_link:
        description.append(event.online_link)
    component.add("description", "\n\n".join(d for d in description if d))
    if event.status == "cancelled":
        component.add("status", "CANCELLED")
    return component


def calendar_bytes(events: Iterable[Event], name: str, *, with_link: bool = False) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//cwgcop//events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event, with_link=with_link))
    return bytes(calendar.to_ical())


def series_calendar(series: EventSeries, events: Iterable[Event]) -> bytes:
    return calendar_bytes(events, series.display_title)
