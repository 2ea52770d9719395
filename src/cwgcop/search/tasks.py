"""Background work of the search (Django's tasks API, the ``django-tasks`` backport on Django 5.2).

By default tasks run in-process as soon as they are enqueued (``ImmediateBackend``); with
``CWGCOP_TASKS_BACKEND=database`` they are stored and run by ``cwgcop db_worker``.
"""

from __future__ import annotations

from django_tasks import task

from cwgcop.documents.models import DocumentFile
from cwgcop.search.extraction import extract_file
from cwgcop.search.indexing import reindex_document


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
