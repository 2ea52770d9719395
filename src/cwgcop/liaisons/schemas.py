"""The shapes of the liaison and deliverable API (read for everyone, write for the secretariat)."""

from __future__ import annotations

import datetime

from ninja import Schema


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
