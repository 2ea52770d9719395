"""The embedded engine: an SQLite FTS5 table over the token streams, ranked by BM25."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from cwgcop.search.engines.base import Engine, Filters, HitPage, IndexRow, filter_sql, ranked_sql, run_ranked
from cwgcop.search.models import SearchEntry
from cwgcop.search.query import SearchQuery
from cwgcop.search.text import Phrase

FTS_TABLE = "search_fts"
# BM25 weights of the columns: a match in the symbol or title counts most, then sources and meeting, then text.
WEIGHTS = (10.0, 4.0, 1.0)


def schema_sql() -> list[str]:
    entry = SearchEntry._meta.db_table
    weights = ", ".join(str(w) for w in WEIGHTS)
    # The text is already tokenised (cwgcop.search.text); unicode61 only splits it at the spaces.
    create = (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        "title, meta, body, tokenize = 'unicode61 remove_diacritics 0')"
    )
    rank = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', 'bm25({weights})')"  # noqa: S608
    trigger = (
        f"CREATE TRIGGER IF NOT EXISTS search_entry_fts_delete AFTER DELETE ON {entry} "  # noqa: S608
        f"BEGIN DELETE FROM {FTS_TABLE} WHERE rowid = old.id; END"
    )
    return [create, rank, trigger]


def match_expression(query: SearchQuery) -> str:
    """The FTS5 MATCH text: each phrase quoted (tokens hold only letters and digits), all required."""
    return " ".join(_phrase(phrase) for phrase in query.phrases)


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
                f"INSERT INTO {FTS_TABLE}(rowid, title, meta, body) VALUES (%s, %s, %s, %s)",  # noqa: S608
                [(row.entry_id, row.title, row.meta, row.body) for row in rows],
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608

    def search(self, query: SearchQuery, filters: Filters, *, limit: int, offset: int, language: str = "en") -> HitPage:
        where, params = filter_sql(filters)
        matches = f"SELECT rowid AS entry_id, rank AS score FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
        sql = ranked_sql(matches).replace("{filters}", where)
        return run_ranked(sql, [match_expression(query), language, *params], limit, offset)

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
