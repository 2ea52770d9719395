from __future__ import annotations

import datetime
from typing import Any

from django import template

from cwgcop.core import formatting
from cwgcop.core.languages import LANGUAGE_SHORT, native_name

register = template.Library()


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date) -> str:
    return formatting.date_range(start, end)


@register.simple_tag
def meeting_name(meeting: Any) -> str:
    return formatting.meeting_name(meeting.body.acronym, meeting.number)


@register.filter
def long_date(value: datetime.date | None) -> str:
    """``12 February 2025`` in the reader's language (a date-time is read as its local day)."""
    return formatting.long_date(value) if value else ""


@register.filter
def long_datetime(value: datetime.datetime | None) -> str:
    return formatting.long_datetime(value) if value else ""


@register.filter
def language_name(code: str) -> str:
    """The language's name in itself (``Français``), so a reader finds their own language whatever the page's."""
    return native_name(code)


@register.filter
def language_short(code: str) -> str:
    return LANGUAGE_SHORT.get(code, code)


@register.filter
def format_label(media_type: str) -> str:
    return formatting.MEDIA_LABELS.get(media_type, media_type)
