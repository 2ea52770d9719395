"""Documents for the search tests, published through the archive's services with their side effects run."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.db import connection, transaction
from django.test import TestCase

from cwgcop.bodies.models import Body, Organization
from cwgcop.documents import services as document_services
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Meeting
from tests.factories import BodyFactory, draft_document

_UNTITLED = {"en": "Untitled contribution"}


def engine_statements() -> int:
    """The statements the engine runs for a page of results: SQLite reads the bound on its candidates, then ranks
    them; PostgreSQL finds the bound in the statement that ranks."""
    return {"sqlite": 2, "postgresql": 1}[connection.vendor]


def text_file(text: str) -> tuple[str, bytes]:
    return "text.txt", text.encode("utf-8")


def indexed_document(
    *,
    texts: dict[str, str],
    titles: dict[str, str] | None = None,
    body: Body | None = None,
    meeting: Meeting | None = None,
    symbol: str | None = None,
    kind: str = "contribution",
    sources: tuple[Organization, ...] = (),
    published_at: datetime.datetime | None = None,
    files: dict[str, tuple[str, bytes]] | None = None,
) -> Document:
    """A published document with one plain-text file per language of ``texts``, indexed and extracted."""
    body = body or (meeting.body if meeting else BodyFactory(acronym="CWG-COP"))
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = draft_document(
            body=body, meeting=meeting, kind=kind, symbol=symbol, titles=titles or _UNTITLED, sources=sources
        )
        uploads = {language: (f"{language}.txt", text.encode("utf-8")) for language, text in texts.items()}
        uploads.update(files or {})
        for language, (name, content) in uploads.items():
            document_services.add_file(
                actor=None,
                document=document,
                language=language,
                name=name,
                size=len(content),
                stream=io.BytesIO(content),
            )
        if published_at is not None:
            Document.objects.filter(pk=document.pk).update(published_at=published_at)
        document_services.publish_document(actor=None, document=document)
    return Document.objects.get(pk=document.pk)


def run_on_commit(function: Any, **kwargs: Any) -> Any:
    """Call a service and run its on-commit side effects (as a request would once it commits)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = function(**kwargs)
    transaction.get_connection()
    return result
