"""Dates, date ranges, numbers and meeting names as they read naturally in each of the six languages (CLDR via
Babel)."""

from __future__ import annotations

import datetime
import functools
import re
from decimal import Decimal
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_time, parse_pattern
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from babel.units import format_unit
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


# CLDR's minimumGroupingDigits where it is not 1 (Babel does not apply it): Spanish groups a number only from
# five digits on, "1234" but "12.345".
_MINIMUM_GROUPING_DIGITS = {"es": 2}


def number(value: int | float | Decimal, language: str | None = None) -> str:
    """``12,345`` / ``12 345`` / ``12.345``: a figure with the grouping and decimal sign of the reader's language.

    Digits are Western (0–9) in every language, Arabic included, as in the UN's and ITU's Arabic documents
    (CLDR's ``latn`` numbering system for ``ar``).
    """
    locale = babel_locale(language)
    grouped = abs(value) >= 10 ** (2 + _MINIMUM_GROUPING_DIGITS.get(locale, 1))
    return str(format_decimal(value, locale=locale, group_separator=grouped))


def percent(fraction: float | Decimal, language: str | None = None) -> str:
    """``38%`` / ``38 %`` for ``0.375``, rounded to a whole per cent, with the language's sign and spacing."""
    return str(format_percent(fraction, locale=babel_locale(language)))


_SIZE_UNITS = ("digital-kilobyte", "digital-megabyte", "digital-gigabyte", "digital-terabyte")


def file_size(size: int, language: str | None = None) -> str:
    """``340 kB`` / ``1,5 Mo`` / ``1.5 م.ب``: a size in bytes with CLDR's short unit, at most one decimal.

    Multiples of 1024, as the file managers people compare them with count.
    """
    value, unit = float(size), "digital-byte"
    for larger in _SIZE_UNITS:
        if value < 1024:
            break
        value, unit = value / 1024, larger
    return str(format_unit(round(value, 1), unit, length="short", format="#,##0.#", locale=babel_locale(language)))


class Figure(int):
    """A count that prints itself as ``number()`` writes it in the language active when it was made.

    It is still an ``int``: ``{% blocktranslate count counter=total|number %}`` picks the plural form from the
    value and prints ``12 345``, so no catalogue entry changes when a template formats its counts.
    """

    text: str

    def __new__(cls, value: int, language: str | None = None) -> Figure:
        figure = super().__new__(cls, value)
        figure.text = number(value, language)
        return figure

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> str:
        return self.text  # digits, signs and spaces only


# CLDR's "unit" style is not offered: Babel 2.17 raises on it in Spanish, repeats an item in Arabic and joins
# Russian and Chinese items with no separator at all.
ListStyle = Literal["standard", "or"]


def join_list(items: list[str], language: str | None = None, style: ListStyle = "standard") -> str:
    """``A, B and C`` / ``A、B和C`` / ``A وB وC``: a list in the reader's language by CLDR's list patterns.

    ``style`` is CLDR's: ``standard`` (and) or ``or``.
    """
    return str(format_list(list(items), style=style, locale=babel_locale(language))) if items else ""
