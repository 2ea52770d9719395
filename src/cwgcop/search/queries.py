"""The reads of the search service beyond the engine's page of hits, with their joins decided here."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db import connection
from django.urls import reverse

from cwgcop.bodies.models import Body
from cwgcop.core import formatting
from cwgcop.documents.enums import DocumentStatus, kind_label
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.documents.models.document import revision_symbol
from cwgcop.meetings.models import Meeting
from cwgcop.search.models import SearchEntry


@dataclass(frozen=True)
class ResultMeeting:
    number: int
    acronym: str
    code: str  # ``CWG-COP-21``, as ``Meeting.code``

    @property
    def name(self) -> str:
        """``CWG-COP, meeting 21`` in the reader's language, as the ``meeting_name`` template tag."""
        return formatting.meeting_name(self.acronym, self.number)


@dataclass(frozen=True)
class ResultDocument:
    """What a search result shows of its document. Not a model instance: a page builds twenty of them, and a
    model with its meeting, body and prefetched revisions costs several times more to read and build."""

    id: int
    symbol: str
    current_symbol: str  # the symbol of the newest published revision, as ``Document.current_symbol``
    kind: str
    published_at: datetime.datetime | None
    meeting: ResultMeeting | None

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", kwargs={"symbol": self.symbol})

    def get_kind_display(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class ResultEntry:
    """The language version that matched: its title and the start of its file's text (for the snippet)."""

    document: ResultDocument
    language: str
    title: str
    text: str


def result_entries(ids: Sequence[int], *, characters: int) -> dict[int, ResultEntry]:
    """The matched entries of published documents, by id, with what a result shows, in one query.

    ``text`` is the first ``characters`` of the entry's file's extracted text ("" without a file). The SQL is
    written out rather than built by the ORM: compiling three querysets (documents, their revisions, entries)
    cost more than the engine's whole search for a short page.
    """
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_result_sql(len(ids)), [characters, *ids])
        rows = cursor.fetchall()
    convert = _published_at_converter()
    # The status is checked here, not in SQL: a condition on it there lets SQLite start from the documents'
    # status index (every published document) instead of the entries' primary keys.
    return {row[0]: _entry(row, convert) for row in rows if row[-1] == DocumentStatus.PUBLISHED}


@lru_cache(maxsize=128)
def _result_sql(count: int) -> str:
    entry, document, file = SearchEntry._meta.db_table, Document._meta.db_table, DocumentFile._meta.db_table
    revision, meeting, body = DocumentRevision._meta.db_table, Meeting._meta.db_table, Body._meta.db_table
    return f"""
        SELECT e.id, e.language, e.title, SUBSTR(f.extracted_text, 1, %s),
               d.id, d.symbol, d.kind, d.published_at, m.number, b.acronym, b.symbol_prefix,
               (SELECT MAX(r.number) FROM {revision} r WHERE r.document_id = d.id AND r.published_at IS NOT NULL),
               d.status
        FROM {entry} e
        JOIN {document} d ON d.id = e.document_id
        LEFT JOIN {file} f ON f.id = e.file_id
        LEFT JOIN {meeting} m ON m.id = d.meeting_id
        LEFT JOIN {body} b ON b.id = m.body_id
        WHERE e.id IN ({", ".join(["%s"] * count)})
    """  # noqa: S608 - table names from the models, values as parameters


def _published_at_converter() -> Any:
    """The backend's conversion of a raw ``published_at`` (SQLite returns text) into an aware datetime."""
    column, converters = _converters(connection.vendor)
    ops = connection.ops

    def convert(value: Any) -> datetime.datetime | None:
        for function, on_ops in converters:
            value = function(ops, value, column, connection) if on_ops else function(value, column, connection)
        return value  # type: ignore[no-any-return]

    return convert


@lru_cache(maxsize=8)
def _converters(vendor: str) -> tuple[Any, tuple[tuple[Any, bool], ...]]:
    """The column and its converters for a backend, looked up once (it cost as much as reading twenty results):
    each converter as a plain function, with whether it is a method of the connection's ``ops`` (each thread has
    its own connection), so that none is kept bound to the connection that looked it up."""
    column = Document._meta.get_field("published_at").get_col(Document._meta.db_table)
    ops = connection.ops
    converters = tuple(
        (function.__func__, True) if getattr(function, "__self__", None) is ops else (function, False)
        for function in ops.get_db_converters(column)
    )
    return column, converters


def _entry(row: tuple[Any, ...], convert: Any) -> ResultEntry:
    _entry_id, language, title, text, document_id, symbol, kind, published_at, number, acronym, prefix, rev, _ = row
    meeting = None if number is None else ResultMeeting(number, acronym, f"{prefix or acronym}-{number}")
    document = ResultDocument(
        id=document_id,
        symbol=symbol,
        current_symbol=symbol if rev is None else revision_symbol(symbol, rev),
        kind=kind,
        published_at=convert(published_at),
        meeting=meeting,
    )
    return ResultEntry(document=document, language=language, title=title, text=text or "")
