"""The production engine: a ``tsvector`` column with a GIN index on the search entries, ranked by ts_rank.

The vector is written as a literal built from the token streams (``cwgcop.search.text``), not by PostgreSQL's
own parser, so that PostgreSQL indexes exactly the tokens SQLite does, whatever the server's locale.
"""

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

MAX_POSITION = 16383  # PostgreSQL keeps positions up to this number
MAX_POSITIONS_PER_TOKEN = 255
FIELD_GAP = 8  # positions left between fields, so a phrase never runs from the title into the text


GIN_INDEX = "search_entry_vector_gin"


def schema_sql() -> list[str]:
    entry = SearchEntry._meta.db_table
    return [f"ALTER TABLE {entry} ADD COLUMN IF NOT EXISTS vector tsvector", index_sql()]


def index_sql() -> str:
    return f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON {SearchEntry._meta.db_table} USING gin (vector)"


def vector_literal(row: IndexRow) -> str:
    """``'token':1A,7A 'other':3D … 'meeting=21'``: every token with its positions and its field's weight, and
    the facets without positions (they are never part of the query that ranks)."""
    positions: dict[str, list[str]] = {}
    position = 1
    for text, weight in ((row.title, "A"), (row.meta, "B"), (row.body, "D")):
        for token in text.split():
            if position > MAX_POSITION:
                break
            seen = positions.setdefault(token, [])
            if len(seen) < MAX_POSITIONS_PER_TOKEN:
                seen.append(f"{position}{weight}")
            position += 1
        position += FIELD_GAP
    lexemes = [f"'{_quote(token)}':{','.join(found)}" for token, found in positions.items()]
    lexemes.extend(f"'{_quote(token)}'" for token in row.facets.split())
    return " ".join(lexemes)


def query_literal(query: SearchQuery, filters: Filters | None = None) -> str:
    """``('age' & 'verif':*) & ('cwg' <-> 'cop' <-> '21' <-> '5')``: phrases joined by AND, and the filters'
    facets (``& 'meeting=21'``) when ``filters`` are given."""
    parts = [_phrase(phrase) for phrase in query.phrases]
    if filters is not None:
        parts.extend(f"'{_quote(token)}'" for token in filters.facets())
    return " & ".join(parts)


def _phrase(phrase: Phrase) -> str:
    lexemes = [f"'{_quote(token)}'" for token in phrase.tokens]
    if phrase.prefix:
        lexemes[-1] += ":*"
    return "(" + " <-> ".join(lexemes) + ")"


def _quote(token: str) -> str:
    return token.replace("\\", "\\\\").replace("'", "''")


class PostgresEngine(Engine):
    name = "postgres"

    def ensure_schema(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = 'vector'",
                [SearchEntry._meta.db_table],
            )
            if cursor.fetchone():
                return
            for statement in schema_sql():
                cursor.execute(statement)

    def write(self, rows: Sequence[IndexRow]) -> None:
        entry = SearchEntry._meta.db_table
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {entry} SET vector = %s::tsvector WHERE id = %s",  # noqa: S608
                [(vector_literal(row), row.entry_id) for row in rows],
            )

    def clear(self) -> None:
        """Nothing to do: the vectors live on the entries, which the caller deletes."""

    def begin_rebuild(self) -> None:
        # Building the GIN index once over all rows is many times faster than updating it row by row.
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")

    def finish_rebuild(self) -> None:
        with connection.cursor() as cursor:
            # The entries' deferred foreign-key checks must run before a table of the transaction is indexed.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(index_sql())
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")

    def search(self, query: SearchQuery, filters: Filters, *, limit: int, offset: int, language: str = "en") -> HitPage:
        """Ranks the matches newer than the ``candidates``-th newest (by entry id, the order of indexing): the
        GIN index finds the matches, filters included (facets), and ``ts_rank`` reads only the candidates'
        vectors."""
        entry = SearchEntry._meta.db_table
        found = query_literal(query, filters)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM {entry} WHERE vector @@ %s::tsquery ORDER BY id DESC LIMIT 1 OFFSET %s",  # noqa: S608
                [found, self.candidates],
            )
            beyond = cursor.fetchone()
        floor = int(beyond[0]) if beyond else 0
        matches = (
            f"SELECT x.id AS entry_id, -ts_rank(x.vector, %s::tsquery) AS score FROM {entry} x "  # noqa: S608
            "WHERE x.vector @@ %s::tsquery AND x.id > %s"
        )
        ranked = [query_literal(query), found, floor]
        return run_ranked(matches, ranked, filters, language, limit, offset, exact=beyond is None)

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size(%s::regclass)",
                [SearchEntry._meta.db_table],
            )
            row = cursor.fetchone()
        return int(row[0]) if row else 0
