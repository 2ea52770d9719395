"""Recall and false alarms of the safeguarding check on the labelled corpus in ``safeguarding_corpus/``.

Shared by ``bench/safeguarding_corpus.py`` (prints the table for docs/consultations.md) and
``test_safeguarding_corpus.py`` (asserts the thresholds of issue 13).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from cwgcop.consultations.safeguarding import CATEGORIES, LANGUAGES, assess

CORPUS = Path(__file__).resolve().parent / "safeguarding_corpus"
# The second blind set: written before round 1 of issue 13's widening (measured first: 199/300 found), then used
# to widen the lists, so now a target like the corpus.
BLIND = CORPUS / "blind"
# Written after that widening and never used to change the lists: how the check does on words it was not tuned to.
FRESH = CORPUS / "fresh"
BENIGN = ("benign", "benign_topic")


@dataclass(frozen=True)
class Text:
    language: str
    label: str
    text: str


@dataclass
class Score:
    """Counts per language and label: how many texts, and how many the check flagged."""

    texts: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    flagged: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    misses: list[Text] = field(default_factory=list)
    false_alarms: list[Text] = field(default_factory=list)

    def rate(self, language: str, labels: tuple[str, ...]) -> float:
        total = sum(self.texts[language, label] for label in labels)
        return sum(self.flagged[language, label] for label in labels) / total if total else 0.0

    def recall(self, language: str) -> float:
        return self.rate(language, CATEGORIES)

    def false_alarm_rate(self, language: str) -> float:
        return self.rate(language, BENIGN)


def load(folder: Path = CORPUS) -> list[Text]:
    texts = []
    for language in LANGUAGES:
        for line in (folder / f"{language}.tsv").read_text(encoding="utf-8").splitlines():
            label, text = line.split("\t", 1)
            assert label in CATEGORIES or label in BENIGN, label
            texts.append(Text(language, label, text.replace("\\u200b", "\u200b")))
    return texts


def measure(texts: list[Text] | None = None) -> Score:
    score = Score()
    for item in texts if texts is not None else load():
        flagged = bool(assess(item.text))
        score.texts[item.language, item.label] += 1
        score.flagged[item.language, item.label] += flagged
        if item.label in BENIGN and flagged:
            score.false_alarms.append(item)
        elif item.label not in BENIGN and not flagged:
            score.misses.append(item)
    return score
