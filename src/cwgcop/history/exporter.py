"""Exporting the public archive in the format the import reads (see docs/history.md).

The manifest lists every body's former names, every meeting and every published document with its published
revisions; each file is written once, under its SHA-256 (``files/ab/<sha256>.<ext>``), with its original name
in the manifest. A folder or, for a path ending in ``.zip``, a ZIP file.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import IO, Any

from django.db.models import Prefetch

from cwgcop.bodies.models import Body
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.documents import storage
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentRevision
from cwgcop.history.csv_manifest import write_csv_manifest
from cwgcop.history.importer import FORMAT, MEETING_TEXTS, MEETING_VALUES, VERSION
from cwgcop.history.source import MANIFEST
from cwgcop.meetings.models import Meeting


def _texts(instance: Any, column: str) -> dict[str, str]:
    found = {code: getattr(instance, f"{column}_{field_suffix(code)}") or "" for code in LANGUAGE_ORDER}
    return {code: text for code, text in found.items() if text}


def _bodies() -> list[dict[str, Any]]:
    rows = []
    for body in Body.objects.prefetch_related("former_names").order_by("acronym"):
        names = [
            {
                "acronym": former.acronym,
                "names": _texts(former, "name"),
                "valid_from": former.valid_from.isoformat(),
                "valid_until": former.valid_until.isoformat(),
            }
            for former in body.former_names.all()
        ]
        if names:
            rows.append({"acronym": body.acronym, "former_names": names})
    return rows


def _meetings() -> list[dict[str, Any]]:
    rows = []
    for meeting in Meeting.objects.select_related("body").order_by("body__acronym", "number"):
        row: dict[str, Any] = {
            "body": meeting.body.acronym,
            "number": meeting.number,
            "start_date": meeting.start_date.isoformat(),
            "end_date": meeting.end_date.isoformat(),
        }
        row.update({name: getattr(meeting, name) for name in MEETING_VALUES})
        row.update({param: _texts(meeting, column) for param, column in MEETING_TEXTS.items()})
        rows.append(row)
    return rows


def _file_path(sha256: str, key: str) -> str:
    extension = Path(key).suffix
    return f"files/{sha256[:2]}/{sha256}{extension}"


def _documents(files: dict[str, str]) -> list[dict[str, Any]]:
    published = DocumentRevision.objects.filter(published_at__isnull=False).prefetch_related("files").order_by("number")
    queryset = (
        Document.objects.filter(status=DocumentStatus.PUBLISHED)
        .select_related("body", "meeting")
        .prefetch_related("sources", Prefetch("revisions", queryset=published))
        .order_by("published_at", "id")
    )
    rows = []
    for document in queryset.iterator(chunk_size=500):
        revisions = []
        for revision in document.revisions.all():
            revision_files = []
            for stored in revision.ordered_files():
                path = _file_path(stored.sha256, stored.storage_key)
                files[path] = stored.storage_key
                revision_files.append(
                    {"language": stored.language, "path": path, "name": stored.original_name, "sha256": stored.sha256}
                )
            published_at = revision.published_at.isoformat() if revision.published_at else None
            revision_row: dict[str, Any] = {"number": revision.number, "published_at": published_at}
            revisions.append({**revision_row, "note": revision.note, "files": revision_files})
        rows.append(
            {
                "symbol": document.symbol,
                "body": document.body.acronym,
                "meeting": document.meeting.number if document.meeting else None,
                "kind": document.kind,
                "original_language": document.original_language,
                "titles": _texts(document, "title"),
                "sources": [{"name": o.name, "country": str(o.country or "")} for o in document.sources.all()],
                "revisions": revisions,
            }
        )
    return rows


def build_manifest() -> tuple[dict[str, Any], dict[str, str]]:
    """The manifest and the files it names (archive path → storage key)."""
    files: dict[str, str] = {}
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "bodies": _bodies(),
        "meetings": _meetings(),
        "documents": _documents(files),
    }
    return manifest, files


def _copy(source: IO[bytes], target: IO[bytes]) -> None:
    with source:
        shutil.copyfileobj(source, target, storage.CHUNK)


def manifest_files(manifest: dict[str, Any], manifest_format: str) -> dict[str, bytes]:
    """The manifest as the files that hold it: ``manifest.json``, or the CSV files."""
    if manifest_format == "csv":
        return write_csv_manifest(manifest)
    return {MANIFEST: json.dumps(manifest, ensure_ascii=False, indent=1).encode()}


def export_archive(path: Path, *, manifest_format: str = "json") -> dict[str, int]:
    """Write the public archive to ``path`` (a new folder, or a ZIP file if it ends in .zip), its manifest as
    JSON (the default) or CSV files; returns counts."""
    manifest, files = build_manifest()
    written = manifest_files(manifest, manifest_format)
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in written.items():
                archive.writestr(name, data)
            for name, key in sorted(files.items()):
                with archive.open(name, "w") as target:
                    _copy(storage.open_blob(key), target)
    else:
        path.mkdir(parents=True, exist_ok=False)
        for name, data in written.items():
            (path / name).write_bytes(data)
        for name, key in sorted(files.items()):
            target_path = path / name
            target_path.parent.mkdir(parents=True, exist_ok=True)
            with target_path.open("wb") as target:
                _copy(storage.open_blob(key), target)
    return {"meetings": len(manifest["meetings"]), "documents": len(manifest["documents"]), "files": len(files)}
