"""The demo archive's files are real PDF and Word documents in English and Chinese, made when it is loaded."""

from __future__ import annotations

import datetime

import pytest

from cwgcop.demo.loader import load_demo
from cwgcop.documents import storage
from cwgcop.documents.models import DocumentFile
from cwgcop.meetings.models import Meeting
from cwgcop.search.extraction import ExtractionStatus, extract

pytestmark = pytest.mark.django_db

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_demo_loads_the_two_meetings_of_the_seed_report() -> None:
    load_demo()
    facts = {
        m.number: (m.start_date, m.end_date, m.format, m.participants_total)
        for m in Meeting.objects.filter(body__acronym="CWG-COP", number__in=[21, 22])
    }
    assert facts == {
        21: (datetime.date(2024, 9, 30), datetime.date(2024, 10, 1), "hybrid", 129),
        22: (datetime.date(2025, 2, 12), datetime.date(2025, 2, 13), "hybrid", 191),
    }


def test_demo_files_are_readable_pdf_and_docx_in_english_and_chinese() -> None:
    load_demo()
    files = list(DocumentFile.objects.select_related("revision__document"))
    kinds = {(f.media_type, f.language) for f in files}
    assert {(PDF, "en"), (PDF, "zh-hans"), (DOCX, "en"), (DOCX, "zh-hans")} <= kinds
    for stored in files:
        with storage.open_blob(stored.storage_key) as stream:
            extracted = extract(stored.media_type, stream)
        document = stored.revision.document
        title = document.title_zh_hans if stored.language == "zh-hans" else document.title_en
        assert extracted.status == ExtractionStatus.DONE, stored.original_name
        # A long title wraps in the PDF; compared without the white space the lines add.
        assert "".join(title.split()) in "".join(extracted.text.split()), stored.original_name
