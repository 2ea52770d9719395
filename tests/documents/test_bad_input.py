"""Bad input to the archive: each is refused with a clear, translated message and leaves nothing behind.

Every case is checked twice, through the service and through the secretariat's upload page, and each
time the rows of Document, DocumentRevision, DocumentFile and AuditEntry and the files under MEDIA_ROOT
are the same after the refusal as before it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadhandler import FileUploadHandler
from django.db import IntegrityError
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.core.uploads import HeldBackUpload
from cwgcop.documents import services
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from tests.conftest import stored_files
from tests.factories import BodyFactory, docx_bytes, pdf_bytes, published_document, secretariat, signed_in

pytestmark = pytest.mark.django_db

KB = 1024
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 240
PE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 52 + b"\x80\x00\x00\x00" + b"\x00" * 64 + b"PE\x00\x00" + b"\x00" * 200
NOT_ALLOWED = "The file name “{}” is not allowed: it must not contain folders or special characters."
MISMATCH = "The file's content is not a {} file. Check that you chose the right file."
DAMAGED = "The PDF file is damaged and cannot be read. Export it again and upload the new file."

State = tuple[int, int, int, int, list[Path]]


@pytest.fixture
def state(media_root: Path) -> Callable[[], State]:
    """Everything a refused upload must leave untouched: row counts and the stored files."""

    def take() -> State:
        return (
            Document.objects.count(),
            DocumentRevision.objects.count(),
            DocumentFile.objects.count(),
            AuditEntry.objects.count(),
            stored_files(media_root),
        )

    return take


@pytest.fixture
def draft() -> Document:
    body = BodyFactory(acronym="CWG-COP", symbol_prefix="CWG-COP")
    return services.create_document(
        actor=None, body=body, kind="contribution", symbol="CWG-COP-21/9", titles={"en": "A"}
    )


@pytest.fixture
def staff_client(draft: Document) -> Client:
    return signed_in(secretariat(draft.body))


def _add(document: Document, data: bytes, name: str = "file.pdf", size: int | None = None) -> DocumentFile:
    return services.add_file(
        actor=None,
        document=document,
        language="en",
        name=name,
        size=len(data) if size is None else size,
        stream=io.BytesIO(data),
    )


def _refused(call: Callable[[], Any]) -> DomainError:
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value


def _multipart(fields: dict[str, str], file_name: str, content: bytes) -> tuple[bytes, str]:
    """A form body built by hand: Django's test client would cut the file name down before sending it."""
    boundary = "cwgcop-test-boundary"
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    )
    body += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode() + content
    body += f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _upload_page(client: Client, document: Document, file_name: str, content: bytes, language: str = "en") -> Any:
    with translation.override(language):
        url = reverse("staff:documents:document-upload", kwargs={"symbol": document.symbol})
    body, content_type = _multipart({"language": "en"}, file_name, content)
    return client.post(url, data=body, content_type=content_type)


def _page_text(response: Any) -> str:
    return str(response.content.decode())


class ExplodingStream(io.RawIOBase):
    """A stream of ``size`` bytes that fails the test if anyone reads it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.position = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = {io.SEEK_SET: offset, io.SEEK_CUR: self.position + offset, io.SEEK_END: self.size + offset}[
            whence
        ]
        return self.position

    def readinto(self, buffer: Any) -> int:
        raise AssertionError("the oversized upload was read")


# --- the size limit ---------------------------------------------------------------------------------


def _refused_big_upload(draft: Document, *, announced_size: int) -> DomainError:
    """Send the service 300 kB that fail the test if read, with the size the client announced; its refusal."""
    return _refused(
        lambda: services.add_file(
            actor=None,
            document=draft,
            language="en",
            name="big.pdf",
            size=announced_size,
            stream=ExplodingStream(300 * KB),
        )
    )


def test_oversized_upload_is_refused_by_the_service_without_reading_it(
    settings: Any, draft: Document, state: Callable[[], State]
) -> None:
    settings.CWGCOP_MAX_UPLOAD_BYTES = 100 * KB
    before = state()
    error = _refused_big_upload(draft, announced_size=300 * KB)
    assert (error.code, error.messages) == (
        "file_too_large",
        ["The file is 300 kB; the largest file accepted is 100 kB."],
    )
    assert state() == before


def test_oversized_upload_with_understated_size_is_refused_by_the_service(
    settings: Any, draft: Document, state: Callable[[], State]
) -> None:
    settings.CWGCOP_MAX_UPLOAD_BYTES = 100 * KB
    before = state()
    error = _refused_big_upload(draft, announced_size=10)
    assert error.code == "file_too_large"
    assert state() == before


def test_oversized_upload_is_refused_by_the_page_and_its_bytes_are_not_kept(
    settings: Any, draft: Document, staff_client: Client, state: Callable[[], State]
) -> None:
    settings.CWGCOP_MAX_UPLOAD_BYTES = 100 * KB
    before = state()
    response = _upload_page(staff_client, draft, "big.pdf", pdf_bytes() + b"\n%" + b"x" * (300 * KB))
    assert response.status_code == 400
    held = response.wsgi_request.FILES["file"]
    assert isinstance(held, HeldBackUpload)
    assert (held.name, held.size) == ("big.pdf", len(pdf_bytes()) + 2 + 300 * KB)
    assert "the largest file accepted is 100 kB." in _page_text(response)
    assert state() == before


class CountingHandler(FileUploadHandler):
    """Stands in for Django's memory and disk handlers: counts the bytes that reach them."""

    received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        CountingHandler.received += len(raw_data)
        return None

    def file_complete(self, file_size: int) -> None:
        return None


def test_bytes_past_the_limit_never_reach_memory_or_disk(settings: Any, rf: RequestFactory) -> None:
    settings.CWGCOP_MAX_UPLOAD_BYTES = 100 * KB
    settings.FILE_UPLOAD_HANDLERS = ["cwgcop.core.uploads.UploadGuard", f"{__name__}.CountingHandler"]
    CountingHandler.received = 0
    body, content_type = _multipart({"language": "en"}, "big.pdf", b"x" * (5 * 1024 * KB))
    request = rf.post("/", data=body, content_type=content_type)
    held = request.FILES["file"]
    assert isinstance(held, HeldBackUpload)
    assert (held.size, held.read()) == (5 * 1024 * KB, b"")
    assert 0 < CountingHandler.received <= 100 * KB
    assert request.POST["language"] == "en"


def test_upload_just_under_the_limit_is_accepted_by_the_page(
    settings: Any, draft: Document, staff_client: Client, state: Callable[[], State]
) -> None:
    content = pdf_bytes()
    settings.CWGCOP_MAX_UPLOAD_BYTES = len(content)
    before = state()
    response = _upload_page(staff_client, draft, "small.pdf", content)
    assert response.status_code == 302
    stored = DocumentFile.objects.get()
    assert (stored.original_name, stored.size) == ("small.pdf", len(content))
    assert state()[2:4] == (before[2] + 1, before[3] + 1)


def test_upload_limit_comes_from_the_environment_in_megabytes(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    import cwgcop.settings

    monkeypatch.setenv("CWGCOP_MAX_UPLOAD_MB", "7")
    assert importlib.reload(cwgcop.settings).CWGCOP_MAX_UPLOAD_BYTES == 7 * 1024 * 1024
    monkeypatch.delenv("CWGCOP_MAX_UPLOAD_MB")
    assert importlib.reload(cwgcop.settings).CWGCOP_MAX_UPLOAD_BYTES == 50 * 1024 * 1024


# --- content that does not match its name, empty and malformed files ---------------------------------

BAD_CONTENT = [
    pytest.param(("program.pdf", ELF, "file_content_mismatch", MISMATCH.format(".pdf")), id="elf-as-pdf"),
    pytest.param(("program.pdf", PE, "file_content_mismatch", MISMATCH.format(".pdf")), id="pe-as-pdf"),
    pytest.param(("report.docx", pdf_bytes(), "file_content_mismatch", MISMATCH.format(".docx")), id="pdf-as-docx"),
    pytest.param(("report.pdf", docx_bytes(), "file_content_mismatch", MISMATCH.format(".pdf")), id="docx-as-pdf"),
    pytest.param(("empty.pdf", b"", "file_empty", "The file is empty."), id="empty"),
    pytest.param(("cut.pdf", pdf_bytes()[: len(pdf_bytes()) // 2], "file_malformed", DAMAGED), id="truncated-pdf"),
    pytest.param(("noise.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, "file_malformed", DAMAGED), id="garbage-pdf"),
    pytest.param(
        (
            "hollow.pdf",
            b"%PDF-1.4\n" + b"\x8f\x01garbage" * 500 + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
            "file_malformed",
            DAMAGED,
        ),
        id="garbage-with-trailer-pdf",
    ),
]


@pytest.mark.parametrize("case", BAD_CONTENT)
def test_bad_content_is_refused_by_the_service(
    draft: Document, state: Callable[[], State], case: tuple[str, bytes, str, str]
) -> None:
    name, content, code, message = case
    before = state()
    error = _refused(lambda: _add(draft, content, name=name))
    assert (error.code, error.messages) == (code, [message])
    assert state() == before


@pytest.mark.parametrize("case", BAD_CONTENT)
def test_bad_content_is_refused_by_the_page(
    draft: Document, staff_client: Client, state: Callable[[], State], case: tuple[str, bytes, str, str]
) -> None:
    name, content, _code, message = case
    before = state()
    response = _upload_page(staff_client, draft, name, content)
    assert response.status_code == 400
    assert _page_text(response).count(message.replace("'", "&#x27;")) == 3  # message, error summary and field
    assert state() == before


# --- file names that try to leave their folder -------------------------------------------------------

UNSAFE_NAMES = [
    pytest.param("../../etc/passwd.pdf", "../../etc/passwd.pdf", id="posix-traversal"),
    pytest.param("..\\evil.pdf", "..\\evil.pdf", id="windows-traversal"),
    pytest.param("/etc/passwd.pdf", "/etc/passwd.pdf", id="absolute"),
    pytest.param("evil\x00.pdf", "evil?.pdf", id="nul"),
    pytest.param("\x1b[31mred.pdf", "?[31mred.pdf", id="escape"),
    pytest.param("evil.pdf\r\n", "evil.pdf??", id="line-break"),
    pytest.param("..", "..", id="parent"),
]


@pytest.mark.parametrize(("name", "shown"), UNSAFE_NAMES)
def test_unsafe_file_name_is_refused_by_the_service(
    draft: Document, state: Callable[[], State], name: str, shown: str
) -> None:
    before = state()
    error = _refused(lambda: _add(draft, pdf_bytes(), name=name))
    assert (error.code, error.messages) == ("file_name_unsafe", [NOT_ALLOWED.format(shown)])
    assert state() == before


@pytest.mark.parametrize(
    ("name", "shown"), [p for p in UNSAFE_NAMES if "\r" not in p.values[0]]
)  # a raw line break cannot travel inside a multipart header
def test_unsafe_file_name_is_refused_by_the_page_as_sent(
    draft: Document, staff_client: Client, state: Callable[[], State], name: str, shown: str
) -> None:
    before = state()
    response = _upload_page(staff_client, draft, name, pdf_bytes())
    assert response.status_code == 400
    held = response.wsgi_request.FILES["file"]
    assert isinstance(held, HeldBackUpload)
    assert (held.name, held.size) == (name, len(pdf_bytes()))
    assert NOT_ALLOWED.format(shown).replace("'", "&#x27;") in _page_text(response)
    assert state() == before


def test_safe_file_name_with_html_entity_keeps_djangos_reading(
    draft: Document, staff_client: Client, state: Callable[[], State]
) -> None:
    response = _upload_page(staff_client, draft, "R&amp;D report.pdf", pdf_bytes())
    assert response.status_code == 302
    assert DocumentFile.objects.get().original_name == "R&D report.pdf"


# --- symbols and withdrawn documents -----------------------------------------------------------------


def test_duplicate_symbol_is_refused_by_the_service(draft: Document, state: Callable[[], State]) -> None:
    before = state()
    error = _refused(
        lambda: services.create_document(
            actor=None, body=draft.body, kind="contribution", symbol="cwg-cop-21/9", titles={"en": "Again"}
        )
    )
    assert (error.code, error.messages) == ("symbol_taken", ["A document with the symbol CWG-COP-21/9 already exists."])
    assert state() == before


def test_duplicate_symbol_is_refused_by_the_page(
    draft: Document, staff_client: Client, state: Callable[[], State]
) -> None:
    before = state()
    response = staff_client.post(
        reverse("staff:documents:document-create"),
        {
            "body": draft.body.pk,
            "kind": "contribution",
            "symbol": "CWG-COP-21/9",
            "original_language": "en",
            "title_en": "B",
        },
    )
    assert response.status_code == 400
    assert "A document with the symbol CWG-COP-21/9 already exists." in _page_text(response)
    assert state() == before


def test_duplicate_symbol_lost_in_a_race_is_refused_without_a_trace(
    draft: Document, state: Callable[[], State], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The early check passes (as when another request inserts the same symbol a moment later);
    # the database's unique constraint then refuses the row.
    monkeypatch.setattr(services, "_check_symbol", lambda symbol: symbol)
    before = state()
    error = _refused(
        lambda: services.create_document(
            actor=None, body=draft.body, kind="contribution", symbol="CWG-COP-21/9", titles={"en": "Again"}
        )
    )
    assert error.code == "symbol_taken"
    assert state() == before


@pytest.fixture
def withdrawn() -> Document:
    document = published_document(symbol="CWG-COP-21/7")
    services.withdraw_document(actor=None, document=document, reason="Submitted twice")
    return Document.objects.get(pk=document.pk)


def test_revision_of_withdrawn_document_is_refused_by_the_service(
    withdrawn: Document, state: Callable[[], State]
) -> None:
    before = state()
    error = _refused(lambda: services.start_revision(actor=None, document=withdrawn, note="Fix"))
    assert (error.code, error.messages) == ("document_withdrawn", ["CWG-COP-21/7 was withdrawn and cannot be revised."])
    assert state() == before


def test_revision_of_withdrawn_document_is_refused_by_the_page(withdrawn: Document, state: Callable[[], State]) -> None:
    client = Client()
    client.force_login(secretariat(withdrawn.body, username="sec2"))
    before = state()
    response = client.post(
        reverse("staff:documents:document-revise", kwargs={"symbol": withdrawn.symbol}), {"note": "Fix"}
    )
    assert response.status_code == 400
    assert "CWG-COP-21/7 was withdrawn and cannot be revised." in _page_text(response)
    assert state() == before


def test_file_for_withdrawn_document_is_refused_by_service_and_page(
    withdrawn: Document, state: Callable[[], State]
) -> None:
    client = Client()
    client.force_login(secretariat(withdrawn.body, username="sec2"))
    before = state()
    error = _refused(lambda: _add(withdrawn, pdf_bytes("new")))
    assert (error.code, error.messages) == ("document_withdrawn", ["CWG-COP-21/7 was withdrawn."])
    response = _upload_page(client, withdrawn, "new.pdf", pdf_bytes("new"))
    assert response.status_code == 400
    assert "CWG-COP-21/7 was withdrawn." in _page_text(response)
    assert state() == before


# --- a database failure after the file was stored ----------------------------------------------------


def _failing_save(*args: Any, **kwargs: Any) -> None:
    raise IntegrityError("simulated failure")


def test_stored_file_is_removed_when_the_database_write_fails(
    draft: Document, state: Callable[[], State], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = state()
    monkeypatch.setattr(DocumentFile, "save", _failing_save)
    with pytest.raises(IntegrityError):
        _add(draft, pdf_bytes("lost"))
    assert state() == before
    assert before[4] == []


def test_file_shared_with_another_record_is_kept_when_the_database_write_fails(
    draft: Document, state: Callable[[], State], media_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = pdf_bytes("shared")
    other = published_document(symbol="CWG-COP-21/10")
    services.start_revision(actor=None, document=other)
    kept = _add(other, shared, name="kept.pdf")
    before = state()
    assert len(before[4]) == 2
    monkeypatch.setattr(DocumentFile, "save", _failing_save)
    with pytest.raises(IntegrityError):
        _add(draft, shared, name="copy.pdf")
    assert state() == before
    assert (media_root / kept.storage_key).read_bytes() == shared


# --- drafts do not exist for the public --------------------------------------------------------------


def test_draft_document_is_not_found_for_anonymous_readers(draft: Document, client: Client) -> None:
    _add(draft, pdf_bytes("secret"))
    draft.status = DocumentStatus.SUBMITTED  # submitted is not public either
    draft.save(update_fields=["status"])
    with translation.override("en"):
        page = reverse("documents:detail", kwargs={"symbol": draft.symbol})
    answers = [
        client.get(page).status_code,
        client.get(f"/files/{draft.symbol}/rev0/en/").status_code,
        client.get(f"/files/{draft.symbol}/en/").status_code,
        client.head(f"/files/{draft.symbol}/rev0/en/").status_code,
    ]
    api = client.get(f"/api/v1/documents/{draft.symbol}")
    assert answers == [404, 404, 404, 404]
    assert (api.status_code, api.json()) == (
        404,
        {"detail": f"There is no public document with the symbol {draft.symbol}.", "code": "not_found"},
    )


def test_unpublished_revision_of_public_document_is_not_found(client: Client) -> None:
    document = published_document(symbol="CWG-COP-21/11")
    services.start_revision(actor=None, document=document)
    _add(document, pdf_bytes("next"))
    assert client.get(f"/files/{document.symbol}/rev0/en/").status_code == 200
    assert client.get(f"/files/{document.symbol}/rev1/en/").status_code == 404
    assert client.get(f"/files/{document.symbol}/en/")["Location"] == f"/files/{document.symbol}/rev0/en/"


def test_draft_document_is_not_found_even_for_a_signed_in_reader_without_rights(draft: Document) -> None:
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory(username="reader"))
    assert client.get(f"/en/documents/{draft.symbol}/").status_code == 404


# --- the messages in Chinese -------------------------------------------------------------------------


def test_messages_are_translated_into_chinese_by_the_service(settings: Any, draft: Document) -> None:
    settings.CWGCOP_MAX_UPLOAD_BYTES = 100 * KB
    with translation.override("zh-hans"):
        empty = _refused(lambda: _add(draft, b"", name="empty.pdf")).messages
        mismatch = _refused(lambda: _add(draft, ELF, name="program.pdf")).messages
        unsafe = _refused(lambda: _add(draft, pdf_bytes(), name="../../etc/passwd.pdf")).messages
        large = _refused(lambda: _add(draft, b"", name="big.pdf", size=300 * KB)).messages
        damaged = _refused(lambda: _add(draft, b"%PDF-1.7\n" + b"\x00" * 100, name="cut.pdf")).messages
        duplicate = _refused(
            lambda: services.create_document(
                actor=None, body=draft.body, kind="contribution", symbol="CWG-COP-21/9", titles={"en": "Again"}
            )
        ).messages
    assert empty == ["文件为空。"]
    assert mismatch == ["文件内容不是.pdf文件。请检查是否选择了正确的文件。"]
    assert unsafe == ["不允许使用文件名“../../etc/passwd.pdf”：文件名不得包含文件夹或特殊字符。"]
    assert large == ["文件大小为300 kB；可接受的最大文件为100 kB。"]
    assert damaged == ["PDF文件已损坏，无法读取。请重新导出并上传新文件。"]
    assert duplicate == ["文号为CWG-COP-21/9的文件已存在。"]


def test_messages_are_translated_into_chinese_on_the_zh_hans_upload_page(
    draft: Document, staff_client: Client, state: Callable[[], State]
) -> None:
    before = state()
    empty = _upload_page(staff_client, draft, "empty.pdf", b"", language="zh-hans")
    mismatch = _upload_page(staff_client, draft, "program.pdf", PE, language="zh-hans")
    unsafe = _upload_page(staff_client, draft, "..\\evil.pdf", pdf_bytes(), language="zh-hans")
    assert empty.request["PATH_INFO"] == f"/zh-hans/staff/documents/{draft.symbol}/upload/"
    assert [empty.status_code, mismatch.status_code, unsafe.status_code] == [400, 400, 400]
    assert "文件为空。" in _page_text(empty)
    assert "文件内容不是.pdf文件。请检查是否选择了正确的文件。" in _page_text(mismatch)
    assert "不允许使用文件名“..\\evil.pdf”：文件名不得包含文件夹或特殊字符。" in _page_text(unsafe)
    assert "出现问题" in _page_text(unsafe)
    assert state() == before
