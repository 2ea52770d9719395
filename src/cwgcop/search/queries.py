"""The reads of the search service beyond the engine's page of hits, with their joins decided here."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Substr

from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentRevision
from cwgcop.search.models import SearchEntry

RESULT_FIELDS = (
    "id",
    "symbol",
    "kind",
    "status",
    "published_at",
    "meeting__number",
    "meeting__body__acronym",
    "meeting__body__symbol_prefix",
    "meeting__body__slug",
)


def result_documents(ids: Sequence[int]) -> dict[int, Document]:
    """The published documents of a page of hits, with what a result shows: meeting, body, current symbol."""
    # Only the fields a result shows: a search page builds twenty documents, and every field costs.
    queryset: QuerySet[Document] = (
        Document.objects.filter(status=DocumentStatus.PUBLISHED)
        .select_related("meeting", "meeting__body")
        .only(*RESULT_FIELDS)
        .prefetch_related(Prefetch("revisions", queryset=_revisions()))
    )
    return queryset.in_bulk(list(ids))


def result_entries(ids: Sequence[int], *, characters: int) -> dict[int, SearchEntry]:
    """The matched entries with the first ``characters`` of their file's text as ``text`` (for the snippet)."""
    queryset = (
        SearchEntry.objects.only("id", "language", "title", "file_id")
        .annotate(text=Substr("file__extracted_text", 1, characters))
        .filter(pk__in=list(ids))
    )
    return {entry.pk: entry for entry in queryset}


def _revisions() -> QuerySet[DocumentRevision]:
    return DocumentRevision.objects.only("id", "document_id", "number", "published_at").order_by("number")
