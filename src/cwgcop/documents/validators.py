"""Checks on uploaded files, made before anything is written."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import IO

import filetype
from django.conf import settings
from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import file_size, number
from cwgcop.core.uploads import leaves_its_folder

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
TEXT = "text/plain"
HTML = "text/html"

# Extension → the media type its content must have.
MEDIA_TYPES: dict[str, str] = {
    ".pdf": PDF,
    ".docx": DOCX,
    ".xlsx": XLSX,
    ".pptx": PPTX,
    ".odt": ODT,
    ".ods": ODS,
    ".odp": ODP,
    ".txt": TEXT,
    ".html": HTML,
    ".htm": HTML,
}
# The part every Office Open XML package of that kind holds.
OOXML_MAIN_PART = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml", PPTX: "ppt/presentation.xml"}
# OpenDocument packages (LibreOffice's own formats): a ZIP whose first member is "mimetype", stored uncompressed,
# holding the media type, and whose content is "content.xml" (ODF 1.2, part 3, section 3.3).
ODF_TYPES = frozenset({ODT, ODS, ODP})


@dataclass(frozen=True)
class CheckedFile:
    name: str
    extension: str
    media_type: str
    page_count: int | None


def _unsafe_name(name: str) -> DomainError:
    shown = "".join("?" if unicodedata.category(ch) == "Cc" else ch for ch in name)[:80]
    return DomainError(
        _("The file name “%(name)s” is not allowed: it must not contain folders or special characters.")
        % {"name": shown},
        code="file_name_unsafe",
    )


def check_file_name(raw_name: str) -> tuple[str, str]:
    """The cleaned file name and its extension; refuses names that try to leave their folder."""
    name = unicodedata.normalize("NFC", raw_name or "")
    if name.strip() and leaves_its_folder(name):
        raise _unsafe_name(name)  # before stripping: "evil.pdf\r\n" is refused, not quietly cleaned
    name = name.strip()
    if not name:
        raise DomainError(_("The file has no name."), code="file_name_missing")
    if (
        PurePosixPath(name).name != name
        or PureWindowsPath(name).name != name
        or name in {".", ".."}
        or name.startswith(".")
    ):
        raise _unsafe_name(name)
    if len(name) > 255:
        raise DomainError(_("The file name is longer than 255 characters."), code="file_name_too_long")
    extension = PurePosixPath(name).suffix.lower()
    if extension not in MEDIA_TYPES:
        raise DomainError(
            _("Files of type “%(extension)s” are not accepted. Accepted: %(accepted)s.")
            % {"extension": extension or "?", "accepted": ", ".join(sorted(MEDIA_TYPES))},
            code="file_type_not_accepted",
        )
    return name, extension


def check_size(size: int) -> None:
    if size <= 0:
        raise DomainError(_("The file is empty."), code="file_empty")
    limit = int(settings.CWGCOP_MAX_UPLOAD_BYTES)
    if size > limit:
        raise DomainError(
            _("The file is %(size)s; the largest file accepted is %(limit)s.")
            % {"size": file_size(size), "limit": file_size(limit)},
            code="file_too_large",
        )


def _mismatch(extension: str) -> DomainError:
    return DomainError(
        _("The file's content is not a %(extension)s file. Check that you chose the right file.")
        % {"extension": extension},
        code="file_content_mismatch",
    )


def _check_pdf(stream: IO[bytes]) -> int:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(stream, strict=False)
        pages = len(reader.pages)
        if pages:
            reader.pages[0].extract_text()
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise DomainError(
            _("The PDF file is damaged and cannot be read. Export it again and upload the new file."),
            code="file_malformed",
        ) from exc
    if pages == 0:
        raise DomainError(_("The PDF file has no pages."), code="file_malformed")
    return pages


# A member smaller than this may compress as well as it likes (tiny XML parts compress a hundredfold).
_RATIO_FLOOR_BYTES = 1024 * 1024


def check_package_limits(package: zipfile.ZipFile) -> None:
    """Refuse a ZIP package (DOCX, XLSX, PPTX, ODF) that would inflate beyond the limits, from its directory alone.

    Checked before any member is decompressed: the number of parts, the total uncompressed size and, for every
    part above 1 MB, its compression ratio (``CWGCOP_OFFICE_MAX_PARTS``, ``…_MAX_UNCOMPRESSED_MB``,
    ``…_MAX_RATIO``). Python's zipfile never inflates a member beyond the size its directory declares, so
    the declared sizes bound what any later reading (``testzip``, text extraction) costs.
    """
    members = package.infolist()
    max_parts = int(settings.CWGCOP_OFFICE_MAX_PARTS)
    if len(members) > max_parts:
        raise DomainError(
            _("The file holds too many parts: %(count)s (the limit is %(limit)s).")
            % {"count": number(len(members)), "limit": number(max_parts)},
            code="file_too_many_parts",
        )
    total = sum(member.file_size for member in members)
    max_total = int(settings.CWGCOP_OFFICE_MAX_UNCOMPRESSED_BYTES)
    if total > max_total:
        raise DomainError(
            _("Unpacked, the file would take %(size)s; at most %(limit)s are accepted.")
            % {"size": file_size(total), "limit": file_size(max_total)},
            code="file_inflates_too_much",
        )
    max_ratio = float(settings.CWGCOP_OFFICE_MAX_RATIO)
    for member in members:
        if member.file_size > _RATIO_FLOOR_BYTES and member.file_size > max_ratio * max(member.compress_size, 1):
            raise DomainError(
                _("A part of the file is compressed too much: %(ratio)s to 1 (the limit is %(limit)s to 1).")
                % {"ratio": number(member.file_size // max(member.compress_size, 1)), "limit": number(int(max_ratio))},
                code="file_inflates_too_much",
            )


def _check_ooxml(stream: IO[bytes], media_type: str, extension: str) -> None:
    try:
        with zipfile.ZipFile(stream) as package:
            names = set(package.namelist())
            check_package_limits(package)
            bad = package.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _mismatch(extension) from exc
    if "[Content_Types].xml" not in names or OOXML_MAIN_PART[media_type] not in names:
        raise _mismatch(extension)
    if bad is not None:
        raise DomainError(_("The file is damaged and cannot be read."), code="file_malformed")


def _check_odf(stream: IO[bytes], media_type: str, extension: str) -> None:
    try:
        with zipfile.ZipFile(stream) as package:
            members = package.infolist()
            first = members[0] if members else None
            declared = package.read(first).strip() if first is not None and first.filename == "mimetype" else b""
            names = {member.filename for member in members}
            check_package_limits(package)
            bad = package.testzip()
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
        raise _mismatch(extension) from exc
    if first is None or first.compress_type != zipfile.ZIP_STORED or declared != media_type.encode("ascii"):
        raise _mismatch(extension)
    if "content.xml" not in names or bad is not None:
        raise DomainError(_("The file is damaged and cannot be read."), code="file_malformed")


def _check_text(stream: IO[bytes], extension: str) -> None:
    data = stream.read()
    if b"\x00" in data:
        raise _mismatch(extension)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DomainError(_("Text files must be encoded as UTF-8."), code="file_encoding") from exc


def check_content(stream: IO[bytes], extension: str) -> CheckedFile:
    """Check that the bytes in ``stream`` are what ``extension`` promises, and readable."""
    media_type = MEDIA_TYPES[extension]
    stream.seek(0)
    head = stream.read(8192)
    stream.seek(0)
    guessed = filetype.guess_mime(head)
    page_count: int | None = None
    if media_type == PDF:
        if guessed != PDF:
            raise _mismatch(extension)
        page_count = _check_pdf(stream)
    elif media_type in OOXML_MAIN_PART:
        if guessed not in {"application/zip", media_type}:
            raise _mismatch(extension)
        _check_ooxml(stream, media_type, extension)
    elif media_type in ODF_TYPES:
        if guessed not in {"application/zip", media_type}:
            raise _mismatch(extension)
        _check_odf(stream, media_type, extension)
    else:
        if guessed is not None:
            raise _mismatch(extension)
        _check_text(stream, extension)
    stream.seek(0)
    return CheckedFile(name="", extension=extension, media_type=media_type, page_count=page_count)


def stream_size(stream: IO[bytes]) -> int | None:
    """The number of bytes in a seekable stream, found without reading them."""
    try:
        position = stream.tell()
        end = stream.seek(0, io.SEEK_END)
        stream.seek(position)
    except (AttributeError, OSError, ValueError):
        return None
    return int(end)


def check_upload(name: str, size: int, stream: IO[bytes]) -> CheckedFile:
    """Every check on an upload, cheapest first. Raises :class:`DomainError` with a user message.

    The size is checked twice before a byte is read: as the caller declares it (a held-back oversized
    upload has no bytes, only its true size) and as the stream measures it (a caller may be wrong).
    """
    clean_name, extension = check_file_name(name)
    check_size(size)
    measured = stream_size(stream)
    if measured is not None and measured != size:
        check_size(measured)
    checked = check_content(stream, extension)
    return CheckedFile(
        name=clean_name, extension=extension, media_type=checked.media_type, page_count=checked.page_count
    )


def as_stream(data: bytes) -> IO[bytes]:
    return io.BytesIO(data)
