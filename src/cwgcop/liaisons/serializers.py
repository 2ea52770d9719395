"""Liaisons and deliverables as API data. Absolute URLs so that machines can follow them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from cwgcop.core.api.serializers import absolute
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents.models import Document
from cwgcop.liaisons.models import Deliverable, LiaisonStatement, Milestone


def translations(obj: object, field: str) -> dict[str, str]:
    values = {code: getattr(obj, f"{field}_{field_suffix(code)}", "") or "" for code in LANGUAGE_ORDER}
    return {code: text for code, text in values.items() if text}


def statement_data(request: HttpRequest, statement: LiaisonStatement) -> dict[str, Any]:
    return {
        "id": statement.pk,
        "direction": statement.direction,
        "purpose": statement.purpose,
        "state": statement.state,
        "title": statement.display_title,
        "titles": translations(statement, "title"),
        "text": statement.display_text,
        "texts": translations(statement, "text"),
        "original_language": statement.original_language,
        "reference": statement.reference,
        "from_bodies": [b.acronym for b in statement.from_bodies.all()],
        "to_bodies": [b.acronym for b in statement.to_bodies.all()],
        "sent_on": statement.sent_on,
        "deadline": statement.deadline,
        "meeting": statement.meeting.code if statement.meeting else None,
        "reply_to": statement.reply_to_id,
        "thread": statement.root_id,
        "published_at": statement.published_at,
        "url": absolute(request, statement.get_absolute_url()),
    }


def attachment_data(request: HttpRequest, document: Document) -> dict[str, Any]:
    return {
        "symbol": document.symbol,
        "current_symbol": document.current_symbol,
        "title": document.display_title,
        "kind": document.kind,
        "status": document.status,
        "languages": document.available_languages(),
        "url": absolute(request, document.get_absolute_url()),
    }


def statement_detail_data(
    request: HttpRequest, statement: LiaisonStatement, thread: list[LiaisonStatement]
) -> dict[str, Any]:
    return {
        **statement_data(request, statement),
        "approved_at": statement.approved_at,
        "attachments": [attachment_data(request, d) for d in statement.attachments.all()],
        "contacts": [{"name": c.name, "email": c.email} for c in statement.contacts.all()],
        "conversation": [
            {
                "id": member.pk,
                "title": member.display_title,
                "direction": member.direction,
                "state": member.state,
                "sent_on": member.sent_on,
                "reply_to": member.reply_to_id,
                "url": absolute(request, member.get_absolute_url()),
            }
            for member in thread
        ],
    }


def milestone_data(milestone: Milestone) -> dict[str, Any]:
    return {
        "id": milestone.pk,
        "position": milestone.position,
        "title": milestone.display_title,
        "titles": translations(milestone, "title"),
        "body": milestone.body.acronym,
        "meeting": milestone.meeting.code if milestone.meeting else None,
        "due_date": milestone.due_date,
        "status": milestone.status,
        "document": milestone.document.symbol if milestone.document else None,
        "achieved_on": milestone.achieved_on,
    }


def deliverable_data(request: HttpRequest, deliverable: Deliverable) -> dict[str, Any]:
    return {
        "slug": deliverable.slug,
        "title": deliverable.display_title,
        "titles": translations(deliverable, "title"),
        "description": deliverable.display_description,
        "owner": deliverable.owner.acronym,
        "status": deliverable.status,
        "milestones": [milestone_data(m) for m in deliverable.route()],
        "url": absolute(request, deliverable.get_absolute_url()),
    }
