"""Dates, date ranges and meeting names as they read naturally in each of the six languages (CLDR via Babel)."""

from __future__ import annotations

import datetime

from babel.dates import format_date, format_interval
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


def long_date(value: datetime.date, language: str | None = None) -> str:
    return str(format_date(value, "long", locale=babel_locale(language)))


def date_range(start: datetime.date, end: datetime.date, language: str | None = None) -> str:
    """``30 September – 1 October 2024`` / ``2024年9月30日至10月1日``."""
    if start == end:
        return long_date(start, language)
    return str(format_interval(start, end, "yMMMMd", locale=babel_locale(language)))


def meeting_name(acronym: str, number: int, language: str | None = None) -> str:
    """``CWG-COP, meeting 21`` in the reader's language."""
    with override(language or current_language()):
        return _("%(body)s, meeting %(number)s") % {"body": acronym, "number": number}
