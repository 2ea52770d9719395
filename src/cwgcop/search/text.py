"""Turning text into search tokens, the same way for both engines and for documents and queries alike.

Both engines index the token stream this module makes, never the raw text, so that they find the same
documents for the same query:

- Latin, Cyrillic and Greek words are case- and accent-insensitive: NFKD, combining marks removed, casefolded
  (``Vérification`` → ``verification``, ``ё`` → ``е``; ``й`` is kept, it is a letter of its own in Russian).
- Chinese (and Japanese kana) has no spaces, so a run of such characters becomes its overlapping bigrams
  followed by its last character (``保护儿童`` → ``保护 护儿 儿童 童``). A query of n ≥ 2 characters becomes the
  phrase of its bigrams, which matches exactly where the query is a substring of the text; a query of one
  character becomes a prefix query, which matches both a bigram that starts with it and a run's last character.
- Arabic loses its diacritics and tatweel; alef, yaa and taa marbuta forms are unified, and the definite
  article with its attached prepositions (``ال``, ``وال``, ``بال``, ``كال``, ``فال``, ``لل``) and a leading ``و``
  are removed, so ``العمر``, ``بالعمر`` and ``عمر`` are one token and a query with or without the article matches.
- Symbols split into their parts (``CWG-COP-21/5`` → ``cwg cop 21 5``) and a query symbol is searched as the
  phrase of those parts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Characters written without spaces: CJK ideographs (with extensions and compatibility forms) and kana.
_CJK = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
# Combining marks that belong inside a word (Latin, Greek, Cyrillic, Hebrew, Arabic) and the Arabic tatweel.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd"
    "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
)
_LETTER = rf"[^\W_{_CJK}]"
# A word is a run of letters, digits and marks; written as letters with runs of marks between them rather than
# as a run of (letter | mark), it matches the same text about a quarter faster (no alternation per character).
TOKEN_RE = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>(?:{_LETTER}|[{_MARKS}]){_LETTER}*(?:[{_MARKS}]+{_LETTER}*)*)")

# One character that can stand inside a token (a word's letter, digit or mark, or a Chinese character): text
# is cut between tokens only at a character that is not one.
TOKEN_CHARACTER_RE = re.compile(rf"[{_CJK}{_MARKS}]|{_LETTER}")
NON_TOKEN_CHARACTER_RE = re.compile(rf"[^\w{_CJK}{_MARKS}]|_")
CJK_CHARACTERS = _CJK  # as the inside of a regular expression's [class]

# Longer tokens are cut: nobody searches for them, and both engines have limits on a token's length.
MAX_TOKEN_LENGTH = 60
# Only the start of a very long text is indexed (PostgreSQL limits a tsvector's size and positions).
MAX_INDEXED_CHARACTERS = 300_000

_ARABIC_LETTERS = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla → alef
        "\u0649": "\u064a",  # alef maksura → yaa
        "\u06cc": "\u064a",  # Persian yeh → yaa
        "\u0629": "\u0647",  # taa marbuta → haa
        "\u06a9": "\u0643",  # Persian kaf → kaf
        "\u0640": None,  # tatweel
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # extended Arabic-Indic digits
    }
)
_SHORT_I = "\ue000"  # stands in for й while marks are removed, so that it does not become и
# Prefixes removed from Arabic words, longest first, with the shortest stem each may leave.
_ARABIC_PREFIXES: tuple[tuple[str, int], ...] = (
    ("وبال", 2),
    ("وال", 2),
    ("بال", 2),
    ("كال", 2),
    ("فال", 2),
    ("لل", 2),
    ("ال", 2),
)
_ARABIC_CONJUNCTION = "و"


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """The canonical token of one word (no spaces, no CJK)."""
    text = fold_letters(word)
    if text and _is_arabic(text):
        text = strip_arabic_prefixes(text)
    return text[:MAX_TOKEN_LENGTH]


def fold_letters(word: str) -> str:
    """A word without case, marks or letter variants, letter by letter: ``fold_word`` before the Arabic prefixes
    are removed and the token is cut. Each character folds on its own, so the fold of a word is the sum of its
    characters' folds (``cwgcop.search.candidates`` relies on it)."""
    text = word.replace("й", _SHORT_I).replace("Й", _SHORT_I)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace(_SHORT_I, "й").casefold().translate(_ARABIC_LETTERS)


def strip_arabic_prefixes(word: str) -> str:
    """``والأطفال`` → ``اطفال``; ``وزاره`` → ``زاره``; words too short to carry a prefix stay whole."""
    for prefix, shortest in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= shortest:
            return word[len(prefix) :]
    if word.startswith(_ARABIC_CONJUNCTION) and len(word) >= 4:
        rest = word[1:]
        for prefix, shortest in _ARABIC_PREFIXES:
            if rest.startswith(prefix) and len(rest) - len(prefix) >= shortest:
                return rest[len(prefix) :]
        return rest
    return word


def fold_cjk(run: str) -> str:
    return unicodedata.normalize("NFKC", run)


class Span(NamedTuple):
    """A token and where it stands in the text it came from (character offsets). A tuple: snippets make one
    per token of every result's text, and a tuple is several times cheaper to make than a dataclass."""

    token: str
    start: int
    end: int


def spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Every token of ``text`` (or of ``text[start:end]``, cut between tokens) with its offsets in ``text``: the
    index stream, and what snippets are cut from."""
    found: list[Span] = []
    append = found.append
    new = tuple.__new__  # makes a Span without the NamedTuple's Python-level __new__, at half the cost
    for match in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        if match.lastgroup == "cjk":
            begin = match.start()
            run = fold_cjk(match.group())
            found.extend([new(Span, (run[i : i + 2], begin + i, begin + i + 2)) for i in range(len(run) - 1)])
            append(new(Span, (run[-1], begin + len(run) - 1, begin + len(run))))
        else:
            token = fold_word(match.group())
            if token:
                append(new(Span, (token, match.start(), match.end())))
    return found


def index_text(text: str) -> str:
    """The token stream of ``text``, separated by spaces, as both engines index it (same tokens as :func:`spans`)."""
    tokens: list[str] = []
    append = tokens.append
    for raw_run, word in TOKEN_RE.findall(text[:MAX_INDEXED_CHARACTERS]):
        if raw_run:
            run = fold_cjk(raw_run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
            append(run[-1])
        else:
            token = fold_word(word)
            if token:
                append(token)
    return " ".join(tokens)


@dataclass(frozen=True)
class Phrase:
    """Tokens that must stand next to each other, in order; the last may be a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False


def phrase_of(text: str, *, prefix: bool = False) -> Phrase | None:
    """The phrase a piece of query text stands for (``None`` if it holds no word).

    A trailing Chinese run drops its last-character token (the text may go on after it in a document);
    a trailing single Chinese character is searched as a prefix.
    """
    matches = list(TOKEN_RE.finditer(text))
    tokens = [span.token for span in spans(text)]
    if not tokens:
        return None
    if matches[-1].lastgroup == "cjk":
        if len(matches[-1].group()) >= 2:
            tokens.pop()
        else:
            prefix = True
    return Phrase(tuple(tokens), prefix)
