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
from cwgcop.meetings.models import ActionItem, Meeting, Outcome
from cwgcop.reports.enums import GoverningTextKind
from cwgcop.reports.models import GoverningText


def meetings_in(body: Body, start: datetime.date, end: datetime.date) -> QuerySet[Meeting]:
    """The body's meetings that started in the period, in order."""
    return Meeting.objects.filter(body=body, start_date__gte=start, start_date__lte=end).order_by("start_date")


def texts_in_force(body: Body, start: datetime.date, end: datetime.date) -> dict[str, GoverningText]:
    """Per kind, the body's governing text in force in the period: of the versions in force on some day of it,
    the one that came into force last (so a revision made during the period is the one the report cites)."""
    overlapping = (
        GoverningText.objects.filter(body=body)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
        .order_by("kind", "-valid_from", "-pk")
    )
    chosen: dict[str, GoverningText] = {}
    for text in overlapping:
        current = chosen.get(text.kind)
        if current is None or (current.valid_from is None and text.valid_from is not None):
            chosen[text.kind] = text
    return {kind: chosen[kind] for kind in GoverningTextKind.values if kind in chosen}


def documents_considered(meeting: Meeting) -> dict[str, list[Document]]:
    """The meeting's published contributions and information documents, by kind, in symbol order."""
    kinds = (DocumentKind.CONTRIBUTION, DocumentKind.INFORMATION)
    found: dict[str, list[Document]] = {kind: [] for kind in kinds}
    for document in Document.objects.filter(meeting=meeting, kind__in=kinds, status="published").order_by("symbol"):
        found[document.kind].append(document)
    return found


def action_items_raised(meeting: Meeting) -> list[ActionItem]:
    return list(
        ActionItem.objects.filter(meeting=meeting)
        .select_related("meeting__body", "owner_organization", "owner_body", "closed_at_meeting")
        .order_by("number", "pk")
    )


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
