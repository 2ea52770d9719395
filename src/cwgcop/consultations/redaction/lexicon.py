"""Whether a word is a common word of its language: from real word frequencies, offline.

A name is what a list of names cannot hold, but it is rarely a common word. The frequencies are those shipped with
pyspellchecker (MIT; word counts from subtitles and Wikipedia for English, French, Spanish, Russian and Arabic,
read from the installed package, nothing downloaded) and jieba's own dictionary for Chinese. A word is common when
its count is at least a share of its language's most frequent word's (:data:`SHARE`, chosen by measurement on
every labelled set, docs/consultations.md "Round 7"). Russian is inflected and its list holds mostly one form a
word: a Russian word is common too when its Snowball stem is that of a common word ("беседе", "беседа").
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

import snowballstemmer

# Counts at or above this share of the language's top count make a word common (measured: see the module's doc).
SHARE = {"en": 2e-6, "fr": 1e-5, "es": 1e-5, "ru": 5e-6, "ar": 2e-5}
# A capitalised word inside a list of people is a name unless it is one of the most frequent words (a verb or a
# noun a child capitalises: "Valen" is both a nickname and "they are worth").
TOP_SHARE = 2e-4
LATIN = ("en", "fr", "es")
# Chinese: a word of jieba's dictionary at least this frequent is a common word (乐乐 is not, 华为 is).
CHINESE_COMMON = 200


def _counts(language: str) -> dict[str, int]:
    with (
        resources.files("spellchecker").joinpath(f"resources/{language}.json.gz").open("rb") as raw,
        gzip.open(raw) as unzipped,
    ):
        counts: dict[str, int] = json.load(unzipped)
    return counts


@cache
def _levels(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The common words of ``language`` and its most frequent ones; the counts themselves are not kept."""
    counts = _counts(language)
    top = max(counts.values())
    common = frozenset(word for word, count in counts.items() if count >= top * SHARE[language])
    return common, frozenset(word for word in common if counts[word] >= top * TOP_SHARE)


def common_words(language: str, *, very: bool = False) -> frozenset[str]:
    return _levels(language)[1 if very else 0]


@cache
def _russian_stems() -> frozenset[str]:
    stemmer = snowballstemmer.stemmer("russian")
    return frozenset(stemmer.stemWords(sorted(common_words("ru"))))


@cache
def _russian_stem(word: str) -> str:
    return str(snowballstemmer.stemmer("russian").stemWord(word))


def language_of(word: str) -> str:
    for char in word:
        if "Ѐ" <= char <= "ӿ":
            return "ru"
        if "؀" <= char <= "ۿ":
            return "ar"
        if "一" <= char <= "鿿":
            return "zh"
    return "latin"


def is_common(word: str, *, very: bool = False) -> bool:
    """Whether ``word`` (any case) is a common word of its language; ``very``: one of the most frequent only."""
    lowered = word.lower().strip("'’-")
    if not lowered:
        return True
    language = language_of(lowered)
    if language == "zh":
        from cwgcop.consultations.redaction import chinese

        return chinese.word_frequency(lowered) >= CHINESE_COMMON
    languages = LATIN if language == "latin" else (language,)
    if language == "ru" and (not very or len(_russian_stem(lowered)) >= 6):
        # "беседе" (беседа); a capitalised word only by a long stem: "Медведя" (медведь), not "Полиной" (полин)
        if _russian_stem(lowered) in _russian_stems():
            return True
        if very:
            return False
    return any(lowered in common_words(each, very=very) for each in languages)


def warm_up() -> None:
    for language in (*LATIN, "ru", "ar"):
        _levels(language)
    _russian_stems()
