"""Snippets: a short passage of a text around the matches of a query, with the matches in ``<mark>``.

The passage is found with the same tokens the engines index (``cwgcop.search.text``), so what is marked is
exactly what matched, accents, Chinese and Arabic prefixes included. Everything else is HTML-escaped.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from html import escape  # what django.utils.html.escape calls, without its wrapper for lazy strings

from django.utils.safestring import SafeString, mark_safe

from cwgcop.search import candidates
from cwgcop.search.query import SearchQuery
from cwgcop.search.text import TOKEN_CHARACTER_RE, TOKEN_RE, Phrase, Span, spans

# Only the start of a long text is scanned for a passage.
SCAN_CHARACTERS = 60_000
WIDTH = 220
LEAD = 60
# How much of a text is tokenised first, then next, when looking for the passage (see ``_scan``).
PARTS = (250, 500, 1_000, 2_000, 4_000, 8_000, 16_000)
_SPACE = re.compile(r"\s+")


def _regions(found: list[Span], query: SearchQuery) -> list[tuple[int, int, int]]:
    """(start, end, phrase number) of every match in ``found``."""
    firsts = {phrase.tokens[0] for phrase in query.phrases}
    by_token: dict[str, list[int]] = defaultdict(list)
    for i, span in enumerate(found):
        if span.token in firsts:
            by_token[span.token].append(i)
    regions: list[tuple[int, int, int]] = []
    for number, phrase in enumerate(query.phrases):
        for i in _starts(found, by_token, phrase):
            last = found[i + len(phrase.tokens) - 1]
            end = last.end
            if phrase.prefix and _is_cjk(last.token):
                # A Chinese prefix marks only its own characters, not the whole bigram it opens.
                end = min(end, last.start + len(phrase.tokens[-1]))
            regions.append((found[i].start, end, number))
    return sorted(regions)


def _is_cjk(token: str) -> bool:
    match = TOKEN_RE.fullmatch(token)
    return match is not None and match.lastgroup == "cjk"


def _starts(found: list[Span], by_token: dict[str, list[int]], phrase: Phrase) -> list[int]:
    size = len(phrase.tokens)
    if size == 1 and phrase.prefix:
        return [i for i, span in enumerate(found) if span.token.startswith(phrase.tokens[0])]
    starts = []
    for i in by_token.get(phrase.tokens[0], []):
        window = [span.token for span in found[i : i + size]]
        if len(window) < size or window[:-1] != list(phrase.tokens[:-1]):
            continue
        last = phrase.tokens[-1]
        if window[-1] == last or (phrase.prefix and window[-1].startswith(last)) or size == 1:
            starts.append(i)
    return starts


def _render(text: str, regions: list[tuple[int, int, int]], start: int, end: int) -> str:
    parts: list[str] = []
    position = start
    for found_start, found_end, _number in regions:
        mark_start, mark_end = max(found_start, position), min(found_end, end)
        if mark_start >= mark_end:
            continue
        if mark_start == position and parts and parts[-1].endswith("</mark>"):
            # Words next to each other are one mark (儿童保护 cut into 儿童 and 保护 marks 儿童保护 whole).
            parts[-1] = parts[-1].removesuffix("</mark>") + f"{escape(text[mark_start:mark_end])}</mark>"
        else:
            parts.append(escape(text[position:mark_start]))
            parts.append(f"<mark>{escape(text[mark_start:mark_end])}</mark>")
        position = mark_end
    parts.append(escape(text[position:end]))
    # Whitespace is collapsed once over the whole: a mark starts and ends next to a token's character, never
    # inside a run of whitespace, and escaping and the tags add none.
    return _SPACE.sub(" ", "".join(parts))


def _window(text: str, regions: list[tuple[int, int, int]]) -> tuple[int, int]:
    best, best_count = regions[0][0], -1
    for anchor, _end, _number in regions[:50]:
        covered = {n for s, _e, n in regions if anchor <= s < anchor + WIDTH - LEAD}
        if len(covered) > best_count:
            best, best_count = anchor, len(covered)
    start = max(0, best - LEAD)
    if start:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + WIDTH)
    if end < len(text):
        space = text.find(" ", end, end + 20)
        end = space if space >= 0 else end
    return start, end


def snippet(raw: str, query: SearchQuery, language: str | None = None) -> SafeString:
    """A passage of ``raw`` (a text in ``language``) around the best group of matches, escaped, matches in
    ``<mark>``."""
    text = unicodedata.normalize("NFC", raw[:SCAN_CHARACTERS])
    if not text.strip():
        return mark_safe("")
    if language is not None:
        query = query.in_language(language)
    regions = _scan(text, query, language)
    if not regions:
        start, end = 0, min(len(text), WIDTH)
    else:
        start, end = _window(text, regions)
    html = _render(text, regions, start, end).strip()
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 - every piece of text is escaped in _render


def _cannot_match(text: str, query: SearchQuery) -> bool:
    """True when a Chinese (or kana) query surely has no match in ``text``, checked without tokenising it.

    A Chinese token is one or two characters of the NFKC form of the text, so a phrase whose tokens are all
    Chinese matches only where each of them is a substring of that form. Tokenising a Chinese text costs a
    token per character; most results matched by their title are answered here, at C speed.
    """
    if not all(_is_cjk(token) for phrase in query.phrases for token in phrase.tokens):
        return False
    folded = unicodedata.normalize("NFKC", text)
    return all(any(token not in folded for token in phrase.tokens) for phrase in query.phrases)


def _scan(text: str, query: SearchQuery, language: str | None) -> list[tuple[int, int, int]]:
    """The regions of the matches that decide the passage: those of ``_scan_tokens``, found faster.

    The same parts are read, but in a plain text (``cwgcop.search.candidates``) only the words around the
    places a phrase may start are tokenised; a match lies in a part when its last token does (the parts end
    between tokens). A part that does not end between tokens, or a text that is not plain, is read as before.
    """
    query = candidates.possible(text, query)
    if not query.phrases:
        return []
    matches = candidates.Matches(text, query, candidates.places(query), language)
    found: list[tuple[int, int, int]] = []
    tokens = -1
    for size in PARTS:
        cut = _boundary(text, size) if size < len(text) else None
        if cut is None:
            break
        read = None if TOKEN_CHARACTER_RE.match(text, cut) else matches.tokens(cut)
        if read is None:  # the part ends inside a word, or holds a character the fast path cannot search
            return [] if _cannot_match(text, query) else _scan_tokens(text, query, language)
        if len(read) != tokens:  # else no token was read since the last part
            tokens = len(read)
            found = _regions(read, query)
        regions = [region for region in found if region[1] <= cut]
        anchor = _first_complete_anchor(regions, len(query.phrases))
        if anchor is not None and anchor + WIDTH <= cut:
            return regions
    read = matches.tokens(len(text))
    if read is None:
        return [] if _cannot_match(text, query) else _scan_tokens(text, query, language)
    return _regions(read, query)


def _scan_tokens(text: str, query: SearchQuery, language: str | None) -> list[tuple[int, int, int]]:
    """The regions of the matches that decide the passage, tokenising no more of the text than needed.

    The text is read in growing parts; once a passage holds every phrase of the query and lies wholly inside
    what was read, no later passage can be chosen (``_window`` takes the first of the best), so the rest of the
    text is not tokenised. A short text, or one without such a passage, is read whole.
    """
    found: list[Span] = []
    position = 0
    for size in PARTS:
        cut = _boundary(text, size) if size < len(text) else None
        found.extend(spans(text, position, cut, language))
        regions = _regions(found, query)
        if cut is None:
            return regions
        anchor = _first_complete_anchor(regions, len(query.phrases))
        if anchor is not None and anchor + WIDTH <= cut:
            return regions
        position = cut
    return _regions([*found, *spans(text, position, None, language)], query)


def _boundary(text: str, size: int) -> int | None:
    """A position just before ``size`` between two tokens (so the parts tokenise as the whole does), or None."""
    for position in range(size, max(0, size - 200), -1):
        if unicodedata.category(text[position])[0] in "PZSC":
            return position
    return None


def _first_complete_anchor(regions: list[tuple[int, int, int]], phrases: int) -> int | None:
    for anchor, _end, _number in regions[:50]:
        covered = {n for s, _e, n in regions if anchor <= s < anchor + WIDTH - LEAD}
        if len(covered) == phrases:
            return anchor
    return None


def highlight(raw: str, query: SearchQuery, language: str | None = None) -> SafeString:
    """The whole of a short text (a title in ``language``), escaped, matches in ``<mark>``."""
    text = unicodedata.normalize("NFC", raw)
    if language is not None:
        query = query.in_language(language)
    found = candidates.Matches(text, query, candidates.places(query), language).tokens(len(text))
    if found is None:
        found = spans(text, language=language)
    return mark_safe(_render(text, _regions(found, query), 0, len(text)))  # noqa: S308 - escaped in _render
