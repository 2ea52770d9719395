"""``GET /api/v1/search?q=…``: the same search as the page, with the archive's filters, as JSON. No login.

Errors take the API's one shape (``cwgcop.core.api.errors``): a query that cannot be searched answers 400 with
``{"detail": <message in the reader's language>, "code": "query_empty" | "query_no_words" | …}``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from cwgcop.core.api.schemas import ErrorSchema
from cwgcop.core.languages import Language
from cwgcop.documents.enums import DocumentKind
from cwgcop.documents.schemas import meeting_id
from cwgcop.search import services
from cwgcop.search.engines import Filters

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str = Field("", description='Words (all must match), "a phrase", a prefix* or a symbol such as CWG-COP-21/5.')
    meeting: str | None = Field(None, max_length=80, description="A meeting's code, e.g. CWG-COP-21.")
    kind: DocumentKind | None = None
    language: Language | None = Field(None, description="Only matches in this language version.")
    year: int | None = Field(None, ge=1865, le=2200, description="Documents published in this year.")
    source: int | None = Field(None, description="The id of a source organisation.")
    limit: int = Field(20, ge=1, le=services.MAX_LIMIT)
    offset: int = Field(0, ge=0, le=100_000)


class SearchHitSchema(Schema):
    symbol: str
    current_symbol: str
    title: str = Field(description="The title of the language version that matched.")
    language: str = Field(description="The language version that matched best.")
    kind: str
    meeting: str | None
    published_at: datetime.datetime | None
    snippet_html: str = Field(description="HTML: the text is escaped, the matches are in <mark>.")
    score: float = Field(description="Relevance; lower is better. Comparable only within one answer.")
    url: str


class SpellingSchema(Schema):
    query: str = Field(description="The search with its misspelt words replaced by the archive's nearest words.")
    count: int = Field(description="The number of documents it finds (more than the search as typed).")


class SearchResultSchema(Schema):
    query: str
    count: int = Field(description="The number of matching documents; a lower bound when count_exact is false.")
    count_exact: bool = Field(
        description="False when the search matched more language versions than are ranked (1,000): the items "
        "are then the best of the most recently published matches, and count only counts those."
    )
    items: list[SearchHitSchema]
    did_you_mean: SpellingSchema | None = Field(
        None,
        description="On a first page with fewer than 3 documents: a corrected spelling of the search that finds "
        "more, else null.",
    )


def _hit(request: HttpRequest, result: services.Result) -> dict[str, Any]:
    document = result.document
    return {
        "symbol": document.symbol,
        "current_symbol": document.current_symbol,
        "title": result.title,
        "language": result.language,
        "kind": document.kind,
        "meeting": document.meeting.code if document.meeting else None,
        "published_at": document.published_at,
        "snippet_html": str(result.snippet),
        "score": result.score,
        "url": request.build_absolute_uri(document.get_absolute_url()),
    }


@router.get("", response={200: SearchResultSchema, 400: ErrorSchema}, summary="Search the archive")
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, Any]:
    """Published documents matching ``q``, best first (newer first on equal relevance), ``limit`` from ``offset``."""
    filters = Filters(
        meeting=meeting_id(params.meeting) if params.meeting else None,
        kind=params.kind.value if params.kind else None,
        language=params.language.value if params.language else None,
        year=params.year,
        source=params.source,
    )
    page = services.search(text=params.q, filters=filters, limit=params.limit, offset=params.offset)
    spelling = services.spelling_suggestion(page)
    return {
        "did_you_mean": {"query": spelling.text, "count": spelling.total} if spelling else None,
        "query": page.query.text,
        "count": page.total,
        "count_exact": page.exact,
        "items": [_hit(request, result) for result in page.results],
    }
