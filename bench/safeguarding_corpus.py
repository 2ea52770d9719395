"""Print the safeguarding check's recall and false alarms on the labelled corpus, per language and category.

    PYTHONPATH=src python3 bench/safeguarding_corpus.py [--errors]

The tables (the corpus, the second blind set, the fresh set) go into docs/consultations.md; ``--errors`` lists every miss and false
alarm.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.consultations.safeguarding_measure import BENIGN, BLIND, FRESH, Score, load, measure

from cwgcop.consultations.safeguarding import CATEGORIES, LANGUAGES


def percent(flagged: int, total: int) -> str:
    return f"{flagged}/{total} ({100 * flagged / total:.0f} %)" if total else "–"


def table(score: Score) -> None:
    print("| language | disclosures found (recall) | benign texts flagged (false alarms) |")
    print("| --- | --- | --- |")
    totals = [0, 0, 0, 0]
    for language in LANGUAGES:
        found = sum(score.flagged[language, c] for c in CATEGORIES)
        total = sum(score.texts[language, c] for c in CATEGORIES)
        alarms = sum(score.flagged[language, b] for b in BENIGN)
        benign = sum(score.texts[language, b] for b in BENIGN)
        totals = [totals[0] + found, totals[1] + total, totals[2] + alarms, totals[3] + benign]
        print(f"| {language} | {percent(found, total)} | {percent(alarms, benign)} |")
    print(f"| all | {percent(totals[0], totals[1])} | {percent(totals[2], totals[3])} |")
    print()
    print("| category | " + " | ".join(LANGUAGES) + " |")
    print("| --- |" + " --- |" * len(LANGUAGES))
    for label in (*CATEGORIES, *BENIGN):
        cells = [f"{score.flagged[lang, label]}/{score.texts[lang, label]}" for lang in LANGUAGES]
        print(f"| {label} (flagged) | " + " | ".join(cells) + " |")


def errors(score: Score) -> None:
    for item in score.misses:
        print(f"MISSED  {item.language} {item.label}: {item.text}")
    for item in score.false_alarms:
        print(f"ALARM   {item.language} {item.label}: {item.text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misses and false alarms")
    args = parser.parse_args()
    score, blind, fresh = measure(), measure(load(BLIND)), measure(load(FRESH))
    print("Corpus (the lexicons were written and tuned against it):\n")
    table(score)
    print("\nSecond blind set (written before issue 13's widening, measured, then used to widen the lists):\n")
    table(blind)
    print("\nFresh set (written after the last widening, never used to change the lists):\n")
    table(fresh)
    if args.errors:
        for found in (score, blind, fresh):
            print()
            errors(found)


if __name__ == "__main__":
    main()
