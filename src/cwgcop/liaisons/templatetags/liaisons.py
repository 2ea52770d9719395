"""Liaison sections that other apps' pages include: a body's liaisons, a meeting's liaisons and deliverables."""

from __future__ import annotations

from typing import Any

from django import template

from cwgcop.liaisons import queries

register = template.Library()

BODY_PAGE_ROWS = 10


@register.inclusion_tag("liaisons/includes/body_liaisons.html")
def body_liaisons(body: Any) -> dict[str, Any]:
    """The statements a body sent and received (both ways), and the milestones expected of it."""
    return {
        "body": body,
        "sent": list(queries.statements_from(body)[:BODY_PAGE_ROWS]),
        "received": list(queries.statements_to(body)[:BODY_PAGE_ROWS]),
        "milestones": list(queries.milestones_of(body).exclude(status="cancelled")),
    }


@register.inclusion_tag("liaisons/includes/meeting_liaisons.html")
def meeting_liaisons(meeting: Any) -> dict[str, Any]:
    """The statements a meeting considered (or agreed) and the deliverables expected at it."""
    return {
        "meeting": meeting,
        "statements": list(queries.considered_at(meeting)),
        "milestones": list(queries.milestones_at(meeting)),
    }
