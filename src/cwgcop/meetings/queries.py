"""Queries of meetings, with their joins decided here."""

from __future__ import annotations

import datetime
from collections import OrderedDict

from django.db.models import QuerySet
from django.utils import timezone

from cwgcop.documents import queries as document_queries
from cwgcop.documents.enums import DocumentKind
from cwgcop.documents.models import Document
from cwgcop.meetings.enums import MeetingStatus
from cwgcop.meetings.models import Meeting


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("body").order_by("-start_date", "-number")


def meeting(body_slug: str, number: int) -> Meeting | None:
    return public_meetings().filter(body__slug=body_slug, number=number).first()


def upcoming(today: datetime.date | None = None) -> QuerySet[Meeting]:
    today = today or timezone.localdate()
    return (
        public_meetings()
        .filter(end_date__gte=today)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("start_date", "number")
    )


def recent(today: datetime.date | None = None) -> QuerySet[Meeting]:
    today = today or timezone.localdate()
    return public_meetings().filter(end_date__lt=today)


def documents_by_kind(meeting: Meeting) -> OrderedDict[str, list[Document]]:
    """The meeting's published documents grouped by kind, in the order of :class:`DocumentKind`."""
    documents = list(document_queries.published_documents().filter(meeting=meeting).order_by("symbol"))
    groups: OrderedDict[str, list[Document]] = OrderedDict()
    for kind in DocumentKind:
        members = sorted((d for d in documents if d.kind == kind), key=lambda d: _symbol_key(d.symbol))
        if members:
            groups[str(kind.label)] = members
    return groups


def _symbol_key(symbol: str) -> tuple[str, int, str]:
    head, _, tail = symbol.rpartition("/")
    return (head, int(tail) if tail.isdigit() else 0, tail)
