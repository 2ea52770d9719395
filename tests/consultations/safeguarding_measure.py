"""Recall and false alarms of the safeguarding check on the labelled corpus in ``safeguarding_corpus/``.

Shared by ``bench/safeguarding_corpus.py`` (prints the tables for docs/consultations.md) and
``test_safeguarding.py`` (asserts the thresholds of issue 13). A new blind set is scored with

    PYTHONPATH=src python -m tests.consultations.safeguarding_measure --fresh PATH [--errors]

where PATH holds ``<language>.tsv`` for any of en, fr, es, ru, ar, zh-hans (``label<TAB>text``, as below).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from cwgcop.consultations.safeguarding import CATEGORIES, LANGUAGES, assess, by_concepts

CORPUS = Path(__file__).resolve().parent / "safeguarding_corpus"
# The second blind set: written before round 1 of issue 13's widening (measured first: 199/300 found), then used
# to widen the lists, so now a target like the corpus.
BLIND = CORPUS / "blind"
# The fifth blind set: scored once after round 4, folded into tuning in round 5.
BLIND5 = CORPUS / "blind5"
# The sixth blind set: scored once after round 5, folded into tuning in round 6.
BLIND6 = CORPUS / "blind6"
# The seventh blind set: scored once after round 6, folded into tuning in round 7.
BLIND7 = CORPUS / "blind7"
# The eighth blind set (answers of one to four sentences): scored once after round 7, folded into tuning in round 8.
BLIND8 = CORPUS / "blind8"
# The ninth blind set: scored once after round 8 and never used to change the rules (the current estimate).
BLIND9 = CORPUS / "blind9"
# The tenth blind set: written apart, scored once after the tenth round's models were frozen (commit cdbc192).
BLIND10 = CORPUS / "blind10"
# The eleventh blind set: written apart, scored once against the retrained models (commit 0e74c1c).
BLIND11 = CORPUS / "blind11"
# The twelfth blind set: written apart, scored once against the models retrained with blind11 (commit 7bbdbb7).
BLIND12 = CORPUS / "blind12"
# The thirteenth: scored once against commit effee8a; training data since the fourteenth round.
BLIND13 = CORPUS / "blind13"
# The fourteenth: each language written apart, scored once against the models retrained with blind13 (commit 7960475).
BLIND14 = CORPUS / "blind14"
# The training writers' sets (train*/): written for the learned detector's training only, never to change the rules.
TRAINING = tuple(sorted(path for path in CORPUS.glob("train*") if path.is_dir()))
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
    # The concept rules alone (without the phrase lists): disclosures found, benign texts flagged.
    by_concepts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def rate(self, language: str, labels: tuple[str, ...]) -> float:
        total = sum(self.texts[language, label] for label in labels)
        return sum(self.flagged[language, label] for label in labels) / total if total else 0.0

    def recall(self, language: str) -> float:
        return self.rate(language, CATEGORIES)

    def false_alarm_rate(self, language: str) -> float:
        return self.rate(language, BENIGN)


def load(folder: Path = CORPUS, *, every: bool = True) -> list[Text]:
    """The texts of ``folder/<language>.tsv``; with ``every=False`` a missing language is skipped."""
    texts = []
    for language in LANGUAGES:
        if not every and not (folder / f"{language}.tsv").exists():
            continue
        for line in (folder / f"{language}.tsv").read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            label, text = line.split("\t", 1)
            assert label in CATEGORIES or label in BENIGN, label
            texts.append(Text(language, label, text.replace("\\u200b", "\u200b")))
    return texts


def measure(texts: list[Text] | None = None) -> Score:
    score = Score()
    for item in texts if texts is not None else load():
        flagged = bool(assess(item.text))
        score.by_concepts["benign" if item.label in BENIGN else "disclosure"] += bool(by_concepts(item.text))
        score.texts[item.language, item.label] += 1
        score.flagged[item.language, item.label] += flagged
        if item.label in BENIGN and flagged:
            score.false_alarms.append(item)
        elif item.label not in BENIGN and not flagged:
            score.misses.append(item)
    return score


def percent(flagged: int, total: int) -> str:
    return f"{flagged}/{total} ({100 * flagged / total:.0f} %)" if total else "–"


def table(score: Score) -> str:
    """The two tables of docs/consultations.md: per language, then per category and language."""
    lines = ["| language | disclosures found (recall) | benign texts flagged (false alarms) |", "| --- | --- | --- |"]
    totals = [0, 0, 0, 0]
    for language in LANGUAGES:
        found = sum(score.flagged[language, c] for c in CATEGORIES)
        total = sum(score.texts[language, c] for c in CATEGORIES)
        alarms = sum(score.flagged[language, b] for b in BENIGN)
        benign = sum(score.texts[language, b] for b in BENIGN)
        totals = [totals[0] + found, totals[1] + total, totals[2] + alarms, totals[3] + benign]
        lines.append(f"| {language} | {percent(found, total)} | {percent(alarms, benign)} |")
    lines.append(f"| all | {percent(totals[0], totals[1])} | {percent(totals[2], totals[3])} |")
    concepts = [score.by_concepts["disclosure"], totals[1], score.by_concepts["benign"], totals[3]]
    lines += [
        f"| concept rules alone | {percent(concepts[0], concepts[1])} | {percent(concepts[2], concepts[3])} |",
        "",
    ]
    lines += ["| category | " + " | ".join(LANGUAGES) + " |", "| --- |" + " --- |" * len(LANGUAGES)]
    for label in (*CATEGORIES, *BENIGN):
        cells = [f"{score.flagged[lang, label]}/{score.texts[lang, label]}" for lang in LANGUAGES]
        lines.append(f"| {label} (flagged) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def errors(score: Score) -> str:
    return "\n".join(
        [f"MISSED  {t.language} {t.label}: {t.text}" for t in score.misses]
        + [f"ALARM   {t.language} {t.label}: {t.text}" for t in score.false_alarms]
    )


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="Score the safeguarding check on a labelled set.")
    parser.add_argument("--fresh", type=Path, required=True, help="folder of <language>.tsv files")
    parser.add_argument("--errors", action="store_true", help="list the misses and false alarms")
    args = parser.parse_args(argv)
    texts = load(args.fresh, every=False)
    if not texts:
        raise SystemExit(f"no texts in {args.fresh}: expected {', '.join(f'{lang}.tsv' for lang in LANGUAGES)}")
    score = measure(texts)
    sys.stdout.write(table(score) + "\n")
    if args.errors:
        sys.stdout.write(errors(score) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
