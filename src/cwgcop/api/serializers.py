"""Turning models into API data. Every address is absolute, so that machines can follow it.

Addresses are built from the request, so they lead back to the host the client reached (the host is
checked against ``CWGCOP_ALLOWED_HOSTS`` before any view runs).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from cwgcop.bodies.models import Body
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.meetings.models import Meeting


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _translations(obj: object, field: str) -> dict[str, str]:
    values = {code: getattr(obj, f"{field}_{field_suffix(code)}", "") or "" for code in LANGUAGE_ORDER}
    return {code: text for code, text in values.items() if text}


def body_data(request: HttpRequest, body: Body) -> dict[str, Any]:
    return {
        "acronym": body.acronym,
        "slug": body.slug,
        "name": body.display_name,
        "names": _translations(body, "name"),
        "kind": body.kind,
        "parent": body.parent.acronym if body.parent else None,
        "url": absolute(request, body.get_absolute_url()),
    }


def meeting_data(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    documents = reverse("api:list_documents") + "?" + urlencode({"meeting": meeting.code})
    return {
        "body": meeting.body.acronym,
        "body_slug": meeting.body.slug,
        "number": meeting.number,
        "code": meeting.code,
        "start_date": meeting.start_date,
        "end_date": meeting.end_date,
        "venue": meeting.display_venue,
        "format": meeting.format,
        "status": meeting.status,
        # A private link is for registered participants only (they get it with their registration).
        "remote_link": "" if meeting.remote_link_private else meeting.remote_link,
        "contribution_deadline": meeting.contribution_deadline,
        "participants": {
            "total": meeting.participants_total,
            "onsite": meeting.participants_onsite,
            "remote": meeting.participants_remote,
        },
        "url": absolute(request, meeting.get_absolute_url()),
        "documents": absolute(request, documents),
    }


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
        "titles": _translations(document, "title"),
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
