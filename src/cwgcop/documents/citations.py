"""The archive's answer to what a meeting's record asks of the documents it cites (``meetings.citations``)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from cwgcop.documents import queries
from cwgcop.documents.enums import DocumentKind, DocumentStatus
from cwgcop.documents.models import Document
from cwgcop.documents.rows import DocumentRow
from cwgcop.meetings.models import Meeting


class DocumentArchive:
    def published(self) -> QuerySet[Document]:
        return Document.objects.filter(status=DocumentStatus.PUBLISHED).order_by("symbol")

    def is_published(self, document: Document) -> bool:
        return document.status == DocumentStatus.PUBLISHED

    def citable(self, meeting: Meeting) -> QuerySet[Document]:
        return (
            Document.objects.filter(body_id=meeting.body_id)
            .filter(Q(status=DocumentStatus.PUBLISHED) | Q(meeting=meeting))
            .exclude(status=DocumentStatus.WITHDRAWN)
            .order_by("-meeting__number", "symbol")
        )

    def evidence(self, meeting: Meeting) -> QuerySet[Document]:
        return (
            Document.objects.filter(status=DocumentStatus.PUBLISHED, body_id=meeting.body_id)
            .select_related("meeting")
            .order_by("-published_at")
        )

    def rows_by_kind(self, meeting: Meeting) -> dict[str, list[DocumentRow]]:
        documents = queries.document_rows(queries.listed_documents().filter(meeting=meeting))
        groups: dict[str, list[DocumentRow]] = {}
        for kind in DocumentKind:
            members = sorted((d for d in documents if d.kind == kind), key=lambda d: _symbol_key(d.symbol))
            if members:
                groups[str(kind.label)] = members
        return groups


def _symbol_key(symbol: str) -> tuple[str, int, str]:
    head, _, tail = symbol.rpartition("/")
    return (head, int(tail) if tail.isdigit() else 0, tail)
