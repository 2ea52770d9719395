"""The production engine: ``tsvector`` columns with GIN indexes on the search entries, ranked by ts_rank.

The vector is written as a literal built from the token streams (``cwgcop.search.text``), not by PostgreSQL's
own parser, so that PostgreSQL indexes exactly the tokens SQLite does, whatever the server's locale.

A second vector, ``pairs``, holds every two neighbouring tokens of a field as one lexeme (``age_verification``):
a GIN index cannot check positions, so a phrase of common words would otherwise be checked against the vector
of every entry that has both words. A two-token phrase (an English pair, a three-character Chinese word) is
found by its pair alone; a longer one by its pairs first, then checked against the vector.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from cwgcop.core.languages import LANGUAGE_ORDER
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


GIN_INDEXES = {"vector": "search_entry_vector_gin", "pairs": "search_entry_pairs_gin"}
PAIR = "_"  # joins two tokens into a pair lexeme; no token contains it


def schema_sql() -> list[str]:
    entry = SearchEntry._meta.db_table
    columns = [f"ALTER TABLE {entry} ADD COLUMN IF NOT EXISTS {column} tsvector" for column in GIN_INDEXES]
    # Ranking reads each candidate's vector: stored out of line but uncompressed, it is read about three times
    # faster (pglz decompression was most of ts_rank's cost) for some 7 % more space.
    storage = f"ALTER TABLE {entry} ALTER COLUMN vector SET STORAGE EXTERNAL"
    return [*columns, storage, *index_sql()]


def index_sql() -> list[str]:
    entry = SearchEntry._meta.db_table
    return [
        f"CREATE INDEX IF NOT EXISTS {name} ON {entry} USING gin ({column})" for column, name in GIN_INDEXES.items()
    ]


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


def pairs_literal(row: IndexRow) -> str:
    """``'age_verification' 'verification_keeps' …``: the neighbouring tokens of each field, without positions."""
    pairs: set[str] = set()
    room = MAX_POSITION  # the tokens the vector holds, so that both find the same phrases
    for text in (row.title, row.meta, row.body):
        tokens = text.split()[:room]
        room -= len(tokens) + FIELD_GAP
        pairs.update(f"{first}{PAIR}{second}" for first, second in itertools.pairwise(tokens))
        if room <= 0:
            break
    return " ".join(f"'{_quote(pair)}'" for pair in sorted(pairs))


@dataclass(frozen=True)
class Match:
    """What an entry must match, as tsquery literals (each may be empty).

    ``vector`` and ``pairs`` are lexemes only, which the GIN indexes answer exactly (no vector is read): the
    words, prefixes and facets, each phrase's pairs, and the lexemes of a phrase the pairs cannot decide.
    ``phrases`` are those phrases (three tokens or more, or ending in a prefix), checked on the vectors of the
    newest candidates only. A two-token phrase is decided by its pair alone.
    """

    vector: str
    pairs: str
    phrases: str


def match_literals(query: SearchQuery, filters: Filters) -> Match:
    vector: list[str] = []
    pairs: list[str] = []
    phrases: list[str] = []
    for forms in query.alternatives(filters.language):
        # The forms of one phrase (its stems in the languages searched) have the same shape: the same number of
        # tokens, the same prefix. Each part is any of the forms' parts.
        parts = [_match_parts(form) for form in forms]
        for found, index in ((vector, 0), (pairs, 1), (phrases, 2)):
            texts = list(dict.fromkeys(part[index] for part in parts if part[index]))
            if texts:
                found.append(texts[0] if len(texts) == 1 else "(" + " | ".join(map(_grouped, texts)) + ")")
    vector.extend(f"'{_quote(token)}'" for token in filters.facets())
    return Match(" & ".join(vector), " & ".join(pairs), " & ".join(phrases))


def _grouped(literal: str) -> str:
    return f"({literal})" if " & " in literal else literal


def _match_parts(phrase: Phrase) -> tuple[str, str, str]:
    """(vector, pairs, phrase) literals of one phrase: see ``Match``."""
    vector: list[str] = []
    whole = phrase.tokens[:-1] if phrase.prefix else phrase.tokens
    pairs = [f"'{_quote(a + PAIR + b)}'" for a, b in itertools.pairwise(whole)]
    checked = ""
    if len(phrase.tokens) == 1:
        vector.append(_phrase(phrase))
    elif phrase.prefix or len(phrase.tokens) > 2:
        # Its pairs imply its whole tokens: the vector needs only what they leave out (a prefix, or the whole
        # tokens when there is no pair). With the whole tokens in the vector too, the planner used the vector
        # index alone and read the pairs of every entry holding the tokens (5,000 for 1,000 matches).
        if len(whole) > 1:
            vector.extend([f"('{_quote(phrase.tokens[-1])}':*)"] if phrase.prefix else [])
        else:
            vector.append(_phrase(phrase).replace(" <-> ", " & "))
        checked = _phrase(phrase)
    return " & ".join(vector), " & ".join(pairs), checked


def query_literal(query: SearchQuery, filters: Filters | None = None, *, language: str | None = None) -> str:
    """``('age' & 'verif':*) & ('cwg' <-> 'cop' <-> '21' <-> '5')``: phrases joined by AND (each any of its forms
    in the languages searched: all, or ``language`` or the filters' language), and the filters' facets
    (``& 'meeting=21'``) when ``filters`` are given."""
    language = filters.language if filters is not None and language is None else language
    parts = [
        _phrase(forms[0]) if len(forms) == 1 else "(" + " | ".join(_phrase(form) for form in forms) + ")"
        for forms in query.alternatives(language)
    ]
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
                "SELECT count(*) FROM information_schema.columns WHERE table_name = %s AND column_name = ANY(%s)",
                [SearchEntry._meta.db_table, list(GIN_INDEXES)],
            )
            row = cursor.fetchone()
            if row and int(row[0]) == len(GIN_INDEXES):
                return
            for statement in schema_sql():
                cursor.execute(statement)

    def write(self, rows: Sequence[IndexRow]) -> None:
        entry = SearchEntry._meta.db_table
        with connection.cursor() as cursor:
            # One statement per batch: the vectors travel as arrays.
            cursor.execute(
                f"UPDATE {entry} AS e SET vector = v.vector::tsvector, pairs = v.pairs::tsvector "  # noqa: S608
                "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, vector, pairs) WHERE e.id = v.id",
                [
                    [row.entry_id for row in rows],
                    [vector_literal(row) for row in rows],
                    [pairs_literal(row) for row in rows],
                ],
            )

    def clear(self) -> None:
        """Nothing to do: the vectors live on the entries, which the caller deletes."""

    def begin_rebuild(self) -> None:
        # Building the GIN indexes once over all rows is many times faster than updating them row by row.
        with connection.cursor() as cursor:
            for name in GIN_INDEXES.values():
                cursor.execute(f"DROP INDEX IF EXISTS {name}")

    def finish_rebuild(self) -> None:
        with connection.cursor() as cursor:
            # The entries' deferred foreign-key checks must run before a table of the transaction is indexed.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # A GIN index is built several times faster when its pending entries fit in memory (default 64 MB).
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for statement in index_sql():
                cursor.execute(statement)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")

    def search(self, query: SearchQuery, filters: Filters, *, limit: int, offset: int, language: str = "en") -> HitPage:
        """Ranks the ``candidates`` newest matches (by entry id, the order of indexing): the GIN indexes find the
        matches, filters included (facets), and only the newest candidates' vectors are read, to check a long
        phrase and to rank. One statement: it reads one candidate more, whose presence says that the total is a
        lower bound (a phrase's total is exact when it matches at most ``candidates`` entries).

        A separate count of the matches (``LIMIT candidates + 1``) was planned as a scan of the table for a common
        word, checking each entry's vector (the planner does not cost reading it): most of a common word's time.
        """
        entry = SearchEntry._meta.db_table
        match = match_literals(query, filters)
        found = [(column, text) for column, text in (("vector", match.vector), ("pairs", match.pairs)) if text]
        where = " AND ".join(f"{column} @@ %s::tsquery" for column, _text in found)
        params = [text for _column, text in found]
        # "id + 0": sorted after the GIN indexes found every entry, never by walking the primary key backwards
        # through entries that do not match. "OFFSET 0" keeps the phrase check above the sort, so that it reads
        # the vectors of the newest entries only, until enough match; the vectors are TOAST pointers until then.
        check = "WHERE c.vector @@ %s::tsquery " if match.phrases else ""
        # Each entry is ranked with the query as its own language stems it: with every language's stems at once,
        # ts_rank counts the forms an entry cannot hold against it.
        rankings = [(code, query_literal(query.in_language(code))) for code in LANGUAGE_ORDER]
        by_language = " ".join("WHEN %s THEN %s::tsquery" for _ranking in rankings)
        matches = (
            f"SELECT c.id AS entry_id, -ts_rank(c.vector, CASE c.language {by_language} END) AS score, "  # noqa: S608
            "c.document_id, c.language FROM ("
            f"SELECT id, document_id, language, vector FROM {entry} WHERE {where} ORDER BY id + 0 DESC OFFSET 0"
            f") AS c {check}LIMIT %s"
        )
        ranked = [
            *[value for ranking in rankings for value in ranking],
            *params,
            *([match.phrases] if match.phrases else []),
            self.candidates + 1,
        ]
        return run_ranked(matches, ranked, filters, language, limit, offset, bound=self.candidates)

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size(%s::regclass)",
                [SearchEntry._meta.db_table],
            )
            row = cursor.fetchone()
        return int(row[0]) if row else 0
