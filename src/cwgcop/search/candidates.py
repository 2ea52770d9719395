"""Finding a query's matches in a text without tokenising all of it: the fast path of snippets.

Tokenising a text (``cwgcop.search.text.spans``) costs a Python step per word, and per character of Chinese.
Here a regular expression first finds, at C speed, every place where a phrase's first token *may* stand, and
only the few words around those places are tokenised, with ``spans`` itself, to find the matches. The matches
are therefore exactly those of tokenising the whole text, provided that:

- the expression finds a superset of the places: for each character of a query token it accepts every
  character whose fold (``fold_letters``) is that character, with any characters that fold to nothing (marks,
  tatweel) between them. A token is a substring of its word's fold (whole, as a prefix, or after the Arabic
  article), and a word's fold is the sum of its characters' folds.
- that sum holds: each character of the text's words folds to at most one character. A text with a word
  character outside the known scripts, or one that folds to several (``ß``, ligatures, ``½``), or a Chinese
  character that NFKC changes (compatibility ideographs, kana voicing marks), is not *plain*, and the caller
  tokenises it all as before.
- the pieces tokenised start and end at characters that cannot be inside a token, so they tokenise as the
  whole text does; pieces that are not next to each other are kept apart by an empty token that matches
  nothing, and a piece is read on until a phrase starting in it has room to end in it.

tests/search/test_candidates.py compares the result with full tokenisation over many texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from cwgcop.search.query import SearchQuery
from cwgcop.search.text import (
    CJK_CHARACTERS,
    NON_TOKEN_CHARACTER_RE,
    TOKEN_CHARACTER_RE,
    Span,
    fold_letters,
    spans,
)

# The scripts whose characters are folded here, one by one: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic,
# punctuation, letter-like and other symbols, CJK punctuation, full- and half-width forms.
DOMAIN = ((0x0000, 0x08FF), (0x1E00, 0x2BFF), (0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
# Chinese characters and kana that NFKC changes or joins to their neighbour (checked by a test).
RISKY_CJK = "\u3099-\u309c\u309f-\u309f\u30ff-\u30ff\uf900-\ufaff"  # "a-b" ranges


class _Folds:
    """What each character of ``DOMAIN`` folds to, read once: the characters that fold to each character, those
    that fold to nothing, and the expression of the characters that are not plain."""

    def __init__(self) -> None:
        self.sources: dict[str, list[str]] = {}
        dropped: list[str] = []
        plain: list[int] = []
        for low, high in DOMAIN:
            for point in range(low, high + 1):
                character = chr(point)
                if not TOKEN_CHARACTER_RE.fullmatch(character):
                    plain.append(point)
                    continue
                folded = fold_letters(character)
                if len(folded) > 1:
                    continue
                plain.append(point)
                if folded:
                    self.sources.setdefault(folded, []).append(character)
                else:
                    dropped.append(character)
        cjk = _cjk_without_risky()
        self.dropped = _character_class(dropped)
        self.odd = re.compile(f"[^{_ranges(plain)}{cjk}]")
        self.plain_cjk = re.compile(f"[{cjk}]")


def _ranges(points: list[int]) -> str:
    parts: list[str] = []
    start = previous = points[0]
    for point in [*points[1:], -1]:
        if point == previous + 1:
            previous = point
            continue
        parts.append(
            re.escape(chr(start)) if start == previous else f"{re.escape(chr(start))}-{re.escape(chr(previous))}"
        )
        start = previous = point
    return "".join(parts)


def _cjk_without_risky() -> str:
    # The CJK class of cwgcop.search.text is a run of "a-b" ranges; the risky ones are cut out of it.
    bounds = [(ord(CJK_CHARACTERS[i]), ord(CJK_CHARACTERS[i + 2])) for i in range(0, len(CJK_CHARACTERS), 3)]
    risky = {p for i in range(0, len(RISKY_CJK), 3) for p in range(ord(RISKY_CJK[i]), ord(RISKY_CJK[i + 2]) + 1)}
    return _ranges([p for low, high in bounds for p in range(low, high + 1) if p not in risky])


def _character_class(characters: list[str]) -> str:
    return "[" + "".join(re.escape(c) for c in characters) + "]" if characters else ""


@cache
def _folds() -> _Folds:
    return _Folds()


def is_plain(text: str) -> bool:
    """True when every character of ``text`` that can stand in a token is one this module can search for."""
    odd = _folds().odd
    return all(not TOKEN_CHARACTER_RE.fullmatch(match.group()) for match in odd.finditer(text))


@lru_cache(maxsize=256)
def places(query: SearchQuery) -> re.Pattern[str] | None:
    """The expression that finds every place a phrase of ``query`` may start, in a plain text (None: nowhere)."""
    alternatives = {alternative for phrase in query.phrases if (alternative := _token_pattern(phrase.tokens[0]))}
    return re.compile("|".join(sorted(alternatives))) if alternatives else None


def _token_pattern(token: str) -> str:
    folds = _folds()
    between = f"{folds.dropped}*" if folds.dropped else ""
    classes = []
    for character in token:
        sources = list(folds.sources.get(character, []))
        if folds.plain_cjk.fullmatch(character):
            sources.append(character)
        if not sources:
            return ""  # no plain character folds to it: the token is in no plain text
        classes.append(_character_class(sources))
    return between.join(classes)


class Matches:
    """The tokens of a plain text around the places a query may match, read as far as asked.

    ``tokens(limit)`` gives tokens in text order: every match of the query that starts before ``limit`` is among
    them, its tokens next to each other as in ``spans(text)``. A piece is read on until each token in it that
    starts a phrase of several tokens is followed by enough tokens for the longest phrase, so no phrase is read
    across two pieces that are not next to each other in the text.
    """

    def __init__(self, text: str, query: SearchQuery, pattern: re.Pattern[str] | None) -> None:
        self.text = text
        self.found: list[Span] = []
        self.end = 0  # the tokens of text[:end] that matter are in ``found``; text[end] is not in a token
        self.places: Iterator[re.Match[str]] = pattern.finditer(text) if pattern else iter(())
        self.next_place = next(self.places, None)
        self.firsts = {phrase.tokens[0] for phrase in query.phrases if len(phrase.tokens) > 1}
        self.longest = max(len(phrase.tokens) for phrase in query.phrases)

    def tokens(self, limit: int) -> list[Span]:
        while self.next_place is not None and self.next_place.start() < limit:
            start, end = self.next_place.span()
            self.next_place = next(self.places, None)
            if end > self.end:  # else it lies in what was read (a place never holds text[self.end])
                self._read(start, end)
        return self.found

    def _read(self, start: int, end: int) -> None:
        text = self.text
        while start > self.end and TOKEN_CHARACTER_RE.match(text, start - 1):
            start -= 1
        first = len(self.found)
        stop = _after(text, end)
        self.found.extend(spans(text, start, stop))
        while stop < len(text) and self._short(first):
            more = TOKEN_CHARACTER_RE.search(text, stop)
            if more is None:
                break
            following = _after(text, more.start())
            self.found.extend(spans(text, stop, following))
            stop = following
        self.end = stop

    def _short(self, first: int) -> bool:
        """True when a phrase may start in the piece read from ``first`` and end after it."""
        found = self.found
        return any(found[i].token in self.firsts for i in range(max(first, len(found) - self.longest + 1), len(found)))


def _after(text: str, position: int) -> int:
    """The first position from ``position`` that cannot be inside a token (or the end of the text)."""
    match = NON_TOKEN_CHARACTER_RE.search(text, position)
    return match.start() if match else len(text)
