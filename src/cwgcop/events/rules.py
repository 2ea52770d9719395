"""Who may manage events: the secretariat of the series' body (any secretariat for a series without one)."""

from __future__ import annotations

from typing import Any

import rules

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.rules import has_role


@rules.predicate
def is_event_secretariat(user: Any, series: Any = None) -> bool:
    body = getattr(series, "body", None)
    return has_role(user, {RoleKind.SECRETARIAT}, body)


rules.add_perm("events.manage_series", is_event_secretariat)


@rules.predicate
def is_body_secretariat(user: Any, body: Any = None) -> bool:
    """A new series belongs to ``body``: only its secretariat may create it."""
    return body is not None and has_role(user, {RoleKind.SECRETARIAT}, body)


rules.add_perm("events.create_series", is_body_secretariat)
