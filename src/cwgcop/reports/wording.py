"""Meeting ordinals, lists and dates as they read naturally in each language."""

from __future__ import annotations

import datetime

import cn2an
from django.utils.translation import gettext as _
from num2words import num2words

from cwgcop.core.formatting import date_range


def ordinal_word(number: int, language: str) -> str:
    """``twenty-first`` / ``第二十一次`` / ``21.ª`` — the ordinal a meeting is called by."""
    if language == "zh-hans":
        return f"第{cn2an.an2cn(number)}次"
    if language == "en":
        return str(num2words(number, to="ordinal", lang="en"))
    if language == "fr":
        return "première" if number == 1 else str(num2words(number, to="ordinal", lang="fr"))
    if language == "es":
        return f"{number}.ª"
    if language == "ru":
        return f"{number}-е"
    return str(number)


def meeting_phrase(numbers: list[int], language: str) -> str:
    """``the twenty-first and twenty-second meetings`` / ``第二十一次和第二十二次会议``."""
    words = [ordinal_word(n, language) for n in numbers]
    joined = join(words, language)
    if language == "zh-hans":
        return f"{joined}会议"
    if language == "en":
        return f"the {joined} meeting{'s' if len(numbers) > 1 else ''}"
    if language == "fr":
        return f"{'les' if len(numbers) > 1 else 'la'} {joined} réunion{'s' if len(numbers) > 1 else ''}"
    if language == "es":
        return f"las {joined} reuniones" if len(numbers) > 1 else f"la {joined} reunión"
    if language == "ru":
        return f"{joined} собрани{'я' if len(numbers) > 1 else 'е'}"
    return f"{'الاجتماعات' if len(numbers) > 1 else 'الاجتماع'} {joined}"


def join(items: list[str], language: str) -> str:
    """``a, b and c`` with the language's own conjunction."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    conjunction = {"zh-hans": "和", "en": " and ", "fr": " et ", "es": " y ", "ru": " и ", "ar": " و"}.get(
        language, " and "
    )
    separator = "、" if language == "zh-hans" else ("، " if language == "ar" else ", ")
    return separator.join(items[:-1]) + conjunction + items[-1]


def dates_phrase(ranges: list[tuple[datetime.date, datetime.date]], language: str) -> str:
    return join([date_range(start, end, language) for start, end in ranges], language)


def format_label(value: str) -> str:
    labels = {"hybrid": _("hybrid"), "in-person": _("in-person"), "virtual": _("virtual")}
    return str(labels.get(value, value))
