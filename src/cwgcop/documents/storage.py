"""Content-addressed file storage: a file is kept under its SHA-256, so it is never overwritten."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import IO

from django.core.files import File
from django.core.files.storage import default_storage

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredBlob:
    key: str
    sha256: str
    size: int
    created: bool


def digest(stream: IO[bytes]) -> tuple[str, int]:
    stream.seek(0)
    sha = hashlib.sha256()
    size = 0
    while chunk := stream.read(CHUNK):
        sha.update(chunk)
        size += len(chunk)
    stream.seek(0)
    return sha.hexdigest(), size


def key_for(sha256: str, extension: str) -> str:
    return f"documents/{sha256[:2]}/{sha256}{extension}"


def store(stream: IO[bytes], extension: str) -> StoredBlob:
    """Store the stream's bytes under their hash; an identical file already stored is reused."""
    sha256, size = digest(stream)
    key = key_for(sha256, extension)
    if default_storage.exists(key):
        return StoredBlob(key=key, sha256=sha256, size=size, created=False)
    saved = default_storage.save(key, File(stream, name=key))
    if saved != key:  # another writer stored the same content at the same moment
        default_storage.delete(saved)
        return StoredBlob(key=key, sha256=sha256, size=size, created=False)
    return StoredBlob(key=key, sha256=sha256, size=size, created=True)


def discard(blob: StoredBlob) -> None:
    """Remove a blob this request created, when the change that needed it was rolled back."""
    if blob.created:
        default_storage.delete(blob.key)


def open_blob(key: str) -> IO[bytes]:
    return default_storage.open(key, "rb")
