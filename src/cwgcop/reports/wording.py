"""Meeting ordinals, lists and dates as they read naturally in each language.

A meeting phrase is needed in three grammatical roles, because a language may decline it or contract it with
the preposition before it:

- ``object``: what the group held (``the twenty-first meeting``, ``21-е собрание``, ``الاجتماعين 21 و22``);
- ``of``: whose outcomes (``of the twenty-first meeting``, ``des … réunions``, ``21-го собрания``,
  ``للاجتماع 21``, ``第二十一次会议的``);
- ``at``: where something happened (``at the twenty-first meeting``, ``aux … réunions``, ``на 21-м собрании``,
  ``在第二十一次会议上``).

Each template in the builder says which role its ``%(meeting)s`` placeholder takes (a translators' comment),
so a translation never has to add a preposition or an article of its own.
"""

from __future__ import annotations

import datetime
import re
from typing import Literal

import cn2an
from babel.dates import format_skeleton
from django.utils.translation import pgettext
from num2words import num2words

from cwgcop.core.formatting import babel_locale, date_range, long_date

Role = Literal["object", "of", "at"]

# Spanish, Russian and Arabic ITU texts number meetings with figures; num2words has no feminine Spanish,
# neuter or declined Russian, nor correct Arabic ordinals.
_RU_ENDINGS = {"object": "е", "of": "го", "at": "м"}


def ordinal_word(number: int, language: str, role: Role = "object") -> str:
    """``twenty-first`` / ``第二十一次`` / ``vingt et unième`` / ``21.ª`` / ``21-го`` — a meeting's ordinal."""
    if language == "zh-hans":
        return f"第{cn2an.an2cn(number)}次"
    if language == "en":
        return str(num2words(number, to="ordinal", lang="en"))
    if language == "fr":
        return "première" if number == 1 else str(num2words(number, to="ordinal", lang="fr"))
    if language == "es":
        return f"{number}.ª"
    if language == "ru":
        return f"{number}-{_RU_ENDINGS[role]}"
    return str(number)


def meeting_phrase(numbers: list[int], language: str, role: Role = "object") -> str:
    """``the twenty-first and twenty-second meetings`` / ``第二十一次和第二十二次会议`` in ``role``."""
    words = join([ordinal_word(n, language, role) for n in numbers], language)
    several = len(numbers) > 1
    if language == "zh-hans":
        return {"object": f"{words}会议", "of": f"{words}会议的", "at": f"在{words}会议上"}[role]
    if language == "en":
        phrase = f"the {words} meeting{'s' if several else ''}"
        return {"object": phrase, "of": f"of {phrase}", "at": f"at {phrase}"}[role]
    if language == "fr":
        noun = f"{words} réunion{'s' if several else ''}"
        articles = {"object": ("la", "les"), "of": ("de la", "des"), "at": ("à la", "aux")}[role]
        return f"{articles[several]} {noun}"
    if language == "es":
        noun = f"{words} {'reuniones' if several else 'reunión'}"
        articles = {"object": ("la", "las"), "of": ("de la", "de las"), "at": ("en la", "en las")}[role]
        return f"{articles[several]} {noun}"
    if language == "ru":
        nouns = {"object": ("собрание", "собрания"), "of": ("собрания", "собраний"), "at": ("собрании", "собраниях")}
        phrase = f"{words} {nouns[role][several]}"
        return f"на {phrase}" if role == "at" else phrase
    # Arabic: singular, dual (accusative/genitive, the only cases these roles need) or plural; "of" is the
    # preposition li- joined to the article (al- → lil-).
    noun = "الاجتماع" if not several else ("الاجتماعين" if len(numbers) == 2 else "الاجتماعات")
    phrase = f"{noun} {words}"
    return {"object": phrase, "of": f"لل{phrase[2:]}", "at": f"في {phrase}"}[role]


_CONJUNCTIONS = {"zh-hans": "和", "en": " and ", "fr": " et ", "es": " y ", "ru": " и ", "ar": " و"}


def join(items: list[str], language: str) -> str:
    """``a, b and c`` with the language's own conjunction; ``a; b and c`` when an item has a comma itself."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    conjunction = _CONJUNCTIONS.get(language, " and ")
    if language == "zh-hans":
        separator = "、"
    elif language == "ar":
        separator = "؛ " if any("،" in i or "," in i for i in items) else "، "
    else:
        separator = "; " if any("," in i for i in items) else ", "
        if separator == "; " and language == "en" and len(items) > 2:
            conjunction = "; and "
    return separator.join(items[:-1]) + conjunction + items[-1]


def in_sentence(item: str, language: str) -> str:
    """An item that starts with a capital, lowered to run on inside a sentence (``Youth voice`` → ``youth
    voice``); acronyms (``ITU``, ``COP``) and scripts without case are left alone."""
    if language in {"en", "fr", "es", "ru"} and len(item) > 1 and item[0].isupper() and item[1].islower():
        return item[0].lower() + item[1:]
    return item


_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def tidy(text: str) -> str:
    """One full stop where a sentence ends on an abbreviation (``2025 г.`` + ``.``)."""
    return _DOUBLE_STOP.sub(".", text)


def sentence(text: str) -> str:
    """``text`` with its first letter in capitals, as a sentence starts (``at the …`` → ``At the …``)."""
    return text[:1].upper() + text[1:]


_FRENCH_FIRST = re.compile(
    r"(?<![\d])1(?=[\s\u00a0\u2009](?:janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre))"
)


def _french_first_day(text: str) -> str:
    """French writes the first day of a month as an ordinal: ``1er octobre`` (CLDR prints ``1 octobre``)."""
    return _FRENCH_FIRST.sub("1er", text)


def day(value: datetime.date, language: str) -> str:
    text = long_date(value, language)
    return _french_first_day(text) if language == "fr" else text


def dates(start: datetime.date, end: datetime.date, language: str) -> str:
    text = date_range(start, end, language)
    return _french_first_day(text) if language == "fr" else text


def dates_phrase(ranges: list[tuple[datetime.date, datetime.date]], language: str) -> str:
    return join([dates(start, end, language) for start, end in ranges], language)


def month(value: datetime.date, language: str) -> str:
    """``April 2025`` / ``2025年4月`` / ``abril de 2025`` / ``апрель 2025 г.`` (CLDR's year-and-month)."""
    return str(format_skeleton("yMMMM", value, locale=babel_locale(language)))


def format_phrase(values: list[str], language: str) -> str:
    """How meetings were held, as a phrase that follows the venue: ``in hybrid format``, ``in person``,
    ``virtually``; several joined (``in hybrid format and in person``)."""
    phrases = {
        "hybrid": pgettext("how a meeting was held", "in hybrid format"),
        "in-person": pgettext("how a meeting was held", "in person"),
        "virtual": pgettext("how a meeting was held", "virtually"),
    }
    return join([str(phrases.get(value, value)) for value in values], language)
