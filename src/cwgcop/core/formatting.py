"""Dates, date ranges and meeting names as they read naturally in each of the six languages (CLDR via Babel)."""

from __future__ import annotations

import datetime
import functools
import re
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_time, parse_pattern
from babel.lists import format_list
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.core.languages import current_language

# The Babel (CLDR) locale for each UI language. English follows ITU (British) usage.
BABEL_LOCALES = {"ar": "ar", "zh-hans": "zh_Hans", "en": "en_GB", "fr": "fr", "ru": "ru", "es": "es"}

MEDIA_LABELS = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint",
    "text/plain": "Text",
    "text/html": "HTML",
}


def babel_locale(language: str | None = None) -> str:
    return BABEL_LOCALES.get(language or current_language(), "en_GB")


# An abbreviated month (MMM) outside a quoted literal, to be widened to the full name (MMMM).
_SHORT_MONTH = re.compile(r"(?<!M)MMM(?!M)")


def _local_day(value: datetime.date) -> datetime.date:
    """The calendar day of ``value`` in the platform's time zone (a date is returned as it is)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def long_date(value: datetime.date, language: str | None = None) -> str:
    """``12 February 2025`` / ``2025年2月12日``; an aware date-time is read as its local day."""
    return _long_date(_local_day(value), babel_locale(language))


@functools.lru_cache(maxsize=8192)
def _long_date(day: datetime.date, locale: str) -> str:
    # A list page prints a date per row, and Babel takes a tenth of a millisecond to format one.
    return str(format_date(day, "long", locale=locale))


def long_datetime(value: datetime.datetime, language: str | None = None) -> str:
    """``16 January 2025 00:00 CET``: the local day, the local time and the time zone's abbreviation."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    time = format_time(local.time(), "short", locale=babel_locale(language))
    return f"{long_date(local.date(), language)} {time} {local.tzname() or ''}".strip()


def _widen_months(pattern: str) -> str:
    parts = re.split(r"('[^']*')", pattern)
    return "".join(part if part.startswith("'") else _SHORT_MONTH.sub("MMMM", part) for part in parts)


def _interval_patterns(locale: Locale) -> dict[str, list[str]]:
    """CLDR's day-month-year interval patterns with months in full.

    Most locales define only the abbreviated form (``yMMMd``); CLDR says to widen the month field of the
    closest pattern then, which Babel does not do, so it is done here.
    """
    formats = locale.interval_formats
    if "yMMMMd" in formats:
        return {field: list(formats["yMMMMd"][field]) for field in formats["yMMMMd"]}
    short = formats["yMMMd"]
    return {field: [_widen_months(p) for p in short[field]] for field in short}


def date_range(start: datetime.date, end: datetime.date, language: str | None = None) -> str:
    """``30 September – 1 October 2024`` / ``2024年9月30日至10月1日``, with the month in full."""
    start, end = _local_day(start), _local_day(end)
    if start == end:
        return long_date(start, language)
    locale = Locale.parse(babel_locale(language))
    patterns = _interval_patterns(locale)
    if start.year != end.year:
        field = "y"
    elif start.month != end.month:
        field = "M"
    else:
        field = "d"
    first, second = patterns[field]
    return str(parse_pattern(first).apply(start, locale) + parse_pattern(second).apply(end, locale))


def meeting_name(acronym: str, number: int, language: str | None = None) -> str:
    """``CWG-COP, meeting 21`` in the reader's language."""
    with override(language or current_language()):
        return _("%(body)s, meeting %(number)s") % {"body": acronym, "number": number}


ListStyle = Literal["standard", "or", "unit"]


def join_list(items: list[str], language: str | None = None, style: ListStyle = "standard") -> str:
    """``A, B and C`` / ``A、B和C`` / ``A وB وC``: a list in the reader's language by CLDR's list patterns.

    ``style`` is CLDR's: ``standard`` (and), ``or``, ``unit`` (no conjunction).
    """
    return str(format_list(list(items), style=style, locale=babel_locale(language))) if items else ""
