"""Runs of digits however they are written: 0722 123 456, "zero seven double two", "восемь девятьсот",
"صفر خمسة", 一三八, 幺三九, O for 0 ("O7911", "138-OOOO-1234").

A run is a sequence of number tokens separated only by spaces, dashes, dots, commas, slashes or brackets (or
"and", "y", "et", "и", "و" between spelled numbers). Its ``digits`` is how many digits it stands for, counted
as a reader would dial them: "seventy-eight" is two digits, "девятьсот шестнадцать" three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

UNITS = {
    (
        # English (with "oh" and "o" for zero), French, Spanish, Russian, Arabic
        "zero oh o one two three four five six seven eight nine nought nil "
        "zéro un une deux trois quatre cinq six sept huit neuf "
        "cero uno una dos tres cuatro cinco seis siete ocho nueve "
        "ноль нуль один одна два две три четыре пять шесть семь восемь девять "
        "صفر واحد واحدة اثنان اثنين اتنين ثلاثة ثلاث تلاتة أربعة اربعة أربع اربع خمسة خمس ستة ست سبعة سبع ثمانية "
        "ثمانيه ثمان تسعة تسع"
    )
}
TEENS = {
    (
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
        "dix onze douze treize quatorze quinze seize "
        "diez once doce trece catorce quince dieciséis dieciseis diecisiete dieciocho diecinueve "
        "десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать "
        "девятнадцать عشرة عشر"
    )
}
TENS = {
    (
        "twenty thirty forty fifty sixty seventy eighty ninety "
        "vingt vingts trente quarante cinquante soixante septante octante nonante "
        "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa veinti "
        "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто "
        "عشرون عشرين ثلاثون ثلاثين أربعون اربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين"
    )
}
HUNDREDS = {
    (
        "hundred cent cents cien ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos "
        "ochocientos novecientos сто двести триста четыреста пятьсот шестьсот семьсот восемьсот девятьсот "
        "مئة مائة مية ميتين"
    )
}
MULTIPLIERS = {"double": 2, "triple": 3, "doble": 2, "triplo": 3}
CONNECTORS = {"and", "y", "et", "и", "و"}


def _words(spec: set[str]) -> frozenset[str]:
    return frozenset(word for line in spec for word in line.split())


UNIT_WORDS = _words(UNITS)
TEEN_WORDS = _words(TEENS)
TENS_WORDS = _words(TENS)
HUNDRED_WORDS = _words(HUNDREDS)
CJK_DIGITS = "〇零一二三四五六七八九幺两"

TOKEN = re.compile(
    r"(?P<digits>(?<![A-Za-z0-9])[0-9Oo]*[0-9][0-9Oo]*[Xx]?(?![A-Za-z0-9]))"
    r"|(?P<oo>(?<![A-Za-z0-9])[Oo]{2,}(?![A-Za-z0-9]))"
    rf"|(?P<cjk>[{CJK_DIGITS}])"
    r"|(?P<word>[A-Za-z\u00c0-\u024f\u0400-\u04ff\u0621-\u064a\u066e-\u06d3]+(?:[-‐][A-Za-z\u00c0-\u024f\u0400-\u04ff]+)*)"
    r"|(?P<plus>\+)"
)
GAP = re.compile(r"[\s\-–—.,،/()#]{0,4}")
YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass
class Run:
    start: int
    end: int
    digits: str  # what it stands for: exact for digits, a count of "9"s for what was spelled
    spelled: bool = False
    tokens: int = 0
    years_only: bool = True
    plus: bool = False
    reach: int = 0  # where the run's last token or connector ends: the next token must follow from here


_SMALL_NUMBERS = frozenset(UNIT_WORDS | TENS_WORDS | TEEN_WORDS)
_NUMBER_PARTS = frozenset(UNIT_WORDS | TEEN_WORDS | TENS_WORDS | HUNDRED_WORDS | {"et", "y"})
_VEINTI = frozenset(UNIT_WORDS | {"dós", "trés", "séis"})


@lru_cache(maxsize=8192)
def _word_weight(word: str) -> tuple[int, str] | None:  # noqa: PLR0911 - one return per kind of word
    """How many digits a spelled number word stands for and its kind (unit, teen, tens, hundred, mult, and).
    Kept for the words already seen: the same few hundred words come back in every answer."""
    word = word.lower()
    if word in CONNECTORS:
        return 0, "and"
    if word in MULTIPLIERS:
        return MULTIPLIERS[word], "mult"
    if len(word) > 2 and word.startswith("و") and word[1:] in _SMALL_NUMBERS:
        word = word[1:]
    parts = re.split(r"[-‐]", word)
    if all(p in _NUMBER_PARTS for p in parts):
        if any(p in HUNDRED_WORDS for p in parts):
            return 3, "hundred"
        if any(p in TENS_WORDS or p in TEEN_WORDS for p in parts):
            return 2, "tens" if len(parts) == 1 and parts[0] in TENS_WORDS else "teen"
        if len(parts) == 1:
            return 1, "unit"
    if word.startswith("veinti") and word[6:] in _VEINTI:
        return 2, "teen"
    if word.startswith("dieci"):
        return 2, "teen"
    return None


def number_runs(text: str) -> list[Run]:  # noqa: PLR0912, PLR0915 - one pass over the tokens, its states together
    runs: list[Run] = []
    current: Run | None = None
    pending = ""  # the kind of the last spelled word, to count "seventy eight" as two digits, not three
    multiplier = 1
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group(0)
        weight, spelled_kind = 0, ""
        if kind == "digits":
            weight = len(value)
        elif kind == "oo":
            weight = len(value) if current and current.tokens else 0
        elif kind == "cjk":
            weight = 1
        elif kind == "plus":
            weight = 0
        else:
            found = _word_weight(value)
            if found is None:
                weight = -1
            else:
                weight, spelled_kind = found
        gap = text[max(current.end, current.reach) : match.start()] if current is not None else ""
        joined = current is not None and GAP.fullmatch(gap) is not None
        if joined and ("," in gap or "،" in gap) and kind == "digits" and current is not None and not current.spelled:
            joined = False  # "0722 123 456, 2023": a list of numbers, not one number
        if weight < 0 or (kind == "oo" and weight == 0) or (spelled_kind == "and" and not joined):
            if current:
                runs.append(current)
            current, pending, multiplier = None, "", 1
            continue
        if not joined:
            if current:
                runs.append(current)
            current, pending, multiplier = Run(match.start(), match.start(), ""), "", 1
        assert current is not None
        if spelled_kind in ("and", "mult"):
            multiplier = weight if spelled_kind == "mult" else multiplier
            if not current.tokens:
                current.start = current.end = match.end()
            current.reach = match.end()
            continue
        if (spelled_kind == "unit" and pending in ("tens", "hundred")) or (
            spelled_kind in ("tens", "teen") and pending == "hundred"
        ):
            weight = 0
        pending = spelled_kind if spelled_kind in ("tens", "hundred") else ""
        weight *= multiplier
        multiplier = 1
        if kind == "plus":
            if not current.tokens:
                current.start, current.plus = match.start(), True
            current.end = match.end()
            continue
        if not current.tokens and not current.plus:
            current.start = match.start()
        current.end = match.end()
        current.tokens += 1
        current.spelled = (
            current.spelled or kind in ("word", "cjk", "oo") or (kind == "digits" and "o" in value.lower())
        )
        current.digits += value if kind == "digits" and value.isdigit() else "9" * weight
        current.years_only = current.years_only and kind == "digits" and YEAR.fullmatch(value) is not None
    if current:
        runs.append(current)
    return [run for run in runs if run.tokens and not (run.years_only and run.tokens > 1)]
