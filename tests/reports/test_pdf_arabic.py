"""Arabic in the PDF, laid out by WeasyPrint (Pango and HarfBuzz): the text layer holds the letters themselves
(no presentation forms), words in reading order, and brackets around figures the right way round."""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from cwgcop.reports import builder, services
from cwgcop.reports.models import CouncilReport
from tests.factories import BodyFactory, held_meeting

pytestmark = pytest.mark.django_db

NAME = "فريق العمل المعني بالبيانات المفتوحة ومشاركة الشباب في حماية الأطفال على الإنترنت"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _arabic_pdf() -> bytes:
    body = BodyFactory(acronym="CWG-X", name_en="Working group X", name_ar=NAME)
    held_meeting(body, 3, "2023-03-06", "2023-03-07", venue="Nairobi", participants_total=42)
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


def test_arabic_pdf_page_is_laid_out_right_to_left(tmp_path: Path) -> None:
    """A look at the first page (rasterised by poppler): the short heading "الغرض" under the title starts at the
    right margin, as a right-to-left page sets it, and leaves the left half of its line empty."""
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_arabic_pdf())
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-gray", "-png", str(pdf), str(tmp_path / "p")], check=True
    )
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    width, height = page.size
    pixels = page.load()
    lines: list[tuple[int, int, int]] = []  # (first row, leftmost ink, rightmost ink) of each line of text
    row = 0
    while row < height:
        ink = [x for x in range(width) if pixels[x, row] < 128]
        if not ink:
            row += 1
            continue
        top, left, right = row, min(ink), max(ink)
        while row < height and (ink := [x for x in range(width) if pixels[x, row] < 128]):
            left, right = min(left, *ink), max(right, *ink)
            row += 1
        lines.append((top, left, right))
    title_right = lines[0][2]
    heading = next(line for line in lines[1:] if line[2] - line[1] < width // 8)  # the first short line
    assert abs(heading[2] - title_right) <= 3  # flush with the right margin, like the title
    assert heading[1] > width // 2
