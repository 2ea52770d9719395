"""Reading what a person typed into a search: words, "quoted phrases", prefixes (``verif*``) and symbols.

Every word must match (AND). The operators of the engines' own query languages are never passed through:
the query is rebuilt from tokens, so nothing a person types can break or widen the engines' syntax.
``AND``, ``OR``, ``NOT`` and ``NEAR`` in capitals are read as operators and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from cwgcop.core.errors import DomainError
from cwgcop.search.text import Phrase, phrase_of

MAX_QUERY_LENGTH = 500
MAX_PHRASES = 20
MAX_TOKENS = 64
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_QUOTED = re.compile(r'"([^"]*)"?')
_NEAR = re.compile(r"^NEAR(\(.*)?$")


@dataclass(frozen=True)
class SearchQuery:
    text: str
    phrases: tuple[Phrase, ...]


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


def _phrase(chunk: str, quoted: bool) -> Phrase | None:
    if not quoted and (chunk in OPERATORS or _NEAR.match(chunk)):
        return None
    prefix = not quoted and chunk.endswith("*")
    phrase = phrase_of(chunk.rstrip("*") if prefix else chunk, prefix=prefix)
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
            % {"length": len(text), "limit": MAX_QUERY_LENGTH},
            code="query_too_long",
        )
    phrases: list[Phrase] = []
    for chunk, quoted in _chunks(text):
        phrase = _phrase(chunk, quoted)
        if phrase is not None and phrase not in phrases:
            phrases.append(phrase)
    if not phrases:
        raise DomainError(
            _("The search contains no word to look for, only punctuation or search operators. Type a word."),
            code="query_no_words",
        )
    if len(phrases) > MAX_PHRASES or sum(len(p.tokens) for p in phrases) > MAX_TOKENS:
        raise DomainError(
            _("The search has too many words. Use at most %(limit)s words.") % {"limit": MAX_PHRASES},
            code="query_too_many_words",
        )
    return SearchQuery(text=text, phrases=tuple(phrases))
