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
from cwgcop.search.models import SearchEntry
from cwgcop.search.query import SearchQuery


@dataclass(frozen=True)
class IndexRow:
    """The token streams (``cwgcop.search.text.index_text``) of one entry, by field."""

    entry_id: int
    title: str
    meta: str
    body: str


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


@dataclass(frozen=True)
class Hit:
    document_id: int
    entry_id: int
    score: float


@dataclass(frozen=True)
class HitPage:
    hits: list[Hit]
    total: int


def filter_sql(filters: Filters) -> tuple[str, list[Any]]:
    """SQL conditions on ``d`` (the document) and ``e`` (the entry) for the archive filters."""
    conditions = ["d.status = %s"]
    params: list[Any] = [DocumentStatus.PUBLISHED.value]
    if filters.meeting is not None:
        conditions.append("d.meeting_id = %s")
        params.append(filters.meeting)
    if filters.kind is not None:
        conditions.append("d.kind = %s")
        params.append(filters.kind)
    if filters.language is not None:
        conditions.append("e.language = %s")
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


def ranked_sql(matches_sql: str) -> str:
    """The best entry of each matching document, best first, newer first on ties, with the total.

    ``matches_sql`` yields ``(entry_id, score)`` for every matching entry, lower score better. Of equally good
    entries of one document, the one in the preferred language (the reader's) is taken. Parameters: those of
    ``matches_sql``, the preferred language, those of the filters, then limit and offset.
    """
    entry = SearchEntry._meta.db_table
    document = Document._meta.db_table
    # MATERIALIZED: the engine's index finds the matches first; the planner must not start from the documents.
    return f"""
        WITH m AS MATERIALIZED ({matches_sql})
        SELECT document_id, entry_id, score, COUNT(*) OVER () AS total FROM (
            SELECT e.document_id, e.id AS entry_id, m.score, d.published_at,
                   ROW_NUMBER() OVER (
                       PARTITION BY e.document_id ORDER BY m.score, CASE WHEN e.language = %s THEN 0 ELSE 1 END, e.id
                   ) AS best
            FROM m
            JOIN {entry} e ON e.id = m.entry_id
            JOIN {document} d ON d.id = e.document_id
            WHERE {{filters}}
        ) AS ranked
        WHERE best = 1
        ORDER BY score, published_at DESC, document_id DESC
        LIMIT %s OFFSET %s
    """  # noqa: S608


def run_ranked(sql: str, params: list[Any], limit: int, offset: int) -> HitPage:
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        rows = cursor.fetchall()
        if rows:
            return HitPage(hits=[Hit(int(r[0]), int(r[1]), float(r[2])) for r in rows], total=int(rows[0][3]))
        if offset == 0:
            return HitPage(hits=[], total=0)
        cursor.execute(sql, [*params, 1, 0])
        first = cursor.fetchone()
        return HitPage(hits=[], total=int(first[3]) if first else 0)


class Engine(ABC):
    """A full-text engine over the search entries. Writes happen inside the caller's transaction."""

    name: str

    @abstractmethod
    def ensure_schema(self) -> None:
        """Create the engine's tables, indexes and triggers if they are missing."""

    @abstractmethod
    def write(self, rows: Sequence[IndexRow]) -> None:
        """Index rows for entries that were just created."""

    @abstractmethod
    def clear(self) -> None:
        """Remove everything from the index (the entries are removed by the caller)."""

    @abstractmethod
    def search(self, query: SearchQuery, filters: Filters, *, limit: int, offset: int, language: str = "en") -> HitPage:
        """One page of matching documents, each with its best-matching entry."""

    @abstractmethod
    def size_bytes(self) -> int:
        """The space the index takes on disk (for the benchmark)."""
