"""The text the detectors read: the shared cleaning step, digits and look-alikes folded, with a map back.

Every detector works on :func:`normalise`'s result; :class:`Normalised` maps its offsets back to the child's
text, so that what is removed is exactly what the child typed (full-width letters, a zero-width space inside
an address and all). The cleaning is the safeguarding check's own (:func:`cwgcop.consultations.normalise.
clean_char`: NFKC, format characters removed, apostrophes made plain), run one character at a time so that each
character of the result knows where it came from. The text that is stored is the child's own, less the removed
spans and the invisible characters (see :func:`visible`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from cwgcop.consultations.normalise import APOSTROPHES, clean_char, fold_lookalikes, invisible, simplified

__all__ = ["Normalised", "invisible", "normalise", "visible"]

_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
_DIGIT_FOLD = {ord(c): str(i % 10) for i, c in enumerate(_ARABIC_DIGITS)}


@dataclass(frozen=True)
class Normalised:
    text: str
    origin: list[int]  # for each character of ``text``, the index of the character of the original it came from
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from."""
        if start >= end:
            point = self.origin[start] if start < len(self.origin) else self.original_length
            return point, point
        return self.origin[start], self.origin[end - 1] + 1


def normalise(text: str) -> Normalised:
    """:func:`~cwgcop.consultations.normalise.clean_char` character by character (so that offsets map back),
    Arabic-Indic digits as ASCII digits, then look-alike letters folded into the script of their word. A
    combining accent is dropped (the letter before it stays), so every character still maps to one of the
    child's. Traditional Chinese characters are written as simplified, one for one."""
    if text.isascii():  # most answers: every character stays one character (only apostrophes change)
        cleaned = text.translate(APOSTROPHES)
        return Normalised(text=fold_lookalikes(cleaned), origin=list(range(len(text))), original_length=len(text))
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in _cleaned(char):
            chars.append(piece)
            origin.append(index)
    return Normalised(text=simplified(fold_lookalikes("".join(chars))), origin=origin, original_length=len(text))


@lru_cache(maxsize=8192)
def _cleaned(char: str) -> str:
    """What one character of the child's text becomes: nothing for a combining accent (the letter before it
    stays), else :func:`clean_char` with Arabic-Indic digits as ASCII. Kept for the characters already seen."""
    if unicodedata.combining(char):
        return ""
    return clean_char(char).translate(_DIGIT_FOLD)


def visible(text: str) -> str:
    """``text`` without invisible characters, in NFC: what is stored."""
    if text.isascii():
        return text  # no format character, and already NFC
    return unicodedata.normalize("NFC", "".join(c for c in text if not invisible(c)))
