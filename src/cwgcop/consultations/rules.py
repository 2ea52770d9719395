"""Who may do what with consultations. Moderators and safeguarding leads are roles in the consultation's body."""

from __future__ import annotations

from typing import Any

import rules

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.rules import has_role


def _body(obj: Any) -> Any:
    return getattr(obj, "body", None) or getattr(getattr(obj, "consultation", None), "body", None)


@rules.predicate
def is_consultation_secretariat(user: Any, obj: Any = None) -> bool:
    return has_role(user, {RoleKind.SECRETARIAT}, _body(obj))


@rules.predicate
def is_moderator(user: Any, obj: Any = None) -> bool:
    return has_role(user, {RoleKind.MODERATOR, RoleKind.SECRETARIAT}, _body(obj))


@rules.predicate
def is_safeguarding_lead(user: Any, obj: Any = None) -> bool:
    return has_role(user, {RoleKind.SAFEGUARDING_LEAD}, _body(obj))


rules.add_perm("consultations.manage", is_consultation_secretariat)
rules.add_perm("consultations.moderate", is_moderator)
rules.add_perm("consultations.safeguard", is_safeguarding_lead)
rules.add_perm("consultations.read_raw", is_moderator | is_safeguarding_lead)
