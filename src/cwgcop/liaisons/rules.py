"""Who may do what with liaisons and deliverables. Role checks go through :mod:`cwgcop.bodies.rules`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import rules

from cwgcop.bodies.rules import is_any_secretariat, is_chair, is_secretariat


def _with_parents(bodies: Iterable[Any]) -> list[Any]:
    """The bodies and the bodies above them: a group's secretariat also serves its sub-groups."""
    found: list[Any] = []
    for body in bodies:
        current = body
        while current is not None and current not in found:
            found.append(current)
            current = current.parent
    return found


def _sides(obj: Any) -> list[Any]:
    """The bodies a statement is between; callers may also pass those bodies directly (before creating it)."""
    if hasattr(obj, "from_bodies"):
        return [*obj.from_bodies.all(), *obj.to_bodies.all()]
    return list(obj or ())


@rules.predicate
def is_statement_secretariat(user: Any, obj: Any = None) -> bool:
    """Secretariat of a body on either side of the statement (or of a body above one)."""
    if obj is None:
        return bool(is_any_secretariat(user))
    return any(is_secretariat(user, body) for body in _with_parents(_sides(obj)))


@rules.predicate
def is_sending_chair(user: Any, statement: Any = None) -> bool:
    """Chair or vice-chair of a body the statement is sent from: the one who approves it."""
    if statement is None:
        return bool(is_chair(user))
    return any(is_chair(user, body) for body in _with_parents(statement.from_bodies.all()))


@rules.predicate
def is_deliverable_secretariat(user: Any, deliverable: Any = None) -> bool:
    """Secretariat of the body that owns the deliverable (or of a body above it)."""
    if deliverable is None:
        return bool(is_any_secretariat(user))
    owner = getattr(deliverable, "owner", deliverable)
    return any(is_secretariat(user, body) for body in _with_parents([owner]))


rules.add_perm("liaisons.use_liaison_desk", is_any_secretariat | is_chair)
rules.add_perm("liaisons.manage_statement", is_statement_secretariat)
rules.add_perm("liaisons.approve_statement", is_sending_chair)
rules.add_perm("liaisons.manage_deliverable", is_deliverable_secretariat)
