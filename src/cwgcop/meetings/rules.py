"""Who may do what with meetings: registration, attendance, the agenda, outcomes and action items.

Every check names a permission here; the predicates reuse the role predicates of :mod:`cwgcop.bodies.rules`,
with the body taken from the object (a meeting, or anything that belongs to a meeting).
"""

from __future__ import annotations

from typing import Any

import rules

from cwgcop.bodies.rules import is_chair, is_secretariat


def _body_of(obj: Any) -> Any:
    """The body an object belongs to: a meeting's body, or the body of the meeting it belongs to."""
    if obj is None:
        return None
    meeting = getattr(obj, "meeting", None)
    if meeting is not None:
        return meeting.body
    return getattr(obj, "body", None)


@rules.predicate
def is_secretariat_of(user: Any, obj: Any = None) -> bool:
    """The user is secretariat of the body of ``obj`` (of any body when there is no object)."""
    return bool(is_secretariat(user, _body_of(obj)))


@rules.predicate
def is_chair_of(user: Any, obj: Any = None) -> bool:
    """The user chairs (or vice-chairs) the body of ``obj``."""
    return bool(is_chair(user, _body_of(obj)))


@rules.predicate
def is_registrant(user: Any, registration: Any = None) -> bool:
    return bool(
        registration is not None and getattr(user, "is_authenticated", False) and registration.user_id == user.pk
    )


rules.add_perm("meetings.register_for_meeting", rules.is_authenticated)
rules.add_perm("meetings.view_registration", is_registrant | is_secretariat_of)
rules.add_perm("meetings.cancel_registration", is_registrant | is_secretariat_of)
rules.add_perm("meetings.manage_participation", is_secretariat_of)
rules.add_perm("meetings.manage_agenda", is_secretariat_of)
rules.add_perm("meetings.adopt_agenda", is_chair_of)
rules.add_perm("meetings.record_outcomes", is_secretariat_of)
rules.add_perm("meetings.manage_actions", is_secretariat_of)
rules.add_perm("meetings.manage_meeting", is_secretariat_of)
rules.add_perm("meetings.manage_officers", is_secretariat_of)
