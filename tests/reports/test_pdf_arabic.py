"""Arabic in the PDF: letters joined (presentation forms), lines right to left, paragraphs in reading order."""

from __future__ import annotations

import datetime
import io
import unicodedata

import pytest
from pypdf import PdfReader

from cwgcop.reports import builder, services
from cwgcop.reports.models import CouncilReport
from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db

NAME = "فريق العمل المعني بالبيانات المفتوحة ومشاركة الشباب في حماية الأطفال على الإنترنت"


def _arabic_pdf_text() -> str:
    body = BodyFactory(acronym="CWG-X", name_en="Working group X", name_ar=NAME)
    MeetingFactory(
        body=body,
        number=3,
        start_date=datetime.date(2023, 3, 6),
        end_date=datetime.date(2023, 3, 7),
        venue_en="Nairobi",
        participants_total=42,
    )
    start, end = datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)
    sections = builder.build(body=body, start=start, end=end, language="ar")
    draft = CouncilReport(body=body, start=start, end=end, languages=["ar"])
    pdf = services.render_report(draft, "ar", "pdf", sections)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_arabic_pdf_letters_are_shaped_and_read_in_order() -> None:
    """pypdf gives right-to-left runs back in reading order, so the text is compared in reading order."""
    text = _arabic_pdf_text()
    # Each word comes out of the PDF in its joined forms (initial, medial, final), in reading order:
    # ناقش المشاركون / المساهمات ووثائق المعلومات الواردة / الغرض
    assert "ﻧﺎﻗﺶ ﺍﻟﻤﺸﺎﺭﻛﻮﻥ" in text
    assert "ﺍﻟﻤﺴﺎﻫﻤﺎﺕ ﻭﻭﺛﺎﺋﻖ ﺍﻟﻤﻌﻠﻮﻣﺎﺕ ﺍﻟﻮﺍﺭﺩﺓ" in text
    # The title is too long for one line: its first words are on the first line, its last on the second
    # (reordering a whole paragraph before breaking it would swap them).
    lines = text.splitlines()
    assert lines[0] == "ﺗﻘﺮﻳﺮ ﻓﺮﻳﻖ ﺍﻟﻌﻤﻞ ﺍﻟﻤﻌﻨﻲ ﺑﺎﻟﺒﻴﺎﻧﺎﺕ ﺍﻟﻤﻔﺘﻮﺣﺔ ﻭﻣﺸﺎﺭﻛﺔ ﺍﻟﺸﺒﺎﺏ ﻓﻲ"
    assert unicodedata.normalize("NFKC", lines[0]) == "تقرير فريق العمل المعني بالبيانات المفتوحة ومشاركة الشباب في"
    assert "ﺣﻤﺎﻳﺔ ﺍﻷﻃﻔﺎﻝ ﻋﻠﻰ ﺍﻹﻧﺘﺮﻧﺖ ﺇﻟﻰ ﺍﻟﻤﺠﻠﺲ" in lines[1]
    assert lines[2].strip() == "ﺍﻟﻐﺮﺽ"  # الغرض, the first heading
    # Unshaped letters would mean nothing joined them.
    assert "ناقش" not in text
    # Undoing the shaping gives the words back, so the PDF is searchable and copyable.
    assert "ناقش المشاركون" in unicodedata.normalize("NFKC", text)
