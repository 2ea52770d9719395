"""Turning models into API data. Absolute URLs so that machines can follow them."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from cwgcop.bodies.models import Body
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.meetings.models import Meeting


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _translations(obj: object, field: str) -> dict[str, str]:
    values = {code: getattr(obj, f"{field}_{field_suffix(code)}", "") or "" for code in LANGUAGE_ORDER}
    return {code: text for code, text in values.items() if text}


def body_data(body: Body) -> dict[str, Any]:
    return {
        "acronym": body.acronym,
        "slug": body.slug,
        "name": body.display_name,
        "names": _translations(body, "name"),
        "kind": body.kind,
        "parent": body.parent.acronym if body.parent else None,
        "url": absolute(body.get_absolute_url()),
    }


def meeting_data(meeting: Meeting) -> dict[str, Any]:
    return {
        "body": meeting.body.acronym,
        "number": meeting.number,
        "code": meeting.code,
        "start_date": meeting.start_date,
        "end_date": meeting.end_date,
        "venue": meeting.display_venue,
        "format": meeting.format,
        "status": meeting.status,
        "remote_link": meeting.remote_link,
        "contribution_deadline": meeting.contribution_deadline,
        "participants": {
            "total": meeting.participants_total,
            "onsite": meeting.participants_onsite,
            "remote": meeting.participants_remote,
        },
        "url": absolute(meeting.get_absolute_url()),
    }


def file_data(stored: DocumentFile, revision: DocumentRevision, document: Document) -> dict[str, Any]:
    from django.urls import reverse

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
        "url": absolute(path),
    }


def document_data(document: Document) -> dict[str, Any]:
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
        "files": [file_data(f, current, document) for f in current.ordered_files()] if current else [],
        "revisions": [
            {
                "number": r.number,
                "symbol": r.symbol,
                "published_at": r.published_at,
                "note": r.note,
                "files": [file_data(f, r, document) for f in r.ordered_files()],
            }
            for r in sorted(revisions, key=lambda r: r.number)
        ],
        "url": absolute(document.get_absolute_url()),
    }
