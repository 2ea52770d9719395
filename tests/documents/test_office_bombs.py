"""Uploads that cannot hurt: an office file (a ZIP package) is refused from its directory alone when it holds too
many parts, would unpack to too many bytes or compresses a part too well; nothing is stored, the message is in
the user's language, and text extraction holds files stored earlier to the same limits."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from cwgcop.core.models import AuditEntry
from cwgcop.documents import services
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.documents.validators import DOCX
from cwgcop.search.extraction import extract
from cwgcop.search.models import ExtractionStatus
from tests.conftest import stored_files
from tests.documents.test_bad_input import (
    State,
    _add,
    _page_text,
    _refused,
    _upload_page,
)
from tests.factories import BodyFactory, docx_bytes, secretariat, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def state(media_root: Path) -> Callable[[], State]:
    return lambda: (
        Document.objects.count(),
        DocumentRevision.objects.count(),
        DocumentFile.objects.count(),
        AuditEntry.objects.count(),
        stored_files(media_root),
    )


@pytest.fixture
def draft() -> Document:
    body = BodyFactory(acronym="CWG-COP", symbol_prefix="CWG-COP")
    return services.create_document(
        actor=None, body=body, kind="contribution", symbol="CWG-COP-40/2", titles={"en": "B"}
    )


@pytest.fixture
def staff_client(draft: Document) -> Client:
    return signed_in(secretariat(draft.body))


MB = 1024 * 1024
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def package(members: dict[str, int], *, level: int = 9) -> bytes:
    """A DOCX-shaped package whose members are ``size`` bytes of zeros each, written in 1 MB pieces (streamed:
    the inflated size never exists in memory or on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", "<w:document/>")
        for name, size in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                for start in range(0, size, MB):
                    member.write(bytes(min(MB, size - start)))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """About 1 MB that inflates to 1 GiB."""
    return package({"word/media/padding.bin": 1024 * MB})


def test_the_bomb_is_what_it_claims(bomb: bytes) -> None:
    assert len(bomb) < 1.1 * MB
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        assert sum(member.file_size for member in archive.infolist()) == 1024 * MB + 13 + len(CONTENT_TYPES)


def test_a_docx_that_inflates_to_a_gibibyte_is_refused_by_the_service(
    draft: Document, state: Callable[[], State], bomb: bytes
) -> None:
    before = state()
    error = _refused(lambda: _add(draft, bomb, name="annex.docx"))
    assert (error.code, error.messages) == (
        "file_inflates_too_much",
        ["Unpacked, the file would take 1 GB; at most 200 MB are accepted."],
    )
    assert state() == before


def test_a_docx_that_inflates_to_a_gibibyte_is_refused_by_the_page_in_the_users_language(
    draft: Document, staff_client: Client, state: Callable[[], State], bomb: bytes
) -> None:
    before = state()
    response = _upload_page(staff_client, draft, "annexe.docx", bomb, language="fr")
    assert response.status_code == 400
    assert "Décompressé, le fichier occuperait 1\u202fGo ; au plus 200\u202fMo sont acceptés." in _page_text(response)
    assert state() == before


def test_a_part_compressed_too_well_is_refused_even_under_the_total(
    draft: Document, state: Callable[[], State], settings: Any
) -> None:
    settings.CWGCOP_OFFICE_MAX_RATIO = 50
    before = state()
    error = _refused(lambda: _add(draft, package({"word/media/zeros.bin": 8 * MB}), name="zeros.docx"))
    assert error.code == "file_inflates_too_much"
    assert error.messages[0].startswith("A part of the file is compressed too much: ")
    assert error.messages[0].endswith(" to 1 (the limit is 50 to 1).")
    assert state() == before


def test_a_package_with_too_many_parts_is_refused(draft: Document, state: Callable[[], State], settings: Any) -> None:
    settings.CWGCOP_OFFICE_MAX_PARTS = 10
    parts = {f"word/media/part{n}.bin": 10 for n in range(9)}
    before = state()
    error = _refused(lambda: _add(draft, package(parts), name="parts.docx"))
    assert (error.code, error.messages) == (
        "file_too_many_parts",
        ["The file holds too many parts: 11 (the limit is 10)."],
    )
    assert state() == before


def test_an_ordinary_docx_is_still_accepted(draft: Document) -> None:
    stored = _add(draft, docx_bytes("Safer internet day in Tonga"), name="tonga.docx")
    assert (stored.media_type, stored.original_name) == (DOCX, "tonga.docx")


def test_extraction_holds_a_file_stored_before_the_limits_to_them(bomb: bytes) -> None:
    result = extract(DOCX, io.BytesIO(bomb))
    assert (result.status, result.text) == (ExtractionStatus.FAILED, "")
    assert "Unpacked, the file would take" in result.error
