"""Backup and restore of a whole installation: the database as Django's JSON serialisation (the same on SQLite
and PostgreSQL, so a backup of one restores into the other) and every stored file, with a manifest of SHA-256
checksums (docs/deployment.md, "Backups").

A backup is a new folder::

    manifest.json   format, version, when, the database it came from, applied migrations, checksums
    data.json       every row (``dumpdata --natural-foreign``), read in one snapshot of the database
    files/<key>     every file a row names, under its storage key, checked against its recorded SHA-256

Left out, because ``migrate`` or the platform rebuilds them: content types and permissions, sessions (people
sign in again), and the search index (rebuilt after a restore from the documents and their extracted text).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from cwgcop.bodies.models import Body
from cwgcop.core.cache import bump_archive_generation
from cwgcop.documents import storage
from cwgcop.documents.integrity import recorded_files
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Meeting
from cwgcop.search.indexing import rebuild_index

FORMAT = "cwgcop-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "search.searchentry"]
# A restore goes into an installation holding none of these (a fresh ``cwgcop migrate``).
CONTENT_MODELS = (User, Body, Meeting, Document)


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Summary:
    rows: int
    files: int


def _sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(storage.CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def _migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _snapshot() -> None:
    """Make the current transaction read one consistent state of the database."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    # SQLite: the platform's transactions begin IMMEDIATE, so no other writer commits until this one ends.


def backup(target: Path) -> Summary:
    """Write a backup of the database and every stored file to the new folder ``target``."""
    if target.exists():
        raise BackupError(f"{target} already exists; give a new path.")
    (target / "files").mkdir(parents=True)
    try:
        with transaction.atomic():
            _snapshot()
            call_command("dumpdata", natural_foreign=True, exclude=EXCLUDED, output=str(target / DATA), indent=None)
            files = _copy_out(target)
            migrations = _migrations()
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    rows = len(json.loads((target / DATA).read_text(encoding="utf-8")))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": migrations,
        "data": {"path": DATA, "sha256": _sha256(target / DATA), "rows": rows},
        "files": files,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return Summary(rows=rows, files=len(files))


def _copy_out(target: Path) -> list[dict[str, Any]]:
    files = []
    for key, checksums in sorted(recorded_files().items()):
        (sha256,) = checksums
        path = target / "files" / key
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            source = storage.open_verified(key, sha256)
        except storage.DamagedFileError as error:
            raise BackupError(f"{key} is missing or damaged ({error.found}): run `cwgcop verify_files`.") from error
        with source, path.open("wb") as copy:
            shutil.copyfileobj(source, copy, storage.CHUNK)
        files.append({"key": key, "sha256": sha256, "size": path.stat().st_size})
    return files


def read_manifest(source: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{source} holds no readable {MANIFEST}.") from exc
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise BackupError(f"{source} is not a {FORMAT} version {VERSION}.")
    return manifest


def check_backup(source: Path, manifest: dict[str, Any]) -> None:
    """Every checksum of the manifest against the bytes in the folder."""
    if _sha256(source / DATA) != manifest["data"]["sha256"]:
        raise BackupError(f"{DATA} does not match its checksum in the manifest.")
    for row in manifest["files"]:
        path = source / "files" / row["key"]
        if not path.is_file() or _sha256(path) != row["sha256"]:
            raise BackupError(f"files/{row['key']} is missing or does not match its checksum in the manifest.")


def _check_target(manifest: dict[str, Any]) -> None:
    if manifest["migrations"] != _migrations():
        raise BackupError(
            "This installation's migrations differ from the backup's: install the version the backup was made "
            "with, run `cwgcop migrate`, restore, then upgrade."
        )
    holding = [model._meta.verbose_name_plural for model in CONTENT_MODELS if model._default_manager.exists()]
    if holding:
        raise BackupError(
            f"A backup restores into an empty installation; this one holds {', '.join(map(str, holding))}."
        )


def restore(source: Path) -> Summary:
    """Restore the backup in ``source`` into this (empty, migrated) installation: all of it or nothing."""
    manifest = read_manifest(source)
    check_backup(source, manifest)
    _check_target(manifest)
    written: list[str] = []
    try:
        for row in manifest["files"]:
            if not default_storage.exists(row["key"]):
                with (source / "files" / row["key"]).open("rb") as stream:
                    default_storage.save(row["key"], File(stream, name=row["key"]))
                written.append(row["key"])
        with transaction.atomic():
            call_command("loaddata", str(source / DATA), verbosity=0)
    except BaseException:
        for key in written:
            storage.remove_if_unreferenced(key)
        raise
    rebuild_index()
    bump_archive_generation()
    return Summary(rows=manifest["data"]["rows"], files=len(manifest["files"]))
