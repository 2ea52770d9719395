"""The body's name as it was on a given day, for pages of meetings and documents of that time."""

from __future__ import annotations

import datetime
from typing import Any

from django import template

from cwgcop.bodies.models import Body

register = template.Library()


@register.inclusion_tag("bodies/includes/name_on.html")
def body_name_on(body: Body, day: datetime.date | datetime.datetime | None) -> dict[str, Any]:
    """A link to ``body`` under the name it bore on ``day``, with today's name beside a former one."""
    if isinstance(day, datetime.datetime):
        day = day.date()
    then = body.name_on(day)
    return {"body": body, "then": then, "renamed": then is not body}
