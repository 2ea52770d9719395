"""Content-addressed file storage: a file is kept under its SHA-256, so it is never overwritten.

Bytes are written before the database row that names them (a row must never name missing bytes). So that a
write that fails or is rolled back leaves nothing behind, every blob this process creates stays *pending*
until the transaction that records it commits (:func:`keep`); :func:`sweep` removes the pending blobs that no
row names once no transaction is open (after each request, and when a service's own transaction ends). A
process killed between the two leaves a blob that ``cwgcop verify_files`` lists as an orphan.

One blob may be named by several rows (the same bytes uploaded twice); it is removed only when no row names it.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import IO

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import models, transaction

CHUNK = 1024 * 1024
# Blobs read from a remote store are checked in memory up to this size, on disk above it.
SPOOL_BYTES = 8 * 1024 * 1024
PREFIX = "documents/"

logger = logging.getLogger("cwgcop.files")


@dataclass(frozen=True)
class StoredBlob:
    key: str
    sha256: str
    size: int
    created: bool


class DamagedFileError(Exception):
    """The stored bytes are not the ones recorded (their SHA-256 differs, or they are gone)."""

    def __init__(self, key: str, found: str) -> None:
        super().__init__(f"{key}: {found}")
        self.key = key
        self.found = found


# Models whose ``storage_key`` field names blobs; apps register theirs when they are ready.
_referencing: list[type[models.Model]] = []
_pending = threading.local()


def register_reference(model: type[models.Model]) -> None:
    if model not in _referencing:
        _referencing.append(model)


def referencing_models() -> tuple[type[models.Model], ...]:
    return tuple(_referencing)


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
    return f"{PREFIX}{sha256[:2]}/{sha256}{extension}"


def _pending_keys() -> set[str]:
    keys: set[str] | None = getattr(_pending, "keys", None)
    if keys is None:
        keys = _pending.keys = set()
    return keys


def store(stream: IO[bytes], extension: str) -> StoredBlob:
    """Store the stream's bytes under their hash; an identical file already stored is reused.

    A blob this call creates is pending until :func:`keep` is called in the transaction that records it.
    """
    sha256, size = digest(stream)
    key = key_for(sha256, extension)
    if default_storage.exists(key):
        return StoredBlob(key=key, sha256=sha256, size=size, created=False)
    _pending_keys().add(key)
    saved = default_storage.save(key, File(stream, name=key))
    if saved != key:  # another writer stored the same content at the same moment
        default_storage.delete(saved)
        return StoredBlob(key=key, sha256=sha256, size=size, created=False)
    return StoredBlob(key=key, sha256=sha256, size=size, created=True)


def keep(blob: StoredBlob, stream: IO[bytes] | None = None) -> None:
    """Call in the transaction that records ``blob``: once it commits the blob is no longer pending.

    Another process may have removed the blob while this transaction was open, having seen no committed row
    naming it (a draft file it replaced had the same bytes); given the ``stream``, the bytes are written again
    after the commit.
    """
    transaction.on_commit(partial(_kept, blob, stream), robust=True)


def _kept(blob: StoredBlob, stream: IO[bytes] | None) -> None:
    _pending_keys().discard(blob.key)
    if stream is None or default_storage.exists(blob.key):
        return
    logger.warning("file %s was removed while it was being reused; writing it again", blob.key)
    stream.seek(0)
    default_storage.save(blob.key, File(stream, name=blob.key))


def is_referenced(key: str) -> bool:
    return any(model._default_manager.filter(storage_key=key).exists() for model in _referencing)


def remove_if_unreferenced(key: str) -> bool:
    """Remove the blob when no row names it (a replaced draft file, a rolled-back upload). True if removed."""
    if is_referenced(key):
        return False
    default_storage.delete(key)
    logger.info("removed file %s, which nothing names", key)
    return True


def remove_all_unreferenced(keys: Iterable[str]) -> list[str]:
    """:func:`remove_if_unreferenced` for many blobs (a rolled-back import), a query per model per 500 keys."""
    keys = sorted(set(keys))
    removed = []
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        named: set[str] = set()
        for model in _referencing:
            named.update(model._default_manager.filter(storage_key__in=chunk).values_list("storage_key", flat=True))
        for key in chunk:
            if key not in named:
                default_storage.delete(key)
                removed.append(key)
    if removed:
        logger.info("removed %s files, which nothing names", len(removed))
    return removed


def remove_after_commit(key: str) -> None:
    """Remove the blob once the current transaction has committed, if no row names it then."""
    transaction.on_commit(partial(remove_if_unreferenced, key), robust=True)


def sweep() -> list[str]:
    """Remove the pending blobs no row names, once no transaction is open. Returns the keys removed."""
    keys = _pending_keys()
    if not keys or transaction.get_connection().in_atomic_block:
        return []
    removed = [key for key in sorted(keys) if remove_if_unreferenced(key)]
    keys.clear()
    return removed


@contextmanager
def swept() -> Iterator[None]:
    """Around a service's transaction: the blobs it stored are removed if the transaction was rolled back."""
    try:
        yield
    finally:
        sweep()


def forget_pending() -> None:
    """Forget the pending blobs of this thread without removing them (tests: a test's transaction never commits)."""
    _pending_keys().clear()


def discard(blob: StoredBlob) -> None:
    """Remove a blob this request created, when the change that needed it was rolled back."""
    if blob.created:
        remove_if_unreferenced(blob.key)
        _pending_keys().discard(blob.key)


@contextmanager
def discarded_on_error(blob: StoredBlob) -> Iterator[None]:
    """Around the transaction (or savepoint) that records ``blob``: if it fails, a blob it created is removed."""
    try:
        yield
    except BaseException:
        discard(blob)
        raise


def open_blob(key: str) -> IO[bytes]:
    return default_storage.open(key, "rb")


def open_verified(key: str, sha256: str) -> IO[bytes]:
    """The blob, read once to check that its SHA-256 is the recorded one, and rewound.

    A local file is hashed in place (the second read comes from the page cache); a remote object is copied to a
    spooled temporary file while it is hashed, so it is fetched once. Raises :class:`DamagedFileError`.
    """
    try:
        stream = open_blob(key)
    except FileNotFoundError as exc:
        raise DamagedFileError(key, "missing") from exc
    if not _is_local(stream):
        copy = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - returned open to the caller
        with stream:
            while chunk := stream.read(CHUNK):
                copy.write(chunk)
        stream = copy
    found, _size = digest(stream)
    if found != sha256:
        stream.close()
        raise DamagedFileError(key, found)
    return stream


def _is_local(stream: IO[bytes]) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


def stored_keys() -> Iterator[str]:
    """Every blob in the store (under ``documents/``), local folder or bucket."""
    yield from _walk(PREFIX.rstrip("/"))


def _walk(folder: str) -> Iterator[str]:
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}"
    for name in sorted(folders):
        yield from _walk(f"{folder}/{name}")
