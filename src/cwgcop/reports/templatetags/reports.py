from __future__ import annotations

from typing import Any

from django import template

from cwgcop.reports import chart

register = template.Library()


@register.inclusion_tag("reports/includes/participation_history.html")
def participation_history(body: Any) -> dict[str, Any]:
    """The body's participation at every meeting, by year, years without a meeting included (one query)."""
    return {"body": body, "years": chart.years(chart.history(body))}
