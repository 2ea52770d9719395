"""The report as HTML, PDF and DOCX, from its sections.

The PDF is the HTML laid out by WeasyPrint, whose text engine (Pango with HarfBuzz) applies the Unicode
bidirectional algorithm and the fonts' OpenType shaping: Arabic is joined and ordered by the same rules a
browser uses, with English words and figures inside it in their own direction. The fonts it needs (Noto for
Latin, Cyrillic, Arabic and CJK) are system packages that ``dev.py setup`` installs. The DOCX is written with
python-docx; Word does its own shaping and needs only the paragraphs marked right to left.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from docx import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Cm

from cwgcop.core.languages import native_name
from cwgcop.reports.builder import BULLET
from cwgcop.reports.chart import Point


@dataclass(frozen=True)
class Content:
    title: str
    language: str
    sections: list[dict[str, Any]]
    chart_png: bytes = b""
    chart_data: list[Point] = field(default_factory=list)
    history_png: bytes = b""
    council_document: str = ""
    council_session: str = ""
    symbol: str = ""
    # A preview of a draft: sections with content taken from another language say so.
    preview: bool = False


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
        return _("Participants per meeting of the period (meeting number on the horizontal axis)")


def history_caption(language: str) -> str:
    with override(language):
        return _("Participants at every meeting of the body, by year (meeting numbers above the points)")


def missing_notice(language: str, missing: list[str]) -> str:
    """``Not yet written in العربية: …``: what a section of a draft takes from another language."""
    with override(language):
        return _("Not yet written in %(language)s: %(parts)s") % {
            "language": native_name(language),
            "parts": ", ".join(missing),
        }


def _header_lines(content: Content) -> list[str]:
    with override(content.language):
        lines = []
        if content.council_session:
            lines.append(content.council_session)
        if content.council_document:
            lines.append(_("Council document %(number)s") % {"number": content.council_document})
        if content.symbol and content.symbol != content.council_document:
            lines.append(content.symbol)
        return lines


def as_docx(content: Content) -> bytes:
    document = DocxDocument()
    normal = document.styles["Normal"]
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    if content.language == "zh-hans":
        fonts.set(qn("w:eastAsia"), "SimSun")
    if content.language == "ar":
        fonts.set(qn("w:cs"), "Arial")
    document.core_properties.title = content.title
    document.core_properties.language = content.language
    for line in _header_lines(content):
        document.add_paragraph(line)
    document.add_heading(content.title, level=0)
    for section in content.sections:
        document.add_heading(section["title"], level=1)
        if content.preview and section.get("missing"):
            document.add_paragraph(missing_notice(content.language, section["missing"]))
        for kind, text in _blocks(section["text"]):
            document.add_paragraph(text, style="List Bullet" if kind == "li" else None)
        if section["key"] == "activities":
            if content.chart_png:
                document.add_picture(io.BytesIO(content.chart_png), width=Cm(15))
                document.add_paragraph(chart_caption(content.language))
            if content.history_png:
                document.add_picture(io.BytesIO(content.history_png), width=Cm(16))
                document.add_paragraph(history_caption(content.language))
    if content.language == "ar":
        for paragraph in document.paragraphs:
            paragraph.paragraph_format.alignment = 2  # right
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.append(p_pr.makeelement(qn("w:bidi"), {}))
            for run in paragraph.runs:
                r_pr = run._r.get_or_add_rPr()
                r_pr.append(r_pr.makeelement(qn("w:rtl"), {}))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii") if png else ""


def html_page(content: Content) -> str:
    sections = [
        {
            "key": s["key"],
            "title": s["title"],
            "blocks": _blocks(s["text"]),
            "missing": missing_notice(content.language, s["missing"]) if content.preview and s.get("missing") else "",
        }
        for s in content.sections
    ]
    with override(content.language):
        return render_to_string(
            "reports/report.html",
            {
                "title": content.title,
                "language": content.language,
                "rtl": content.language == "ar",
                "header": _header_lines(content),
                "sections": sections,
                "chart_data": content.chart_data,
                "chart": _data_uri(content.chart_png),
                "caption": chart_caption(content.language),
                "history": _data_uri(content.history_png),
                "history_caption": history_caption(content.language),
                "preview": content.preview,
            },
        )


def as_html(content: Content) -> bytes:
    return html_page(content).encode("utf-8")


def as_pdf(content: Content) -> bytes:
    """The HTML rendition laid out for A4 by WeasyPrint (bidi, shaping and line breaking by Pango)."""
    from weasyprint import HTML  # imported here: loading Pango takes a moment the other formats do not need

    return bytes(HTML(string=html_page(content)).write_pdf())


RENDERERS = {"docx": as_docx, "pdf": as_pdf, "html": as_html}
