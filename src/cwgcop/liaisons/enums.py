"""The words of the liaison domain: directions, purposes, states, and which state may follow which."""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Direction(models.TextChoices):
    INCOMING = "incoming", pgettext_lazy("liaison direction", "Incoming")
    OUTGOING = "outgoing", pgettext_lazy("liaison direction", "Outgoing")


class Purpose(models.TextChoices):
    ACTION = "action", _("For action")
    COMMENT = "comment", _("For comment")
    INFORMATION = "information", _("For information")


class LiaisonState(models.TextChoices):
    # Outgoing statements
    DRAFT = "draft", pgettext_lazy("liaison state", "Draft")
    APPROVED = "approved", pgettext_lazy("liaison state", "Approved")
    SENT = "sent", pgettext_lazy("liaison state", "Sent")
    # Incoming statements
    RECEIVED = "received", pgettext_lazy("liaison state", "Received")
    CONSIDERED = "considered", pgettext_lazy("liaison state", "Considered")
    ANSWERED = "answered", pgettext_lazy("liaison state", "Answered")
    NOTED = "noted", pgettext_lazy("liaison state", "Noted")


OUTGOING_STATES = (LiaisonState.DRAFT, LiaisonState.APPROVED, LiaisonState.SENT)
INCOMING_STATES = (LiaisonState.RECEIVED, LiaisonState.CONSIDERED, LiaisonState.ANSWERED, LiaisonState.NOTED)

# The states a statement may move to from each state. Sending a reply also moves the statement it
# answers to ANSWERED (from RECEIVED or CONSIDERED); that is done by the send service, not by hand.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    LiaisonState.DRAFT: (LiaisonState.APPROVED,),
    LiaisonState.APPROVED: (LiaisonState.SENT, LiaisonState.DRAFT),
    LiaisonState.SENT: (),
    LiaisonState.RECEIVED: (LiaisonState.CONSIDERED,),
    LiaisonState.CONSIDERED: (LiaisonState.ANSWERED, LiaisonState.NOTED),
    LiaisonState.ANSWERED: (),
    LiaisonState.NOTED: (),
}

# Incoming statements that still wait for the group to act on them.
AWAITING_ACTION = (LiaisonState.RECEIVED, LiaisonState.CONSIDERED)


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("milestone status", "Planned")
    IN_PROGRESS = "in-progress", pgettext_lazy("milestone status", "In progress")
    ACHIEVED = "achieved", pgettext_lazy("milestone status", "Achieved")
    POSTPONED = "postponed", pgettext_lazy("milestone status", "Postponed")
    CANCELLED = "cancelled", pgettext_lazy("milestone status", "Cancelled")


class DeliverableStatus(models.TextChoices):
    """Derived from the milestones, never stored: see :attr:`Deliverable.status`."""

    PLANNED = "planned", pgettext_lazy("deliverable status", "Planned")
    IN_PROGRESS = "in-progress", pgettext_lazy("deliverable status", "In progress")
    COMPLETED = "completed", pgettext_lazy("deliverable status", "Completed")


class LiaisonAction(StrEnum):
    """Changes to liaison statements, deliverables and milestones.

    Each value is stored in ``AuditEntry.action``: never change one, or old entries lose their name.
    """

    ANSWER = "liaison.answer"
    APPROVE = "liaison.approve"
    CONSIDER = "liaison.consider"
    CREATE = "liaison.create"
    DELIVERABLE_CREATE = "deliverable.create"
    DELIVERABLE_UPDATE = "deliverable.update"
    MILESTONE_CREATE = "milestone.create"
    MILESTONE_UPDATE = "milestone.update"
    NOTE = "liaison.note"
    REMINDER = "liaison.reminder"
    RETURN_TO_DRAFT = "liaison.return_to_draft"
    SEND = "liaison.send"
    UPDATE = "liaison.update"


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    LiaisonAction.ANSWER: _("Marked as answered"),
    LiaisonAction.APPROVE: _("Statement approved"),
    LiaisonAction.CONSIDER: _("Statement considered"),
    LiaisonAction.CREATE: _("Statement created"),
    LiaisonAction.DELIVERABLE_CREATE: _("Deliverable created"),
    LiaisonAction.DELIVERABLE_UPDATE: _("Deliverable changed"),
    LiaisonAction.MILESTONE_CREATE: _("Milestone added"),
    LiaisonAction.MILESTONE_UPDATE: _("Milestone changed"),
    LiaisonAction.NOTE: _("Noted, no reply needed"),
    LiaisonAction.REMINDER: _("Deadline reminder sent"),
    LiaisonAction.RETURN_TO_DRAFT: _("Returned to draft"),
    LiaisonAction.SEND: _("Statement sent"),
    LiaisonAction.UPDATE: _("Statement changed"),
}
