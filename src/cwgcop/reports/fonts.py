"""The fonts of the PDFs the platform writes: the reports, and the demo's sample documents (which use these).

No font file is shipped: Chinese uses an Adobe CID font every PDF reader has; Arabic uses DejaVu Sans, which
comes with matplotlib (a dependency, for the participation chart), so every installation has the file.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

CJK_FONT = "STSong-Light"  # an Adobe CID font every PDF reader has; no font file is needed
# DejaVu Sans has the Arabic letters and their presentation forms.
ARABIC_FONT = "DejaVuSans"


def pdf_font(language: str) -> str:
    """The font for text in ``language`` written left to right: the CJK font for Chinese, else Helvetica."""
    if language.startswith("zh"):
        if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
        return CJK_FONT
    return "Helvetica"


def arabic_font() -> str:
    """The font for Arabic text (already shaped and put in visual order by the caller)."""
    if ARABIC_FONT not in pdfmetrics.getRegisteredFontNames():
        path = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
        # shapable=False: the text arrives already shaped; reportlab must not shape it a second time.
        pdfmetrics.registerFont(TTFont(ARABIC_FONT, str(path), shapable=False))
    return ARABIC_FONT
