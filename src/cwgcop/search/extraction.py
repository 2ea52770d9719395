"""Extracting the text of a published file, for the search index.

Each format is read by a well-kept library (pypdf, python-docx, python-pptx, openpyxl) or the standard
library (plain text, HTML). A file whose text cannot be read is recorded with the reason, for the
secretariat to see; it never stops a document from being published.
"""

from __future__ import annotations

import html.parser
import io
import logging
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO

from django.conf import settings

from cwgcop.documents import storage
from cwgcop.documents.models import DocumentFile
from cwgcop.documents.validators import DOCX, HTML, OOXML_MAIN_PART, PDF, PPTX, TEXT, XLSX, check_package_limits
from cwgcop.search.models import ExtractionStatus, FileExtraction

logger = logging.getLogger(__name__)

# Text kept per file; longer texts are cut (the index reads only the start of them anyway).
MAX_EXTRACTED_CHARACTERS = 2_000_000


class ExtractionError(Exception):
    """The file's text could not be read; the message says why, for the secretariat."""


@dataclass(frozen=True)
class Extracted:
    status: ExtractionStatus
    text: str
    error: str


def _pdf(stream: IO[bytes]) -> Iterator[str]:
    from pypdf import PdfReader

    reader = PdfReader(stream, strict=False)
    for page in reader.pages:
        yield page.extract_text() or ""


def _docx(stream: IO[bytes]) -> Iterator[str]:
    import docx

    document = docx.Document(stream)
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            yield "\t".join(cell.text for cell in row.cells)


def _pptx(stream: IO[bytes]) -> Iterator[str]:
    from pptx import Presentation

    presentation = Presentation(stream)
    for slide in presentation.slides:
        for shape in slide.shapes:
            if getattr(shape, "has_text_frame", False):
                yield shape.text_frame.text


def _xlsx(stream: IO[bytes]) -> Iterator[str]:
    from openpyxl import load_workbook

    workbook = load_workbook(stream, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            yield str(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None]
                if cells:
                    yield "\t".join(cells)
    finally:
        workbook.close()


def _text(stream: IO[bytes]) -> Iterator[str]:
    yield stream.read().decode("utf-8", errors="replace")


class _HTMLText(html.parser.HTMLParser):
    SKIPPED = frozenset({"script", "style", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIPPED:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _html(stream: IO[bytes]) -> Iterator[str]:
    parser = _HTMLText()
    parser.feed(stream.read().decode("utf-8", errors="replace"))
    parser.close()
    yield " ".join(parser.parts)


READERS: dict[str, Callable[[IO[bytes]], Iterator[str]]] = {
    PDF: _pdf,
    DOCX: _docx,
    PPTX: _pptx,
    XLSX: _xlsx,
    TEXT: _text,
    HTML: _html,
}


def extract(media_type: str, stream: IO[bytes]) -> Extracted:
    """The text of a file of ``media_type``; a file that cannot be read gives a FAILED result, never an error."""
    reader = READERS.get(media_type)
    if reader is None:
        return Extracted(ExtractionStatus.FAILED, "", f"no text reader for {media_type}")
    deadline = time.monotonic() + settings.CWGCOP_EXTRACTION_SECONDS
    try:
        if media_type in OOXML_MAIN_PART:
            # A file stored before the upload limits existed is held to them too, before anything is unpacked.
            with zipfile.ZipFile(stream) as package:
                check_package_limits(package)
            stream.seek(0)
        parts: list[str] = []
        size = 0
        for part in reader(stream):
            parts.append(part)
            size += len(part) + 1
            if size > MAX_EXTRACTED_CHARACTERS or time.monotonic() > deadline:
                break
        text = "\n".join(parts)[:MAX_EXTRACTED_CHARACTERS].replace("\x00", "")
    except Exception as exc:
        logger.warning("Text extraction failed for a %s file: %r", media_type, exc)
        return Extracted(ExtractionStatus.FAILED, "", f"{type(exc).__name__}: {exc}"[:1000])
    if not text.strip():
        return Extracted(ExtractionStatus.EMPTY, "", "")
    return Extracted(ExtractionStatus.DONE, text, "")


def extract_file(stored: DocumentFile) -> FileExtraction:
    """Extract the text of ``stored``, keep it in ``extracted_text`` and record how it went."""
    try:
        with storage.open_blob(stored.storage_key) as stream:
            result = extract(stored.media_type, io.BytesIO(stream.read()))
    except OSError as exc:
        result = Extracted(ExtractionStatus.FAILED, "", f"{type(exc).__name__}: {exc}"[:1000])
    stored.extracted_text = result.text
    stored.save(update_fields=["extracted_text"])
    extraction, _created = FileExtraction.objects.update_or_create(
        file=stored,
        defaults={"status": result.status, "error": result.error, "characters": len(result.text)},
    )
    return extraction
