"""The manifest as CSV files: the same history as manifest.json, and malformed CSV refused whole with the file
and line, nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cwgcop.core.errors import DomainError
from cwgcop.history.csv_manifest import write_csv_manifest
from cwgcop.history.importer import import_archive
from tests.history.fixture import build_manifest, make_body, write_archive
from tests.history.test_bad_input import nothing_written
from tests.history.test_round_trip import empty_the_instance, public_archive

pytestmark = pytest.mark.django_db


def as_csv(root: Path, manifest: dict[str, Any], *, bom: bool = False) -> Path:
    (root / "manifest.json").unlink(missing_ok=True)
    for name, data in write_csv_manifest(manifest).items():
        (root / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return root


@pytest.fixture
def manifest(tmp_path: Path) -> dict[str, Any]:
    make_body()
    return build_manifest(tmp_path / "archive")


def test_the_csv_files_of_a_manifest_read_back_as_the_manifest(manifest: dict[str, Any]) -> None:
    files = write_csv_manifest(manifest)
    assert files["files.csv"].decode().splitlines()[:2] == [
        "symbol,revision,published_at,note,language,path,name,sha256",
        "WG-DL/1/1,0,2010-02-21T09:00:00+00:00,,en,files/WG-DL-1-1-en.txt,WG-DL-1-1-en.txt,"
        + manifest["documents"][0]["revisions"][0]["files"][0]["sha256"],
    ]
    assert files["former_names.csv"].decode().splitlines()[1] == (
        "CWG-DL,WG-DL,2009-06-01,2014-10-31,,,Working Group on Digital Literacy,"
        "Groupe de travail sur la culture numérique,,"
    )


@pytest.mark.parametrize("bom", [False, True])
def test_csv_and_json_manifests_give_the_same_archive(
    manifest: dict[str, Any], tmp_path: Path, media_root: Path, bom: bool
) -> None:
    root = write_archive(tmp_path / "archive", manifest)
    import_archive(actor=None, path=root, dry_run=False)
    from_json = public_archive()
    empty_the_instance(media_root)
    report = import_archive(actor=None, path=as_csv(root, manifest, bom=bom), dry_run=False)
    assert (report.applied, report.count("create")) == (True, 32)
    assert public_archive() == from_json
    assert {row.action for row in import_archive(actor=None, path=root, dry_run=True).rows} == {"unchanged"}


def _refused(root: Path) -> str:
    with pytest.raises(DomainError) as refused:
        import_archive(actor=None, path=root, dry_run=False)
    return " ".join(str(m) for m in refused.value.messages)


def _replace(root: Path, name: str, old: bytes, new: bytes) -> None:
    data = (root / name).read_bytes()
    assert old in data
    (root / name).write_bytes(data.replace(old, new, 1))


BAD_QUOTES = (
    "a quoted value is malformed (a quote inside a value must be doubled, and a closing quote must be followed by "
    "a comma or the end of the line)."
)
CASES = [
    (
        "documents.csv",
        b"Rapport 2010/2",
        "Rapport 2010/2".encode("latin-1").replace(b"2010", b"\xe9t\xe9"),
        "documents.csv, line 3: this is not UTF-8 text; save the file as UTF-8 (CSV UTF-8).",
    ),
    (
        "documents.csv",
        b"Report 2011/1",
        b'"Report "2011"/1"',
        f"documents.csv, line 4: {BAD_QUOTES}",
    ),
    (
        "meetings.csv",
        b"CWG-DL,10,",
        b'CWG-DL,10,"2019-03-10',
        f"meetings.csv, line 11: {BAD_QUOTES}",
    ),
    (
        "meetings.csv",
        b"CWG-DL,3,",
        b"CWG-DL,3,x,",
        "meetings.csv, line 4: every line needs one value per column (values: 28; columns on the first line: 27).",
    ),
    (
        "meetings.csv",
        b"CWG-DL,3,",
        b"CWG-DL,three,",
        "meetings.csv, line 4: “three” in the column “number” is not a whole number.",
    ),
    (
        "documents.csv",
        b"original_language",
        b"original_langage",
        "documents.csv, line 1: unknown column “original_langage”.",
    ),
    ("sources.csv", b"symbol,name,", b"symbol,nom,", "sources.csv, line 1: unknown column “nom”."),
    ("files.csv", b"\nWG-DL/1/1,0,", b"\nWG-DL/1/9,0,", "files.csv, line 2: WG-DL/1/9 is not in documents.csv."),
]


@pytest.mark.parametrize("case", CASES, ids=[case[3][:30] for case in CASES])
def test_malformed_csv_is_refused_with_its_file_and_line(
    manifest: dict[str, Any], tmp_path: Path, media_root: Path, case: tuple[str, bytes, bytes, str]
) -> None:
    name, old, new, message = case
    root = as_csv(write_archive(tmp_path / "archive", manifest), manifest)
    _replace(root, name, old, new)
    assert _refused(root) == message
    assert nothing_written(media_root)


def test_one_revision_with_two_dates_is_refused(manifest: dict[str, Any], tmp_path: Path, media_root: Path) -> None:
    root = as_csv(write_archive(tmp_path / "archive", manifest), manifest)
    _replace(root, "files.csv", b"WG-DL/1/1,0,2010-02-21T09:00:00+00:00,,fr", b"WG-DL/1/1,0,2010-02-22,,fr")
    assert _refused(root) == ("files.csv, line 3: revision 0 of WG-DL/1/1 has another date or note than on line 2.")
    assert nothing_written(media_root)


def test_rows_of_a_csv_manifest_are_refused_like_json_rows(
    manifest: dict[str, Any], tmp_path: Path, media_root: Path
) -> None:
    root = as_csv(write_archive(tmp_path / "archive", manifest), manifest)
    _replace(root, "documents.csv", b"\nWG-DL/1/2,CWG-DL,", b"\nWG-DL/1/2,WG-ZZ,")
    report = import_archive(actor=None, path=root, dry_run=False)
    assert [(row.key, row.reason) for row in report.refused] == [
        ("WG-DL/1/2", "There is no body with the acronym “WG-ZZ”.")
    ]
    assert nothing_written(media_root)
    assert report.count("create") == 31
