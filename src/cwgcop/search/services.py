"""The search service: the one function the search page, the API and the benchmark call."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from cwgcop.core.languages import current_language
from cwgcop.search import queries
from cwgcop.search.engines import Filters, get_engine
from cwgcop.search.query import SearchQuery, parse_query
from cwgcop.search.snippets import SCAN_CHARACTERS, highlight, snippet

__all__ = ["Filters", "Result", "ResultPage", "search"]

MAX_LIMIT = 100


@dataclass(frozen=True)
class Result:
    document: queries.ResultDocument
    language: str
    title: str
    title_html: SafeString
    snippet: SafeString
    score: float


@dataclass(frozen=True)
class ResultPage:
    query: SearchQuery
    filters: Filters
    results: list[Result]
    total: int
    limit: int
    offset: int
    exact: bool = True  # False: ``total`` is a lower bound, the search matched more than it ranks


def search(
    *, text: str | None, filters: Filters, limit: int = 20, offset: int = 0, language: str | None = None
) -> ResultPage:
    """Published documents matching ``text`` and ``filters``, best first, newer first on equal relevance.

    Each result carries the language version that matched best, its title and a snippet of its text with the
    matches marked. Raises ``DomainError`` (with a message for the reader) when ``text`` is not a usable query.
    A fixed number of queries whatever the number of results.
    """
    query = parse_query(text)
    limit = max(1, min(limit, MAX_LIMIT))
    offset = max(0, offset)
    page = get_engine().search(query, filters, limit=limit, offset=offset, language=language or current_language())
    if not page.hits:
        return ResultPage(query, filters, [], page.total, limit, offset, page.exact)
    entries = queries.result_entries([hit.entry_id for hit in page.hits], characters=SCAN_CHARACTERS)
    results = []
    for hit in page.hits:
        entry = entries.get(hit.entry_id)
        if entry is None:  # unpublished or deleted since the engine's query
            continue
        results.append(
            Result(
                document=entry.document,
                language=entry.language,
                title=entry.title,
                title_html=highlight(entry.title, query, entry.language),
                snippet=snippet(entry.text, query, entry.language),
                score=hit.score,
            )
        )
    return ResultPage(query, filters, results, page.total, limit, offset, page.exact)
