"""What search does when a document changes what the public can find (the archive's ``document_changed`` signal).

``document_changed`` is connected to :data:`cwgcop.documents.signals.document_changed` when the app is ready; its
work runs after the transaction commits: it brings the document's index entries up to date at
once (titles, symbol, sources, and any text already extracted; a withdrawn document disappears) and enqueues
the extraction of the text of new files, which reindexes the document again when done. A failure here is
logged and never undoes or blocks the change to the archive; ``cwgcop rebuild_search_index`` repairs the index.
"""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)


def document_changed(document_id: int, **kwargs: object) -> None:
    transaction.on_commit(partial(_refresh, document_id), robust=True)


def _refresh(document_id: int) -> None:
    from cwgcop.documents.models import DocumentFile
    from cwgcop.search.indexing import reindex_document
    from cwgcop.search.tasks import extract_document_text

    reindex_document(document_id)
    unread = DocumentFile.objects.filter(
        revision__document_id=document_id, revision__published_at__isnull=False, extraction__isnull=True
    )
    if unread.exists():
        extract_document_text.enqueue(document_id)


def documents_changed(document_ids: list[int], **kwargs: object) -> None:
    """Many documents changed at once (a bulk import): after the commit, one background task reads their new
    files and reindexes each once, instead of a reindex and a task per document in the request."""
    transaction.on_commit(partial(_enqueue_refresh, document_ids), robust=True)


def _enqueue_refresh(document_ids: list[int]) -> None:
    from cwgcop.search.tasks import refresh_documents

    refresh_documents.enqueue(document_ids)
