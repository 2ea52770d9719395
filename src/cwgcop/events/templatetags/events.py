from __future__ import annotations

import datetime

from babel.dates import format_date, format_time
from django import template
from django.utils.translation import get_language_info

from cwgcop.core.formatting import babel_locale
from cwgcop.events.models import Event

register = template.Library()


def _span(event: Event, zone: datetime.tzinfo, label: str) -> str:
    locale = babel_locale()
    start = event.starts_at.astimezone(zone)
    end = event.ends_at.astimezone(zone)
    first = f"{format_date(start, 'medium', locale=locale)}, {format_time(start, 'short', tzinfo=zone, locale=locale)}"
    last = (
        format_time(end, "short", tzinfo=zone, locale=locale)
        if start.date() == end.date()
        else f"{format_date(end, 'medium', locale=locale)}, {format_time(end, 'short', tzinfo=zone, locale=locale)}"
    )
    return f"{first} – {last} ({label})"


@register.simple_tag
def event_time(event: Event) -> str:
    """Start and end in the event's own time zone, e.g. ``12 Mar 2026, 14:00:00 – 15:30 (Europe/Zurich)``."""
    return _span(event, event.zone, event.time_zone)


@register.simple_tag
def event_time_utc(event: Event) -> str:
    return _span(event, datetime.UTC, "UTC")


@register.filter
def get_item(mapping: dict[object, object], key: object) -> object:
    return mapping.get(key)


@register.filter
def language_label(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code
