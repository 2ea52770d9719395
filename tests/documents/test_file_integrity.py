"""Nothing orphaned, nothing silently corrupt: failed, rolled-back, replaced and racing uploads leave no stray
file; ``cwgcop verify_files`` finds damaged, missing and orphaned files; a damaged file is never served."""

from __future__ import annotations

import io
import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client

from cwgcop.documents import services, storage
from cwgcop.documents.integrity import verify_files
from cwgcop.documents.models import Document, DocumentFile
from tests.conftest import stored_files
from tests.core.factories import cwg_cop, draft, meeting_21
from tests.documents.contribution_factories import open_meeting, submitted, version
from tests.factories import member, pdf_bytes, upload
from tests.processes import database_url

URL = "/files/CWG-COP-21/9/rev0/en/"


def _keys(media_root: Path) -> list[str]:
    return [str(path.relative_to(media_root)) for path in stored_files(media_root)]


def _key_of(language: str = "en") -> str:
    return DocumentFile.objects.get(language=language).storage_key


def _published() -> Document:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=("en",))
    services.publish_document(actor=None, document=created)
    return created


def _flip_a_byte(path: Path, offset: int = 100) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


# --- failed and rolled-back writes ------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_failed_second_file_leaves_no_file(media_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = open_meeting()
    original = DocumentFile.save
    calls: list[str] = []

    def second_fails(self: DocumentFile, *args: Any, **kwargs: Any) -> None:
        calls.append(self.language)
        if len(calls) == 2:
            raise IntegrityError("simulated failure of the second file")
        original(self, *args, **kwargs)

    monkeypatch.setattr(DocumentFile, "save", second_fails)
    with pytest.raises(IntegrityError):
        submitted(
            actor=member(),
            meeting=meeting,
            title="Age assurance",
            versions=[version("en", "first"), version("fr", "second")],
        )
    assert calls == ["en", "fr"]
    assert Document.objects.count() == 0
    assert _keys(media_root) == []


@pytest.mark.django_db(transaction=True)
def test_rolled_back_transaction_leaves_no_file_after_the_request(media_root: Path) -> None:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=())

    def upload_then_fail() -> None:
        with transaction.atomic():
            upload(created, "en", pdf_bytes("rolled back"))
            raise RuntimeError("the caller's transaction fails after the upload")

    with pytest.raises(RuntimeError):
        upload_then_fail()
    left = _keys(media_root)
    assert len(left) == 1
    assert storage.sweep() == left  # what the end of a request does
    assert _keys(media_root) == []


@pytest.mark.django_db(transaction=True)
def test_committed_file_survives_the_sweep(media_root: Path) -> None:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=())
    with transaction.atomic():
        upload(created, "en", pdf_bytes("kept"))
    assert storage.sweep() == []
    assert _keys(media_root) == [_key_of()]


KILLED_UPLOAD = """
import io, os, signal, sys
import django
django.setup()
from cwgcop.core import audit
from cwgcop.documents import services
from cwgcop.documents.models import Document
# The process dies after the bytes are stored and the row written, before the commit.
audit.record = lambda **kwargs: os.kill(os.getpid(), signal.SIGKILL)
data = open(sys.argv[2], "rb").read()
document = Document.objects.get(symbol=sys.argv[1])
services.add_file(actor=None, document=document, language="en", name="k.pdf", size=len(data), stream=io.BytesIO(data))
"""


@pytest.mark.django_db(transaction=True)
def test_killed_upload_leaves_an_orphan_that_verify_files_removes(media_root: Path, tmp_path: Path) -> None:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=())
    content = tmp_path / "upload.pdf"
    content.write_bytes(pdf_bytes("the server was restarted mid-upload"))
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("CWGCOP_")},
        "DJANGO_SETTINGS_MODULE": "cwgcop.settings_test",
        "DATABASE_URL": database_url(),
        "CWGCOP_MEDIA_ROOT": str(media_root),
        "CWGCOP_DATA_DIR": str(tmp_path / "data"),
    }
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_UPLOAD, created.symbol, str(content)], env=env, check=False, timeout=120
    )
    assert killed.returncode == -signal.SIGKILL
    assert DocumentFile.objects.count() == 0
    orphan = storage.key_for(storage.digest(io.BytesIO(content.read_bytes()))[0], ".pdf")
    assert _keys(media_root) == [orphan]
    assert _command("--delete-orphans", "--orphan-min-age", "0") == (
        f"REMOVED  {orphan}\n0 files checked, 0 missing or damaged, 1 orphans (1 removed)\n",
        None,
    )
    assert _keys(media_root) == []


# --- replaced draft files -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_replaced_draft_file_is_removed(media_root: Path, django_capture_on_commit_callbacks: Any) -> None:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=())
    with django_capture_on_commit_callbacks(execute=True):
        upload(created, "en", pdf_bytes("first text"))
    first = _key_of()
    with django_capture_on_commit_callbacks(execute=True):
        upload(created, "en", pdf_bytes("second text"))
    second = _key_of()
    assert first != second
    assert _keys(media_root) == [second]


@pytest.mark.django_db
def test_replaced_file_named_by_another_document_is_kept(
    media_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    shared = pdf_bytes("shared text")
    other = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/8", languages=())
    created = draft(meeting=other.meeting, symbol="CWG-COP-21/9", languages=())
    with django_capture_on_commit_callbacks(execute=True):
        upload(other, "en", shared)
        upload(created, "en", shared)
    key = DocumentFile.objects.get(revision__document=other).storage_key
    with django_capture_on_commit_callbacks(execute=True):
        upload(created, "en", pdf_bytes("new text"))
    assert sorted(_keys(media_root)) == sorted([key, DocumentFile.objects.get(revision__document=created).storage_key])


@pytest.mark.django_db
def test_reused_file_removed_meanwhile_is_written_again_on_commit(
    media_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=())
    content = pdf_bytes("reused text")
    with django_capture_on_commit_callbacks(execute=True):
        upload(created, "en", content)
    key = _key_of()
    other = draft(meeting=created.meeting, symbol="CWG-COP-21/8", languages=())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        upload(other, "en", content)  # reuses the stored bytes
        (media_root / key).unlink()  # another process removed them before this commit
    assert len(callbacks) == 1
    assert (media_root / key).read_bytes() == content


# --- racing uploads -----------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_racing_uploads_of_one_language_leave_one_file(media_root: Path) -> None:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=())
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def send(text: str) -> None:
        try:
            content = pdf_bytes(text)
            barrier.wait(timeout=30)
            services.add_file(
                actor=None, document=created, language="en", name="x.pdf", size=len(content), stream=io.BytesIO(content)
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            storage.sweep()
            connection.close()

    threads = [threading.Thread(target=send, args=(text,)) for text in ("one racer", "other racer")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert DocumentFile.objects.count() == 1
    assert _keys(media_root) == [_key_of()]


# --- verify_files -------------------------------------------------------------------------------------------


def _command(*args: str) -> tuple[str, str | None]:
    out = io.StringIO()
    try:
        call_command("verify_files", *args, stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


@pytest.mark.django_db
def test_verify_files_passes_on_a_sound_store(media_root: Path) -> None:
    _published()
    assert _command() == ("1 files checked, 0 missing or damaged, 0 orphans (0 removed)\n", None)


@pytest.mark.django_db
def test_verify_files_finds_a_flipped_byte_and_a_missing_file(media_root: Path) -> None:
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=("en", "fr"))
    damaged, missing = _key_of("en"), _key_of("fr")
    _flip_a_byte(media_root / damaged)
    (media_root / missing).unlink()
    found = storage.digest(io.BytesIO((media_root / damaged).read_bytes()))[0]
    recorded = DocumentFile.objects.get(revision__document=created, language="en").sha256
    output, error = _command()
    assert output.splitlines() == [
        *sorted(
            [f"DAMAGED  {damaged}: recorded {recorded}, found {found}", f"MISSING  {missing}"],
            key=lambda line: line.split()[1].rstrip(":"),
        ),
    ]
    assert error == "2 files checked, 2 missing or damaged, 0 orphans (0 removed)"


@pytest.mark.django_db
def test_verify_files_lists_and_deletes_orphans_of_a_killed_upload(media_root: Path) -> None:
    _published()
    # A process killed after writing the bytes and before its transaction committed leaves them unrecorded.
    orphan = storage.store(io.BytesIO(pdf_bytes("killed upload")), ".pdf").key
    assert _command() == (f"ORPHAN  {orphan}\n", "1 files checked, 0 missing or damaged, 1 orphans (0 removed)")
    # Young orphans may be uploads still in progress: kept.
    assert _command("--delete-orphans") == (
        f"ORPHAN  {orphan}\n",
        "1 files checked, 0 missing or damaged, 1 orphans (0 removed)",
    )
    assert _command("--delete-orphans", "--orphan-min-age", "0") == (
        f"REMOVED  {orphan}\n1 files checked, 0 missing or damaged, 1 orphans (1 removed)\n",
        None,
    )
    assert _keys(media_root) == [_key_of()]
    assert verify_files().ok


# --- a damaged file is not served ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "headers"),
    [("get", {}), ("head", {}), ("get", {"HTTP_RANGE": "bytes=0-9"})],
    ids=["get", "head", "range"],
)
def test_flipped_byte_is_refused_and_logged(
    client: Client, media_root: Path, caplog: pytest.LogCaptureFixture, method: str, headers: dict[str, str]
) -> None:
    _published()
    stored = DocumentFile.objects.get()
    _flip_a_byte(media_root / stored.storage_key)
    with caplog.at_level(logging.ERROR, logger="cwgcop.files"):
        response = getattr(client, method)(URL, **headers)
    assert response.status_code == 500
    assert "ETag" not in response
    assert "Content-Disposition" not in response
    if method == "get":
        assert "The stored copy of this file does not match the one that was published" in response.content.decode()
    found = storage.digest(io.BytesIO((media_root / stored.storage_key).read_bytes()))[0]
    assert [record.getMessage() for record in caplog.records if record.name == "cwgcop.files"] == [
        f"file {stored.storage_key} is damaged (recorded SHA-256 {stored.sha256}, found {found}): not served"
    ]


@pytest.mark.django_db
def test_damaged_file_page_is_in_the_readers_language(client: Client, media_root: Path) -> None:
    _published()
    _flip_a_byte(media_root / _key_of())
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 500
    assert "<h1>Fichier endommagé</h1>" in response.content.decode()


@pytest.mark.django_db
def test_sound_file_is_still_served_with_its_checksum(client: Client, media_root: Path) -> None:
    _published()
    stored = DocumentFile.objects.get()
    response = client.get(URL)
    assert response.status_code == 200
    assert response["ETag"] == f'"{stored.sha256}"'
    assert b"".join(response.streaming_content) == (media_root / stored.storage_key).read_bytes()


@pytest.mark.django_db
def test_many_blobs_are_removed_at_once_except_those_a_row_names(media_root: Path) -> None:
    """A rolled-back import removes what it stored in a few queries; a file a document names stays."""
    created = draft(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/9", languages=("en",))
    named = _key_of()
    strays = [storage.store(io.BytesIO(f"stray {i}".encode()), ".txt").key for i in range(3)]
    storage.forget_pending()
    assert created.pk is not None
    assert storage.remove_all_unreferenced([named, *strays, strays[0]]) == sorted(strays)
    assert _keys(media_root) == [named]
