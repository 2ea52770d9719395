"""Print the safeguarding check's recall and false alarms on the labelled corpus, per language and category.

    PYTHONPATH=src python3 bench/safeguarding_corpus.py [--errors] [--fresh PATH]

The tables (the corpus, the second, fifth, sixth, seventh and eighth blind sets, and a new blind set given with ``--fresh PATH``) go into
docs/consultations.md; ``--errors`` lists every miss and false alarm.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.consultations.safeguarding_measure import BLIND, BLIND5, BLIND6, BLIND7, BLIND8, errors, load, measure, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the misses and false alarms")
    parser.add_argument("--fresh", type=Path, help="also score a new blind set: a folder of <language>.tsv files")
    args = parser.parse_args()
    sets = [
        ("Corpus (the lexicons and concept rules were written and tuned against it)", measure()),
        ("Second blind set (measured before issue 13's widening, then used to widen the lists)", measure(load(BLIND))),
        ("Fifth blind set (scored once after round 4, then folded into tuning in round 5)", measure(load(BLIND5))),
        ("Sixth blind set (scored once after round 5, then folded into tuning in round 6)", measure(load(BLIND6))),
        ("Seventh blind set (scored once after round 6, then folded into tuning in round 7)", measure(load(BLIND7))),
        ("Eighth blind set (scored once after round 7, then folded into tuning in round 8)", measure(load(BLIND8))),
    ]
    if args.fresh:
        sets.append(
            (f"Fresh set {args.fresh} (never used to change the rules)", measure(load(args.fresh, every=False)))
        )
    for title, score in sets:
        print(f"{title}:\n")
        print(table(score))
        print()
    if args.errors:
        for _title, score in sets:
            print(errors(score))


if __name__ == "__main__":
    main()
