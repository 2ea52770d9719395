"""What a list of documents shows of each one, built from plain values and written out as HTML.

The archive, the home page and the body and meeting pages list documents by the row. A row needs a handful of
columns of the document and the languages of its current revision; building three model instances per
document (document, revision, files) and formatting them in the template cost more than the rest of the
archive page together (docs/benchmarks.md). A row is made once in Python; ``{% document_rows rows %}``
writes the list with :func:`rows_html`, since printing some fourteen values a row through the template
language cost a tenth of the archive page (1.3 ms for 25 rows, against 0.1 ms).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from cwgcop.core.formatting import long_date
from cwgcop.core.languages import (
    LANGUAGE_ORDER,
    LANGUAGE_SHORT,
    native_name,
    translated_fields,
    translated_with_language,
)
from cwgcop.documents.enums import kind_label
from cwgcop.documents.models.document import Document, revision_symbol


@dataclass(frozen=True, slots=True)
class LanguageVersion:
    """A language a document can be read in: ``code`` (``zh-hans``), its own ``name`` (``中文``), ``short`` (C)."""

    code: str
    name: str
    short: str


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    symbol: str  # the document's symbol, ``CWG-COP-21/5``
    current_symbol: str  # its current revision's, ``CWG-COP-21/5(Rev.1)``
    url: str
    kind: str
    kind_label: str
    title: str  # in the reader's language, else the original's, else any ("" when it has none)
    title_language: str
    published_at: datetime.datetime | None
    published_iso: str  # the local date-time, as the template's ``date:'c'`` wrote it
    published_label: str  # ``12 February 2025`` in the reader's language
    languages: tuple[LanguageVersion, ...]  # of the current revision, in the ITU's order


# The characters of ``documents:detail``'s pattern, none of which reverse() quotes.
_PLAIN_SYMBOL = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/()]*")
ROW_FIELDS = ("id", "symbol", "kind", "original_language", "published_at", *translated_fields("title"))
VERSIONS = {code: LanguageVersion(code, native_name(code), LANGUAGE_SHORT[code]) for code in LANGUAGE_ORDER}


def document_row(values: Mapping[str, Any], revision: int, languages: Iterable[str], *, archive: str) -> DocumentRow:
    """The row of a document from its ``values`` (``ROW_FIELDS``), the number of its current revision
    and the languages of that revision's files; ``archive`` is the archive's URL (see :func:`document_url`)."""
    title, title_language = translated_with_language(values, "title", fallback=values["original_language"])
    published = timezone.localtime(values["published_at"]) if values["published_at"] else None
    present = set(languages)
    return DocumentRow(
        id=values["id"],
        symbol=values["symbol"],
        current_symbol=revision_symbol(values["symbol"], revision),
        url=document_url(values["symbol"], archive=archive),
        kind=values["kind"],
        kind_label=kind_label(values["kind"]),
        title=title,
        title_language=title_language,
        published_at=published,
        published_iso=published.isoformat() if published else "",
        published_label=long_date(published.date()) if published else "",
        languages=tuple(VERSIONS[code] for code in LANGUAGE_ORDER if code in present),
    )


def rows_html(rows: Iterable[DocumentRow]) -> SafeString:
    """The list of ``rows``: ``<ul class="plain documents">`` with an ``<li class="document-row">`` each (symbol
    linked to the document, title marked with its language, kind and date, the languages to read it in).
    Every value is escaped."""
    return mark_safe(f'<ul class="plain documents">{"".join(_row_html(row) for row in rows)}</ul>')  # noqa: S308


def _row_html(row: DocumentRow) -> str:
    title = f'<span lang="{escape(row.title_language)}" dir="auto">{escape(row.title)}</span>' if row.title else ""
    date = (
        f' · <time datetime="{escape(row.published_iso)}">{escape(row.published_label)}</time>'
        if row.published_at
        else ""
    )
    languages = "".join(
        f'<abbr lang="{escape(v.code)}" title="{escape(v.name)}">{escape(v.short)}</abbr>' for v in row.languages
    )
    return (
        '<li class="document-row">\n'
        f'  <a class="symbol" href="{escape(row.url)}" dir="ltr" translate="no">{escape(row.current_symbol)}</a>\n'
        f'  <span class="title">{title}</span>\n'
        f'  <span class="meta">{escape(row.kind_label)}{date}</span>\n'
        f'  <span class="languages-available">{languages}</span>\n'
        "</li>"
    )


def document_url(symbol: str, *, archive: str) -> str:
    """``reverse("documents:detail", kwargs={"symbol": symbol})``, without resolving the pattern for every row.

    A symbol made only of the characters the URL pattern allows needs no quoting, so its URL is the archive's
    (``archive``, ``reverse("documents:archive")``, resolved once per list) followed by the symbol; any other
    symbol goes through ``reverse`` (which refuses what the pattern does not match, as before).
    """
    if _PLAIN_SYMBOL.fullmatch(symbol):
        return f"{archive}{symbol}/"
    return reverse("documents:detail", kwargs={"symbol": symbol})


def rows_of(documents: Iterable[Document]) -> list[DocumentRow]:
    """The rows of documents already loaded with their revisions and files (``queries.document_rows`` reads
    only what a row needs, where a page has no other use for the documents)."""
    rows, archive = [], reverse("documents:archive")
    for document in documents:
        revision = document.current_revision
        values = {field: getattr(document, field) for field in ROW_FIELDS}
        languages = revision.languages() if revision else []
        rows.append(document_row(values, revision.number if revision else 0, languages, archive=archive))
    return rows
