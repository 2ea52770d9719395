"""The shapes of the public read API."""

from __future__ import annotations

import datetime

from ninja import Schema


class BodySchema(Schema):
    acronym: str
    slug: str
    name: str
    names: dict[str, str]
    kind: str
    parent: str | None
    url: str


class ParticipantsSchema(Schema):
    total: int | None
    onsite: int | None
    remote: int | None


class MeetingSchema(Schema):
    body: str
    number: int
    code: str
    start_date: datetime.date
    end_date: datetime.date
    venue: str
    format: str
    status: str
    remote_link: str
    contribution_deadline: datetime.datetime | None
    participants: ParticipantsSchema
    url: str


class FileSchema(Schema):
    language: str
    name: str
    media_type: str
    size: int
    sha256: str
    pages: int | None
    url: str


class RevisionSchema(Schema):
    number: int
    symbol: str
    published_at: datetime.datetime | None
    note: str
    files: list[FileSchema]


class SourceSchema(Schema):
    name: str
    country: str
    region: str
    stakeholder_kind: str


class DocumentSchema(Schema):
    symbol: str
    current_symbol: str
    kind: str
    status: str
    title: str
    titles: dict[str, str]
    original_language: str
    body: str
    meeting: str | None
    sources: list[SourceSchema]
    published_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    withdrawal_reason: str
    languages: list[str]
    files: list[FileSchema]
    revisions: list[RevisionSchema]
    url: str


class ErrorSchema(Schema):
    detail: str
