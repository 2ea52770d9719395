from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.utils.translation import get_language_info

from cwgcop.core import formatting
from cwgcop.core.languages import LANGUAGE_SHORT

register = template.Library()


@register.simple_tag
def date_range(start: datetime.date, end: datetime.date) -> str:
    return formatting.date_range(start, end)


@register.simple_tag
def meeting_name(meeting: Any) -> str:
    return formatting.meeting_name(meeting.body.acronym, meeting.number)


@register.filter
def language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_local"])
    except KeyError:
        return code


@register.filter
def language_short(code: str) -> str:
    return LANGUAGE_SHORT.get(code, code)


@register.filter
def format_label(media_type: str) -> str:
    return formatting.MEDIA_LABELS.get(media_type, media_type)
