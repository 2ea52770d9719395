"""Export an instance, import into an empty one: the same public archive, file for file, figure for figure."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from cwgcop.bodies.models import BodyName, Organization
from cwgcop.core.languages import translated_fields
from cwgcop.documents import storage
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.history.importer import import_archive
from cwgcop.meetings.models import CarriedAction, Meeting
from tests.history.fixture import make_body, write_archive

pytestmark = pytest.mark.django_db


def public_archive() -> dict[str, Any]:
    """Everything the public sees of the archive, with each stored file's bytes hashed again."""
    documents = []
    for document in Document.objects.order_by("symbol").prefetch_related("sources", "revisions__files"):
        revisions = []
        for revision in document.published_revisions():
            files = []
            for stored in revision.ordered_files():
                with storage.open_blob(stored.storage_key) as blob:
                    actual = hashlib.sha256(blob.read()).hexdigest()
                files.append(
                    (stored.language, stored.original_name, stored.sha256, actual, stored.size, stored.media_type)
                )
            revisions.append((revision.number, revision.published_at, revision.note, files))
        documents.append(
            (
                document.symbol,
                document.kind,
                document.status,
                document.body.acronym,
                document.meeting.number if document.meeting else None,
                document.original_language,
                document.published_at,
                [getattr(document, name) for name in translated_fields("title")],
                sorted((o.name, str(o.country)) for o in document.sources.all()),
                revisions,
            )
        )
    meeting_fields = (
        "number",
        "start_date",
        "end_date",
        "format",
        "status",
        "participants_total",
        "participants_onsite",
        "participants_remote",
        *translated_fields("venue"),
    )
    meetings = list(Meeting.objects.order_by("body__acronym", "number").values_list("body__acronym", *meeting_fields))
    names = list(
        BodyName.objects.values_list(
            "body__acronym", "acronym", "valid_from", "valid_until", *translated_fields("name")
        )
    )
    return {"documents": documents, "meetings": meetings, "former_names": names}


def empty_the_instance(media_root: Path) -> None:
    DocumentFile.objects.all().delete()
    DocumentRevision.objects.all().delete()
    Document.objects.all().delete()
    CarriedAction.objects.all().delete()
    Meeting.objects.all().delete()
    BodyName.objects.all().delete()
    Organization.objects.all().delete()
    for path in media_root.rglob("*"):
        if path.is_file():
            path.unlink()


@pytest.mark.parametrize(
    ("manifest_format", "as_zip"), [("json", False), ("json", True), ("csv", False), ("csv", True)]
)
def test_export_then_import_into_an_empty_instance_gives_the_same_archive(
    tmp_path: Path, media_root: Path, manifest_format: str, as_zip: bool
) -> None:
    make_body()
    import_archive(actor=None, path=write_archive(tmp_path / "source"), dry_run=False)
    before = public_archive()
    assert len(before["documents"]) == 21
    exported = tmp_path / ("export.zip" if as_zip else "export")
    out = io.StringIO()
    call_command("export_archive", str(exported), f"--format={manifest_format}", stdout=out)
    assert out.getvalue() == f"10 meetings, 21 documents, 42 files → {exported}\n"
    first = {"json": ["manifest.json"], "csv": ["former_names.csv", "meetings.csv", "documents.csv", "sources.csv"]}
    if as_zip:
        assert zipfile.ZipFile(exported).namelist()[: len(first[manifest_format])] == first[manifest_format]
    else:
        assert sorted(p.name for p in exported.iterdir() if p.is_file()) == sorted(
            first[manifest_format] + (["files.csv"] if manifest_format == "csv" else [])
        )
    empty_the_instance(media_root)
    assert Document.objects.count() == 0
    report = import_archive(actor=None, path=exported, dry_run=False)
    assert report.refused == []
    assert public_archive() == before
    # And the export of the imported instance is the same archive again: nothing to change.
    assert {row.action for row in import_archive(actor=None, path=exported, dry_run=True).rows} == {"unchanged"}
