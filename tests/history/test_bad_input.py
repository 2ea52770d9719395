"""Bad archives: each refused with a clear message, and nothing written (rows, audit entries or stored files)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cwgcop.bodies.models import BodyName
from cwgcop.core.errors import DomainError
from cwgcop.documents.models import Document
from cwgcop.history.importer import import_archive
from cwgcop.meetings.models import Meeting
from tests.conftest import stored_files
from tests.history.fixture import build_manifest, make_body, write_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def manifest(tmp_path: Path) -> dict[str, Any]:
    make_body()
    return build_manifest(tmp_path / "archive")


def refusals(path: Path) -> list[tuple[str, str]]:
    report = import_archive(actor=None, path=path, dry_run=False)
    assert report.applied is False
    return [(row.key, row.reason) for row in report.refused]


def nothing_written(media_root: Path) -> bool:
    counts = (Document.objects.count(), Meeting.objects.count(), BodyName.objects.count())
    return counts == (0, 0, 0) and stored_files(media_root) == []


def test_a_missing_file_refuses_the_import(manifest: dict[str, Any], tmp_path: Path, media_root: Path) -> None:
    root = write_archive(tmp_path / "archive", manifest)
    (root / "files" / "rev1.txt").unlink()
    assert refusals(root) == [("WG-DL/2/1 Rev.1", "The file files/rev1.txt is not in the archive.")]
    assert nothing_written(media_root)


def test_a_checksum_mismatch_refuses_the_import(manifest: dict[str, Any], tmp_path: Path, media_root: Path) -> None:
    manifest["documents"][3]["revisions"][0]["files"][1]["sha256"] = "0" * 64
    root = write_archive(tmp_path / "archive", manifest)
    assert refusals(root) == [
        ("WG-DL/2/2", "The file files/WG-DL-2-2-fr.txt does not match its checksum in the manifest.")
    ]
    assert nothing_written(media_root)


def test_a_duplicate_symbol_refuses_the_import(manifest: dict[str, Any], tmp_path: Path, media_root: Path) -> None:
    manifest["documents"].append({**manifest["documents"][0], "symbol": "wg-dl/1/1"})
    root = write_archive(tmp_path / "archive", manifest)
    assert refusals(root) == [("wg-dl/1/1", "The symbol wg-dl/1/1 appears twice in the manifest.")]
    assert nothing_written(media_root)


def test_a_date_in_the_future_refuses_the_import(manifest: dict[str, Any], tmp_path: Path, media_root: Path) -> None:
    manifest["documents"][5]["revisions"][0]["published_at"] = "2999-01-01T00:00:00+00:00"
    root = write_archive(tmp_path / "archive", manifest)
    assert refusals(root) == [("WG-DL/3/2", "The date 2999-01-01T00:00:00+00:00 is in the future.")]
    assert nothing_written(media_root)


def test_an_unknown_body_refuses_the_import(manifest: dict[str, Any], tmp_path: Path, media_root: Path) -> None:
    manifest["meetings"][0]["body"] = "WG-NONE"
    root = write_archive(tmp_path / "archive", manifest)
    assert refusals(root)[0] == ("WG-NONE-1", "There is no body with the acronym “WG-NONE”.")
    assert nothing_written(media_root)


def test_a_symbol_outside_the_rule_is_refused(manifest: dict[str, Any], tmp_path: Path, media_root: Path) -> None:
    manifest["documents"][0]["symbol"] = "WG-DL/1/1  Rev.1"
    root = write_archive(tmp_path / "archive", manifest)
    assert refusals(root) == [
        ("WG-DL/1/1  Rev.1", "“WG-DL/1/1  Rev.1” is not a valid document symbol, e.g. CWG-COP-21/5.")
    ]
    assert nothing_written(media_root)


def _refused_whole(path: Path) -> str:
    with pytest.raises(DomainError) as caught:
        import_archive(actor=None, path=path, dry_run=True)
    return " ".join(caught.value.messages)


def test_a_manifest_not_in_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_bytes('{"format": "cwgcop-archive", "note": "Genève"}'.encode("latin-1"))
    assert _refused_whole(tmp_path) == "The manifest is not UTF-8 text (byte 41); save it as UTF-8."


def test_malformed_json_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text('{"format": "cwgcop-archive",\n "version": 1,, }')
    assert _refused_whole(tmp_path) == "The manifest is not valid JSON (line 2, column 15)."


def test_an_archive_of_another_format_is_refused(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(json.dumps({"format": "other", "version": 1}))
    assert _refused_whole(tmp_path) == 'The manifest must say "format": "cwgcop-archive" and "version": 1.'


def test_a_zip_with_a_path_outside_its_root_is_refused(tmp_path: Path, media_root: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "cwgcop-archive", "version": 1}))
        archive.writestr("../../outside.txt", b"escape")
    assert _refused_whole(path) == "The path “../../outside.txt” leads outside the archive."
    assert not (tmp_path.parent / "outside.txt").exists()


def test_a_manifest_path_outside_the_folder_is_refused(
    manifest: dict[str, Any], tmp_path: Path, media_root: Path
) -> None:
    (tmp_path / "secret.txt").write_text("not part of the archive")
    manifest["documents"][0]["revisions"][0]["files"][0]["path"] = "../secret.txt"
    root = write_archive(tmp_path / "archive", manifest)
    assert refusals(root) == [("WG-DL/1/1", "The path “../secret.txt” leads outside the archive.")]
    assert nothing_written(media_root)


def test_a_decompression_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"format": "cwgcop-archive", "version": 1}))
        archive.writestr("files/zeros.txt", b"\0" * (20 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert (
        _refused_whole(path) == "The ZIP file unpacks to too much data (a decompression bomb?); nothing was imported."
    )


def test_an_archive_larger_than_the_limit_is_refused(tmp_path: Path, settings: Any) -> None:
    settings.CWGCOP_ARCHIVE_MAX_BYTES = 1000
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"format": "cwgcop-archive", "version": 1}))
        archive.writestr("files/a.txt", io.BytesIO(bytes(range(256)) * 8).getvalue())
    assert (
        _refused_whole(path) == "The ZIP file unpacks to too much data (a decompression bomb?); nothing was imported."
    )


def test_a_row_that_is_not_an_object_is_refused(manifest: dict[str, Any], tmp_path: Path, media_root: Path) -> None:
    manifest["meetings"].append("CWG-DL-11")
    manifest["documents"].append(["WG-DL/9/9"])
    root = write_archive(tmp_path / "archive", manifest)
    assert refusals(root) == [
        ("?-?", "A row must be an object with named fields."),
        ("?", "A row must be an object with named fields."),
    ]
    assert nothing_written(media_root)
