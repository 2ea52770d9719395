"""The shapes of the liaison and deliverable API (read for everyone, write for the secretariat), and turning
statements and deliverables into API data (absolute URLs, so that machines can follow them)."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Schema

from cwgcop.core.api.serializers import absolute, translations
from cwgcop.documents.models import Document
from cwgcop.liaisons.models import Deliverable, LiaisonStatement, Milestone


class AttachmentOut(Schema):
    symbol: str
    current_symbol: str
    title: str
    kind: str
    status: str
    languages: list[str]
    url: str


class ContactOut(Schema):
    name: str
    email: str


class ThreadMemberOut(Schema):
    id: int
    title: str
    direction: str
    state: str
    sent_on: datetime.date | None
    reply_to: int | None
    url: str


class LiaisonOut(Schema):
    id: int
    direction: str
    purpose: str
    state: str
    title: str
    titles: dict[str, str]
    text: str
    texts: dict[str, str]
    original_language: str
    reference: str
    from_bodies: list[str]
    to_bodies: list[str]
    sent_on: datetime.date | None
    deadline: datetime.date | None
    meeting: str | None
    reply_to: int | None
    thread: int
    published_at: datetime.datetime | None
    url: str


class LiaisonDetailOut(LiaisonOut):
    approved_at: datetime.datetime | None
    attachments: list[AttachmentOut]
    contacts: list[ContactOut]
    conversation: list[ThreadMemberOut]


class MeetingRef(Schema):
    body: str
    number: int


class ContactIn(Schema):
    name: str
    email: str = ""


class LiaisonIn(Schema):
    direction: str
    purpose: str
    titles: dict[str, str]
    texts: dict[str, str] = {}
    original_language: str = "en"
    from_bodies: list[str]
    to_bodies: list[str]
    reference: str = ""
    attachments: list[str] = []
    contacts: list[ContactIn] = []
    sent_on: datetime.date | None = None
    deadline: datetime.date | None = None
    meeting: MeetingRef | None = None
    reply_to: int | None = None


class LiaisonPatch(Schema):
    purpose: str | None = None
    titles: dict[str, str] | None = None
    texts: dict[str, str] | None = None
    from_bodies: list[str] | None = None
    to_bodies: list[str] | None = None
    reference: str | None = None
    attachments: list[str] | None = None
    contacts: list[ContactIn] | None = None
    sent_on: datetime.date | None = None
    deadline: datetime.date | None = None
    meeting: MeetingRef | None = None


class SendIn(Schema):
    sent_on: datetime.date | None = None


class ConsiderIn(Schema):
    meeting: MeetingRef


class MilestoneOut(Schema):
    id: int
    position: int
    title: str
    titles: dict[str, str]
    body: str
    meeting: str | None
    due_date: datetime.date | None
    status: str
    document: str | None
    achieved_on: datetime.date | None


class DeliverableOut(Schema):
    slug: str
    title: str
    titles: dict[str, str]
    description: str
    owner: str
    status: str
    milestones: list[MilestoneOut]
    url: str


class DeliverableIn(Schema):
    owner: str
    titles: dict[str, str]
    descriptions: dict[str, str] = {}
    slug: str = ""


class MilestoneIn(Schema):
    titles: dict[str, str]
    body: str
    meeting: MeetingRef | None = None
    due_date: datetime.date | None = None
    status: str = "planned"
    document: str | None = None
    achieved_on: datetime.date | None = None


class MilestonePatch(Schema):
    titles: dict[str, str] | None = None
    body: str | None = None
    meeting: MeetingRef | None = None
    due_date: datetime.date | None = None
    status: str | None = None
    document: str | None = None
    achieved_on: datetime.date | None = None


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
