"""The checks an upload passes before anything is written (cwgcop.documents.validators)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from cwgcop.core.errors import DomainError
from cwgcop.core.uploads import leaves_its_folder
from cwgcop.documents.validators import DOCX, PDF, XLSX, check_file_name, check_upload, stream_size
from tests.factories import docx_bytes, pdf_bytes


def _code(name: str, data: bytes, size: int | None = None) -> str | None:
    try:
        check_upload(name, len(data) if size is None else size, io.BytesIO(data))
    except DomainError as error:
        return error.code
    return None


def _ooxml(main_part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(main_part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("report.pdf", ("report.pdf", ".pdf")),
        ("  Rapport final.DOCX ", ("Rapport final.DOCX", ".docx")),
        ("报告.pdf", ("报告.pdf", ".pdf")),
        ("تقرير.pdf", ("تقرير.pdf", ".pdf")),
        ("Cafe\u0301.pdf", ("Café.pdf", ".pdf")),  # composed to NFC
    ],
)
def test_safe_file_names_are_kept_and_give_their_extension(raw: str, expected: tuple[str, str]) -> None:
    assert check_file_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "file_name_missing"),
        ("   ", "file_name_missing"),
        ("../x.pdf", "file_name_unsafe"),
        ("a/b.pdf", "file_name_unsafe"),
        ("a\\b.pdf", "file_name_unsafe"),
        ("C:evil.pdf", "file_name_unsafe"),
        (".hidden.pdf", "file_name_unsafe"),
        ("tab\there.pdf", "file_name_unsafe"),
        ("bell\x07.pdf", "file_name_unsafe"),
        ("x" * 252 + ".pdf", "file_name_too_long"),
        ("program.exe", "file_type_not_accepted"),
        ("noextension", "file_type_not_accepted"),
    ],
)
def test_bad_file_names_are_refused(raw: str, code: str) -> None:
    with pytest.raises(DomainError) as error:
        check_file_name(raw)
    assert error.value.code == code


@pytest.mark.parametrize("name", ["../a.pdf", "..\\a.pdf", "a\x00.pdf", "a\x1f.pdf", "..", " . "])
def test_every_name_the_upload_guard_holds_back_is_refused_by_the_validators(name: str) -> None:
    assert leaves_its_folder(name)
    with pytest.raises(DomainError) as error:
        check_file_name(name)
    assert error.value.code == "file_name_unsafe"


def test_unknown_extension_message_lists_the_accepted_types() -> None:
    with pytest.raises(DomainError) as error:
        check_file_name("program.exe")
    accepted = ".docx, .htm, .html, .odp, .ods, .odt, .pdf, .pptx, .txt, .xlsx"
    assert error.value.messages == [f"Files of type “.exe” are not accepted. Accepted: {accepted}."]


@pytest.mark.parametrize(
    ("name", "data", "media_type", "pages"),
    [
        ("a.pdf", pdf_bytes(), PDF, 1),
        ("a.docx", docx_bytes(), DOCX, None),
        ("a.xlsx", _ooxml("xl/workbook.xml"), XLSX, None),
        ("a.txt", "Protección en línea, 在线保护".encode(), "text/plain", None),
        ("a.html", b"<p>Hello</p>", "text/html", None),
    ],
)
def test_good_files_pass_with_their_media_type(name: str, data: bytes, media_type: str, pages: int | None) -> None:
    checked = check_upload(name, len(data), io.BytesIO(data))
    assert (checked.name, checked.media_type, checked.page_count) == (name, media_type, pages)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("a.xlsx", docx_bytes(), "file_content_mismatch"),  # a Word package named as a workbook
        ("a.docx", _ooxml("xl/workbook.xml"), "file_content_mismatch"),
        ("a.txt", b"text\x00with a NUL", "file_content_mismatch"),
        ("a.txt", "Latin-1 façade".encode("latin-1"), "file_encoding"),
        ("a.txt", pdf_bytes(), "file_content_mismatch"),
        ("a.html", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "file_content_mismatch"),
        ("a.docx", b"PK\x03\x04 not really a zip", "file_content_mismatch"),
    ],
)
def test_content_that_is_not_what_its_name_says_is_refused(name: str, data: bytes, code: str) -> None:
    assert _code(name, data) == code


def test_size_is_checked_as_declared_and_as_measured(settings: Any) -> None:
    settings.CWGCOP_MAX_UPLOAD_BYTES = 1000
    data = pdf_bytes()
    assert len(data) > 1000
    assert _code("a.pdf", data) == "file_too_large"
    assert _code("a.pdf", data, size=10) == "file_too_large"  # the stream is measured, not trusted
    assert _code("a.pdf", b"", size=10) == "file_empty"
    settings.CWGCOP_MAX_UPLOAD_BYTES = len(data)
    assert _code("a.pdf", data) is None


def test_stream_size_does_not_move_the_stream() -> None:
    stream = io.BytesIO(b"0123456789")
    stream.seek(3)
    assert (stream_size(stream), stream.tell()) == (10, 3)
