"""Every query of liaisons and deliverables that a page, the API or a command runs, with its joins."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from cwgcop.bodies.models import Body
from cwgcop.documents.models import Document, DocumentRevision
from cwgcop.liaisons.enums import AWAITING_ACTION, Direction, LiaisonState, Purpose
from cwgcop.liaisons.models import Deliverable, LiaisonStatement, Milestone
from cwgcop.meetings.models import Meeting

PUBLIC = Q(direction=Direction.INCOMING) | Q(direction=Direction.OUTGOING, state=LiaisonState.SENT)


def _attachments() -> Prefetch[str, QuerySet[Document], str]:
    return Prefetch(
        "attachments",
        queryset=Document.objects.order_by("symbol").prefetch_related(
            Prefetch(
                "revisions",
                queryset=DocumentRevision.objects.order_by("number").prefetch_related("files"),
            )
        ),
    )


def _joined(queryset: QuerySet[LiaisonStatement]) -> QuerySet[LiaisonStatement]:
    return queryset.select_related("meeting", "meeting__body", "reply_to").prefetch_related(
        Prefetch("from_bodies", queryset=Body.objects.order_by("acronym")),
        Prefetch("to_bodies", queryset=Body.objects.order_by("acronym")),
    )


def public_statements() -> QuerySet[LiaisonStatement]:
    """Statements anyone may read: every incoming one, and outgoing ones once sent. Newest first."""
    return _joined(LiaisonStatement.objects.filter(PUBLIC)).order_by("-sent_on", "-id")


def public_statement(pk: int) -> LiaisonStatement | None:
    return _joined(LiaisonStatement.objects.filter(PUBLIC, pk=pk)).prefetch_related(_attachments(), "contacts").first()


def any_statement(pk: int) -> LiaisonStatement | None:
    return _joined(LiaisonStatement.objects.filter(pk=pk)).prefetch_related(_attachments(), "contacts").first()


def staff_statements() -> QuerySet[LiaisonStatement]:
    return _joined(LiaisonStatement.objects.all()).order_by("-updated_at", "-id")


def thread(statement: LiaisonStatement, *, public_only: bool = True) -> list[LiaisonStatement]:
    """The whole conversation the statement belongs to, oldest first, whatever its depth (one query + joins)."""
    root = statement.root_id
    members = _joined(LiaisonStatement.objects.filter(Q(pk=root) | Q(thread_root_id=root)))
    if public_only:
        members = members.filter(PUBLIC)
    return sorted(members, key=lambda s: (s.sent_on or datetime.date.max, s.created_at, s.pk))


def statements_from(body: Body) -> QuerySet[LiaisonStatement]:
    return public_statements().filter(from_bodies=body)


def statements_to(body: Body) -> QuerySet[LiaisonStatement]:
    return public_statements().filter(to_bodies=body)


def considered_at(meeting: Meeting) -> QuerySet[LiaisonStatement]:
    return public_statements().filter(meeting=meeting)


def reminder_days() -> int:
    return int(settings.CWGCOP_LIAISON_REMINDER_DAYS)


def deadlines(today: datetime.date | None = None, days: int | None = None) -> QuerySet[LiaisonStatement]:
    """Incoming statements for action, still awaiting the group, whose deadline is within ``days`` or passed."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=reminder_days() if days is None else days)
    return _joined(
        LiaisonStatement.objects.filter(
            direction=Direction.INCOMING,
            purpose=Purpose.ACTION,
            state__in=AWAITING_ACTION,
            deadline__isnull=False,
            deadline__lte=horizon,
        )
    ).order_by("deadline", "id")


def due_reminders(today: datetime.date | None = None, days: int | None = None) -> QuerySet[LiaisonStatement]:
    return deadlines(today, days).filter(reminder_sent_at__isnull=True)


def _milestones() -> QuerySet[Milestone]:
    return Milestone.objects.select_related("body", "meeting", "meeting__body", "document").order_by("position", "id")


def deliverables() -> QuerySet[Deliverable]:
    return (
        Deliverable.objects.select_related("owner")
        .prefetch_related(Prefetch("milestones", queryset=_milestones()))
        .order_by("id")
    )


def deliverable(slug: str) -> Deliverable | None:
    return deliverables().filter(slug=slug).first()


def milestones_at(meeting: Meeting) -> QuerySet[Milestone]:
    """Milestones expected at ``meeting``, with their deliverable."""
    return _milestones().select_related("deliverable", "deliverable__owner").filter(meeting=meeting)


def milestones_of(body: Body) -> QuerySet[Milestone]:
    return _milestones().select_related("deliverable", "deliverable__owner").filter(body=body)
