"""Template helpers of accounts: the bodies whose roles a person manages."""

from __future__ import annotations

from typing import Any

from django import template

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body

register = template.Library()


@register.simple_tag
def bodies_managed_by(user: Any) -> list[Body]:
    """The bodies where ``user`` is secretariat (every body for a superuser), by acronym."""
    if not getattr(user, "is_authenticated", False):
        return []
    bodies = Body.objects.order_by("acronym")
    if not user.is_superuser:
        bodies = bodies.filter(roles__user=user, roles__kind=RoleKind.SECRETARIAT).distinct()
    return list(bodies)
