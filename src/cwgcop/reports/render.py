"""The report as DOCX (python-docx), PDF (reportlab) and HTML, from its sections."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from docx import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer

from cwgcop.demo.files import CJK_FONT, _font
from cwgcop.reports.builder import BULLET


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


def as_pdf(content: Content) -> bytes:
    buffer = io.BytesIO()
    font = _font(content.language)
    wrap = "CJK" if font == CJK_FONT else None
    title = ParagraphStyle("t", fontName=font, fontSize=16, leading=22, wordWrap=wrap, spaceAfter=10)
    heading = ParagraphStyle("h", fontName=font, fontSize=12.5, leading=18, wordWrap=wrap, spaceBefore=10, spaceAfter=4)
    body = ParagraphStyle("b", fontName=font, fontSize=10, leading=15, wordWrap=wrap, spaceAfter=4)
    bullet = ParagraphStyle("l", parent=body, leftIndent=14, bulletIndent=4)
    story = [Paragraph(html.escape(content.title), title)]
    for section in content.sections:
        story.append(Paragraph(html.escape(section["title"]), heading))
        for kind, text in _blocks(section["text"]):
            if kind == "li":
                story.append(Paragraph(html.escape(text), bullet, bulletText="–"))
            else:
                story.append(Paragraph(html.escape(text), body))
        if section["key"] == "activities" and content.chart_png:
            story.extend([Spacer(1, 6), Image(io.BytesIO(content.chart_png), width=15 * cm, height=7.5 * cm)])
            story.append(Paragraph(html.escape(chart_caption(content.language)), body))
    SimpleDocTemplate(buffer, pagesize=A4, title=content.title, lang=content.language).build(story)
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
