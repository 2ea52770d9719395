"""Real PDF and DOCX files for demo documents, generated at load time (nothing binary is checked in)."""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from cwgcop.reports.fonts import CJK_FONT, pdf_font


def make_pdf(*, symbol: str, title: str, paragraphs: list[str], language: str) -> bytes:
    """A small, valid, text-bearing PDF (the text can be extracted and searched)."""
    buffer = io.BytesIO()
    font = pdf_font(language)
    heading = ParagraphStyle(
        "heading", fontName=font, fontSize=15, leading=20, wordWrap="CJK" if font == CJK_FONT else None
    )
    body = ParagraphStyle(
        "body", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK" if font == CJK_FONT else None
    )
    document = SimpleDocTemplate(buffer, pagesize=A4, title=f"{symbol} {title}", author="cwgcop demo data")
    story = [Paragraph(symbol, body), Spacer(1, 8), Paragraph(title, heading), Spacer(1, 12)]
    for text in paragraphs:
        story.extend([Paragraph(text, body), Spacer(1, 6)])
    document.build(story)
    return buffer.getvalue()


def make_docx(*, symbol: str, title: str, paragraphs: list[str]) -> bytes:
    document = DocxDocument()
    document.core_properties.title = f"{symbol} {title}"
    document.core_properties.author = "cwgcop demo data"
    document.add_paragraph(symbol)
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
