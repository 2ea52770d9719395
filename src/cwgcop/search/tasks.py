"""Background work of the search (Django's tasks API, the ``django-tasks`` backport on Django 5.2).

By default tasks run in-process as soon as they are enqueued (``ImmediateBackend``); with
``CWGCOP_TASKS_BACKEND=database`` they are stored and run by ``cwgcop db_worker``.
"""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from cwgcop.documents.models import DocumentFile
from cwgcop.search.extraction import extract_file
from cwgcop.search.indexing import reindex_document

BATCH = 200


@task()
def extract_document_text(document_id: int) -> int:
    """Extract the text of the document's published files that were not read yet, then reindex it.

    Returns the number of files read. Files never change once published, so each is read once.
    """
    pending = DocumentFile.objects.filter(
        revision__document_id=document_id,
        revision__published_at__isnull=False,
        extraction__isnull=True,
    ).order_by("pk")
    count = 0
    for stored in pending:
        extract_file(stored)
        count += 1
    if count:
        reindex_document(document_id)
    return count


@task()
def refresh_documents(document_ids: list[int]) -> int:
    """Extract the text of the published files not read yet of many documents, then reindex each of them once.
    Returns the number of files read."""
    pending = list(
        DocumentFile.objects.filter(
            revision__document_id__in=document_ids,
            revision__published_at__isnull=False,
            extraction__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(pending), BATCH):
        # One transaction per batch: a commit per file is most of the cost on SQLite.
        with transaction.atomic():
            for stored in DocumentFile.objects.filter(pk__in=pending[start : start + BATCH]).order_by("pk"):
                extract_file(stored)
    for start in range(0, len(document_ids), BATCH):
        with transaction.atomic():
            for document_id in document_ids[start : start + BATCH]:
                reindex_document(document_id)
    return len(pending)
