from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from cwgcop.core import formatting
from cwgcop.core.languages import native_name, translated_with_language

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


@register.simple_tag
def in_language(obj: Any, field: str, fallback: str | None = None) -> SafeString:
    """A translated field in the reader's language (else ``fallback``, else any), marked with its language.

    ``<span lang="en" dir="auto">…</span>``: screen readers pronounce an English title shown on an Arabic page
    as English (WCAG 3.1.2), and the bidirectional algorithm keeps its punctuation in place.
    """
    value, language = translated_with_language(obj, field, fallback=fallback)
    if not value:
        return SafeString("")
    return format_html('<span lang="{}" dir="auto">{}</span>', language, value)


@register.simple_tag
def content_language(obj: Any, field: str, fallback: str | None = None) -> str:
    """The language in which a translated field is shown to this reader, for a ``lang`` on a whole block.

    ``{% content_language meeting "summary" "en" as summary_language %}``, then
    ``<div lang="{{ summary_language }}" dir="auto">``: an English summary on an Arabic page reads left to right.
    """
    return translated_with_language(obj, field, fallback=fallback)[1]


@register.filter
def long_datetime(value: datetime.datetime | None) -> str:
    return formatting.long_datetime(value) if value else ""


@register.filter
def language_name(code: str) -> str:
    """The language's name in itself (``Français``), so a reader finds their own language whatever the page's."""
    return native_name(code)


@register.filter
def format_label(media_type: str) -> str:
    return formatting.MEDIA_LABELS.get(media_type, media_type)
