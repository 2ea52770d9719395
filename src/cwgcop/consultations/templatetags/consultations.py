from __future__ import annotations

import datetime

from django import template
from django.utils.timesince import TIME_STRINGS

from cwgcop.core import formatting

register = template.Library()


@register.filter
def age_band_label(code: str) -> str:
    """``13–15 years`` in the reader's language for the stored code ``13-15`` (an unknown code as it is)."""
    from cwgcop.consultations.enums import AgeBand

    return str(AgeBand(code).label) if code in AgeBand.values else code


@register.filter
def duration(value: datetime.timedelta | None) -> str:
    """A length of time as "2 days and 3 hours" (or "5 minutes"), with Django's own translated units joined by the
    language's list pattern ("2 jours et 3 heures", "2天和3小时")."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    shown = [str(TIME_STRINGS[unit] % {"num": n}) for n, unit in parts if n][:2]
    return formatting.join_list(shown) or str(TIME_STRINGS["minute"] % {"num": 0})
