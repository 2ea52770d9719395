"""The search service: the one function the search page, the API and the benchmark call."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.utils.safestring import SafeString

from cwgcop.core.languages import current_language
from cwgcop.search import queries, spelling
from cwgcop.search.engines import Filters, get_engine
from cwgcop.search.query import SearchQuery, fewer_words, parse_query
from cwgcop.search.snippets import SCAN_CHARACTERS, highlight, snippet

__all__ = ["Filters", "Result", "ResultPage", "Suggestions", "search", "spelling_suggestion", "suggestions"]

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


@dataclass(frozen=True)
class Suggestions:
    """What to try when a search found nothing: the same search without its last word (and how many documents
    that finds), and how many documents the search finds in the other languages when a language was chosen."""

    fewer_words: str | None = None
    fewer_words_total: int = 0
    other_languages_total: int = 0


def suggestions(page: ResultPage) -> Suggestions:
    """Searches to offer beside a page of no results: each is run (the engine's count only, no snippets) and
    offered only when it finds something. Two engine queries at most."""
    engine = get_engine()
    shorter = fewer_words(page.query)
    shorter_total = 0
    if shorter is not None:
        found = engine.search(parse_query(shorter), page.filters, limit=1, offset=0)
        shorter_total = found.total
    other_total = 0
    if page.filters.language is not None:
        everywhere = dataclasses.replace(page.filters, language=None)
        other_total = engine.search(page.query, everywhere, limit=1, offset=0).total
    return Suggestions(shorter if shorter_total else None, shorter_total, other_total)


def spelling_suggestion(page: ResultPage) -> spelling.Spelling | None:
    """ "Did you mean …?": for a first page that found fewer than ``spelling.LOW_RESULTS`` documents, the search
    with its misspelt words replaced by the index's nearest words, when that finds more (with the same filters).
    None otherwise. At most one engine query (the corrected search's count)."""
    if page.offset or page.total >= spelling.LOW_RESULTS:
        return None
    engine = get_engine()

    def count(text: str) -> int:
        return engine.search(parse_query(text), page.filters, limit=1, offset=0).total

    return spelling.suggest(page.query.text, count, page.total)
