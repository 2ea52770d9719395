"""The public read API under /api/v1/ (django-ninja). Anyone may read; no login."""

from typing import Any

from django.http import Http404, HttpRequest
from ninja import NinjaAPI, Query, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from cwgcop.accounts.api import router as account_router
from cwgcop.api import serializers
from cwgcop.api.schemas import BodySchema, DocumentSchema, MeetingSchema
from cwgcop.bodies import queries as body_queries
from cwgcop.documents import queries as document_queries
from cwgcop.documents.filters import ArchiveFilter
from cwgcop.events.api import router as events_router
from cwgcop.meetings import queries as meeting_queries


class Serialized:
    """A queryset whose rows are serialised only for the page being served (pagination slices it)."""

    def __init__(self, queryset: Any, serialize: Any) -> None:
        self.queryset = queryset
        self.serialize = serialize

    def all(self) -> "Serialized":
        return self

    def count(self) -> int:
        return int(self.queryset.count())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [self.serialize(row) for row in self.queryset[index]]


api = NinjaAPI(
    title="cwgcop API",
    version="1",
    description="The public record of the working group: bodies, meetings and documents. Read without a login.",
    urls_namespace="api",
)

bodies = Router(tags=["bodies"])
meetings = Router(tags=["meetings"])
documents = Router(tags=["documents"])


@bodies.get("/", response=list[BodySchema])
@paginate(LimitOffsetPagination)
def list_bodies(request: HttpRequest) -> Serialized:
    return Serialized(body_queries.bodies(), serializers.body_data)


@bodies.get("/{slug}", response=BodySchema)
def get_body(request: HttpRequest, slug: str) -> dict[str, Any]:
    body = body_queries.bodies().filter(slug=slug).first()
    if body is None:
        raise Http404
    return serializers.body_data(body)


class MeetingFilters(Schema):
    body: str | None = None
    year: int | None = None


@meetings.get("/", response=list[MeetingSchema])
@paginate(LimitOffsetPagination)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilters]) -> Serialized:
    queryset = meeting_queries.public_meetings()
    if filters.body:
        queryset = queryset.filter(body__slug=filters.body.lower())
    if filters.year:
        queryset = queryset.filter(start_date__year=filters.year)
    return Serialized(queryset, serializers.meeting_data)


@meetings.get("/{body}/{number}", response=MeetingSchema)
def get_meeting(request: HttpRequest, body: str, number: int) -> dict[str, Any]:
    meeting = meeting_queries.meeting(body, number)
    if meeting is None:
        raise Http404
    return serializers.meeting_data(meeting)


class DocumentFilters(Schema):
    meeting: int | None = None
    kind: str | None = None
    language: str | None = None
    year: int | None = None
    source: int | None = None
    q: str | None = None
    sort: str | None = None


@documents.get("/", response=list[DocumentSchema])
@paginate(LimitOffsetPagination)
def list_documents(request: HttpRequest, filters: Query[DocumentFilters]) -> Serialized:
    data = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    data.setdefault("sort", "newest")
    archive_filter = ArchiveFilter(data, queryset=document_queries.published_documents())
    return Serialized(archive_filter.qs, serializers.document_data)


@documents.get("/{path:symbol}", response=DocumentSchema)
def get_document(request: HttpRequest, symbol: str) -> dict[str, Any]:
    document = document_queries.public_document(symbol)
    if document is None:
        raise Http404
    return serializers.document_data(document)


api.add_router("/bodies/", bodies)
api.add_router("/meetings/", meetings)
api.add_router("/documents/", documents)
api.add_router("/events/", events_router)
api.add_router("/account/", account_router)
