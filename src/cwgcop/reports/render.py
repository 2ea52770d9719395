"""The report as DOCX (python-docx), PDF (reportlab) and HTML, from its sections."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

import arabic_reshaper
from bidi import get_display
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from docx import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer

from cwgcop.reports.builder import BULLET
from cwgcop.reports.fonts import CJK_FONT, arabic_font, pdf_font


@dataclass(frozen=True)
class Content:
    title: str
    language: str
    sections: list[dict[str, str]]
    chart_png: bytes
    chart_data: list[tuple[int, int]]


def _blocks(text: str) -> list[tuple[str, str]]:
    """("p", text) and ("li", text) blocks: paragraphs are separated by blank lines, bullets start with "– "."""
    blocks: list[tuple[str, str]] = []
    for paragraph in text.split("\n\n"):
        for raw in paragraph.split("\n"):
            line = raw.strip()
            if not line:
                continue
            if line.startswith(BULLET) or line.startswith("- "):
                blocks.append(("li", line[2:].strip()))
            else:
                blocks.append(("p", line))
    return blocks


def chart_caption(language: str) -> str:
    with override(language):
        return _("Participants per meeting (meeting number on the horizontal axis)")


def as_docx(content: Content) -> bytes:
    document = DocxDocument()
    normal = document.styles["Normal"]
    if content.language == "zh-hans":
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    document.core_properties.title = content.title
    document.core_properties.language = content.language
    document.add_heading(content.title, level=0)
    for section in content.sections:
        document.add_heading(section["title"], level=1)
        for kind, text in _blocks(section["text"]):
            document.add_paragraph(text, style="List Bullet" if kind == "li" else None)
        if section["key"] == "activities" and content.chart_png:
            document.add_picture(io.BytesIO(content.chart_png), width=Cm(15))
            document.add_paragraph(chart_caption(content.language))
    if content.language == "ar":
        for paragraph in document.paragraphs:
            paragraph.paragraph_format.alignment = 2  # right
            p_pr = paragraph._p.get_or_add_pPr()
            bidi = p_pr.makeelement(qn("w:bidi"), {})
            p_pr.append(bidi)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FRAME_PADDING = 6  # reportlab's Frame pads each side by 6 pt


def visual_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Right-to-left ``text`` as the lines a PDF must draw, top to bottom.

    reportlab lays out letters as they come and neither joins Arabic letters nor reorders a right-to-left
    line. So the text is shaped first (arabic-reshaper: each letter in its initial, medial, final or
    isolated form), broken into lines that fit ``width`` while it is still in reading order, and only then
    is each line put in display order (python-bidi, base direction right-to-left). Reordering before
    breaking would put the end of a paragraph on its first line.
    """
    lines: list[str] = []
    current = ""
    for word in arabic_reshaper.reshape(text).split(" "):
        candidate = f"{current} {word}" if current else word
        if current and pdfmetrics.stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    lines.append(current)
    return [str(get_display(line, base_dir="R")) for line in lines]


@dataclass(frozen=True)
class _PdfStyles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle


def _styles(language: str) -> _PdfStyles:
    rtl = language == "ar"
    font = arabic_font() if rtl else pdf_font(language)
    common: dict[str, object] = {"fontName": font, "wordWrap": "CJK" if font == CJK_FONT else None}
    if rtl:
        common["alignment"] = TA_RIGHT
    title = ParagraphStyle("t", fontSize=16, leading=22, spaceAfter=10, **common)
    heading = ParagraphStyle("h", fontSize=12.5, leading=18, spaceBefore=10, spaceAfter=4, **common)
    body = ParagraphStyle("b", fontSize=10, leading=15, spaceAfter=4, **common)
    indent = {"rightIndent": 14} if rtl else {"leftIndent": 14, "bulletIndent": 4}
    bullet = ParagraphStyle("l", parent=body, **indent)
    return _PdfStyles(title, heading, body, bullet)


def _paragraph(text: str, style: ParagraphStyle, *, language: str, width: float, bullet: bool = False) -> Paragraph:
    if language != "ar":
        return Paragraph(html.escape(text), style, bulletText="–" if bullet else None)
    available = width - 2 * FRAME_PADDING - style.leftIndent - style.rightIndent - 1
    logical = f"– {text}" if bullet else text
    lines = visual_lines(logical, style.fontName, style.fontSize, available)
    return Paragraph("<br/>".join(html.escape(line) for line in lines), style)


def as_pdf(content: Content) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=content.title, lang=content.language)
    styles = _styles(content.language)

    def para(text: str, style: ParagraphStyle, bullet: bool = False) -> Paragraph:
        return _paragraph(text, style, language=content.language, width=document.width, bullet=bullet)

    story: list[Flowable] = [para(content.title, styles.title)]
    for section in content.sections:
        story.append(para(section["title"], styles.heading))
        for kind, text in _blocks(section["text"]):
            story.append(para(text, styles.bullet, bullet=True) if kind == "li" else para(text, styles.body))
        if section["key"] == "activities" and content.chart_png:
            story.extend([Spacer(1, 6), Image(io.BytesIO(content.chart_png), width=15 * cm, height=7.5 * cm)])
            story.append(para(chart_caption(content.language), styles.body))
    document.build(story)
    return buffer.getvalue()


def as_html(content: Content) -> bytes:
    sections = [{"key": s["key"], "title": s["title"], "blocks": _blocks(s["text"])} for s in content.sections]
    with override(content.language):
        page = render_to_string(
            "reports/report.html",
            {
                "title": content.title,
                "language": content.language,
                "rtl": content.language == "ar",
                "sections": sections,
                "chart_data": content.chart_data,
                "caption": chart_caption(content.language),
            },
        )
    return page.encode("utf-8")


RENDERERS = {"docx": as_docx, "pdf": as_pdf, "html": as_html}
