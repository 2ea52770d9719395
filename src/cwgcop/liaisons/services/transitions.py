"""Changes of a liaison statement's state: approval, sending, consideration, noting, answering.

Each runs in one transaction on the locked statement, records an audit entry and, when the statement is
public, makes cached public pages stale. The allowed moves are :data:`cwgcop.liaisons.enums.TRANSITIONS`.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.liaisons.enums import AWAITING_ACTION, TRANSITIONS, Direction, LiaisonAction, LiaisonState
from cwgcop.liaisons.models import LiaisonStatement
from cwgcop.liaisons.services.statements import AUDITED, check_dates, locked
from cwgcop.meetings.models import Meeting


def _move(statement: LiaisonStatement, target: str) -> None:
    if target not in TRANSITIONS.get(statement.state, ()):
        raise DomainError(
            _("A statement that is “%(state)s” cannot become “%(target)s”.")
            % {"state": statement.get_state_display(), "target": LiaisonState(target).label},
            code="transition_invalid",
        )
    statement.state = target


def _transition(
    actor: Actor, statement: LiaisonStatement, target: str, action: LiaisonAction, **changes: Any
) -> LiaisonStatement:
    statement = locked(statement)
    before = audit.snapshot(statement, AUDITED)
    _move(statement, target)
    for name, value in changes.items():
        setattr(statement, name, value)
    statement.save(update_fields=["state", *changes, "updated_at"])
    audit.record(actor=actor, action=action, instance=statement, before=before, fields=AUDITED)
    if statement.is_public:
        bump_archive_generation()
    return statement


@transaction.atomic
def approve_statement(*, actor: Actor, statement: LiaisonStatement) -> LiaisonStatement:
    """The chair approves an outgoing draft; only an approved statement can be sent."""
    if statement.direction != Direction.OUTGOING:
        raise DomainError(_("Only an outgoing statement is approved."), code="not_outgoing")
    user = signed_in_or_none(actor)
    return _transition(
        actor, statement, LiaisonState.APPROVED, LiaisonAction.APPROVE, approved_by=user, approved_at=timezone.now()
    )


@transaction.atomic
def return_to_draft(*, actor: Actor, statement: LiaisonStatement) -> LiaisonStatement:
    """Take back an approval so that the statement can be changed (and approved again)."""
    return _transition(
        actor, statement, LiaisonState.DRAFT, LiaisonAction.RETURN_TO_DRAFT, approved_by=None, approved_at=None
    )


@transaction.atomic
def send_statement(
    *, actor: Actor, statement: LiaisonStatement, sent_on: datetime.date | None = None
) -> LiaisonStatement:
    """Record that an approved outgoing statement was sent (``sent_on``, today by default); it becomes public.

    The statement it answers, if that one still awaited an answer, becomes *answered*.
    """
    statement = locked(statement)
    if statement.direction != Direction.OUTGOING:
        raise DomainError(_("Only an outgoing statement is sent."), code="not_outgoing")
    if statement.state != LiaisonState.APPROVED:
        raise DomainError(
            _("Only an approved statement can be sent: the chair approves it first."), code="not_approved"
        )
    sent_on = sent_on or timezone.localdate()
    check_dates(statement.purpose, sent_on, statement.deadline)
    statement = _transition(
        actor, statement, LiaisonState.SENT, LiaisonAction.SEND, sent_on=sent_on, published_at=timezone.now()
    )
    parent = statement.reply_to
    if parent is not None and parent.direction == Direction.INCOMING and parent.state in AWAITING_ACTION:
        parent = locked(parent)
        before = audit.snapshot(parent, AUDITED)
        parent.state = LiaisonState.ANSWERED
        parent.save(update_fields=["state", "updated_at"])
        audit.record(actor=actor, action=LiaisonAction.ANSWER, instance=parent, before=before, fields=AUDITED)
    return statement


@transaction.atomic
def consider_statement(*, actor: Actor, statement: LiaisonStatement, meeting: Meeting) -> LiaisonStatement:
    """Record that ``meeting`` (of a body the statement is addressed to) considered an incoming statement."""
    if statement.direction != Direction.INCOMING:
        raise DomainError(_("Only an incoming statement is considered."), code="not_incoming")
    if meeting.body_id not in set(statement.to_bodies.values_list("pk", flat=True)):
        raise DomainError(
            _("%(meeting)s is a meeting of a body the statement is not addressed to.") % {"meeting": meeting},
            code="meeting_body_mismatch",
        )
    return _transition(actor, statement, LiaisonState.CONSIDERED, LiaisonAction.CONSIDER, meeting=meeting)


@transaction.atomic
def note_statement(*, actor: Actor, statement: LiaisonStatement) -> LiaisonStatement:
    """The group took note of a considered statement; nothing more is owed."""
    return _transition(actor, statement, LiaisonState.NOTED, LiaisonAction.NOTE)


@transaction.atomic
def mark_answered(*, actor: Actor, statement: LiaisonStatement) -> LiaisonStatement:
    """A considered statement was answered by other means than a reply recorded here."""
    return _transition(actor, statement, LiaisonState.ANSWERED, LiaisonAction.ANSWER)
