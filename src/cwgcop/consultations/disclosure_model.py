"""A learned disclosure detector: a logistic regression over hashed character and word n-grams and the concepts
of :mod:`.concepts`, used beside the rules of :mod:`.safeguarding`.

The rules hold one pattern or concept rule per phrasing seen and read about 71 % of the disclosures of an unseen
set (docs/consultations.md, "What the blind sets show"). This detector scores a whole answer with weights learned
from the labelled corpora (every set but the blind set of the round) on features meant to carry over between
phrasings and languages: the answer's normalised words (:func:`.safeguarding.words`), the character n-grams of 2
to 5 letters inside each word (padded with a space at both ends, so "kil" at a word's start differs from
"skill"), its words and pairs of words, and which of the concepts of every language (the writer, a harm act, a
body part, laughter, a negation, a trivial cause …) it holds, alone and two together. Every feature is hashed
(CRC-32) into :data:`BUCKETS` buckets, so the weights file stays small and a word never seen weighs nothing.

An answer's score is the highest probability of the whole answer and of each of its sentences (a disclosure in the
middle of a long answer weighs as it would alone). An answer whose score reaches the threshold stored with the
weights is flagged even if the rules are silent; what the rules found in an answer whose score is under the veto
stored with them (a lower one for suicide and self-harm) is set aside unless an explicit phrase found it
(:func:`.safeguarding.stands`). The weights (``data/disclosure_model.json``) are rebuilt by
``tools/train_disclosure_model.py`` (fixed corpora, deterministic solver); nothing is trained or downloaded at
run time, and inference is a sum of weights.
"""

from __future__ import annotations

import itertools
import json
import math
import zlib
from array import array
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from cwgcop.consultations import concepts

MODEL = Path(__file__).resolve().parent / "data" / "disclosure_model.json"
BUCKETS = 1 << 18
NGRAMS = (2, 3, 4, 5)


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)


@lru_cache(maxsize=65536)
def _word(token: str) -> frozenset[int]:
    """The buckets of one word and of its character n-grams (cached: most words of an answer are common)."""
    padded = f" {token} "
    found = {"w " + token}
    for n in NGRAMS:
        found.update("c " + padded[i : i + n] for i in range(len(padded) - n + 1))
    return frozenset(_bucket(f) for f in found)


@lru_cache(maxsize=65536)
def _pair(a: str, b: str) -> int:
    return _bucket(f"b {a} {b}")


@lru_cache(maxsize=4096)
def _concepts(held: frozenset[str]) -> frozenset[int]:
    """The buckets of the concepts an answer or a sentence holds, alone and in pairs (cached: few sets recur)."""
    names = sorted(held)
    found = {"k " + name for name in names}
    found.update(f"kk {a} {b}" for i, a in enumerate(names) for b in names[i + 1 :])
    return frozenset(_bucket(f) for f in found)


BIAS = _bucket("bias")


def _words_and_pairs(tokens: list[str]) -> set[int]:
    buckets = set(itertools.starmap(_pair, itertools.pairwise(tokens)))
    for token in tokens:
        buckets |= _word(token)
    return buckets


def features(text: str) -> list[int]:
    """The hashed features of ``text`` (the normalised words of :func:`.safeguarding.words`, one space apart), each
    once."""
    tokens = [t for t in text.split(" ") if t and t != "."]
    return sorted(_words_and_pairs(tokens) | {BIAS} | _concepts(concepts.held(text)))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def probability(weights: dict[int, float], feats: list[int]) -> float:
    return _sigmoid(sum(weights.get(f, 0.0) for f in feats))


class Cuts(NamedTuple):
    """Where the score decides (chosen by cross-validation, shipped with the weights): an answer the rules are silent
    on is flagged at ``threshold``; a rule finding stands at ``veto``, or at ``grave_veto`` for suicide or self-harm
    (:func:`.safeguarding.stands`)."""

    threshold: float
    veto: float
    grave_veto: float


@cache
def model() -> tuple[dict[int, float], Cuts]:
    """The shipped weights and cuts (data/disclosure_model.json, written by tools/train_disclosure_model.py)."""
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    if data.get("buckets") != BUCKETS:
        raise ValueError(f"{MODEL} was trained for {data.get('buckets')} buckets, not {BUCKETS}")
    weights = {int(k): float(v) for k, v in data["weights"].items()}
    return weights, Cuts(float(data["threshold"]), float(data["veto"]), float(data["grave_veto"]))


def cuts() -> Cuts:
    return model()[1]


@cache
def _table() -> array[float]:
    """The shipped weights as one array a bucket (2 MB): indexing it is faster than a dictionary's lookups, and gives
    the same sums."""
    table = array("d", bytes(8 * BUCKETS))
    for bucket, weight in model()[0].items():
        table[bucket] = weight
    return table


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (normalised words, sentence ends as "."), when there is more than one."""
    tokens = [t for t in text.split(" ") if t]
    parts = [" ".join(group) for end, group in itertools.groupby(tokens, key=lambda t: t == ".") if not end]
    return parts if len(parts) > 1 else []


def score(text: str) -> float:
    """The score of ``text`` (normalised words, as :func:`features` takes them) by the shipped weights: the highest
    probability of being a disclosure of the whole text and of each of its sentences. The whole text's words and
    pairs are its sentences' and the pairs across their ends: read once (the same features as :func:`features`)."""
    at = _table().__getitem__
    parts = sentences(text)
    if not parts:
        return _sigmoid(sum(map(at, features(text))))
    split = [part.split(" ") for part in parts]
    own = [_words_and_pairs(tokens) for tokens in split]
    whole = set().union(*own, (_pair(a[-1], b[0]) for a, b in itertools.pairwise(split)))
    held = [concepts.held(text), *concepts.held_by_sentence(text, parts)]
    return max(
        _sigmoid(sum(map(at, sorted(found | {BIAS} | _concepts(names)))))
        for found, names in zip([whole, *own], held, strict=True)
    )
