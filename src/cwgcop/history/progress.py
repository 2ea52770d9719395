"""How far a background check or import is, readable while its transaction is still open.

The importer writes every row inside one transaction, so a progress column would stay invisible until the end
(and on SQLite another connection could not even write it). The figures go to a small file beside the uploaded
archive instead, replaced atomically; the status page reads it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

INTERVAL_SECONDS = 0.5


def import_dir() -> Path:
    return Path(settings.CWGCOP_IMPORT_DIR)


def _path(import_id: int) -> Path:
    return import_dir() / f"{import_id}.progress"


def write(import_id: int, done: int, total: int) -> None:
    path = _path(import_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".progress.tmp")
    temporary.write_text(f"{done} {total}", encoding="ascii")
    os.replace(temporary, path)


def read(import_id: int) -> tuple[int, int] | None:
    """(rows done, rows in all), or None before the run has counted its rows."""
    try:
        done, total = _path(import_id).read_text(encoding="ascii").split()
        return int(done), int(total)
    except (OSError, ValueError):
        return None


def clear(import_id: int) -> None:
    _path(import_id).unlink(missing_ok=True)


def recorder(import_id: int) -> Callable[[int, int], None]:
    """A progress callback for the importer that writes at most twice a second, and always the last row."""
    last = 0.0

    def record(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if done == total or now - last >= INTERVAL_SECONDS:
            write(import_id, done, total)
            last = now

    return record
