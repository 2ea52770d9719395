"""Spotting answers that suggest a child may be at risk. The phrase lists are data (``data/safeguarding``)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

LISTS = Path(__file__).resolve().parent / "data" / "safeguarding"


def normalise(text: str) -> str:
    """Case-folded, accents removed (Latin and Cyrillic keep their letters), Arabic diacritics removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0306")
    stripped = re.sub("[\u064b-\u065f\u0670\u0640]", "", stripped)  # Arabic harakat and tatweel
    return unicodedata.normalize("NFKC", stripped).replace("ё", "е")


@cache
def _patterns(language: str) -> re.Pattern[str] | None:
    path = LISTS / f"{language}.txt"
    if not path.exists():
        return None
    phrases = [
        normalise(line.strip())
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    if not phrases:
        return None
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+")
        cjk = any("\u4e00" <= ch <= "\u9fff" for ch in phrase)
        parts.append(escaped if cjk else rf"(?<!\w){escaped}")
    return re.compile("|".join(parts))


def suggests_risk(text: str, language: str) -> bool:
    """Whether ``text`` contains a phrase from the list of its language or the English list."""
    normalised = normalise(text)
    for code in dict.fromkeys((language, "en")):
        pattern = _patterns(code)
        if pattern is not None and pattern.search(normalised):
            return True
    return False
