"""Reading what a person typed into a search: words, "quoted phrases", prefixes (``verif*``) and symbols.

Every word must match (AND). The operators of the engines' own query languages are never passed through:
the query is rebuilt from tokens, so nothing a person types can break or widen the engines' syntax.
``AND``, ``OR``, ``NOT`` and ``NEAR`` in capitals are read as operators and left out.

A run of Chinese characters outside quotes is cut into words (``cwgcop.search.chinese``), each required anywhere
(``儿童保护`` is ``儿童`` and ``保护``); a quoted run is the exact substring. Words of the stemmed languages are
stemmed for each language searched (``SearchQuery.alternatives``): the query does not say its language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import number
from cwgcop.core.languages import LANGUAGE_ORDER
from cwgcop.search import chinese
from cwgcop.search.text import CJK_CHARACTERS, Phrase, phrase_of

MAX_QUERY_LENGTH = 500
MAX_PHRASES = 20
MAX_TOKENS = 64
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUOTED = re.compile(r'"([^"]*)"?')
_NEAR = re.compile(r"^NEAR(\(.*)?$")
_CJK_RUN = re.compile(f"([{CJK_CHARACTERS}]+)")


@dataclass(frozen=True)
class SearchQuery:
    """What to search for. ``phrases`` are folded, not stemmed (what the reader typed, for the messages and the
    tests); ``stemmed`` holds the same phrases as a text in each language indexes them."""

    text: str
    phrases: tuple[Phrase, ...]
    stemmed: tuple[tuple[str, tuple[Phrase, ...]], ...] = ()

    def in_language(self, language: str) -> SearchQuery:
        """The query as the index of a text in ``language`` holds it (its snippets are cut with these tokens)."""
        for code, phrases in self.stemmed:
            if code == language:
                return SearchQuery(self.text, phrases)
        return SearchQuery(self.text, self.phrases)

    def alternatives(self, language: str | None = None) -> tuple[tuple[Phrase, ...], ...]:
        """For each phrase, its distinct forms in the languages searched (all, or ``language`` alone): a text
        matches the phrase when it holds any of them."""
        return self._alternatives_in_all if language is None else self._alternatives((language,))

    @cached_property
    def _alternatives_in_all(self) -> tuple[tuple[Phrase, ...], ...]:
        return self._alternatives(tuple(code for code, _phrases in self.stemmed))

    def _alternatives(self, languages: tuple[str, ...]) -> tuple[tuple[Phrase, ...], ...]:
        forms = [self.in_language(code).phrases for code in languages] or [self.phrases]
        return tuple(tuple(dict.fromkeys(form[i] for form in forms)) for i in range(len(self.phrases)))


def _chunks(raw: str) -> list[tuple[str, bool]]:
    """(text, quoted) pieces: quoted phrases whole, the rest split at whitespace. An open quote runs to the end."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _QUOTED.finditer(raw):
        pieces.extend((chunk, False) for chunk in raw[position : match.start()].split())
        pieces.append((match.group(1), True))
        position = match.end()
    pieces.extend((chunk, False) for chunk in raw[position:].split())
    return pieces


def _pieces(chunk: str, quoted: bool) -> list[tuple[str, bool]]:
    """(text, prefix) of each phrase a chunk stands for: a Chinese run outside quotes gives one per word."""
    if not quoted and (chunk in OPERATORS or _NEAR.match(chunk)):
        return []
    prefix = not quoted and chunk.endswith("*")
    text = chunk.rstrip("*") if prefix else chunk
    if quoted or prefix or not _CJK_RUN.search(text):
        return [(text, prefix)]
    pieces: list[tuple[str, bool]] = []
    for part in _CJK_RUN.split(text):
        if _CJK_RUN.fullmatch(part):
            pieces.extend((word, False) for word in chinese.words(part))
        elif part:
            pieces.append((part, False))
    return pieces


def _phrase(text: str, prefix: bool, language: str | None = None) -> Phrase | None:
    phrase = phrase_of(text, prefix=prefix, language=language)
    if phrase is not None and prefix and len(phrase.tokens[-1]) < 2 and len(phrase.tokens) == 1:
        # ``a*`` would match half the index; a Chinese character alone is the exception (it is a word).
        phrase = Phrase(phrase.tokens, prefix=not phrase.tokens[-1].isascii())
    return phrase


def parse_query(raw: str | None) -> SearchQuery:
    """The query a person typed, as phrases both engines understand.

    Raises :class:`DomainError` with a message for the person when there is nothing to search for, the text is
    too long or not valid text.
    """
    text = (raw or "").strip()
    if not text:
        raise DomainError(_("Type a word, a phrase or a document symbol to search for."), code="query_empty")
    if "\ufffd" in text or "\x00" in text:
        raise DomainError(
            _("The search text contains characters that are not valid text. Type the words again."),
            code="query_invalid_text",
        )
    if len(text) > MAX_QUERY_LENGTH:
        raise DomainError(
            _("The search text is too long: %(length)s characters; at most %(limit)s are searched.")
            % {"length": number(len(text)), "limit": number(MAX_QUERY_LENGTH)},
            code="query_too_long",
        )
    pieces: dict[Phrase, tuple[str, bool]] = {}
    for chunk, quoted in _chunks(text):
        for piece, prefix in _pieces(chunk, quoted):
            phrase = _phrase(piece, prefix)
            if phrase is not None and phrase not in pieces:
                pieces[phrase] = (piece, prefix)
    phrases = list(pieces)
    if not phrases:
        raise DomainError(
            _("The search contains no word to look for, only punctuation or search operators. Type a word."),
            code="query_no_words",
        )
    if len(phrases) > MAX_PHRASES or sum(len(p.tokens) for p in phrases) > MAX_TOKENS:
        raise DomainError(
            _("The search has too many words. Use at most %(limit)s words.") % {"limit": number(MAX_PHRASES)},
            code="query_too_many_words",
        )
    stemmed = tuple(
        (code, tuple(_phrase(piece, prefix, code) or phrase for phrase, (piece, prefix) in pieces.items()))
        for code in LANGUAGE_ORDER
    )
    return SearchQuery(text=text, phrases=tuple(phrases), stemmed=stemmed)


def fewer_words(query: SearchQuery) -> str | None:
    """The text of ``query`` without its last word or quoted phrase, or None when it has only one."""
    chunks = [(chunk, quoted) for chunk, quoted in _chunks(query.text) if quoted or _pieces(chunk, quoted)]
    if len(chunks) < 2:
        return None
    return " ".join(f'"{chunk}"' if quoted else chunk for chunk, quoted in chunks[:-1])
