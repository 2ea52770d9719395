"""Removing personal details from what children write, before anything is stored.

:func:`redact` finds names, schools, street addresses, dates of birth, e-mail addresses (plain and disguised),
links, social handles (with or without "@"), phone numbers (digits, words, numerals, O for 0) and ID numbers,
in Arabic, Chinese, English, French, Russian and Spanish, on the normalised text (:mod:`.normalise`), and
replaces each with a placeholder such as ``[name]`` or ``[phone]`` (:class:`.base.Category`). The caller keeps
only the result; the original string is never stored, logged or cached.

:func:`highlights` is the moderator's second, looser look at text that was already redacted: what still looks
personal (a capitalised name, a long number, a handle-like word) is marked for the moderator to remove or keep.

Measured on the labelled corpus in tests/consultations/corpus/ (``python -m cwgcop.consultations.redaction.evaluate``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cwgcop.consultations.redaction import (
    chinese,
    contacts,
    dates,
    general,
    learned,
    lexicon,
    people,
    places,
    structure,
)
from cwgcop.consultations.redaction.base import CONTACT, Category, Hit, merge
from cwgcop.consultations.redaction.normalise import normalise, visible

__all__ = ["CONTACT", "Category", "Finding", "Redacted", "find", "highlights", "redact", "warm_up"]

PLACEHOLDER_RE = re.compile(r"\[(?:" + "|".join(re.escape(c.value) for c in Category) + r")\]")


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    category: Category


@dataclass(frozen=True)
class Redacted:
    text: str
    replacements: int


def warm_up() -> None:
    """Load what is loaded lazily (jieba's dictionary, the given-name list, the learned detector's weights): call at
    worker start."""
    chinese.warm_up()
    people.given_names()
    people.names_also_words()
    lexicon.warm_up()
    learned.model()


def _detect(text: str, region: str | None) -> list[Hit]:
    found_dates = dates.dates_of_birth(text)
    numbers = [
        hit
        for hit in contacts.phones_and_numbers(text, region=region)
        if not any(d.start <= hit.start and hit.end <= d.end for d in found_dates)
    ]
    found = (
        contacts.emails(text)
        + contacts.links(text)
        + contacts.handles(text)
        + contacts.ids(text)
        + numbers
        + found_dates
        + places.addresses(text)
        + places.schools(text)
        + people.names(text)
        + structure.names(text)
        + chinese.detect(text)
    )
    found += structure.coordinated(text, found)
    found = [learned.trimmed(text, hit) for hit in found + general.names(text, found)]
    found += learned.details(text)
    return [hit for hit in (people.without_title(text, h) for h in found) if hit is not None]


def _without_placeholders(text: str, hits: list[Hit]) -> list[Hit]:
    kept = list(hits)
    for mark in PLACEHOLDER_RE.finditer(text):
        kept = [h for h in kept if h.end <= mark.start() or h.start >= mark.end()]
    return kept


def find(text: str, *, country: str | None = None) -> list[Finding]:
    """The personal details in ``text``, as spans of ``text`` itself (not of its normalised form)."""
    normal = normalise(text)
    hits = merge(_without_placeholders(normal.text, _detect(normal.text, country)))
    findings = []
    for hit in hits:
        start, end = normal.original_span(hit.start, hit.end)
        findings.append(Finding(start, end, hit.category))
    return findings


def replace(text: str, findings: list[Finding]) -> str:
    """``text`` with each finding replaced by its placeholder, without invisible characters."""
    for finding in sorted(findings, key=lambda f: f.start, reverse=True):
        text = text[: finding.start] + finding.category.placeholder + text[finding.end :]
    return visible(text)


def redact(text: str, *, country: str | None = None) -> Redacted:
    """``text`` with personal details replaced by placeholders, and how many were replaced."""
    findings = find(text, country=country)
    return Redacted(text=replace(text, findings), replacements=len(findings))


LONG_NUMBER = re.compile(r"(?<![\w])(?:\d[\s.\-/]?){3,}\d(?![\w])")
HANDLE_LIKE = re.compile(r"(?<![\w@])@?[A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+(?![\w@])|\b[A-Za-z]+\d{2,}\b")
FULL_NAME = re.compile(r"(?<![\w])[A-ZÀ-ÖØ-ÞЀ-ЯЁ][a-zß-öø-ÿа-яё'’\-]+(?:\s+[A-ZÀ-ÖØ-ÞЀ-ЯЁ][a-zß-öø-ÿа-яё'’\-]+)+")
MID_CAPITAL = re.compile(r"(?<=[a-zа-яё,;]\s)[A-ZÀ-ÖØ-ÞЀ-ЯЁ][\w'’\-]{2,}")
ARABIC_WORD = re.compile(r"[؀-ۿ]{2,}")


PLATFORM = re.compile(rf"(?:{contacts.PLATFORMS})", re.IGNORECASE)


def _brand(words: str) -> bool:
    """A platform or brand ("WhatsApp", "Google Play"): children name them all the time; nothing personal."""
    return all(people.BRANDS.fullmatch(w) or PLATFORM.fullmatch(w) for w in words.split())


def _without_sentence_start(text: str, match: re.Match[str]) -> Hit:
    """A full name, less a first word that is only capitalised because a sentence starts with it ("Ask …")."""
    first = match.group(0).split()[0]
    at_start = re.search(r"(?:^|[.!?]\s+)$", text[: match.start()]) is not None
    if at_start and not people.is_given_name(first) and len(match.group(0).split()) > 2:
        return Hit(match.start() + len(first) + 1, match.end(), Category.NAME)
    return Hit(match.start(), match.end(), Category.NAME)


def highlights(text: str, *, country: str | None = None) -> list[Finding]:
    """What still looks personal in already-redacted text, for the moderator: everything :func:`find` would
    remove, and what a looser look catches — capitalised words inside a sentence and full names (public
    figures included), numbers of four digits or more, handle-like words, any given name, and every person,
    place or organisation jieba tags in Chinese."""
    normal = normalise(text)
    t = normal.text
    hits = _detect(t, country)
    hits += [Hit(m.start(), m.end(), Category.PHONE) for m in LONG_NUMBER.finditer(t)]
    hits += [Hit(m.start(), m.end(), Category.HANDLE) for m in HANDLE_LIKE.finditer(t)]
    hits += [_without_sentence_start(t, m) for m in FULL_NAME.finditer(t) if not _brand(m.group(0))]
    hits += [Hit(m.start(), m.end(), Category.NAME) for m in MID_CAPITAL.finditer(t) if not _brand(m.group(0))]
    hits += [
        Hit(m.start(), m.end(), Category.NAME) for m in ARABIC_WORD.finditer(t) if people.is_given_name(m.group(0))
    ]
    hits += [
        Hit(m.start(), m.end(), Category.NAME)
        for m in re.finditer(r"[A-Za-zÀ-ÿА-яЁё]{3,}", t)
        if people.is_given_name(m.group(0))
    ]
    hits += chinese.person_tokens(t)
    merged = merge(_without_placeholders(t, hits))
    return [Finding(*normal.original_span(h.start, h.end), h.category) for h in merged]
