"""Who may do what with consultations. Moderators and safeguarding leads are roles in the consultation's body.

- the secretariat of the body writes, publishes, shares, writes back and archives, and may moderate;
- a moderator approves or rejects free-text answers, and may escalate any answer to the safeguarding lead;
- only a safeguarding lead sees safeguarding cases: not the secretariat, not a moderator (unless they also
  hold the lead role). A disclosure is shared with as few people as possible.
"""

from __future__ import annotations

from typing import Any

import rules

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.rules import has_role, is_any_secretariat

CONSULTATION_ROLES = {RoleKind.SECRETARIAT, RoleKind.MODERATOR, RoleKind.SAFEGUARDING_LEAD}


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


@rules.predicate
def has_consultation_role(user: Any) -> bool:
    return has_role(user, CONSULTATION_ROLES)


rules.add_perm("consultations.use_staff_pages", has_consultation_role)
rules.add_perm("consultations.create", is_any_secretariat)
rules.add_perm("consultations.manage", is_consultation_secretariat)
rules.add_perm("consultations.moderate", is_moderator)
rules.add_perm("consultations.safeguard", is_safeguarding_lead)
# Any moderator (or lead) may send an answer the check missed to the lead; only the lead then sees the case.
rules.add_perm("consultations.escalate", is_moderator | is_safeguarding_lead)
rules.add_perm("consultations.read_raw", is_moderator | is_safeguarding_lead)
rules.add_perm("consultations.view_metrics", is_moderator | is_safeguarding_lead)
