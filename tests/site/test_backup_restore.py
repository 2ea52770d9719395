"""``cwgcop backup`` and ``cwgcop restore``: a whole installation (rows and files) comes back identical, every
public API answer included, on the engine of the run (SQLite and PostgreSQL); a damaged backup or a target that
is not empty is refused and nothing is written."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client

from cwgcop.core.cache import forget_local_pages
from cwgcop.documents.models import Document, DocumentFile
from cwgcop.site.backup import BackupError, backup, restore
from tests.archive import Archive
from tests.conftest import stored_files
from tests.core.factories import draft
from tests.factories import member

pytestmark = pytest.mark.django_db(transaction=True)


def _public_answers(archive: Archive) -> dict[str, Any]:
    """Every public API answer of the archive: each list, each item it names, each file's bytes."""
    client = Client()
    schema = client.get("/api/v1/openapi.json").json()
    urls = [
        path
        for path, ops in schema["paths"].items()
        if "get" in ops and "{" not in path and "security" not in ops["get"]
    ]
    urls += [f"/api/v1/documents/{d.symbol}" for d in Document.objects.exclude(status="draft")]
    urls += ["/api/v1/meetings/CWG-COP/21", "/api/v1/meetings/CWG-COP/22", f"/api/v1/bodies/{archive.body.slug}"]
    urls += ["/api/v1/search?q=children", "/api/v1/outcomes/?body=CWG-COP&number=21"]
    answers: dict[str, Any] = {}
    for url in sorted(set(urls)):
        response = client.get(url)
        answers[url] = (response.status_code, response.json())
    for stored in DocumentFile.objects.filter(revision__published_at__isnull=False).select_related(
        "revision__document"
    ):
        response = client.get(stored.get_absolute_url())
        answers[stored.get_absolute_url()] = (response.status_code, response.getvalue())
    return answers


def _files(media_root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(media_root)): path.read_bytes() for path in stored_files(media_root)}


def _empty_installation(media_root: Path) -> None:
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(media_root)
    media_root.mkdir()
    cache.clear()
    forget_local_pages()


@pytest.fixture
def installation(archive: Archive) -> Archive:
    """The archive, a person's account and a draft with a file that is not public yet."""
    member("delegate")
    draft(meeting=archive.m22, symbol="CWG-COP-22/9", titles={"fr": "Projet non publié"}, languages=("fr",))
    return archive


def test_restore_gives_back_every_row_file_and_public_answer(
    installation: Archive, media_root: Path, tmp_path: Path
) -> None:
    answers = _public_answers(installation)
    files = _files(media_root)
    assert len(files) == 5
    assert answers["/api/v1/documents/"][1]["count"] == 3
    summary = backup(tmp_path / "backup")
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert sorted((row["key"], row["sha256"]) for row in manifest["files"]) == sorted(
        DocumentFile.objects.values_list("storage_key", "sha256")
    )
    assert summary.files == 5
    _empty_installation(media_root)
    assert Document.objects.count() == 0
    assert restore(tmp_path / "backup") == summary
    assert _files(media_root) == files
    assert _public_answers(installation) == answers
    assert Document.objects.get(symbol="CWG-COP-22/9").status == "draft"


def test_commands_report_what_they_did(installation: Archive, media_root: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    call_command("backup", str(tmp_path / "b"), stdout=out)
    rows = json.loads((tmp_path / "b" / "manifest.json").read_text())["data"]["rows"]
    assert out.getvalue() == f"{rows} rows, 5 files → {tmp_path / 'b'}\n"
    with pytest.raises(CommandError) as refused:
        call_command("backup", str(tmp_path / "b"))
    assert str(refused.value) == f"{tmp_path / 'b'} already exists; give a new path."
    with pytest.raises(CommandError) as not_empty:
        call_command("restore", str(tmp_path / "b"))
    assert str(not_empty.value) == (
        "A backup restores into an empty installation; this one holds users, bodies, meetings, documents."
    )


def test_damaged_backup_is_refused_and_nothing_is_written(
    installation: Archive, media_root: Path, tmp_path: Path
) -> None:
    backup(tmp_path / "backup")
    key = DocumentFile.objects.order_by("pk").first().storage_key  # type: ignore[union-attr]
    damaged = tmp_path / "backup" / "files" / key
    data = bytearray(damaged.read_bytes())
    data[60] ^= 0x01
    damaged.write_bytes(bytes(data))
    _empty_installation(media_root)
    with pytest.raises(BackupError) as refused:
        restore(tmp_path / "backup")
    assert str(refused.value) == f"files/{key} is missing or does not match its checksum in the manifest."
    assert (Document.objects.count(), _files(media_root)) == (0, {})


def test_backup_refuses_a_damaged_stored_file(installation: Archive, media_root: Path, tmp_path: Path) -> None:
    key = DocumentFile.objects.order_by("pk").first().storage_key  # type: ignore[union-attr]
    (media_root / key).write_bytes(b"not the published bytes")
    with pytest.raises(BackupError) as refused:
        backup(tmp_path / "backup")
    assert str(refused.value).startswith(f"{key} is missing or damaged (")
    assert not (tmp_path / "backup").exists()
