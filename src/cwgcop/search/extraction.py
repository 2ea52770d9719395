"""Extracting the text of a published file, for the search index.

Each format is read by a well-kept tool: PDF by pypdf (chosen by measurement over pdfminer.six, pypdfium2 and
poppler's pdftotext, see docs/search.md and bench/extraction_accuracy.py), DOCX, PPTX and XLSX by python-docx,
python-pptx and openpyxl, OpenDocument (ODT, ODS, ODP) and HTML by the standard library. A file
whose text cannot be read is recorded with the reason, for the secretariat to see; it never stops a document
from being published. A text that looks wrong (words of an alphabetic script run together, mostly replacement
characters) is kept and indexed but marked ``suspect`` for the secretariat, not reported as done.
"""

from __future__ import annotations

import html.parser
import io
import logging
import re
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO
from xml.etree import ElementTree

from django.conf import settings

from cwgcop.documents import storage
from cwgcop.documents.models import DocumentFile
from cwgcop.documents.validators import (
    DOCX,
    HTML,
    ODP,
    ODS,
    ODT,
    OOXML_MAIN_PART,
    PDF,
    PPTX,
    TEXT,
    XLSX,
    check_package_limits,
)
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


_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_BLOCKS = {f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h"}
_ODF_SPACE, _ODF_TAB, _ODF_BREAK = (f"{{{_ODF_TEXT}}}{name}" for name in ("s", "tab", "line-break"))
_MAX_ODF_CONTENT = 200 * 1024 * 1024


def _odf(stream: IO[bytes]) -> Iterator[str]:
    """The paragraphs and headings of an OpenDocument file's ``content.xml`` (text, cells, slides), in order."""
    with zipfile.ZipFile(stream) as package:
        info = package.getinfo("content.xml")
        if info.file_size > _MAX_ODF_CONTENT:
            raise ExtractionError("content.xml is too large")
        data = package.read(info)
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise ExtractionError("content.xml declares a DTD or entities")  # never expanded
    root = ElementTree.fromstring(data)  # noqa: S314 - no DTD, no entities (checked above)
    yield from _odf_blocks(root)


def _odf_blocks(element: ElementTree.Element) -> Iterator[str]:
    for child in element:
        if child.tag in _ODF_BLOCKS:
            yield "".join(_odf_inline(child))
        else:
            yield from _odf_blocks(child)


def _odf_inline(element: ElementTree.Element) -> Iterator[str]:
    if element.text:
        yield element.text
    for child in element:
        if child.tag == _ODF_SPACE:
            yield " " * int(child.get(f"{{{_ODF_TEXT}}}c", "1") or 1)
        elif child.tag == _ODF_TAB:
            yield "\t"
        elif child.tag == _ODF_BREAK:
            yield "\n"
        else:
            yield from _odf_inline(child)
        if child.tail:
            yield child.tail


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
    ODT: _odf,
    ODS: _odf,
    ODP: _odf,
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
        if media_type in OOXML_MAIN_PART or media_type in {ODT, ODS, ODP}:
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
    wrong = looks_wrong(text)
    if wrong:
        return Extracted(ExtractionStatus.SUSPECT, text, wrong)
    return Extracted(ExtractionStatus.DONE, text, "")


# Letters of the scripts written with spaces between words (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic).
_SPACED_WORD = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u052f\u0531-\u058f\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3]+")
_JUNK = re.compile("[\ufffd\ue000-\uf8ff]")  # replacement characters and the private use area (lost fonts)
# Thresholds, measured on the extraction corpus (bench/extraction_accuracy.py): correct texts stay far below.
MIN_LETTERS_CHECKED = 200
MAX_MEAN_WORD_LENGTH = 16
MAX_JUNK_SHARE = 0.2


def looks_wrong(text: str) -> str:
    """Why an extracted text looks wrong, or "" when it does not: the words of an alphabetic script run together
    (an average word of more than ``MAX_MEAN_WORD_LENGTH`` letters: the spaces were lost), or mostly
    replacement characters (``MAX_JUNK_SHARE`` of the visible characters)."""
    visible = len(text) - sum(1 for ch in text if ch.isspace())
    junk = len(_JUNK.findall(text))
    if visible and junk / visible > MAX_JUNK_SHARE:
        return f"{junk} of {visible} characters are replacement or private-use characters"
    words = _SPACED_WORD.findall(text)
    letters = sum(len(word) for word in words)
    if letters >= MIN_LETTERS_CHECKED and letters / len(words) > MAX_MEAN_WORD_LENGTH:
        return f"words run together: {letters / len(words):.0f} letters a word on average (spaces lost?)"
    return ""


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
