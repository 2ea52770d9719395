"""Cutting a Chinese query into words (jieba, with the dictionary its package ships; nothing is downloaded).

The index keeps every Chinese text as overlapping bigrams (``cwgcop.search.text``), so any substring of a text is
found; only queries are cut into words, each of which is then required anywhere in the text (``儿童保护`` finds
``保护上网儿童``). Every word of a query is a substring of it, so a text that contains the query still matches.

The dictionary takes about a second to load: server processes load it as they start (``warm``, called by
``cwgcop.wsgi``), anything else on its first Chinese query.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from cwgcop.core.chinese import jieba


def _jieba() -> Any:
    """jieba's default tokenizer (``core.chinese``: one dictionary per process, shared with the redaction)."""
    return jieba().dt


def warm() -> None:
    """Load the dictionary now, not in the first Chinese search a server process answers."""
    _jieba()


@lru_cache(maxsize=4096)
def words(run: str) -> tuple[str, ...]:
    """The words of a run of Chinese characters, in order.

    Characters the dictionary does not join to a neighbour stay together as one piece (an unknown name is one
    substring to find, not several characters anywhere). A lone character between words (``的``, ``与``) is left
    out when the run has other words: it would match almost every text. A repeated word is asked for once.
    """
    pieces: list[str] = []
    loose = ""
    for word in _compounds_split(_jieba().cut(run, HMM=False)):
        if len(word) == 1:
            loose += word
            continue
        if loose:
            pieces.append(loose)
            loose = ""
        pieces.append(word)
    if loose:
        pieces.append(loose)
    kept = [piece for piece in pieces if len(piece) > 1]
    return tuple(dict.fromkeys(kept if kept else pieces))


def _compounds_split(found: Iterable[str]) -> Iterator[str]:
    """A compound of two-character dictionary words (数据保护) is searched as those words (数据, 保护): a text
    that says 个人数据应当得到更强的保护 is about it too, and a text holding the compound holds its parts."""
    frequencies = _jieba().FREQ
    for word in found:
        parts = [word[i : i + 2] for i in range(0, len(word), 2)]
        if len(word) >= 4 and len(word) % 2 == 0 and all(frequencies.get(part) for part in parts):
            yield from parts
        else:
            yield word
