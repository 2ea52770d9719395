"""New documents go in by batches (``documents.services.PastDocuments``): the same records, audit entries and
refusals as through the services one by one, in a number of queries that does not grow with the rows."""

from __future__ import annotations

import hashlib
import json
from functools import partialmethod
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cwgcop.core.models import AuditEntry
from cwgcop.documents import services as documents
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.history import importer
from cwgcop.history.importer import Importer, import_archive
from tests.history.fixture import BODY, make_body, write_archive

pytestmark = pytest.mark.django_db


def small_archive(root: Path, documents: int, *, bad_kind: int | None = None) -> Path:
    """One meeting and ``documents`` documents with an English and a French text file each."""
    rows = []
    for i in range(1, documents + 1):
        files = []
        for language in ("en", "fr"):
            content = f"Document {i} in {language}".encode()
            (root / "files").mkdir(parents=True, exist_ok=True)
            (root / f"files/{i}-{language}.txt").write_bytes(content)
            files.append(
                {
                    "language": language,
                    "path": f"files/{i}-{language}.txt",
                    "name": f"{i}-{language}.txt",
                    "sha256": hashlib.sha256(content).hexdigest(),
                }
            )
        rows.append(
            {
                "symbol": f"WG-DL/1/{i}",
                "body": BODY,
                "meeting": 1,
                "kind": "memo" if i == bad_kind else "contribution",
                "titles": {"en": f"Report {i}"},
                "sources": [{"name": "Ministry of Learning", "country": "FR"}],
                "revisions": [{"number": 0, "published_at": "2011-03-01T08:30:00+00:00", "files": files}],
            }
        )
    meeting = {"body": BODY, "number": 1, "start_date": "2011-03-12", "end_date": "2011-03-12"}
    manifest = {"format": "cwgcop-archive", "version": 1, "bodies": [], "meetings": [meeting], "documents": rows}
    return write_archive(root, manifest)


@pytest.mark.parametrize(("documents", "queries"), [(1, 34), (3, 38)])
def test_the_queries_of_an_import_grow_only_by_each_rows_savepoint(
    tmp_path: Path, documents: int, queries: int
) -> None:
    """Two statements a row (its savepoint and its release); the writes of a batch are one insert per table."""
    make_body()
    archive = small_archive(tmp_path / "archive", documents)
    with CaptureQueriesContext(connection) as captured:
        report = import_archive(actor=None, path=archive, dry_run=False)
    assert report.count("create") == 1 + documents
    assert len(captured.captured_queries) == queries
    assert DocumentFile.objects.count() == 2 * documents


def test_a_refused_row_among_good_ones_is_reported_and_the_batch_holds_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH", 2)
    make_body()
    archive = small_archive(tmp_path / "archive", 5, bad_kind=3)
    report = import_archive(actor=None, path=archive, dry_run=True)
    assert [(row.key, row.action, row.reason) for row in report.rows] == [
        ("CWG-DL-1", "create", ""),
        ("WG-DL/1/1", "create", ""),
        ("WG-DL/1/2", "create", ""),
        ("WG-DL/1/3", "refused", "Unknown document kind."),
        ("WG-DL/1/4", "create", ""),
        ("WG-DL/1/5", "create", ""),
    ]
    # All or nothing (docs/history.md): the import itself writes none of them while a row is refused.
    report = import_archive(actor=None, path=archive, dry_run=False)
    assert (report.applied, report.count("refused"), Document.objects.count()) == (False, 1, 0)


def test_a_batch_the_database_refuses_goes_in_row_by_row_so_the_row_at_fault_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another writer took a symbol after the import read them: the batch's insert fails, and each of its rows goes
    in again through the services, which find the other writer's draft and refuse that row only."""
    make_body()
    archive = small_archive(tmp_path / "archive", 3)
    documents.create_document(
        actor=None, body=make_body(), kind="contribution", titles={"en": "A draft"}, symbol="WG-DL/1/2"
    )
    monkeypatch.setattr(documents.PastDocuments, "taken", lambda self, symbol: None)
    report = import_archive(actor=None, path=archive, dry_run=True)
    assert [(row.key, row.action) for row in report.rows] == [
        ("CWG-DL-1", "create"),
        ("WG-DL/1/1", "create"),
        ("WG-DL/1/2", "refused"),
        ("WG-DL/1/3", "create"),
    ]
    assert report.rows[2].reason == ("WG-DL/1/2 is already in the archive with another body, meeting, kind or status.")
    assert Document.objects.count() == 1


VOLATILE = {"id", "document_id", "revision_id", "created_at", "updated_at", "uploaded_at"}


def audit_trail() -> list[tuple[Any, ...]]:
    """The documents' audit entries without their ids and times, in a stable order."""
    entries = AuditEntry.objects.filter(action__startswith="document.").order_by("pk")
    return sorted(
        (
            e.action,
            e.object_type,
            e.object_repr,
            json.dumps({k: v for k, v in e.before.items() if k not in VOLATILE}, sort_keys=True),
            json.dumps({k: v for k, v in e.after.items() if k not in VOLATILE}, sort_keys=True),
        )
        for e in entries
    )


def test_the_batch_writes_what_the_services_write_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_body()
    archive = write_archive(tmp_path / "archive")  # the decade: a revised document, a PDF, three languages

    def records() -> list[tuple[Any, ...]]:
        return sorted(
            (r.document.symbol, r.number, r.note, r.published_at, f.language, f.original_name, f.sha256, f.media_type)
            for r in DocumentRevision.objects.select_related("document")
            for f in r.files.all()
        )

    import_archive(actor=None, path=archive, dry_run=False)
    batched_trail, batched_records = audit_trail(), records()
    documents_state = sorted(Document.objects.values_list("symbol", "status", "published_at", "title_en", "kind"))
    assert len(batched_trail) == 21 + 42 + 21 + 2  # created, a file added, published; Rev.1 started and published
    Document.objects.all().delete()
    AuditEntry.objects.filter(action__startswith="document.").delete()

    monkeypatch.setattr(Importer, "document", partialmethod(Importer.document, batch=False))
    import_archive(actor=None, path=archive, dry_run=False)
    assert audit_trail() == batched_trail
    assert records() == batched_records
    assert sorted(Document.objects.values_list("symbol", "status", "published_at", "title_en", "kind")) == (
        documents_state
    )
