"""Spelling suggestions ("Did you mean …?") from the index's own vocabulary, in every language it holds.

The vocabulary (``SearchWord``) is every word of the indexed titles, texts, symbols and sources, folded as the
index folds it but not stemmed (``fold_letters``: no case, accents or letter variants), with how it is written
and in how many language versions. A word of a query that the vocabulary lacks, or holds far more rarely than a
word one or two edits away, is replaced by that word (optimal string alignment distance, so a swap of two
letters is one edit; ``rapidfuzz``). The corrected search is run, and offered only when it finds more than the
search as typed did. Nothing is downloaded: the words are the archive's.

Not corrected: a word of fewer than three letters (too many neighbours), a prefix (``verif*``), a piece of
text with a digit (a symbol), and Chinese (written without spaces and typed through an input method, it has no
misspelling an edit distance finds: a wrong character is another word). A Chinese search that finds nothing is
offered fewer words (``query.fewer_words``), as every other language is.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection
from rapidfuzz import process
from rapidfuzz.distance import OSA

from cwgcop.core.cache import archive_generation
from cwgcop.search.models import SearchWord
from cwgcop.search.text import (
    ARABIC_MARKS_RE,
    MAX_INDEXED_CHARACTERS,
    STEMMED_LANGUAGES,
    TOKEN_RE,
    fold_letters,
    fold_word,
)

__all__ = ["LOW_RESULTS", "Spelling", "Vocabulary", "suggest", "words_of"]

# A search that finds fewer documents than this is checked for misspellings.
LOW_RESULTS = 3
SHORTEST_WORD = 3
LONGEST_WORD = 40
# A known word is replaced only by one this many times more frequent (a rare word may be a typo in the archive).
MORE_FREQUENT = 5
_DIGIT = re.compile(r"\d")
_BATCH = 2000


@lru_cache(maxsize=200_000)
def _folded(word: str) -> tuple[str, str] | None:
    """(key, how it is written) of one word of a text, or None when it is not a word to correct."""
    if _DIGIT.search(word):
        return None
    key = fold_letters(word)
    if not SHORTEST_WORD <= len(key) <= LONGEST_WORD:
        return None
    written = unicodedata.normalize("NFC", ARABIC_MARKS_RE.sub("", word)).lower()
    return key, written[:LONGEST_WORD]


def words_of(*texts: str) -> dict[str, str]:
    """The vocabulary's words in ``texts``: key → how it is written (its first spelling)."""
    found: dict[str, str] = {}
    for text in texts:
        for _run, word in TOKEN_RE.findall(text[:MAX_INDEXED_CHARACTERS]):
            folded = _folded(word) if word else None
            if folded is not None and folded[0] not in found:
                found[folded[0]] = folded[1]
    return found


class Vocabulary:
    """Words counted by language version, written to ``SearchWord`` at once (a rebuild) or added to it (a
    document indexed again). Counts are exact after a rebuild; a word first indexed since counts one."""

    def __init__(self) -> None:
        self.entries: Counter[str] = Counter()
        self.written: dict[str, str] = {}

    def add(self, words: dict[str, str]) -> None:
        self.entries.update(words.keys())
        for key, written in words.items():
            self.written.setdefault(key, written)

    def rows(self) -> Iterator[tuple[str, str, int, int]]:
        for key, count in self.entries.items():
            yield key, self.written[key], len(key), count

    def replace(self) -> None:
        """Make ``SearchWord`` hold exactly these words."""
        SearchWord.objects.all().delete()
        self._insert("")

    def merge(self) -> None:
        """Add the words ``SearchWord`` lacks. The counts of known words are left as the last rebuild made them:
        a document is indexed again on every change, so adding would count it again."""
        self._insert(" ON CONFLICT (word) DO NOTHING")

    def _insert(self, conflict: str) -> None:
        table = SearchWord._meta.db_table
        sql = f"INSERT INTO {table} (word, display, length, entries) VALUES (%s, %s, %s, %s){conflict}"  # noqa: S608
        rows = sorted(self.rows())  # one order: two concurrent merges cannot deadlock on each other's words
        with connection.cursor() as cursor:
            for start in range(0, len(rows), _BATCH):
                cursor.executemany(sql, rows[start : start + _BATCH])


@dataclass(frozen=True)
class Spelling:
    """A corrected search (``text``, what to search for) and the number of documents it finds."""

    text: str
    total: int


@dataclass(frozen=True)
class _Words:
    """The vocabulary read into memory, by length (a correction is at most two letters longer or shorter)."""

    by_length: dict[int, list[str]]
    entries: dict[str, tuple[str, int]]  # key → (how it is written, language versions)


_cache_lock = threading.Lock()
_cached: dict[tuple[str, int], _Words] = {}


def _vocabulary() -> _Words:
    """This process's copy of the vocabulary, read again when the archive changed (its generation)."""
    key = (connection.settings_dict["NAME"], archive_generation())
    with _cache_lock:
        found = _cached.get(key)
    if found is not None:
        return found
    by_length: dict[int, list[str]] = {}
    entries: dict[str, tuple[str, int]] = {}
    for word, written, length, count in SearchWord.objects.values_list("word", "display", "length", "entries"):
        by_length.setdefault(length, []).append(word)
        entries[word] = (written, count)
    found = _Words(by_length, entries)
    with _cache_lock:
        _cached.clear()
        _cached[key] = found
    return found


def _distance(length: int) -> int:
    """The edits allowed in a word of ``length`` letters: none up to three (too many neighbours), then one, then
    two from six letters on."""
    if length <= SHORTEST_WORD:
        return 0
    return 1 if length <= 5 else 2


def closest(word: str) -> str | None:
    """How to write the known word nearest to ``word`` (one of a query's words), when ``word`` is unknown or far
    rarer than it; None when ``word`` is not one to correct or nothing is near enough."""
    folded = _folded(word)
    if folded is None:
        return None
    key = folded[0]
    words = _vocabulary()
    own = words.entries.get(key, ("", 0))[1]
    limit = _distance(len(key))
    if not limit:
        return None
    best: tuple[int, int, str] | None = None  # (distance, -language versions, key)
    for length in range(len(key) - limit, len(key) + limit + 1):
        choices = words.by_length.get(length)
        if not choices:
            continue
        for candidate, distance, _index in process.extract(
            key, choices, scorer=OSA.distance, score_cutoff=limit, limit=20
        ):
            if candidate == key:
                continue
            count = words.entries[candidate][1]
            if _same_stem(key, candidate):
                return None  # another form of the same word: the stemmed search finds it already
            if count < max(1, own * MORE_FREQUENT):
                continue
            ranked = (int(distance), -count, candidate)
            if best is None or ranked < best:
                best = ranked
    return words.entries[best[2]][0] if best is not None else None


def _same_stem(word: str, other: str) -> bool:
    return any(fold_word(word, language) == fold_word(other, language) for language in STEMMED_LANGUAGES)


def corrected(text: str) -> str | None:
    """``text`` with each word to correct replaced by its nearest known word, or None when nothing changes. The
    rest (quotes, symbols, prefixes, Chinese, spacing) stays as typed."""
    pieces: list[str] = []
    changed = False
    position = 0
    for chunk in _chunks(text):
        start, end = chunk
        pieces.append(text[position:start])
        piece = text[start:end]
        if not piece.endswith("*") and not _DIGIT.search(piece):
            piece, replaced = _correct_words(piece)
            changed = changed or replaced
        pieces.append(piece)
        position = end
    pieces.append(text[position:])
    return "".join(pieces) if changed else None


def _chunks(text: str) -> Iterable[tuple[int, int]]:
    """The (start, end) of each piece of ``text`` between spaces and quotes."""
    for match in re.finditer(r'[^\s"]+', text):
        yield match.start(), match.end()


def _correct_words(piece: str) -> tuple[str, bool]:
    parts: list[str] = []
    position = 0
    replaced = False
    for match in TOKEN_RE.finditer(piece):
        if match.lastgroup != "word":
            continue
        better = closest(match.group())
        if better is None:
            continue
        parts.extend((piece[position : match.start()], better))
        position = match.end()
        replaced = True
    parts.append(piece[position:])
    return "".join(parts), replaced


def suggest(text: str, run: Callable[[str], int], found: int) -> Spelling | None:
    """The corrected search for ``text`` when it finds more documents than ``found`` (the search as typed);
    ``run`` counts the documents a text finds (with the same filters)."""
    better = corrected(text)
    if better is None:
        return None
    total = run(better)
    return Spelling(better, total) if total > found else None
