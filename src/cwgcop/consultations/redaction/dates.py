"""Dates of birth: a full date whose year could be a participant's birth year, or any date after a birth cue."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Literal

from babel.dates import get_month_names
from num2words import num2words

from cwgcop.consultations.redaction.base import Category, Hit

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    "январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|"
    "декабр[ья]|"
    "يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|"
    "كانون الثاني|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين الأول|تشرين الثاني|"
    "كانون الأول|"
    # The Hijri months, as written in Arabic ("١٥ رمضان ١٤٣٣").
    "محرم|صفر|ربيع الأول|ربيع الاول|ربيع الآخر|ربيع الثاني|جمادى الأولى|جمادى الاولى|جمادى الآخرة|جمادى الثانية|"
    "رجب|شعبان|رمضان|شوال|ذو القعدة|ذي القعدة|ذو الحجة|ذي الحجة"
)


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _alternatives(words: set[str]) -> str:
    """Longest first, a space or hyphen inside matching any run of spaces or one hyphen, accents optional."""
    forms = {w.lower() for w in words} | {_plain(w.lower()) for w in words}
    return "|".join(
        re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?") for w in sorted(forms, key=len, reverse=True)
    )


CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")
WIDTHS: tuple[Literal["wide", "abbreviated"], ...] = ("wide", "abbreviated")


def _month_names() -> set[str]:
    """Every Gregorian month name CLDR gives (babel) in the six languages, in both the format and stand-alone forms."""
    return {
        name
        for locale in ("en", "fr", "es", "ru", "ar", "zh")
        for context in CONTEXTS
        for width in WIDTHS
        for name in get_month_names(width, context, locale).values()
        if len(name.strip(".")) > 2 and not name.strip(".").isdigit() and "月" not in name
    }


def _ordinal_genitive(word: str) -> str:
    """Russian "седьмой" -> "седьмого", "третий" -> "третьего": the case a date's day is read in."""
    last = word.rsplit(" ", 1)
    stem = last[-1]
    stem = stem[:-2] + ("ьего" if stem.endswith("тий") else "ого")
    return " ".join([*last[:-1], stem])


def _day_words() -> set[str]:
    """The days 1-31 written in words in each language (num2words), as children write them in a date: "sept juin",
    "veintitrés de marzo", "the twenty-first of May", "седьмого июня"."""
    words: set[str] = {"premier", "primero", "1er"}
    for day in range(1, 32):
        for language in ("en", "fr", "es", "ar"):
            words.add(num2words(day, lang=language))
        words.add(num2words(day, lang="en", to="ordinal"))
        words.add(_ordinal_genitive(num2words(day, lang="ru", to="ordinal")))
    return words


MONTHS = MONTHS + "|" + _alternatives(_month_names())
DAY_WORDS = _alternatives(_day_words())
DAY = rf"(?:the\s+)?(?:(?<!\d)\d{{1,2}}(?:st|nd|rd|th|er|ère|º|°|-?го|-?е)?|(?<![\w-])(?:{DAY_WORDS})(?![\w-]))"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:19|20|14)\d\d)(?!\d)"


YEAR_TAIL = r"(?:\s*(?:года|год|г\.|年|م|هـ|ه))?"
CJK_NUM = "〇零一二三四五六七八九十"
FULL_DATE = re.compile(
    rf"{DAY}\s*(?:of\s+|de\s+)?(?:{MONTHS})\.?,?\s*(?:de\s+|del\s+|de\s+l'|عام\s+|سنة\s+)?{_year('y1')}{YEAR_TAIL}"
    rf"|(?<![\w])(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*{_year('y2')}"
    rf"|(?<![\d.])\d{{1,2}}\s*[./-]\s*\d{{1,2}}\s*[./-]\s*{_year('y3')}"
    rf"|(?<!\d){_year('y4')}\s*[./-]\s*\d{{1,2}}\s*[./-]\s*\d{{1,2}}(?![\d.])"
    rf"|(?<!\d){_year('y5')}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*[日号号]?"
    rf"|(?P<cjkyear>[{CJK_NUM}]{{4}})年[{CJK_NUM}]{{1,2}}月[{CJK_NUM}]{{1,3}}[日号]",
    re.IGNORECASE,
)
PARTIAL_DATE = re.compile(
    rf"{DAY}\s*(?:of\s+|de\s+)?(?:{MONTHS})(?![\w])"
    rf"|(?<![\w])(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)"
    r"|(?<![\d.])\d{1,2}\s*[./]\s*\d{1,2}(?![\d.])"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]",
    re.IGNORECASE,
)
CUE = re.compile(
    r"born|birthday|b-?day|date of birth|\bdob\b|\bné|\bnée|naissance|anniversaire|nac[ií]|nacimiento|"
    r"cumpleaños|cumple|родил|рождени|ولدت|مولود|ميلاد|生日|出生|生于",
    re.IGNORECASE,
)
CJK_VALUE = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def _birth_year(match: re.Match[str]) -> bool:
    written = next((match.group(g) for g in ("y1", "y2", "y3", "y4", "y5") if match.group(g)), None)
    year = int(written or "".join(str(CJK_VALUE.get(c, 0)) for c in match.group("cjkyear")))
    # A Hijri year (1415 AH began in 1994) counts as a Gregorian one would.
    return 1995 <= year <= date.today().year - 3 or 1415 <= year <= date.today().year - 582


# What every full date holds: a year as FULL_DATE reads one, or a Chinese year in numerals. A text without one has no
# full date, and the long pattern (every month name of six languages at every character) is not run on it.
YEAR = re.compile(rf"(?:19|20|14)\d\d(?!\d)|[{CJK_NUM}]{{4}}年")


def dates_of_birth(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for match in FULL_DATE.finditer(text) if YEAR.search(text) else ():
        cue = CUE.search(text, max(0, match.start() - 40), match.start())
        if cue or _birth_year(match):
            hits.append(Hit(match.start(), match.end(), Category.DATE_OF_BIRTH))
    for birth in CUE.finditer(text):
        partial = PARTIAL_DATE.search(text[birth.end() : birth.end() + 40])
        if partial:
            hits.append(Hit(birth.end() + partial.start(), birth.end() + partial.end(), Category.DATE_OF_BIRTH))
    return hits
