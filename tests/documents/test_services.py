from __future__ import annotations

import datetime
import io
import zoneinfo
from pathlib import Path

import pytest
from django.utils import timezone, translation

from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.documents import services
from cwgcop.documents.enums import DocumentStatus
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from tests.conftest import stored_files
from tests.factories import MeetingFactory, pdf_bytes, published_document

pytestmark = pytest.mark.django_db


def _upload(document: Document, data: bytes, name: str = "file.pdf", language: str = "en") -> DocumentFile:
    return services.add_file(
        actor=None, document=document, language=language, name=name, size=len(data), stream=io.BytesIO(data)
    )


def test_create_document_assigns_next_symbol_in_meeting_series() -> None:
    meeting = MeetingFactory(number=21, body__acronym="CWG-COP", body__symbol_prefix="CWG-COP")
    first = services.create_document(
        actor=None, body=meeting.body, meeting=meeting, kind="contribution", titles={"en": "A"}
    )
    second = services.create_document(
        actor=None, body=meeting.body, meeting=meeting, kind="contribution", titles={"en": "B"}
    )
    info = services.create_document(
        actor=None, body=meeting.body, meeting=meeting, kind="information", titles={"en": "C"}
    )
    assert [first.symbol, second.symbol, info.symbol] == ["CWG-COP-21/1", "CWG-COP-21/2", "CWG-COP-21/INF/1"]


def test_publish_makes_revision_public_and_records_audit() -> None:
    document = published_document(symbol="CWG-COP-21/5", languages=("en", "zh-hans"))
    assert document.status == DocumentStatus.PUBLISHED
    assert document.published_at is not None
    revision = document.revisions.get()
    assert revision.number == 0
    assert sorted(revision.files.values_list("language", flat=True)) == ["en", "zh-hans"]
    actions = list(
        AuditEntry.objects.filter(object_id=str(document.pk), object_type="documents.document").values_list(
            "action", flat=True
        )
    )
    assert actions == ["document.publish", "document.create"]


def test_new_revision_keeps_old_files_and_gets_rev_symbol(media_root: Path) -> None:
    document = published_document(symbol="CWG-COP-21/5")
    revision = services.start_revision(actor=None, document=document, note="Corrected table 2")
    _upload(document, pdf_bytes("corrected"), name="corrected.pdf")
    services.publish_document(actor=None, document=document)
    assert revision.symbol == "CWG-COP-21/5(Rev.1)"
    numbers = DocumentRevision.objects.filter(document=document, published_at__isnull=False).order_by("number")
    assert list(numbers.values_list("number", flat=True)) == [0, 1]
    assert DocumentFile.objects.filter(revision__document=document).count() == 2
    assert len(stored_files(media_root)) == 2


def test_published_revision_files_cannot_be_replaced() -> None:
    document = published_document(symbol="CWG-COP-21/6")
    with pytest.raises(DomainError) as error:
        _upload(document, pdf_bytes("other"))
    assert error.value.code == "revision_published"


def test_revision_of_withdrawn_document_is_refused() -> None:
    document = published_document(symbol="CWG-COP-21/7")
    services.withdraw_document(actor=None, document=document, reason="Submitted twice")
    with pytest.raises(DomainError) as error:
        services.start_revision(actor=None, document=document)
    assert error.value.code == "document_withdrawn"
    assert DocumentRevision.objects.filter(document=document).count() == 1


def test_duplicate_symbol_is_refused_and_nothing_written() -> None:
    meeting = MeetingFactory()
    published_document(meeting=meeting, symbol="CWG-COP-21/8")
    before = (Document.objects.count(), DocumentRevision.objects.count(), AuditEntry.objects.count())
    with pytest.raises(DomainError) as error:
        services.create_document(
            actor=None, body=meeting.body, kind="contribution", symbol="cwg-cop-21/8", titles={"en": "X"}
        )
    assert error.value.code == "symbol_taken"
    assert str(error.value.messages[0]) == "A document with the symbol CWG-COP-21/8 already exists."
    assert (Document.objects.count(), DocumentRevision.objects.count(), AuditEntry.objects.count()) == before


GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


def _draft(symbol: str) -> Document:
    meeting = MeetingFactory(number=21, body__acronym="CWG-COP", body__symbol_prefix="CWG-COP")
    document = services.create_document(
        actor=None, body=meeting.body, meeting=meeting, kind="contribution", symbol=symbol, titles={"en": "A"}
    )
    _upload(document, pdf_bytes(symbol))
    return document


def test_a_document_from_before_the_platform_keeps_its_publication_date() -> None:
    document = _draft("CWG-COP-21/8")
    first = datetime.datetime(2024, 9, 16, 12, 0, tzinfo=GENEVA)
    services.publish_document(actor=None, document=document, published_at=first)
    services.start_revision(actor=None, document=document, note="Corrected")
    _upload(document, pdf_bytes("corrected"), name="corrected.pdf")
    services.publish_document(actor=None, document=document, published_at=first + datetime.timedelta(days=3))
    document.refresh_from_db()
    assert document.published_at == first
    dates = list(document.revisions.order_by("number").values_list("published_at", flat=True))
    assert dates == [first, first + datetime.timedelta(days=3)]


def test_a_publication_date_in_the_future_is_refused_and_nothing_is_published() -> None:
    document = _draft("CWG-COP-21/9")
    with pytest.raises(DomainError) as error:
        services.publish_document(
            actor=None, document=document, published_at=timezone.now() + datetime.timedelta(days=1)
        )
    assert (error.value.code, error.value.messages) == (
        "published_in_future",
        ["A publication date cannot be in the future."],
    )
    document.refresh_from_db()
    assert (document.status, document.published_at) == (DocumentStatus.DRAFT, None)
    assert list(document.revisions.values_list("published_at", flat=True)) == [None]


def test_a_revision_cannot_be_dated_before_the_revision_it_revises() -> None:
    document = _draft("CWG-COP-21/10")
    first = datetime.datetime(2024, 9, 16, 12, 0, tzinfo=GENEVA)
    services.publish_document(actor=None, document=document, published_at=first)
    services.start_revision(actor=None, document=document)
    _upload(document, pdf_bytes("corrected"), name="corrected.pdf")
    with translation.override("zh-hans"), pytest.raises(DomainError) as error:
        services.publish_document(actor=None, document=document, published_at=first - datetime.timedelta(days=1))
    assert error.value.messages == ["CWG-COP-21/10(Rev.1)不能早于其所修订的版本发布（2024年9月16日）。"]
    assert list(document.revisions.order_by("number").values_list("published_at", flat=True)) == [first, None]
