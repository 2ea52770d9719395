"""The shapes of the documents API (the public archive and the submissions), and turning a document into API data."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Schema

from cwgcop.core.api.errors import invalid_parameters
from cwgcop.core.api.serializers import absolute, translations
from cwgcop.core.languages import Language
from cwgcop.documents.enums import DocumentKind
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.meetings import queries as meeting_queries


class FileSchema(Schema):
    language: str
    name: str = Field(description="The file's original name.")
    media_type: str
    size: int = Field(description="In bytes.")
    sha256: str = Field(description="The SHA-256 of the file's bytes, in hexadecimal.")
    pages: int | None
    url: str = Field(description="Downloads this file (absolute address; never changes).")


class RevisionSchema(Schema):
    number: int = Field(description="0 for the original, 1 for Rev.1, …")
    symbol: str
    published_at: datetime.datetime | None
    note: str = Field(description="What changed in this revision.")
    files: list[FileSchema]


class SourceSchema(Schema):
    id: int = Field(description="Use it in /api/v1/documents/?source={id}.")
    name: str
    country: str
    region: str
    stakeholder_kind: str


class DocumentSchema(Schema):
    symbol: str = Field(description="The document's symbol, without revision: CWG-COP-21/5.")
    current_symbol: str = Field(description="The symbol of the latest published revision: CWG-COP-21/5(Rev.1).")
    kind: str
    status: str = Field(description="published or withdrawn (drafts are not public).")
    title: str = Field(description="The title in the reader's language, else in the original language.")
    titles: dict[str, str]
    original_language: str
    body: str
    meeting: str | None = Field(description="The code of the meeting, e.g. CWG-COP-21.")
    sources: list[SourceSchema]
    published_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    withdrawal_reason: str
    languages: list[str] = Field(description="The languages of the latest revision's files.")
    files: list[FileSchema] = Field(description="The latest published revision's files.")
    revisions: list[RevisionSchema] = Field(description="Every published revision, oldest first.")
    url: str = Field(description="The document's public page.")


class DocumentFilters(Schema):
    """The archive's filters (the same as on /documents/), each optional."""

    meeting: str | None = Field(None, max_length=80, description="A meeting's code, e.g. CWG-COP-21.")
    kind: DocumentKind | None = None
    language: Language | None = Field(None, description="Documents with a file in this language.")
    year: int | None = Field(None, ge=1865, le=2200, description="Documents published in this year.")
    source: int | None = Field(None, description="The id of a source organisation (see sources[].id).")
    q: str | None = Field(None, max_length=200, description="Words in the title (any language) or the symbol.")
    sort: Literal["newest", "oldest", "symbol"] = Field("newest", description="The order of the list.")


def file_data(
    request: HttpRequest, stored: DocumentFile, revision: DocumentRevision, document: Document
) -> dict[str, Any]:
    path = reverse(
        "download",
        kwargs={"symbol": document.symbol, "revision": revision.number, "language": stored.language},
    )
    return {
        "language": stored.language,
        "name": stored.original_name,
        "media_type": stored.media_type,
        "size": stored.size,
        "sha256": stored.sha256,
        "pages": stored.page_count,
        "url": absolute(request, path),
    }


def document_data(request: HttpRequest, document: Document) -> dict[str, Any]:
    revisions = document.published_revisions()
    current = revisions[0] if revisions else None
    return {
        "symbol": document.symbol,
        "current_symbol": document.current_symbol,
        "kind": document.kind,
        "status": document.status,
        "title": document.display_title,
        "titles": translations(document, "title"),
        "original_language": document.original_language,
        "body": document.body.acronym,
        "meeting": document.meeting.code if document.meeting else None,
        "sources": [
            {
                "id": s.pk,
                "name": s.name,
                "country": str(s.country or ""),
                "region": s.region,
                "stakeholder_kind": s.stakeholder_kind,
            }
            for s in document.sources.all()
        ],
        "published_at": document.published_at,
        "withdrawn_at": document.withdrawn_at,
        "withdrawal_reason": document.withdrawal_reason,
        "languages": current.languages() if current else [],
        "files": [file_data(request, f, current, document) for f in current.ordered_files()] if current else [],
        "revisions": [
            {
                "number": r.number,
                "symbol": r.symbol,
                "published_at": r.published_at,
                "note": r.note,
                "files": [file_data(request, f, r, document) for f in r.ordered_files()],
            }
            for r in sorted(revisions, key=lambda r: r.number)
        ],
        "url": absolute(request, document.get_absolute_url()),
    }


def meeting_id(code: str) -> int:
    """The id of the meeting with ``code`` (``CWG-COP-21``), as the archive's filter takes it; else a 400."""
    found = meeting_queries.meeting_id_by_code(code)
    if found is None:
        raise invalid_parameters([("meeting", _("There is no meeting %(code)s.") % {"code": code[:80]})])
    return found


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
