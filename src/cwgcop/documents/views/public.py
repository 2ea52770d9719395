"""The public archive: listing, document pages and downloads. No login anywhere."""

from __future__ import annotations

import re
from typing import cast

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from cwgcop.core.cache import public_page
from cwgcop.documents import queries
from cwgcop.documents.downloads import serve_document_file
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.filters import ArchiveFilter
from cwgcop.documents.models import Document, DocumentFile

PAGE_SIZE = 25
# A revision's own symbol, as printed on the document: ``CWG-COP-21/5(Rev.1)``.
REVISION_SYMBOL = re.compile(r"^(?P<symbol>.+)\(Rev\.(?P<number>\d{1,6})\)$")


@require_safe
@public_page
def archive(request: HttpRequest) -> HttpResponse:
    data = request.GET.copy()
    data.setdefault("sort", "newest")
    archive_filter = ArchiveFilter(data, queryset=queries.listed_documents())
    paginator = Paginator(archive_filter.qs, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "documents/archive.html",
        {
            "filter": archive_filter,
            "page": page,
            "rows": queries.document_rows(cast("QuerySet[Document]", page.object_list)),
            "query": query.urlencode(),
            "active_filters": _active(request),
        },
    )


def _active(request: HttpRequest) -> bool:
    return any(request.GET.get(name) for name in ("meeting", "kind", "language", "year", "source", "q"))


@require_safe
@public_page
def document_detail(request: HttpRequest, symbol: str) -> HttpResponse:
    document = queries.document_page(symbol)
    if document is None:
        return _revision_redirect(symbol)
    if document.status == DocumentStatus.WITHDRAWN:
        return render(request, "documents/tombstone.html", {"document": document}, status=410)
    return render(request, "documents/detail.html", {"document": document})


def _revision_redirect(symbol: str) -> HttpResponse:
    """A revision's symbol (``…(Rev.1)``) leads to its document's page, where every revision is listed."""
    match = REVISION_SYMBOL.match(symbol)
    if match is None or not queries.revision_is_public(match["symbol"], int(match["number"])):
        raise Http404
    return redirect("documents:detail", symbol=match["symbol"], permanent=True)


def _file_or_404(symbol: str, revision: int, language: str) -> DocumentFile:
    stored = queries.public_file(symbol, revision, language)
    if stored is None:
        raise Http404
    return stored


@require_safe
def download(request: HttpRequest, symbol: str, revision: int, language: str) -> HttpResponseBase:
    """The file of one language of one revision, streamed with its original name (one query)."""
    stored = _file_or_404(symbol, int(revision), language)
    published = stored.revision.published_at or stored.uploaded_at
    return serve_document_file(request, stored, last_modified=published.timestamp())


@require_safe
def download_latest(request: HttpRequest, symbol: str, language: str) -> HttpResponseBase:
    """The current revision's file: a redirect to the revision's own, cacheable address.

    When the current revision has no file in ``language`` the answer is 404, never an older text.
    """
    number = queries.latest_revision_number(symbol)
    if number is None or queries.public_file(symbol, number, language) is None:
        raise Http404
    response = redirect("download", symbol=symbol, revision=number, language=language)
    response["Cache-Control"] = "public, max-age=300"
    return response
