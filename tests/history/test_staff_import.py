"""The staff import page: upload a ZIP, read its dry run row by row, import it in the background, watch the
progress; bad archives refused on the page in the reader's language with nothing written."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from cwgcop.bodies.models import BodyName
from cwgcop.core.models import AuditEntry
from cwgcop.documents.models import Document
from cwgcop.history import progress
from cwgcop.history.models import ArchiveImport
from cwgcop.meetings.models import Meeting
from tests.conftest import stored_files
from tests.factories import BodyFactory, UserFactory, secretariat
from tests.history.fixture import build_manifest, make_body, write_archive
from tests.history.test_csv_manifest import BAD_QUOTES

pytestmark = pytest.mark.django_db

CHECKED = "Dry run: nothing was written. 32 to create, 0 to update, 0 unchanged, 0 refused."


@pytest.fixture(autouse=True)
def import_dir(settings: Any, tmp_path: Path) -> Path:
    settings.CWGCOP_IMPORT_DIR = tmp_path / "imports"
    return settings.CWGCOP_IMPORT_DIR  # type: ignore[no-any-return]


def zipped(root: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root).as_posix())
    return buffer.getvalue()


def post_archive(client: Client, data: bytes, name: str = "decade.zip", language: str = "en") -> Any:
    return client.post(f"/{language}/staff/imports/", {"archive": SimpleUploadedFile(name, data)})


def test_upload_dry_run_then_import_in_the_background(
    client: Client, tmp_path: Path, import_dir: Path, media_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    body = make_body()
    client.force_login(secretariat(body, "dl-sec"))
    data = zipped(write_archive(tmp_path / "archive"))
    with django_capture_on_commit_callbacks(execute=True):
        response = post_archive(client, data)
    record = ArchiveImport.objects.get()
    assert response["Location"] == f"/en/staff/imports/{record.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert '<p id="import-stage">Checked: ready to import</p>' in page
    assert f'<p id="import-summary">{CHECKED}</p>' in page
    assert (
        '<tr class="import-create"><td>document</td><th scope="row">WG-DL/2/1 Rev.1</th><td>create</td><td></td></tr>'
        in (page)
    )
    assert (Document.objects.count(), Meeting.objects.count(), BodyName.objects.count()) == (0, 0, 0)
    assert stored_files(media_root) == []
    assert [p.name for p in import_dir.iterdir()] == [record.stored_as]  # kept for the import
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/staff/imports/{record.pk}/import/")
    record.refresh_from_db()
    assert (record.stage, record.count("create"), record.count("refused")) == ("imported", 32, 0)
    assert (Document.objects.count(), Meeting.objects.count(), BodyName.objects.count()) == (21, 10, 1)
    assert list(import_dir.iterdir()) == []  # the upload and its progress are gone once imported
    done = client.get(f"/en/staff/imports/{record.pk}/").content.decode()
    assert "The archive was imported." in done
    assert '<meta http-equiv="refresh"' not in done
    actions = AuditEntry.objects.filter(action__startswith="history.").order_by("pk").values_list("action", flat=True)
    assert list(actions) == ["history.import_check", "history.import_run"]
    archive = client.get("/en/documents/?q=WG-DL%2F2%2F1").content.decode()
    assert "WG-DL/2/1 Rev.1" in archive
    # Imported twice: the check says every row is unchanged.
    with django_capture_on_commit_callbacks(execute=True):
        post_archive(client, data)
    again = ArchiveImport.objects.order_by("-pk").first()
    assert (again.stage, again.count("unchanged"), len(again.rows)) == ("checked", 32, 32)


def test_the_status_page_shows_the_progress_and_refreshes_while_running(client: Client) -> None:
    body = make_body()
    user = secretariat(body, "dl-sec")
    client.force_login(user)
    record = ArchiveImport.objects.create(name="decade.zip", stored_as="x.zip", language="en", stage="importing")
    page = client.get(f"/en/staff/imports/{record.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert (
        '<label for="import-progress">Waiting for its turn…</label> <progress id="import-progress"></progress>' in page
    )
    record_progress = progress.recorder(record.pk)
    record_progress(1, 32)
    record_progress(2, 32)  # within half a second of the first: not written
    page = client.get(f"/en/staff/imports/{record.pk}/").content.decode()
    assert 'Imported 1 of 32 rows.</label> <progress id="import-progress" value="1" max="32">1/32</progress>' in page
    record_progress(32, 32)  # the last row is always written
    assert progress.read(record.pk) == (32, 32)
    record.stage = "checking"
    record.save()
    page = client.get(f"/fr/staff/imports/{record.pk}/").content.decode()
    assert "32 lignes vérifiées sur 32." in page


def test_refused_rows_are_listed_in_the_readers_language_and_nothing_is_written(
    client: Client, tmp_path: Path, import_dir: Path, media_root: Path, django_capture_on_commit_callbacks: Any
) -> None:
    body = make_body()
    client.force_login(secretariat(body, "dl-sec"))
    root = tmp_path / "archive"
    manifest = build_manifest(root)
    manifest["documents"][3]["revisions"][0]["files"][1]["sha256"] = "0" * 64
    manifest["documents"].append({**manifest["documents"][0], "symbol": "wg-dl/1/1"})
    manifest["meetings"][0]["body"] = "WG-XX"
    (root / "files" / "rev1.txt").unlink()
    manifest["documents"][4]["revisions"][0]["published_at"] = "2999-01-01"
    with django_capture_on_commit_callbacks(execute=True):
        post_archive(client, zipped(write_archive(root, manifest)), language="fr")
    record = ArchiveImport.objects.get()
    assert record.stage == "refused"
    assert [(row[1], row[3]) for row in record.rows if row[2] == "refused"] == [
        ("WG-XX-1", "Il n’existe aucun organe dont le sigle est « WG-XX »."),
        ("WG-DL/1/1", "CWG-DL n’a pas de réunion numéro 1."),
        ("WG-DL/1/2", "CWG-DL n’a pas de réunion numéro 1."),
        ("WG-DL/2/2", "Le fichier files/WG-DL-2-2-fr.txt ne correspond pas à sa somme de contrôle dans le manifeste."),
        ("WG-DL/3/1", "La date 2999-01-01 est dans le futur."),
        ("WG-DL/2/1 Rev.1", "Le fichier files/rev1.txt ne figure pas dans l’archive."),
        ("wg-dl/1/1", "La cote wg-dl/1/1 figure deux fois dans le manifeste."),
    ]
    page = client.get(f"/fr/staff/imports/{record.pk}/").content.decode()
    assert "Certaines lignes sont refusées : rien n’a été importé, car un historique entre en entier" in page
    assert "Importer ces enregistrements" not in page
    refused = client.post(f"/en/staff/imports/{record.pk}/import/", follow=True).content.decode()
    assert "Only an archive whose check refused no row can be imported." in refused
    assert (Document.objects.count(), Meeting.objects.count(), BodyName.objects.count()) == (0, 0, 0)
    assert stored_files(media_root) == []
    assert list(import_dir.iterdir()) == []


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"../../outside.txt": b"escape"}, "The path “../../outside.txt” leads outside the archive."),
        (
            {"files/zeros.txt": b"\0" * (20 * 1024 * 1024)},
            "The ZIP file unpacks to too much data (a decompression bomb?); nothing was imported.",
        ),
        ({}, "The manifest is not valid JSON (line 1, column 2)."),
        (
            {"documents.csv": b'symbol,body\nWG-DL/1/1,CWG-DL\nWG-DL/1/2,"CWG-DL\n'},
            f"documents.csv, line 3: {BAD_QUOTES}",
        ),
    ],
)
def test_a_bad_archive_is_refused_whole_on_the_page(
    client: Client,
    members: dict[str, bytes],
    message: str,
    media_root: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.force_login(secretariat(make_body(), "dl-sec"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        manifest = json.dumps({"format": "cwgcop-archive", "version": 1}) if members else "{oops"
        if "documents.csv" not in members:
            archive.writestr("manifest.json", manifest)
        for name, content in members.items():
            archive.writestr(name, content)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_archive(client, buffer.getvalue())
    page = client.get(response["Location"]).content.decode()
    assert f'<div class="error" role="alert"><p>{message}</p>' in page
    assert '<p id="import-stage">Refused</p>' in page
    assert ArchiveImport.objects.get().stage == "refused"
    assert list(progress.import_dir().iterdir()) == []
    assert stored_files(media_root) == []


def test_missing_or_wrong_file_is_refused_by_the_form(client: Client, import_dir: Path) -> None:
    client.force_login(secretariat(make_body(), "dl-sec"))
    missing = client.post("/en/staff/imports/", {})
    assert missing.status_code == 400
    assert "This field is required." in missing.content.decode()
    wrong = post_archive(client, b"symbol,title\n", name="manifest.csv", language="es")
    assert wrong.status_code == 400
    assert "Entregue un archivo ZIP (su nombre termina en .zip)." in wrong.content.decode()
    assert ArchiveImport.objects.count() == 0
    assert not import_dir.exists()


def test_a_secretariat_imports_only_for_its_own_bodies(
    client: Client, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    make_body()
    other = BodyFactory(acronym="TSG", slug="tsg")
    client.force_login(secretariat(other, "tide-sec"))
    with django_capture_on_commit_callbacks(execute=True):
        post_archive(client, zipped(write_archive(tmp_path / "archive")))
    record = ArchiveImport.objects.get()
    assert (record.stage, record.count("refused")) == ("refused", 32)
    assert record.rows[0][3] == "You are not on the secretariat of CWG-DL, so you cannot import its records."
    member = UserFactory(username="someone")
    client.force_login(member)
    assert client.get("/en/staff/imports/").status_code == 403


@pytest.mark.parametrize("rows", [1, 3])
def test_import_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    user = secretariat(make_body(), "dl-sec")
    for number in range(rows):
        ArchiveImport.objects.create(name=f"part-{number}.zip", stored_as="x.zip", language="en", created_by=user)
    client.force_login(user)
    with django_assert_num_queries(6):
        page = client.get("/en/staff/imports/").content.decode()
    assert page.count('<th scope="row"><a href="/en/staff/imports/') == rows


def test_command_line_draws_a_progress_bar(tmp_path: Path) -> None:
    make_body()
    root = write_archive(tmp_path / "archive")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_archive", str(root), "--dry-run", "--progress", stdout=out, stderr=err)
    assert err.getvalue().endswith("\r[" + "#" * 40 + "] 32/32 100%\n")
    assert "\r[" + "#" * 31 + " " * 9 + "] 25/32  78%" in err.getvalue()
