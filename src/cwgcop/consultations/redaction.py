"""Removing personal details from what children write, before anything is stored.

E-mail addresses, URLs, social-media handles, phone numbers (Google's libphonenumber through the
``phonenumbers`` package, in international form and in the national form of the participant's country) and
ID-like numbers become placeholders. The caller keeps only the result; the original string is never stored,
logged or cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

EMAIL = "[email]"
URL = "[link]"
HANDLE = "[username]"
PHONE = "[phone]"
NUMBER = "[number]"

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL_RE = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|me|app|info|ly|gg|tv|cn|ru|uk|de|fr|es|ar|in|br|ke|ng|za)(?:/\S*)?\b",
    re.IGNORECASE | re.UNICODE,
)
HANDLE_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,30}\b")
# Six or more digits, possibly grouped by spaces, dots or dashes: ID cards, account numbers.
ID_RE = re.compile(r"(?<!\w)(?:\d[\s.\-/]?){5,}\d(?!\w)")
# Letters with five or more digits in one word: passports, student and national ID numbers (A1234567).
ALNUM_ID_RE = re.compile(r"\b(?=\w*\d{5})[A-Za-z]{1,4}\d{5,}[A-Za-z]{0,2}\b")


@dataclass(frozen=True)
class Redacted:
    text: str
    replacements: int


def _phones(text: str, region: str | None) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for candidate_region in {region or "ZZ", "ZZ"}:
        for match in phonenumbers.PhoneNumberMatcher(text, candidate_region, leniency=phonenumbers.Leniency.POSSIBLE):
            spans.append((match.start, match.end))
    return spans


def _replace_spans(text: str, spans: list[tuple[int, int]], placeholder: str) -> tuple[str, int]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    for start, end in reversed(merged):
        text = text[:start] + placeholder + text[end:]
    return text, len(merged)


def redact(text: str, *, country: str | None = None) -> Redacted:
    """``text`` with personal details replaced by placeholders, and how many were replaced."""
    count = 0
    for pattern, placeholder in ((EMAIL_RE, EMAIL), (URL_RE, URL), (HANDLE_RE, HANDLE), (ALNUM_ID_RE, NUMBER)):
        text, n = pattern.subn(placeholder, text)
        count += n
    text, n = _replace_spans(text, _phones(text, country), PHONE)
    count += n
    text, n = ID_RE.subn(NUMBER, text)
    count += n
    return Redacted(text=text, replacements=count)
