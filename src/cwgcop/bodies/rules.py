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


@rules.predicate
def is_platform_administrator(user: Any) -> bool:
    """A platform administrator: the role recorded in any body counts for the whole platform."""
    return has_role(user, {RoleKind.PLATFORM_ADMINISTRATOR})


@rules.predicate
def is_secretariat_of_body(user: Any, body: Any = None) -> bool:
    """The secretariat of this very body (never "of any body": an object is required)."""
    return body is not None and has_role(user, {RoleKind.SECRETARIAT}, body)


rules.add_perm("bodies.create_body", is_platform_administrator)
rules.add_perm("bodies.retire_body", is_platform_administrator)
# A body's names, kind, parent and web page: its secretariat, or a platform administrator.
rules.add_perm("bodies.edit_body", is_secretariat_of_body | is_platform_administrator)
# Organisations belong to no body: any secretariat keeps the list, a platform administrator too.
rules.add_perm("bodies.manage_organizations", is_any_secretariat | is_platform_administrator)
rules.set_perm("bodies.use_staff_pages", is_any_secretariat | is_platform_administrator)
