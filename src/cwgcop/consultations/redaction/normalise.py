"""The text the detectors read: NFKC, no invisible characters, look-alikes folded, with a map back.

Every detector works on :func:`normalise`'s result; :class:`Normalised` maps its offsets back to the child's
text, so that what is removed is exactly what the child typed (full-width letters, a zero-width space inside
an address and all). The text that is stored is the child's own, less the removed spans and the invisible
characters (see :func:`visible`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Zero-width and bidirectional controls, soft hyphen, word joiner, BOM, tag characters: format characters (Cf).
# Arabic-script languages need ZWNJ/ZWJ for shaping only in Persian and Urdu, and children answer here in
# Arabic, so they go too.
_ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
_DIGIT_FOLD = {ord(c): str(i % 10) for i, c in enumerate(_ARABIC_DIGITS)}
# Cyrillic and Greek letters that look like Latin ones, folded only inside a word that also has Latin letters
# ("gmаil" with a Cyrillic а): a Russian word stays Russian.
_LOOKALIKES = str.maketrans(
    "аеорсухкмтвнАЕОРСХУКМТВНіІјЈѕЅԁοαερτυνκΑΕΟΡΤΥΝΚΜΙ",
    "aeopcyxkmtbhAEOPCXYKMTBHiIjJsSdoaeptuvkAEOPTYNKMI",
)
_MIXED_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z]")
_FOREIGN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")


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


def invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def _fold_mixed_words(text: str) -> str:
    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        if _LATIN.search(word) and _FOREIGN.search(word):
            return word.translate(_LOOKALIKES)
        return word

    return _MIXED_WORD.sub(fold, text)


def normalise(text: str) -> Normalised:
    """NFKC character by character (so that offsets map back), invisible characters dropped, Arabic-Indic
    digits as ASCII digits, Cyrillic/Greek look-alikes inside Latin words folded to Latin."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(unicodedata.normalize("NFC", text) if text.isascii() is False else text):
        if invisible(char):
            continue
        folded = unicodedata.normalize("NFKC", char).translate(_DIGIT_FOLD)
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    # NFC above may shorten the text (a letter and its combining accent become one): map through it too.
    if not text.isascii() and len(unicodedata.normalize("NFC", text)) != len(text):
        return _normalise_slow(text)
    folded_text = _fold_mixed_words("".join(chars))
    return Normalised(text=folded_text, origin=origin, original_length=len(text))


def _normalise_slow(text: str) -> Normalised:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if invisible(char) or unicodedata.combining(char):
            continue
        folded = unicodedata.normalize("NFKC", char).translate(_DIGIT_FOLD)
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    return Normalised(text=_fold_mixed_words("".join(chars)), origin=origin, original_length=len(text))


def visible(text: str) -> str:
    """``text`` without invisible characters, in NFC: what is stored."""
    return unicodedata.normalize("NFC", "".join(c for c in text if not invisible(c)))
