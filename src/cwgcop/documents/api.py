"""The documents part of the API: the public archive (``/api/v1/documents/``, anyone, with the same filters as
its pages) and the submissions (``/api/v1/submissions/``, token required): submit a document with its files,
follow one's submissions; the secretariat publishes or returns them.

Every write endpoint calls the same service as the web pages. A submission a person may not see answers 404
(another member's, whatever its id); one they can see but may not act on answers 403.

The operation ids are part of the published API (clients generate code from them): they keep the names they had
before these routers moved here from ``cwgcop/api/documents.py`` and ``cwgcop/documents/submission_api.py``.
"""
# No `from __future__ import annotations` here: django-ninja reads the parameter annotations at import.

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Status, UploadedFile
from ninja.errors import HttpError
from ninja.pagination import paginate

from cwgcop.accounts.api_auth import api_token_auth, api_user
from cwgcop.bodies.models import Organization
from cwgcop.core.api.errors import ApiError, NotFoundError, invalid_parameters
from cwgcop.core.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.core.api.schemas import ErrorSchema
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents import contributions, queries
from cwgcop.documents.filters import ArchiveFilter
from cwgcop.documents.models import Document
from cwgcop.documents.schemas import (
    DocumentFilters,
    DocumentSchema,
    ReturnIn,
    SubmissionIn,
    SubmissionOut,
    document_data,
    meeting_id,
    submission_data,
)
from cwgcop.meetings.models import Meeting

archive = Router(tags=["documents"])
submissions = Router(tags=["submissions"], auth=api_token_auth)


def cited_document(symbol: str | None) -> Document | None:
    """The archive document a write payload names by its symbol (none when it names none); 400 when no document
    has that symbol."""
    if not symbol or not symbol.strip():
        return None
    found, missing = queries.cited([symbol])
    if missing:
        raise ApiError(
            400,
            "document_unknown",
            _("No document of the archive has the symbol %(symbols)s.") % {"symbols": symbol[:80]},
        )
    return found[0]


def _archive_filter(filters: DocumentFilters) -> ArchiveFilter:
    data: dict[str, Any] = {
        "kind": filters.kind.value if filters.kind else None,
        "language": filters.language.value if filters.language else None,
        "year": filters.year,
        "source": filters.source,
        "q": filters.q,
        "sort": filters.sort,
        "meeting": meeting_id(filters.meeting) if filters.meeting else None,
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


@archive.get(
    "/",
    response={200: list[DocumentSchema], 400: ErrorSchema},
    summary="List documents",
    operation_id="cwgcop_api_documents_list_documents",
)
@paginate(LimitOffsetPagination)
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> LazyPage:
    """Published documents. The filters are those of the archive page; each may be combined with the others."""
    return LazyPage(_archive_filter(filters).qs, lambda document: document_data(request, document))


@archive.get(
    "/{path:symbol}",
    response={200: DocumentSchema, 404: ErrorSchema},
    summary="One document",
    operation_id="cwgcop_api_documents_get_document",
)
def get_document(request: HttpRequest, symbol: str) -> dict[str, Any]:
    """A published or withdrawn document by its symbol: ``/documents/CWG-COP-21/5``. Drafts are not found."""
    document = queries.public_document(symbol)
    if document is None:
        raise NotFoundError(_("There is no public document with the symbol %(symbol)s.") % {"symbol": symbol[:80]})
    return document_data(request, document)


def _visible(request: HttpRequest, pk: int) -> Document:
    document = queries.submission(pk)
    if document is None or not api_user(request).has_perm("documents.view_submission", document):
        raise Http404
    return document


@contextmanager
def _secretariat_only() -> Iterator[None]:
    """Answer 403 when the submissions service refuses the person (it checks who may act, and writes nothing)."""
    try:
        yield
    except PermissionDenied as exc:
        raise HttpError(403, _("Only the secretariat of the meeting's body can do this.")) from exc


@submissions.post(
    "/",
    response={201: SubmissionOut},
    summary="Submit a contribution or information document",
    operation_id="cwgcop_documents_submission_api_submit",
)
def submit(
    request: HttpRequest,
    payload: Form[SubmissionIn],
    *,
    file_ar: File[UploadedFile | None] = None,
    file_zh_hans: File[UploadedFile | None] = None,
    file_en: File[UploadedFile | None] = None,
    file_fr: File[UploadedFile | None] = None,
    file_ru: File[UploadedFile | None] = None,
    file_es: File[UploadedFile | None] = None,
) -> Status[dict[str, Any]]:
    """Multipart form: the meeting (`body` slug and `number`), `kind`, titles (`title_en`, `title_zh_hans`, …),
    `sources` (organisation ids, repeated) and one file per language (`file_en`, `file_zh_hans`, …)."""
    user = api_user(request)
    meeting = Meeting.objects.select_related("body").filter(body__slug=payload.body, number=payload.number).first()
    if meeting is None:
        raise Http404
    uploads = dict(zip(LANGUAGE_ORDER, (file_ar, file_zh_hans, file_en, file_fr, file_ru, file_es), strict=True))
    versions = [
        contributions.LanguageVersion(language=code, name=upload.name or "", size=upload.size or 0, stream=upload)
        for code, upload in uploads.items()
        if upload is not None
    ]
    titles = {code: getattr(payload, f"title_{field_suffix(code)}") for code in LANGUAGE_ORDER}
    sources = list(Organization.objects.filter(pk__in=payload.sources))
    with _secretariat_only():
        document = contributions.submit_contribution(
            actor=user,
            meeting=meeting,
            kind=payload.kind,
            titles=titles,
            original_language=payload.original_language,
            versions=versions,
            sources=sources,
        )
    return Status(201, submission_data(_visible(request, document.pk)))


@submissions.get(
    "/",
    response=list[SubmissionOut],
    summary="Your submissions, newest first",
    operation_id="cwgcop_documents_submission_api_my_submissions",
)
def my_submissions(request: HttpRequest) -> list[dict[str, Any]]:
    documents = queries.submissions_of(api_user(request)).prefetch_related("revisions__files")
    return [submission_data(document) for document in documents]


@submissions.get(
    "/{submission_id}",
    response=SubmissionOut,
    summary="One of your submissions (or, for the secretariat, of its body)",
    operation_id="cwgcop_documents_submission_api_get_submission",
)
def get_submission(request: HttpRequest, submission_id: int) -> dict[str, Any]:
    return submission_data(_visible(request, submission_id))


@submissions.post(
    "/{submission_id}/publish",
    response=SubmissionOut,
    summary="Number and publish a submission (secretariat)",
    operation_id="cwgcop_documents_submission_api_publish",
)
def publish(request: HttpRequest, submission_id: int) -> dict[str, Any]:
    document = _visible(request, submission_id)
    with _secretariat_only():
        contributions.publish_submission(actor=api_user(request), document=document)
    return submission_data(_visible(request, submission_id))


@submissions.post(
    "/{submission_id}/return",
    response=SubmissionOut,
    summary="Return a submission with a reason (secretariat)",
    operation_id="cwgcop_documents_submission_api_return_to_submitter",
)
def return_to_submitter(request: HttpRequest, submission_id: int, payload: ReturnIn) -> dict[str, Any]:
    document = _visible(request, submission_id)
    with _secretariat_only():
        contributions.return_submission(actor=api_user(request), document=document, reason=payload.reason)
    return submission_data(_visible(request, submission_id))
