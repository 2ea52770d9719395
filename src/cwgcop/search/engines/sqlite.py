"""The embedded engine: an SQLite FTS5 table over the token streams, ranked by BM25."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from cwgcop.search.engines.base import (
    Engine,
    Filters,
    HitPage,
    IndexRow,
    run_ranked,
)
from cwgcop.search.models import SearchEntry
from cwgcop.search.query import SearchQuery
from cwgcop.search.text import Phrase

FTS_TABLE = "search_fts"
# BM25 weights of the columns: a match in the symbol or title counts most, then sources and meeting, then text;
# the facets (filter values) never count.
WEIGHTS = (10.0, 4.0, 1.0, 0.0)


def schema_sql() -> list[str]:
    entry = SearchEntry._meta.db_table
    weights = ", ".join(str(w) for w in WEIGHTS)
    # The text is already tokenised (cwgcop.search.text); unicode61 only splits it at the spaces. "=" belongs to
    # the facet tokens (meeting=21), which no text token contains.
    create = (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "title, meta, body, facets, tokenize = \"unicode61 remove_diacritics 0 tokenchars '='\")"
    )
    rank = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', 'bm25({weights})')"  # noqa: S608
    trigger = (
        f"CREATE TRIGGER IF NOT EXISTS search_entry_fts_delete AFTER DELETE ON {entry} "  # noqa: S608
        f"BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END"
    )
    return [create, rank, trigger]


def match_expression(query: SearchQuery, filters: Filters | None = None) -> str:
    """The FTS5 MATCH text: each phrase quoted (tokens hold only letters and digits), all required, any of its
    forms in the languages searched (``("helplin" OR "helplines")``), and the filters' facets required in the
    facets column."""
    language = filters.language if filters is not None else None
    parts = [_alternatives(forms) for forms in query.alternatives(language)]
    parts.extend(f'facets : "{token}"' for token in (filters.facets() if filters is not None else []))
    # FTS5 reads phrases side by side as AND, but not a parenthesised group: AND is written out.
    return " AND ".join(parts)


def _alternatives(forms: tuple[Phrase, ...]) -> str:
    if len(forms) == 1:
        return _phrase(forms[0])
    return "(" + " OR ".join(_phrase(form) for form in forms) + ")"


def _phrase(phrase: Phrase) -> str:
    return '"' + " ".join(phrase.tokens) + '"' + ("*" if phrase.prefix else "")


class SQLiteFTS5Engine(Engine):
    name = "sqlite-fts5"

    def ensure_schema(self) -> None:
        with connection.cursor() as cursor:
            for statement in schema_sql():
                cursor.execute(statement)

    def write(self, rows: Sequence[IndexRow]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE}(rowid, title, meta, body, facets) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
                [(row.entry_id, row.title, row.meta, row.body, row.facets) for row in rows],
            )

    def clear(self) -> None:
        # Dropping the table is much faster than deleting its rows one by one.
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        self.ensure_schema()

    def finish_rebuild(self) -> None:
        # One b-tree per term instead of the segments of every batch: fewer pages to read per query.
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608

    def search(self, query: SearchQuery, filters: Filters, *, limit: int, offset: int, language: str = "en") -> HitPage:
        """Ranks the matches newer than the ``candidates``-th newest (by entry id, the order of indexing): the
        facets in the expression apply the filters inside the index, so only those candidates are scored and
        joined to their documents."""
        expression = match_expression(query, filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s",  # noqa: S608
                [expression, self.candidates],
            )
            beyond = cursor.fetchone()
        floor = int(beyond[0]) if beyond else 0
        entry = SearchEntry._meta.db_table
        matches = (
            f"SELECT f.rowid AS entry_id, f.rank AS score, e.document_id, e.language "  # noqa: S608
            f"FROM {FTS_TABLE} f JOIN {entry} e ON e.id = f.rowid WHERE {FTS_TABLE} MATCH %s AND f.rowid > %s"
        )
        return run_ranked(matches, [expression, floor], filters, language, limit, offset, exact=beyond is None)

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE %s OR name = %s",
                    [f"{FTS_TABLE}_%", SearchEntry._meta.db_table],
                )
            except Exception:
                return 0
            row = cursor.fetchone()
        return int(row[0] or 0) if row else 0
