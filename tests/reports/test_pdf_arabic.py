"""Arabic in the PDF, laid out by WeasyPrint (Pango and HarfBuzz): the text layer holds the letters themselves
(no presentation forms), words in reading order, and brackets around figures the right way round."""

from __future__ import annotations

import datetime
import re
import subprocess

import pytest

from cwgcop.reports import builder, services
from cwgcop.reports.models import CouncilReport
from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db

NAME = "فريق العمل المعني بالبيانات المفتوحة ومشاركة الشباب في حماية الأطفال على الإنترنت"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _arabic_pdf() -> bytes:
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
    return services.render_report(draft, "ar", "pdf", sections)


def _logical_text(pdf: bytes) -> str:
    """pdftotext (poppler) puts right-to-left lines back in reading order; its embedding marks are dropped."""
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return " ".join(BIDI_CONTROLS.sub("", out).split())


def test_arabic_pdf_text_is_in_reading_order_with_plain_letters() -> None:
    text = _logical_text(_arabic_pdf())
    assert "تقرير فريق العمل المعني بالبيانات المفتوحة" in text
    assert "ناقش المشاركون" in text
    assert "المساهمات ووثائق المعلومات الواردة" in text
    assert "الغرض" in text
    # No presentation forms: the shaping is the font's, at display time, not stored letters.
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text)
    # A date range with Latin figures inside the Arabic sentence keeps its order.
    assert "6–7 مارس 2023" in text or "7–6 مارس 2023" not in text
