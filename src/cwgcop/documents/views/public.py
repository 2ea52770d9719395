"""The public archive: listing, document pages and downloads. No login anywhere."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import condition, require_safe

from cwgcop.core.cache import public_page
from cwgcop.core.http import file_response
from cwgcop.documents import queries, storage
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.filters import ArchiveFilter
from cwgcop.documents.models import DocumentFile

PAGE_SIZE = 25


@require_safe
@public_page
def archive(request: HttpRequest) -> HttpResponse:
    data = request.GET.copy()
    data.setdefault("sort", "newest")
    archive_filter = ArchiveFilter(data, queryset=queries.published_documents())
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
            "query": query.urlencode(),
            "active_filters": _active(request),
        },
    )


def _active(request: HttpRequest) -> bool:
    return any(request.GET.get(name) for name in ("meeting", "kind", "language", "year", "source", "q"))


@require_safe
@public_page
def document_detail(request: HttpRequest, symbol: str) -> HttpResponse:
    document = queries.public_document(symbol)
    if document is None:
        raise Http404
    if document.status == DocumentStatus.WITHDRAWN:
        return render(request, "documents/tombstone.html", {"document": document}, status=410)
    return render(request, "documents/detail.html", {"document": document})


def _file_or_404(symbol: str, revision: int, language: str) -> DocumentFile:
    stored = queries.public_file(symbol, revision, language)
    if stored is None:
        raise Http404
    return stored


def _etag(request: HttpRequest, symbol: str, revision: int, language: str) -> str | None:
    stored = queries.public_file(symbol, revision, language)
    return f'"{stored.sha256}"' if stored else None


@require_safe
@condition(etag_func=_etag)
def download(request: HttpRequest, symbol: str, revision: int, language: str) -> HttpResponseBase:
    """The file of one language of one revision, streamed with its original name."""
    stored = _file_or_404(symbol, revision, language)
    published = stored.revision.published_at
    return file_response(
        request,
        stream=storage.open_blob(stored.storage_key),
        size=stored.size,
        filename=stored.original_name,
        content_type=stored.media_type,
        etag=stored.sha256,
        last_modified=published.timestamp() if published else stored.uploaded_at.timestamp(),
    )


@require_safe
def download_latest(request: HttpRequest, symbol: str, language: str) -> HttpResponseBase:
    """The current revision's file: a redirect to the revision's own, cacheable address."""
    number = queries.latest_revision_number(symbol)
    if number is None:
        raise Http404
    return redirect("download", symbol=symbol, revision=number, language=language)
