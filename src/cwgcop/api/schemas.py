"""The shapes of the public read API. Field descriptions are the API's reference (see /api/v1/docs)."""

from __future__ import annotations

import datetime
from typing import Literal

from ninja import Field, Schema

from cwgcop.core.languages import Language
from cwgcop.documents.enums import DocumentKind


class BodySchema(Schema):
    acronym: str
    slug: str = Field(description="Identifies the body in URLs: /api/v1/bodies/{slug}.")
    name: str = Field(description="The name in the reader's language (Accept-Language), else in English.")
    names: dict[str, str] = Field(description="The name in every language it has, by language code.")
    kind: str
    parent: str | None = Field(description="The acronym of the body this one reports to.")
    url: str = Field(description="The body's public page.")


class ParticipantsSchema(Schema):
    total: int | None
    onsite: int | None
    remote: int | None


class MeetingSchema(Schema):
    body: str = Field(description="The acronym of the body that meets.")
    body_slug: str
    number: int = Field(description="The ordinal number of the meeting: 21 for the 21st meeting.")
    code: str = Field(description="Used in document symbols and in /api/v1/documents/?meeting={code}.")
    start_date: datetime.date
    end_date: datetime.date
    venue: str
    format: str = Field(description="in-person, hybrid or virtual.")
    status: str
    remote_link: str
    contribution_deadline: datetime.datetime | None
    participants: ParticipantsSchema = Field(description="Participant figures, when they are known.")
    url: str = Field(description="The meeting's public page.")
    documents: str = Field(description="The API address of the meeting's documents.")


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


class FieldErrorSchema(Schema):
    field: str
    message: str


class ErrorSchema(Schema):
    detail: str = Field(description="What went wrong, in the reader's language.")
    code: str = Field(description="A stable, untranslated code: not_found, invalid, unauthorized, …")
    errors: list[FieldErrorSchema] | None = Field(None, description="With code invalid: each parameter's problem.")


class MeetingFilters(Schema):
    body: str | None = Field(None, description="The slug of the body, e.g. cwg-cop.")
    year: int | None = Field(None, ge=1865, le=2200, description="Meetings that start in this year.")


class DocumentFilters(Schema):
    """The archive's filters (the same as on /documents/), each optional."""

    meeting: str | None = Field(None, max_length=80, description="A meeting's code, e.g. CWG-COP-21.")
    kind: DocumentKind | None = None
    language: Language | None = Field(None, description="Documents with a file in this language.")
    year: int | None = Field(None, ge=1865, le=2200, description="Documents published in this year.")
    source: int | None = Field(None, description="The id of a source organisation (see sources[].id).")
    q: str | None = Field(None, max_length=200, description="Words in the title (any language) or the symbol.")
    sort: Literal["newest", "oldest", "symbol"] = Field("newest", description="The order of the list.")
