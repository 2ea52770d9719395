"""Reading an archive (a folder or a ZIP file) without trusting it.

A path in the manifest or in the ZIP may not leave the archive's root; a ZIP may not unpack to more than
``CWGCOP_ARCHIVE_MAX_MB`` in all, nor any member expand more than ``MAX_RATIO`` times (a decompression bomb is
refused before a byte of it is unpacked, and a member that unpacks to more than its header says is cut off).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError

MANIFEST = "manifest.json"
MAX_RATIO = 200
CHUNK = 1024 * 1024


def _limit() -> int:
    return int(getattr(settings, "CWGCOP_ARCHIVE_MAX_BYTES", 20 * 1024**3))


def _outside(path: str) -> DomainError:
    return DomainError(
        _("The path “%(path)s” leads outside the archive.") % {"path": path[:200]}, code="archive_path_outside"
    )


def clean_path(path: str) -> str:
    """``path`` as a relative POSIX path inside the archive; refuses absolute paths and ``..``."""
    if not isinstance(path, str) or not path or "\\" in path or "\x00" in path or ":" in path:
        raise _outside(str(path))
    pure = PurePosixPath(path)
    if pure.is_absolute() or any(part in {"..", ""} for part in pure.parts):
        raise _outside(path)
    return str(pure)


class ArchiveSource:
    """The manifest and the files of an archive, read from a folder or a ZIP."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, zipfile.ZipInfo] = {}
        if path.is_dir():
            self.root = path.resolve()
        elif path.is_file():
            self._open_zip(path)
        else:
            raise DomainError(_("There is no folder or ZIP file at %(path)s.") % {"path": path}, code="archive_missing")

    def _open_zip(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise DomainError(_("%(path)s is not a readable ZIP file.") % {"path": path.name}, code="zip_bad") from exc
        total = 0
        for info in self._zip.infolist():
            if info.is_dir():
                continue
            name = clean_path(info.filename)
            total += info.file_size
            if info.file_size > MAX_RATIO * max(info.compress_size, 1) or total > _limit():
                raise DomainError(
                    _("The ZIP file unpacks to too much data (a decompression bomb?); nothing was imported."),
                    code="zip_bomb",
                )
            self._members[name] = info

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def exists(self, path: str) -> bool:
        path = clean_path(path)
        if self._zip is not None:
            return path in self._members
        full = (self.root / path).resolve()
        if not full.is_relative_to(self.root):
            raise _outside(path)
        return full.is_file()

    def open(self, path: str) -> IO[bytes]:
        """The file's bytes as a seekable stream (a ZIP member is unpacked, at most as large as it says)."""
        path = clean_path(path)
        if self._zip is None:
            full = (self.root / path).resolve()
            if not full.is_relative_to(self.root):
                raise _outside(path)
            return full.open("rb")
        info = self._members[path]
        buffer = io.BytesIO()
        with self._zip.open(info) as member:
            while chunk := member.read(CHUNK):
                buffer.write(chunk)
                if buffer.tell() > info.file_size:
                    raise DomainError(
                        _("The ZIP file unpacks to too much data (a decompression bomb?); nothing was imported."),
                        code="zip_bomb",
                    )
        buffer.seek(0)
        return buffer

    def read(self, path: str) -> bytes | None:
        """A whole (small) file of the archive, or None when it has none at ``path``."""
        if not self.exists(path):
            return None
        with self.open(path) as stream:
            return stream.read()
