"""Every read the report builder makes, with its joins: meetings, chair's summaries, liaisons, deliverables."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q, QuerySet

from cwgcop.bodies.models import Body
from cwgcop.documents.enums import DocumentKind
from cwgcop.documents.models import Document
from cwgcop.liaisons.enums import Direction
from cwgcop.liaisons.models import Deliverable, LiaisonStatement, Milestone
from cwgcop.liaisons.queries import PUBLIC
from cwgcop.meetings.models import Meeting, Outcome


def meetings_in(body: Body, start: datetime.date, end: datetime.date) -> QuerySet[Meeting]:
    """The body's meetings that started in the period, in order."""
    return Meeting.objects.filter(body=body, start_date__gte=start, start_date__lte=end).order_by("start_date")


def outcomes_of(meeting: Meeting) -> QuerySet[Outcome]:
    return Outcome.objects.filter(meeting=meeting).order_by("position", "pk")


def chairs_summaries(meetings: list[Meeting]) -> list[Document]:
    return list(
        Document.objects.filter(meeting__in=meetings, kind=DocumentKind.CHAIRS_SUMMARY, status="published").order_by(
            "symbol"
        )
    )


def liaisons_at(meeting: Meeting, direction: Direction) -> list[LiaisonStatement]:
    """Public statements the meeting considered (incoming) or agreed and sent (outgoing), oldest first.

    An outgoing statement still in draft or only approved is not public, so a published report does not
    name it either.
    """
    statements = (
        LiaisonStatement.objects.filter(PUBLIC, meeting=meeting, direction=direction)
        .prefetch_related(
            Prefetch("from_bodies", queryset=Body.objects.order_by("acronym")),
            Prefetch("to_bodies", queryset=Body.objects.order_by("acronym")),
        )
        .order_by("sent_on", "pk")
    )
    return list(statements)


def deliverables_followed(
    body: Body, meetings: list[Meeting], start: datetime.date, end: datetime.date
) -> list[Deliverable]:
    """Deliverables that concern ``body`` (it or a body under it owns them, or a stop of their route is at
    ``body``) and that moved in the period (a stop at one of its meetings, or due or achieved in it)."""
    in_period = (
        Q(milestones__meeting__in=meetings)
        | Q(milestones__due_date__range=(start, end))
        | Q(milestones__achieved_on__range=(start, end))
    )
    concerns = Q(owner=body) | Q(owner__parent=body) | Q(milestones__body=body)
    ids = Deliverable.objects.filter(in_period).filter(concerns).values("pk")
    return list(
        Deliverable.objects.filter(pk__in=ids)
        .select_related("owner")
        .prefetch_related(
            Prefetch(
                "milestones",
                queryset=Milestone.objects.select_related("body", "meeting").order_by("position", "pk"),
            )
        )
        .order_by("pk")
    )
