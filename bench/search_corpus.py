"""A synthetic multilingual corpus for the search benchmark: deterministic by seed, no network, no data set.

Each document is in one of the six languages (round robin), with a title of about 8 words and a body of about
300 words. Words follow a Zipf-like distribution over a generated vocabulary per language: Latin-script and
Cyrillic words are built from syllables (with accents in French and Spanish), Chinese is written without spaces
from 2–4-character words over a pool of 3,000 common ideographs, Arabic words carry the article and attached
prefixes (``ال``, ``وال``, ``بال``, ``و``) some of the time.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

LANGUAGES = ("ar", "zh-hans", "en", "fr", "ru", "es")
SYLLABLES = {
    "en": "ba be bi bo bu ca ce co da de di do fa fe fi ga go ha he ho la le li lo ma me mi mo na ne ni no "
    "pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi wa we ya th st ch sh ing tion ver age",
    "fr": "ba bé bi bo ca cé ci co da dé di do fa fé fi ga gè la lé li lo ma mé mi mo na né ni no pa pé "
    "ra ré ri ro sa sé si ta té ti va vé vi çon tion eau âge ère",
    "es": "ba be bi bo ca ce ci co da de di do fa fe fi ga ge la le li lo ma me mi mo na ne ni ño pa pe "
    "ra re ri ro sa se si ta te ti va ve vi ción dad ía",
    "ru": "ба бе би бо ва ве ви го да де ди до жа за зе ка ке ки ко ла ле ли ло ма ме ми мо на не ни но "
    "па пе по ра ре ри ро са се си со та те ти то ча ще ый ой ия ёж",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",  # letters, not syllables
}
ARABIC_PREFIXES = ("", "", "", "ال", "ال", "وال", "بال", "و")
CJK_POOL_START = 0x4E00
VOCABULARY = 20_000
WORDS_PER_BODY = 300
WORDS_PER_TITLE = 8


@dataclass(frozen=True)
class SyntheticDocument:
    number: int
    language: str
    title: str
    body: str


class Corpus:
    """The vocabularies and the generator of documents; ``documents(n)`` is deterministic for a seed."""

    def __init__(self, seed: int = 2024) -> None:
        self.seed = seed
        rng = random.Random(seed)
        self.pool = [chr(CJK_POOL_START + i) for i in rng.sample(range(0x5000), 3000)]
        self.vocabulary = {language: self._vocabulary(language, rng) for language in LANGUAGES}
        # Zipf-like weights shared by every language: word k has weight 1/(k+10).
        self.cumulative = list(itertools.accumulate(1.0 / (k + 10) for k in range(VOCABULARY)))

    def _vocabulary(self, language: str, rng: random.Random) -> list[str]:
        words: set[str] = set()
        ordered: list[str] = []
        while len(ordered) < VOCABULARY:
            if language == "zh-hans":
                word = "".join(rng.choice(self.pool) for _ in range(rng.choice((2, 2, 2, 3, 4))))
            elif language == "ar":
                word = "".join(rng.choice(list(SYLLABLES["ar"])) for _ in range(rng.randint(3, 6)))
            else:
                word = "".join(rng.choice(SYLLABLES[language].split()) for _ in range(rng.randint(2, 4)))
            if word not in words:
                words.add(word)
                ordered.append(word)
        return ordered

    def _words(self, rng: random.Random, language: str, count: int) -> list[str]:
        chosen = rng.choices(self.vocabulary[language], cum_weights=self.cumulative, k=count)
        if language == "ar":
            chosen = [rng.choice(ARABIC_PREFIXES) + word for word in chosen]
        return chosen

    def _join(self, rng: random.Random, language: str, words: list[str]) -> str:
        if language != "zh-hans":
            return " ".join(words)
        parts = []
        for i, word in enumerate(words):
            parts.append(word)
            if i % 9 == 8:
                parts.append(rng.choice("，。；"))
        return "".join(parts)

    def document(self, number: int) -> SyntheticDocument:
        rng = random.Random(f"{self.seed}:{number}")
        language = LANGUAGES[number % len(LANGUAGES)]
        title = self._join(rng, language, self._words(rng, language, WORDS_PER_TITLE))
        body = self._join(rng, language, self._words(rng, language, WORDS_PER_BODY))
        return SyntheticDocument(number, language, title, body)

    def documents(self, count: int) -> list[SyntheticDocument]:
        return [self.document(number) for number in range(count)]
