"""The production engine: a ``tsvector`` column with a GIN index on the search entries, ranked by ts_rank.

The vector is written as a literal built from the token streams (``cwgcop.search.text``), not by PostgreSQL's
own parser, so that PostgreSQL indexes exactly the tokens SQLite does, whatever the server's locale.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from cwgcop.search.engines.base import Engine, Filters, HitPage, IndexRow, filter_sql, ranked_sql, run_ranked
from cwgcop.search.models import SearchEntry
from cwgcop.search.query import SearchQuery
from cwgcop.search.text import Phrase

MAX_POSITION = 16383  # PostgreSQL keeps positions up to this number
MAX_POSITIONS_PER_TOKEN = 255
FIELD_GAP = 8  # positions left between fields, so a phrase never runs from the title into the text


def schema_sql() -> list[str]:
    entry = SearchEntry._meta.db_table
    return [
        f"ALTER TABLE {entry} ADD COLUMN IF NOT EXISTS vector tsvector",
        f"CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON {entry} USING gin (vector)",
    ]


def vector_literal(row: IndexRow) -> str:
    """``'token':1A,7A 'other':3D …``: every token with its positions and its field's weight."""
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
    return " ".join(f"'{_quote(token)}':{','.join(found)}" for token, found in positions.items())


def query_literal(query: SearchQuery) -> str:
    """``('age' & 'verif':*) & ('cwg' <-> 'cop' <-> '21' <-> '5')``: phrases joined by AND."""
    return " & ".join(_phrase(phrase) for phrase in query.phrases)


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
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {SearchEntry._meta.db_table} SET vector = NULL")  # noqa: S608

    def search(self, query: SearchQuery, filters: Filters, *, limit: int, offset: int, language: str = "en") -> HitPage:
        where, params = filter_sql(filters)
        entry = SearchEntry._meta.db_table
        matches = (
            f"SELECT x.id AS entry_id, -ts_rank(x.vector, q.query) AS score FROM {entry} x, "  # noqa: S608
            "(SELECT %s::tsquery AS query) AS q WHERE x.vector @@ q.query"
        )
        sql = ranked_sql(matches).replace("{filters}", where)
        return run_ranked(sql, [query_literal(query), language, *params], limit, offset)

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size(%s::regclass)",
                [SearchEntry._meta.db_table],
            )
            row = cursor.fetchone()
        return int(row[0]) if row else 0
