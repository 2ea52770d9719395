"""Keeping the index equal to the archive: what is indexed for a document, and (re)building it.

Only published documents are indexed, with the files of their current revision: a withdrawn document, a
draft or a deleted one has no entry, and a new revision's text replaces the old one's.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.search import spelling
from cwgcop.search.engines import Engine, IndexRow, get_engine
from cwgcop.search.engines.base import facet
from cwgcop.search.models import SearchEntry
from cwgcop.search.text import index_text

logger = logging.getLogger(__name__)


def _documents(ids: Iterable[int] | None = None) -> Iterable[Document]:
    queryset = (
        Document.objects.filter(status=DocumentStatus.PUBLISHED)
        .select_related("meeting", "meeting__body", "body")
        .prefetch_related(
            "sources",
            "body__former_names",
            Prefetch(
                "revisions",
                queryset=DocumentRevision.objects.filter(published_at__isnull=False).prefetch_related(
                    Prefetch("files", queryset=DocumentFile.objects.all())
                ),
            ),
        )
        # Entry ids then follow publication: the engines rank the most recently indexed matches first.
        .order_by("published_at", "pk")
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset.iterator(chunk_size=500)


def _meta_text(document: Document) -> str:
    parts = [document.body.acronym]
    # The acronym the body bore when the document was published, so a search finds it under either name.
    if document.published_at is not None:
        day = timezone.localdate(document.published_at)
        parts.extend(n.acronym for n in document.body.former_names.all() if n.valid_from <= day <= n.valid_until)
    if document.meeting is not None:
        parts.append(document.meeting.code)
    parts.extend(source.name for source in document.sources.all())
    return " ".join(parts)


def _facets(document: Document) -> list[str]:
    """The filter values every entry of the document carries (``Filters.facets`` asks for them)."""
    found = [facet("kind", document.kind)]
    if document.meeting_id is not None:
        found.append(facet("meeting", document.meeting_id))
    if document.published_at is not None:
        found.append(facet("year", timezone.localtime(document.published_at).year))
    found.extend(facet("source", source.pk) for source in document.sources.all())
    return found


def entries_for(document: Document) -> list[tuple[SearchEntry, IndexRow]]:
    """The entries of a published document: one per language with a title or a file in its current revision."""
    revision = document.current_revision
    files = {f.language: f for f in revision.files.all()} if revision else {}
    fallback = document.display_title
    meta_text = _meta_text(document)
    facets = _facets(document)
    built: list[tuple[SearchEntry, IndexRow]] = []
    for code in LANGUAGE_ORDER:
        own_title = getattr(document, f"title_{field_suffix(code)}", "") or ""
        stored = files.get(code)
        if not own_title and stored is None:
            continue
        title = own_title or fallback
        entry = SearchEntry(document=document, language=code, file=stored, title=title[:500])
        row = IndexRow(
            entry_id=0,
            title=index_text(f"{document.current_symbol} {title}", code),
            meta=index_text(meta_text, code),
            body=index_text(stored.extracted_text, code) if stored is not None else "",
            facets=" ".join([*facets, facet("language", code)]),
        )
        built.append((entry, row))
    return built


def _write(engine: Engine, built: list[tuple[SearchEntry, IndexRow]], vocabulary: spelling.Vocabulary) -> int:
    entries = SearchEntry.objects.bulk_create([entry for entry, _row in built])
    for entry in entries:
        vocabulary.add(_words(entry, entry.document))
    rows = [
        IndexRow(entry_id=entry.pk, title=row.title, meta=row.meta, body=row.body, facets=row.facets)
        for entry, (_entry, row) in zip(entries, built, strict=True)
    ]
    engine.write(rows)
    return len(rows)


def _words(entry: SearchEntry, document: Document) -> dict[str, str]:
    """The spelling vocabulary's words of an entry (``cwgcop.search.spelling``)."""
    text = entry.file.extracted_text if entry.file is not None else ""
    return spelling.words_of(_meta_text(document), entry.title, text)


@transaction.atomic
def reindex_document(document_id: int) -> int:
    """Replace the document's entries by what it holds now (none unless it is published). Returns the count."""
    engine = get_engine()
    vocabulary = spelling.Vocabulary()
    SearchEntry.objects.filter(document_id=document_id).delete()
    count = 0
    for document in _documents([document_id]):
        count = _write(engine, entries_for(document), vocabulary)
    vocabulary.merge()
    bump_archive_generation()
    return count


@transaction.atomic
def rebuild_index() -> tuple[int, int]:
    """Empty the index and index every published document again, with the spelling vocabulary. Returns
    (documents, entries)."""
    engine = get_engine()
    engine.ensure_schema()
    engine.clear()
    SearchEntry.objects.all().delete()
    engine.begin_rebuild()
    documents = entries = 0
    batch: list[tuple[SearchEntry, IndexRow]] = []
    vocabulary = spelling.Vocabulary()
    for document in _documents():
        documents += 1
        batch.extend(entries_for(document))
        if len(batch) >= 500:
            entries += _write(engine, batch, vocabulary)
            batch = []
    if batch:
        entries += _write(engine, batch, vocabulary)
    engine.finish_rebuild()
    vocabulary.replace()
    bump_archive_generation()
    return documents, entries


@transaction.atomic
def rebuild_vocabulary() -> int:
    """Count the words of every indexed language version again, leaving the index alone (``rebuild_index`` does
    this as it indexes; this serves an index built before there was a vocabulary). Returns the number of words."""
    vocabulary = spelling.Vocabulary()
    entries = SearchEntry.objects.select_related("file", "document__body", "document__meeting__body").prefetch_related(
        "document__sources", "document__body__former_names"
    )
    for entry in entries.iterator(chunk_size=500):
        vocabulary.add(_words(entry, entry.document))
    vocabulary.replace()
    bump_archive_generation()
    return len(vocabulary.entries)
