"""Permission predicates about people's roles in bodies. Every role check in the platform goes through here."""

from __future__ import annotations

from typing import Any

import rules

from cwgcop.bodies.enums import RoleKind


def has_role(user: Any, kinds: set[RoleKind], body: Any = None) -> bool:
    """Whether ``user`` holds one of ``kinds`` in ``body`` (in any body when ``body`` is None)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "is_superuser", False):
        return True
    roles = user.body_roles.filter(kind__in=[k.value for k in kinds])
    if body is not None:
        roles = roles.filter(body=body)
    return bool(roles.exists())


@rules.predicate
def is_secretariat(user: Any, body: Any = None) -> bool:
    return has_role(user, {RoleKind.SECRETARIAT}, body)


@rules.predicate
def is_chair(user: Any, body: Any = None) -> bool:
    return has_role(user, {RoleKind.CHAIR, RoleKind.VICE_CHAIR}, body)


@rules.predicate
def is_any_secretariat(user: Any) -> bool:
    return has_role(user, {RoleKind.SECRETARIAT})


rules.add_perm("bodies.manage_body", is_secretariat)
rules.add_perm("bodies.use_staff_pages", is_any_secretariat)
