"""Print the safeguarding check's recall and false alarms on the labelled corpus, per language and category.

    PYTHONPATH=src python3 bench/safeguarding_corpus.py [--errors]

The tables go into docs/consultations.md; ``--errors`` also lists every missed disclosure and false alarm.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.consultations.safeguarding_measure import BENIGN, measure

from cwgcop.consultations.safeguarding import CATEGORIES, LANGUAGES


def percent(flagged: int, total: int) -> str:
    return f"{flagged}/{total} ({100 * flagged / total:.0f} %)" if total else "–"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misses and false alarms")
    args = parser.parse_args()
    score = measure()
    print("| language | disclosures found (recall) | benign texts flagged (false alarms) |")
    print("| --- | --- | --- |")
    for language in LANGUAGES:
        found = sum(score.flagged[language, c] for c in CATEGORIES)
        total = sum(score.texts[language, c] for c in CATEGORIES)
        alarms = sum(score.flagged[language, b] for b in BENIGN)
        benign = sum(score.texts[language, b] for b in BENIGN)
        print(f"| {language} | {percent(found, total)} | {percent(alarms, benign)} |")
    print()
    print("| category | " + " | ".join(LANGUAGES) + " |")
    print("| --- |" + " --- |" * len(LANGUAGES))
    for label in (*CATEGORIES, *BENIGN):
        cells = [f"{score.flagged[lang, label]}/{score.texts[lang, label]}" for lang in LANGUAGES]
        print(f"| {label} (flagged) | " + " | ".join(cells) + " |")
    if args.errors:
        print()
        for item in score.misses:
            print(f"MISSED  {item.language} {item.label}: {item.text}")
        for item in score.false_alarms:
            print(f"ALARM   {item.language} {item.label}: {item.text}")


if __name__ == "__main__":
    main()
