"""The submissions part of the write API (token required): submit a document with its files, follow one's
submissions; the secretariat publishes or returns them.

Every endpoint calls the same service as the web pages. A submission a person may not see answers 404
(another member's, whatever its id); one they can see but may not act on answers 403.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError

from cwgcop.accounts.api_auth import api_token_auth, api_user
from cwgcop.bodies.models import Organization
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents import contributions, queries
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Meeting

router = Router(tags=["submissions"], auth=api_token_auth)

LanguageCode = Literal["ar", "zh-hans", "en", "fr", "ru", "es"]


class SubmissionIn(Schema):
    body: str
    number: int
    kind: Literal["contribution", "information"]
    original_language: LanguageCode = "en"
    title_ar: str = ""
    title_zh_hans: str = ""
    title_en: str = ""
    title_fr: str = ""
    title_ru: str = ""
    title_es: str = ""
    sources: list[int] = []


class SubmissionOut(Schema):
    id: int
    status: str
    late: bool
    symbol: str | None
    kind: str
    title: str
    body: str
    meeting: str
    languages: list[str]
    submitted_at: datetime.datetime | None
    returned_at: datetime.datetime | None
    return_reason: str
    page: str
    public_url: str | None


class ReturnIn(Schema):
    reason: str


def submission_data(document: Document) -> dict[str, Any]:
    revision = max(document.revisions.all(), key=lambda r: r.number, default=None)
    return {
        "id": document.pk,
        "status": document.status,
        "late": document.late,
        "symbol": document.symbol if document.is_numbered else None,
        "kind": document.kind,
        "title": document.display_title,
        "body": document.body.acronym,
        "meeting": document.meeting.code if document.meeting else "",
        "languages": revision.languages() if revision else [],
        "submitted_at": document.submitted_at,
        "returned_at": document.returned_at,
        "return_reason": document.return_reason,
        "page": settings.SITE_URL + reverse("submissions:detail", kwargs={"pk": document.pk}),
        "public_url": settings.SITE_URL + document.get_absolute_url() if document.is_public else None,
    }


def _visible(request: HttpRequest, pk: int) -> Document:
    document = queries.submission(pk)
    if document is None or not api_user(request).has_perm("documents.view_submission", document):
        raise Http404
    return document


def _forbidden() -> HttpError:
    return HttpError(403, _("Only the secretariat of the meeting's body can do this."))


@router.post("/", response={201: SubmissionOut}, summary="Submit a contribution or information document")
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
    try:
        document = contributions.submit_contribution(
            actor=user,
            meeting=meeting,
            kind=payload.kind,
            titles=titles,
            original_language=payload.original_language,
            versions=versions,
            sources=sources,
        )
    except PermissionDenied as exc:
        raise _forbidden() from exc
    return Status(201, submission_data(_visible(request, document.pk)))


@router.get("/", response=list[SubmissionOut], summary="Your submissions, newest first")
def my_submissions(request: HttpRequest) -> list[dict[str, Any]]:
    documents = queries.submissions_of(api_user(request)).prefetch_related("revisions__files")
    return [submission_data(document) for document in documents]


@router.get(
    "/{submission_id}", response=SubmissionOut, summary="One of your submissions (or, for the secretariat, of its body)"
)
def get_submission(request: HttpRequest, submission_id: int) -> dict[str, Any]:
    return submission_data(_visible(request, submission_id))


@router.post(
    "/{submission_id}/publish", response=SubmissionOut, summary="Number and publish a submission (secretariat)"
)
def publish(request: HttpRequest, submission_id: int) -> dict[str, Any]:
    document = _visible(request, submission_id)
    try:
        contributions.publish_submission(actor=api_user(request), document=document)
    except PermissionDenied as exc:
        raise _forbidden() from exc
    return submission_data(_visible(request, submission_id))


@router.post(
    "/{submission_id}/return", response=SubmissionOut, summary="Return a submission with a reason (secretariat)"
)
def return_to_submitter(request: HttpRequest, submission_id: int, payload: ReturnIn) -> dict[str, Any]:
    document = _visible(request, submission_id)
    try:
        contributions.return_submission(actor=api_user(request), document=document, reason=payload.reason)
    except PermissionDenied as exc:
        raise _forbidden() from exc
    return submission_data(_visible(request, submission_id))
