"""/api/v1/documents/: the public archive, with the same filters as its pages."""
# No `from __future__ import annotations` here: django-ninja reads the parameter annotations at import.

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from cwgcop.api import serializers
from cwgcop.api.errors import NotFoundError, invalid_parameters
from cwgcop.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.api.schemas import DocumentFilters, DocumentSchema, ErrorSchema
from cwgcop.documents import queries
from cwgcop.documents.filters import ArchiveFilter
from cwgcop.meetings.models import Meeting

router = Router(tags=["documents"])


def _meeting_id(code: str) -> int:
    """The id of the meeting with ``code`` (``CWG-COP-21``), as the archive's filter takes it."""
    prefix, _dash, number = code.strip().rpartition("-")
    found = (
        Meeting.objects.filter(number=int(number), body__symbol_prefix__iexact=prefix)
        .values_list("pk", flat=True)
        .first()
        if number.isdigit() and prefix
        else None
    )
    if found is None:
        raise invalid_parameters([("meeting", _("There is no meeting %(code)s.") % {"code": code[:80]})])
    return int(found)


def _archive_filter(filters: DocumentFilters) -> ArchiveFilter:
    data: dict[str, Any] = {
        "kind": filters.kind.value if filters.kind else None,
        "language": filters.language.value if filters.language else None,
        "year": filters.year,
        "source": filters.source,
        "q": filters.q,
        "sort": filters.sort,
        "meeting": _meeting_id(filters.meeting) if filters.meeting else None,
    }
    archive_filter = ArchiveFilter(
        {key: value for key, value in data.items() if value not in (None, "")},
        queryset=queries.published_documents(),
    )
    if not archive_filter.is_valid():
        raise invalid_parameters(
            (field, str(message)) for field, messages in archive_filter.errors.items() for message in messages
        )
    return archive_filter


@router.get("/", response={200: list[DocumentSchema], 400: ErrorSchema}, summary="List documents")
@paginate(LimitOffsetPagination)
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> LazyPage:
    """Published documents. The filters are those of the archive page; each may be combined with the others."""
    return LazyPage(_archive_filter(filters).qs, lambda document: serializers.document_data(request, document))


@router.get("/{path:symbol}", response={200: DocumentSchema, 404: ErrorSchema}, summary="One document")
def get_document(request: HttpRequest, symbol: str) -> dict[str, Any]:
    """A published or withdrawn document by its symbol: ``/documents/CWG-COP-21/5``. Drafts are not found."""
    document = queries.public_document(symbol)
    if document is None:
        raise NotFoundError(_("There is no public document with the symbol %(symbol)s.") % {"symbol": symbol[:80]})
    return serializers.document_data(request, document)
