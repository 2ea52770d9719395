"""Who may do what with liaisons and deliverables. Role checks go through :mod:`cwgcop.bodies.rules`."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import rules

from cwgcop.bodies.rules import is_any_secretariat, is_chair, is_secretariat
from cwgcop.liaisons.enums import Direction


def _with_parents(bodies: Iterable[Any]) -> list[Any]:
    """The bodies and the bodies above them: a group's secretariat also serves its sub-groups."""
    found: list[Any] = []
    for body in bodies:
        current = body
        while current is not None and current not in found:
            found.append(current)
            current = current.parent
    return found


@dataclass(frozen=True)
class StatementSides:
    """A statement about to be written (created, or its bodies changed): who it goes from and to."""

    direction: str
    from_bodies: Sequence[Any]
    to_bodies: Sequence[Any]


def responsible_bodies(obj: Any) -> list[Any]:
    """The bodies whose secretariat keeps the statement: the sender's for an outgoing statement (it drafts,
    edits and sends it), the addressee's for an incoming one (it records receipt, consideration and the
    answer). The other side never writes it. ``obj`` is a statement or :class:`StatementSides`."""
    if isinstance(obj, StatementSides):
        return list(obj.from_bodies if obj.direction == Direction.OUTGOING else obj.to_bodies)
    side = obj.from_bodies if obj.direction == Direction.OUTGOING else obj.to_bodies
    return list(side.all())


@rules.predicate
def is_statement_secretariat(user: Any, obj: Any = None) -> bool:
    """Secretariat of the body that keeps the statement (or of a body above it): see responsible_bodies."""
    if obj is None:
        return bool(is_any_secretariat(user))
    return any(is_secretariat(user, body) for body in _with_parents(responsible_bodies(obj)))


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
