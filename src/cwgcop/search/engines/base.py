"""What every search engine does, and the SQL both share (the archive filters, the ranking shape)."""

from __future__ import annotations

import datetime
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.utils import timezone

from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document
from cwgcop.search.query import SearchQuery

# A search ranks at most this many matching language versions, the most recently indexed ones. Below it every
# match is ranked and the total is exact; above it the total is a lower bound (``HitPage.exact`` is False).
# See docs/decisions.md, "Search ranks a bounded set of matches".
CANDIDATES = 1000


@dataclass(frozen=True)
class IndexRow:
    """The token streams (``cwgcop.search.text.index_text``) of one entry, by field, and its facets.

    ``facets`` are the entry's filter values as tokens (``meeting=21 kind=contribution language=en year=2024
    source=7``): the engines find the matches of a filtered search in the index itself, so that a filter that
    keeps few of many matches costs no more than those few. No query token ever contains ``=``.
    """

    entry_id: int
    title: str
    meta: str
    body: str
    facets: str = ""


@dataclass(frozen=True)
class Filters:
    """The archive filters; ``None`` is "any"."""

    meeting: int | None = None
    kind: str | None = None
    language: str | None = None
    year: int | None = None
    source: int | None = None

    @property
    def active(self) -> bool:
        return any(value is not None for value in (self.meeting, self.kind, self.language, self.year, self.source))

    def facets(self) -> list[str]:
        """The facet tokens every matching entry carries (see ``IndexRow.facets``)."""
        values = {
            "meeting": self.meeting,
            "kind": self.kind,
            "language": self.language,
            "year": self.year,
            "source": self.source,
        }
        return [facet(name, value) for name, value in values.items() if value is not None]


def facet(name: str, value: object) -> str:
    """``facet("language", "zh-hans")`` → ``language=zhhans``: one token for both engines."""
    return f"{name}={''.join(ch for ch in str(value).lower() if ch.isascii() and ch.isalnum())}"


@dataclass(frozen=True)
class Hit:
    document_id: int
    entry_id: int
    score: float


@dataclass(frozen=True)
class HitPage:
    """One page of hits. ``total`` counts the matching documents; when ``exact`` is False the search matched
    more language versions than ``CANDIDATES`` and ``total`` counts only the documents among those ranked."""

    hits: list[Hit]
    total: int
    exact: bool = True


def filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    """SQL conditions on ``d`` (the document) and ``m`` (the matching entry) for the archive filters."""
    conditions = ["d.status = %s"]
    params: list[Any] = [DocumentStatus.PUBLISHED.value]
    if filters.meeting is not None:
        conditions.append("d.meeting_id = %s")
        params.append(filters.meeting)
    if filters.kind is not None:
        conditions.append("d.kind = %s")
        params.append(filters.kind)
    if filters.language is not None:
        conditions.append("m.language = %s")
        params.append(filters.language)
    if filters.year is not None:
        zone = timezone.get_current_timezone()
        start = datetime.datetime(filters.year, 1, 1, tzinfo=zone)
        end = datetime.datetime(filters.year + 1, 1, 1, tzinfo=zone)
        conditions.append("d.published_at >= %s AND d.published_at < %s")
        params.extend(connection.ops.adapt_datetimefield_value(value) for value in (start, end))
    if filters.source is not None:
        through = Document.sources.through._meta.db_table
        conditions.append(f"EXISTS (SELECT 1 FROM {through} s WHERE s.document_id = d.id AND s.organization_id = %s)")  # noqa: S608
        params.append(filters.source)
    return " AND ".join(conditions), params


# Entries of one document at most (one per language): a page of n documents lies within the best 6n entries.
ENTRIES_PER_DOCUMENT = 6


def ranked_sql(matches_sql: str, filters_sql: str, *, bounded: bool = False) -> str:
    """The best entry of each matching document, best first, newer first on ties, with the total.

    ``matches_sql`` yields ``(entry_id, score, document_id, language)`` for every candidate entry, lower score
    better; only the best ``ENTRIES_PER_DOCUMENT`` × (offset + limit) of them (and those tied with the last) are
    looked up in the documents, by scalar subqueries: one index lookup each, never a join the planner could turn
    into a scan of the documents. That is enough for the page since a document has at most that many entries.
    Of equally good entries of one document, the one in the preferred language (the reader's) is taken. The
    total counts the documents of every candidate (the facets in the engine's match already applied the
    filters).

    ``bounded``: ``matches_sql`` yields up to one candidate more than the engine ranks (its bound, a parameter
    after its own), so that the same statement tells whether the match has more (the ``found`` column): only the
    newest that many are ranked and counted.
    """
    document = Document._meta.db_table
    # MATERIALIZED: the engine's index finds the matches first; the planner must not start from the documents.
    if bounded:
        newest = "m AS MATERIALIZED (SELECT * FROM found ORDER BY entry_id DESC LIMIT %s)"
        matches = f"found AS MATERIALIZED ({matches_sql}), {newest}"
        found = "(SELECT COUNT(*) FROM found)"
    else:
        matches, found = f"m AS MATERIALIZED ({matches_sql})", "NULL"
    return f"""
        WITH {matches},
        cut AS (SELECT score FROM m ORDER BY score LIMIT 1 OFFSET %s),
        top AS (
            SELECT m.entry_id, m.score, m.document_id, m.language,
                   (SELECT d.published_at FROM {document} d WHERE d.id = m.document_id) AS published_at,
                   (SELECT 1 FROM {document} d WHERE d.id = m.document_id AND {filters_sql}) AS kept
            FROM m
            WHERE NOT EXISTS (SELECT 1 FROM cut) OR m.score <= (SELECT score FROM cut)
        )
        SELECT document_id, entry_id, score, (SELECT COUNT(DISTINCT document_id) FROM m) AS total,
               {found} AS found
        FROM (
            SELECT document_id, entry_id, score, published_at,
                   ROW_NUMBER() OVER (
                       PARTITION BY document_id ORDER BY score, CASE WHEN language = %s THEN 0 ELSE 1 END, entry_id
                   ) AS best
            FROM top
            WHERE kept = 1
        ) AS ranked
        WHERE best = 1
        ORDER BY score, published_at DESC, document_id DESC
        LIMIT %s OFFSET %s
    """  # noqa: S608


def run_ranked(  # noqa: PLR0917
    matches_sql: str,
    matches_params: list[Any],
    filters: Filters,
    language: str,
    limit: int,
    offset: int,
    *,
    exact: bool = True,
    bound: int | None = None,
) -> HitPage:
    """Run :func:`ranked_sql` for one page. With ``bound``, ``matches_sql`` yields up to ``bound`` + 1 candidates
    (``ranked_sql``'s ``bounded``) and the page is exact when it yielded at most ``bound``; else ``exact`` says."""
    where, filter_params = filter_sql(filters)
    sql = ranked_sql(matches_sql, where, bounded=bound is not None)
    bounds = [] if bound is None else [bound]

    def params(limit: int, offset: int) -> list[Any]:
        cut = ENTRIES_PER_DOCUMENT * (offset + limit) - 1
        return [*matches_params, *bounds, cut, *filter_params, language, limit, offset]

    def page(hits: list[Hit], row: Any) -> HitPage:
        total = int(row[3]) if row else 0
        return HitPage(hits=hits, total=total, exact=exact if bound is None or not row else int(row[4]) <= bound)

    with connection.cursor() as cursor:
        cursor.execute(sql, params(limit, offset))
        rows = cursor.fetchall()
        if rows:
            return page([Hit(int(r[0]), int(r[1]), float(r[2])) for r in rows], rows[0])
        if offset == 0:
            return page([], None)
        cursor.execute(sql, params(1, 0))
        return page([], cursor.fetchone())


class Engine(ABC):
    """A full-text engine over the search entries. Writes happen inside the caller's transaction."""

    name: str
    candidates: int = CANDIDATES

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the engine's tables, indexes and triggers if they are missing."""

    @abstractmethod
    def write(self, rows: Sequence[IndexRow]) -> None:
        """Index rows for entries that were just created."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything from the index (the entries are removed by the caller)."""

    def begin_rebuild(self) -> None:  # noqa: B027 - an optional step
        """Before a rebuild writes every row (after ``clear``): drop what is cheaper built once at the end."""

    def finish_rebuild(self) -> None:  # noqa: B027 - an optional step
        """After a rebuild wrote every row: build or merge the index structures, refresh the statistics."""

    @abstractmethod
    def search(self, query: SearchQuery, filters: Filters, *, limit: int, offset: int, language: str = "en") -> HitPage:
        """One page of matching documents, each with its best-matching entry."""

    @abstractmethod
    def size_bytes(self) -> int:
        """The space the index takes on disk (for the benchmark)."""
