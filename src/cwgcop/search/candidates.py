"""Finding a query's matches in a text without tokenising all of it: the fast path of snippets.

Tokenising a text (``cwgcop.search.text.spans``) costs a Python step per word, and per character of Chinese.
Here the places where a phrase's first token *may* stand are found first, at C speed, and only the few words
around those places are tokenised, with ``spans`` itself, to find the matches. The matches are therefore
exactly those of tokenising the whole text, provided that:

- the places are a superset of the true ones. A token is a substring of its word's fold (whole, as a prefix,
  or after the Arabic article), and a word's fold is the sum of its characters' folds (``fold_letters``). A
  token of one script is found as its bytes in the text encoded with a single-byte codec of that script and
  folded byte by byte, with bytes of characters that fold to nothing (marks, tatweel) allowed between its
  letters; a character the codec lacks becomes "?", which may stand for any letter when the text holds such a
  character that could fold into the token. A Chinese token is found as itself (its runs are unchanged by
  NFKC in a plain text); a token mixing scripts by classes of the characters that fold to each of its letters.
- the sum holds: each character of the text's words folds to at most one character. A text with a word
  character outside the known scripts, or one that folds to several (``ß``, ligatures, ``½``), or a Chinese
  character that NFKC changes (compatibility ideographs, kana voicing marks), is not *plain*, and the caller
  tokenises it all as before.
- each piece tokenised starts where the whole text's tokens start (after a character that cannot be inside a
  token, or inside a run of Chinese characters, where the token at each position is the bigram there) and
  ends after a whole token, so it gives exactly the whole text's tokens; a piece is read on until a phrase
  starting in it has room to end in it.

tests/search/test_candidates.py compares the result with full tokenisation over many texts.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import AnyStr, NamedTuple

from cwgcop.search.query import SearchQuery
from cwgcop.search.text import (
    CJK_CHARACTERS,
    NON_TOKEN_CHARACTER_RE,
    TOKEN_CHARACTER_RE,
    WORD_CHARACTER_RE,
    Span,
    fold_letters,
    spans,
)

# The scripts whose characters are folded here, one by one: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic,
# punctuation, letter-like and other symbols, CJK punctuation, full- and half-width forms.
DOMAIN = ((0x0000, 0x08FF), (0x1E00, 0x2BFF), (0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF))
# Single-byte codecs for the tokens of one script: the text is searched encoded with the first that encodes the
# whole token (Latin, Cyrillic, Greek, Hebrew, Arabic).
CODECS = ("cp1252", "cp1251", "cp1253", "cp1255", "cp1256")
ARABIC_CODEC = "cp1256"
_DROPPED, _OTHER = b"\x00", b"\x01"  # what a character folds to in a folded encoded text: nothing, or no letter
_CJK_PAIR = re.compile(f"[{CJK_CHARACTERS}]{{2}}")
# The letters of the prefixes an Arabic word may lose before its stem starts, folded: the article and the attached
# و ب ك ف ل (``cwgcop.search.text.strip_arabic_prefixes``), and what Snowball's Arabic stemmer takes off as well
# (the same, ``أ`` of its hamza pairs, a verb's future ``س``). tests/search/test_candidates.py checks the rule.
ARABIC_PREFIX_LETTERS = "وفبكلاس"
ALEF = "\u0627"
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
        self.dropped_characters = dropped
        self.dropped_set = frozenset(dropped)
        self.arabic_prefix = frozenset(c for letter in ARABIC_PREFIX_LETTERS for c in self.sources[letter])
        self.fold_of = {source: folded for folded, found in self.sources.items() for source in found}
        self.dropped_re = re.compile(self.dropped or "(?!)")
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


def warm() -> None:
    """Build the folding tables now (40–60 ms), not in the first search a server process answers."""
    _folds()
    for codec in CODECS:
        _fold_table(codec)
        _missing(codec)


def is_plain(text: str) -> bool:
    """True when every character of ``text`` that can stand in a token is one this module can search for."""
    if text.isascii():
        return True  # every ASCII character folds to itself or its small letter
    odd = _folds().odd
    return all(not TOKEN_CHARACTER_RE.fullmatch(match.group()) for match in odd.finditer(text))


class Finder(NamedTuple):
    """How to find the places of one token: ``in_text`` searched in the text itself, or the token in the text
    encoded with ``codec`` (a byte a character, ``?`` for a character the codec lacks)."""

    in_text: re.Pattern[str] | None = None
    codec: str = ""
    encoded: bytes = b""  # the token in the codec
    ascii: str | None = None  # the token, if ASCII: in an ASCII text a token is its letters in either case
    # The token starts its word's fold (any token but an Arabic or Chinese one): a place inside a word is none.
    word_start: bool = False
    # An Arabic token: what its word holds before the place, after letters of the prefixes only
    # (``ARABIC_PREFIX_LETTERS``): a letter for each character of ``arabic_lead``, one folding to it, or any letter
    # for an alef (the stemmer writes alef for others). None: not checked.
    arabic_lead: str | None = None


@lru_cache(maxsize=256)
def places(query: SearchQuery) -> tuple[Finder, ...]:
    """How to find every place a phrase of ``query`` may start, in a plain text (nothing: nowhere)."""
    finders = {_token_finder(phrase.tokens[0]) for phrase in query.phrases}
    return tuple(finder for finder in finders if finder is not None)


def _token_finder(token: str) -> Finder | None:
    """The finder of the places of ``token``: that of its key (``_key``), and for an Arabic token what its word
    holds before the place (``_arabic_start``).

    An Arabic stem stands in its word after the prefixes the index and the stemmer take off (only their letters,
    ``ARABIC_PREFIX_LETTERS``), and its first letter is the word's there, but for an alef, which the stemmer
    writes for others (``يستخدمون`` → ``استخدم``, ``أأ`` → ``أ``), also after the letter of a future verb's prefix
    (``سيتستر`` → ``ياستر``). So the key of a stem that starts with another letter is looked for with that letter,
    the place being its start; the key of one with an alef among its first two letters is looked for after them,
    and the word's letters there are checked (any for an alef). Checking the letters before a place is a few
    steps; reading the word around it (``Matches._read``) many more, and a short key is found inside many words.
    """
    key = _key(token)
    if not _is_arabic(token):
        return _finder(key)
    lead = ""  # a short token, or one with a digit, is never stemmed: it starts where the prefixes end
    if key != token:
        lead = token[:2] if len(token) > 3 and token[1] == ALEF else token[0]
        key = token[len(lead) : max(len(lead) + 1, len(token) - 2)]
        if lead != ALEF and len(lead) == 1:
            key, lead = lead + key, ""  # looked for with its first letter: fewer places to check
    finder = _finder(key)
    return None if finder is None else finder._replace(arabic_lead=lead)


def _key(token: str) -> str:
    """What of ``token`` is surely a substring of the fold of the word it came from.

    A stem (``cwgcop.search.text.fold_word``) may end otherwise than its word (``happy`` → ``happi``, ``heureuse``
    → ``heureux``, ``dying`` → ``die``) but Snowball changes at most its last two letters (and an Arabic verb's
    first): the rest is a substring of the word's fold (a prefix, or after the Arabic prefixes). A token with a
    digit is never stemmed, nor Chinese. ``tests/search/test_candidates.py`` checks the rule on the words of every
    language.
    """
    if len(token) < 3 or any(ch.isdigit() for ch in token):
        return token
    if _is_arabic(token):
        # Arabic's stemmer also rewrites a verb's first letter (يستخدمون → استخدم, تستحق → استحق), and a last
        # hamza even in a stem of three letters (قرأ → قرء): at least one letter is kept.
        token = token[1:]
        return token[: max(1, len(token) - 2)]
    return token[: len(token) - 2]


def _is_arabic(token: str) -> bool:
    return "\u0600" <= token[0] <= "\u06ff"


@lru_cache(maxsize=4096)
def _finder(token: str) -> Finder | None:
    """Where ``token`` may stand: a Chinese token as itself; a token of one script as its bytes in the text
    encoded with that script's single-byte codec, then folded byte by byte (no expression to compile: a new
    query's classes of characters took milliseconds); any other with classes of characters."""
    folds = _folds()
    sources = [folds.sources.get(character, []) for character in token]
    if all(folds.plain_cjk.fullmatch(character) for character in token) and not any(sources):
        return Finder(in_text=re.compile(re.escape(token)))
    # What is looked for is the start of the token; but for an Arabic one it is the start of the word's fold
    # (a stem keeps its word's first letters), so it stands at the start of a word.
    word_start = not _is_arabic(token) and not folds.plain_cjk.match(token)
    codec = next((codec for codec in CODECS if _encodes(token, codec)), None)
    if codec is None:
        classes = []
        for character, found in zip(token, sources, strict=True):
            cjk = [character] if folds.plain_cjk.fullmatch(character) else []
            if not found and not cjk:
                return None  # no plain character folds to it: the token is in no plain text
            classes.append(_character_class([*found, *cjk]))
        return Finder(in_text=re.compile(f"{folds.dropped}*".join(classes)), word_start=word_start)
    if not all(sources):
        return None
    return Finder(
        codec=codec,
        encoded=token.encode(codec),
        ascii=token if token.isascii() else None,
        word_start=word_start,
    )


@lru_cache(maxsize=4096)
def _ascii_pattern(token: str) -> re.Pattern[str]:
    """An ASCII token at the start of a word of a lowercased ASCII text (an ASCII token is never Arabic)."""
    return re.compile("(?<![a-z0-9])" + re.escape(token))


def _starts_word(text: str, position: int) -> bool:
    """True when ``text[position:]`` may be the start of a word's fold: the word starts there (what precedes it
    folds to nothing), or the word starts with an Arabic letter (``ال2024``: the token follows the article)."""
    dropped = _folds().dropped_re
    while position > 0 and dropped.match(text, position - 1):
        position -= 1
    return position == 0 or not WORD_CHARACTER_RE.match(text, position - 1) or _is_arabic(text[position - 1])


def _arabic_start(text: str, position: int, lead: str) -> bool:
    """True when what precedes ``text[position]`` in its word is only letters of the Arabic prefixes
    (``ARABIC_PREFIX_LETTERS``), then a letter for each of ``lead``: one that folds to it, or any for an alef
    (characters that fold to nothing aside)."""
    folds = _folds()
    dropped, prefix, fold_of = folds.dropped_set, folds.arabic_prefix, folds.fold_of
    ahead = len(lead)
    while position > 0:
        character = text[position - 1]
        position -= 1
        if character in dropped:
            continue
        if ahead:
            ahead -= 1
            wanted = lead[ahead]
            if fold_of.get(character) != wanted and not (wanted == ALEF and WORD_CHARACTER_RE.match(character)):
                return False
        elif character not in prefix:
            return not WORD_CHARACTER_RE.match(character)
    return not ahead


def possible(text: str, query: SearchQuery) -> SearchQuery:
    """``query`` without the phrases that surely have no match in ``text``: in an ASCII text, a phrase one of
    whose words' starts (``_key``) begins no word of the text (the symbol ``CWG-COP-21/5`` in a text without
    ``21``). A last word typed as a prefix is not checked. Other texts: ``query`` itself (checking that a long
    text is plain costs more than it saves)."""
    if not text.isascii() or not is_plain(text):  # (an ASCII text is plain: the second part is the fast path's switch)
        return query
    lowered = text.lower()

    def found(token: str) -> bool:
        finder = _finder(_key(token))
        return finder is not None and finder.ascii is not None and bool(_ascii_pattern(finder.ascii).search(lowered))

    kept = tuple(
        phrase
        for phrase in query.phrases
        if all(found(token) for token in (phrase.tokens[:-1] if phrase.prefix else phrase.tokens))
    )
    return query if len(kept) == len(query.phrases) else SearchQuery(query.text, kept)


@lru_cache(maxsize=1024)
def _with_missing(encoded: bytes, codec: str) -> re.Pattern[bytes]:
    """The expression for an encoded text with "?" for missing characters: each character of the token as the
    class of the bytes of the characters that fold to it, and "?". Made only for a text that needs it: a query
    has a finder for each language's form of its words, most never searched in such a text."""
    folds = _folds()

    def byte_class(characters: list[str]) -> bytes:
        found = sorted({c.encode(codec) for c in characters if _encodes(c, codec)})
        return b"[" + b"".join(re.escape(e) for e in found) + b"?]"

    sources = [folds.sources.get(character, []) for character in encoded.decode(codec)]
    return re.compile((byte_class(folds.dropped_characters) + b"*").join(byte_class(found) for found in sources))


@cache
def _fold_table(codec: str) -> bytes:
    """Byte by byte, what the character of each byte of ``codec`` folds to, in ``codec``: the byte of its fold,
    ``_DROPPED`` if it folds to nothing, ``_OTHER`` if it is not in a token or its fold is not in the codec."""
    table = bytearray(_OTHER * 256)
    for byte in range(256):
        try:
            character = bytes([byte]).decode(codec)
        except UnicodeDecodeError:
            continue
        if not TOKEN_CHARACTER_RE.fullmatch(character):
            continue
        folded = fold_letters(character)
        if not folded:
            table[byte] = _DROPPED[0]
        elif len(folded) == 1 and _encodes(folded, codec):
            table[byte] = folded.encode(codec)[0]
    return bytes(table)


@cache
def _missing(codec: str) -> re.Pattern[str]:
    """The plain characters ``codec`` lacks that fold to nothing or to a character it has: only these can stand,
    as a "?" of the encoded text, in a token of the codec's characters."""
    folds = _folds()
    missing = [c for c in folds.dropped_characters if not _encodes(c, codec)]
    for folded, sources in folds.sources.items():
        if _encodes(folded, codec):
            missing.extend(c for c in sources if not _encodes(c, codec))
    return re.compile(_character_class(missing) or "(?!)")


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


class Matches:
    """The tokens of a text around the places a query may match, read as far as asked.

    ``tokens(limit)`` gives tokens in text order: every match of the query that lies before ``limit`` is among
    them, its tokens next to each other as in ``spans(text)``, provided that each ``limit`` asked for falls
    between tokens (not inside a word or a run of Chinese characters). The text is searched a window at a
    time, from the last limit to the next, so that a long text is not encoded and searched whole for a
    passage found at its start; None when the window is not plain. A piece is read on until each token in it
    that starts a phrase of several tokens is followed by enough tokens for the longest phrase, so no phrase
    is read across two pieces that are not next to each other in the text.
    """

    def __init__(self, text: str, query: SearchQuery, finders: tuple[Finder, ...], language: str | None = None) -> None:
        self.text = text
        self.language = language
        self.found: list[Span] = []
        # The tokens that start before ``end`` and matter are in ``found``; the tokens from ``end`` are those of
        # spans(text, end): text[end] is not in a token, or ``end`` lies inside a run of Chinese characters.
        self.end = 0
        self.searched = 0  # the places in text[:searched] were read
        self.finders = finders
        self.firsts = {phrase.tokens[0] for phrase in query.phrases if len(phrase.tokens) > 1}
        self.longest = max(len(phrase.tokens) for phrase in query.phrases)

    def tokens(self, limit: int) -> list[Span] | None:
        if limit > self.searched:
            window, offset = self.text[self.searched : limit], self.searched
            if not is_plain(window):
                return None
            self.searched = limit
            for start, end in _places(window, self.finders):
                if end + offset > self.end:  # else it lies in what was read
                    self._read(start + offset, end + offset)
        return self.found

    def _read(self, start: int, end: int) -> None:
        """Read the tokens around the place ``text[start:end]`` (and after it, while a phrase may go on).

        A word is read whole. Inside a run of Chinese characters (unchanged by NFKC in a plain text) the token
        at each position is the bigram there whatever precedes it, so a run is read from the place on and up
        to it only, not from its start to its end: those runs are often long.
        """
        text = self.text
        start = max(start, self.end)
        if not _inside_run(text, start):
            while start > self.end and TOKEN_CHARACTER_RE.match(text, start - 1):
                start -= 1
        first = len(self.found)
        if _inside_run(text, end):
            self.found.extend(spans(text, start, end + 1, self.language)[:-1])  # without the run's last character
            stop = end
        else:
            stop = _after(text, end)
            self.found.extend(spans(text, start, stop, self.language))
        while stop < len(text) and self._short(first):
            more = TOKEN_CHARACTER_RE.search(text, stop)
            if more is None:
                break
            following = _after(text, more.start())
            self.found.extend(spans(text, stop, following, self.language))
            stop = following
        self.end = stop

    def _short(self, first: int) -> bool:
        """True when a phrase may start in the piece read from ``first`` and end after it."""
        if not self.firsts:
            return False
        found = self.found
        return any(found[i].token in self.firsts for i in range(max(first, len(found) - self.longest + 1), len(found)))


def _inside_run(text: str, position: int) -> bool:
    """True when ``position`` lies between two characters of one run of Chinese characters."""
    return 0 < position < len(text) and bool(_CJK_PAIR.match(text, position - 1))


def _after(text: str, position: int) -> int:
    """The first position from ``position`` that cannot be inside a token (or the end of the text)."""
    match = NON_TOKEN_CHARACTER_RE.search(text, position)
    return match.start() if match else len(text)


def _places(text: str, finders: tuple[Finder, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of every place the finders find in ``text``, in order of start."""
    searches: list[Iterator[tuple[int, int]]] = []
    if text.isascii():
        lowered = text.lower()
        searches = [
            (match.span() for match in _ascii_pattern(finder.ascii).finditer(lowered))
            for finder in finders
            if finder.ascii is not None
        ]
        return searches[0] if len(searches) == 1 else heapq.merge(*searches)
    encoded: dict[str, tuple[bytes, bool]] = {}
    for finder in finders:
        if finder.in_text is not None:
            searches.append(match.span() for match in finder.in_text.finditer(text))
        else:
            searches.append(_encoded_places(text, finder, encoded))
        if finder.word_start:
            searches[-1] = (place for place in searches[-1] if _starts_word(text, place[0]))
        elif finder.arabic_lead is not None:
            lead = finder.arabic_lead
            searches[-1] = (place for place in searches[-1] if _arabic_start(text, place[0], lead))
    return searches[0] if len(searches) == 1 else heapq.merge(*searches)


def _encoded_places(text: str, finder: Finder, encoded: dict[str, tuple[bytes, bool]]) -> Iterator[tuple[int, int]]:
    """The places of ``finder``'s token in ``text`` encoded with its codec (kept in ``encoded`` for the others)."""
    if finder.codec not in encoded:
        subject = text.encode(finder.codec, "replace")
        # Each "?" is a question mark, or a character the codec lacks that cannot fold into the token.
        whole = subject.count(b"?") == text.count("?") or not _missing(finder.codec).search(text)
        encoded[finder.codec] = (subject.translate(_fold_table(finder.codec)) if whole else subject, whole)
    subject, whole = encoded[finder.codec]
    if not whole:
        missing = _with_missing(finder.encoded, finder.codec)
        return (match.span() for match in missing.finditer(subject))
    if finder.word_start and finder.codec != ARABIC_CODEC:
        pattern = _word_start_pattern(finder.encoded, finder.codec, _DROPPED in subject)
        return (match.span() for match in pattern.finditer(subject))
    if _DROPPED in subject:
        return (match.span() for match in _spread_pattern(finder.encoded).finditer(subject))
    return _occurrences(subject, finder.encoded)


@lru_cache(maxsize=1024)
def _spread_pattern(encoded: bytes) -> re.Pattern[bytes]:
    """The token in a folded encoded text, with the bytes of characters that fold to nothing between its letters."""
    return re.compile((re.escape(_DROPPED) + b"*").join(re.escape(bytes([byte])) for byte in encoded))


@lru_cache(maxsize=1024)
def _word_start_pattern(encoded: bytes, codec: str, spread: bool) -> re.Pattern[bytes]:
    """The token in a folded encoded text where no letter or digit precedes it (``_starts_word`` checks the rest).

    In such a text every byte but ``_DROPPED`` and ``_OTHER`` is the fold of a letter or digit, and in these codecs
    (all but Arabic's) not of an Arabic one, after which a token may start (``ال2024``): the places this leaves
    out are places ``_starts_word`` refuses, found without a Python step each.
    """
    letters = bytes(sorted(set(_fold_table(codec)) - {_DROPPED[0], _OTHER[0]}))
    token = _spread_pattern(encoded).pattern if spread else re.escape(encoded)
    return re.compile(b"(?<![" + re.escape(letters) + b"])" + token)


def _occurrences(text: AnyStr, token: AnyStr) -> Iterator[tuple[int, int]]:
    position = text.find(token)
    while position >= 0:
        yield position, position + len(token)
        position = text.find(token, position + 1)
