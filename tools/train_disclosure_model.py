"""Trains the learned disclosure detector (cwgcop.consultations.disclosure_model) and writes its weights and cuts
(threshold, veto, grave veto).

    python tools/train_disclosure_model.py            # cross-validation table, the cuts, then the weights
    python tools/train_disclosure_model.py --cv-only  # the table only
    python tools/train_disclosure_model.py --write-only

Training data: every labelled safeguarding set in tests/consultations/safeguarding_corpus/ (the tuning corpus,
blind/, blind5/ … blind13/ and the training writers' sets ``train*/``); the round's new blind set lives outside the
repository until it is scored and is never read here. A text is a positive example when its label is one of the
eight categories, negative when benign or benign_topic. The model is an L2-regularised logistic regression fitted by
scipy's L-BFGS from zero weights on the sets in a fixed order: the same corpora give the same weights. Buckets set
in fewer than :data:`MIN_COUNT` training texts are dropped; weights are rounded to four decimals.

Cross-validation: for each honest set (:data:`HONEST`: sets the rules were never changed for), a model trained on
all the others scores it, beside today's rules, as ``safeguarding.assess`` does: an answer the rules are silent on
is flagged when its score reaches the threshold; a rule finding is set aside when the score is under the veto (the
grave veto for suicide and self-harm), unless an explicit phrase found it. The cuts shipped are those finding the
most disclosures over the honest folds among those that flag at most :data:`MAX_ALARMS` of their benign texts.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from cwgcop.consultations import disclosure_model
from cwgcop.consultations.disclosure_model import Cuts
from cwgcop.consultations.safeguarding import CATEGORIES, Finding, rules, stands, words

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.consultations import safeguarding_measure as sm  # noqa: E402
from tools.logistic import fit  # noqa: E402

SETS = {
    "tuning": sm.CORPUS,
    "blind": sm.BLIND,
    "blind5": sm.BLIND5,
    "blind6": sm.BLIND6,
    "blind7": sm.BLIND7,
    "blind8": sm.BLIND8,
    "blind9": sm.BLIND9,
    "blind10": sm.BLIND10,
    "blind11": sm.BLIND11,
    "blind12": sm.BLIND12,
    "blind13": sm.BLIND13,
    **{folder.name: folder for folder in sm.TRAINING},
}
# The sets the rules were never changed for: the blind sets since the ninth and the training writers' sets.
HONEST = ("blind9", "blind10", "blind11", "blind12", "blind13", *(folder.name for folder in sm.TRAINING))
C = 1.0  # inverse of the L2 penalty
MIN_COUNT = 2
THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]
VETOES = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]  # 0.0: no veto; 1.0: every finding but phrases
MAX_ALARMS = 0.10


def prepared(folder: Path) -> list[dict]:  # type: ignore[type-arg]
    out = []
    for item in sm.load(folder, every=False):
        text = words(item.text)
        found = rules(item.text)
        out.append(
            {
                "label": item.label in CATEGORIES,
                "features": disclosure_model.features(text),
                "parts": [disclosure_model.features(part) for part in disclosure_model.sentences(text)],
                "rules": found,
                "text": item.text,
            }
        )
    return out


def train(records: list[dict]) -> dict[int, float]:  # type: ignore[type-arg]
    rows = [record["features"] for record in records]
    return fit(rows, [record["label"] for record in records], c=C, min_count=MIN_COUNT, maxiter=1000, unique=False)


def scores(records: list[dict], weights: dict[int, float]) -> list[float]:  # type: ignore[type-arg]
    """Each record's score as disclosure_model.score gives it: the whole text's and each sentence's highest."""
    return [
        max(disclosure_model.probability(weights, f) for f in [record["features"], *record["parts"]])
        for record in records
    ]


def flagged(record: dict, score: float | None, cut: Cuts) -> bool:  # type: ignore[type-arg]
    if score is None:
        return bool(record["rules"])
    if record["rules"]:
        return stands(record["rules"], score, cut.veto, cut.grave_veto)
    return score >= cut.threshold


def counts(records: list[dict], probabilities: list[float] | None, cut: Cuts) -> dict[str, int]:  # type: ignore[type-arg]
    out = {"found": 0, "disclosures": 0, "alarms": 0, "benign": 0}
    for record, p in zip(records, probabilities or [None] * len(records), strict=True):
        hit = flagged(record, p, cut)
        if record["label"]:
            out["disclosures"] += 1
            out["found"] += hit
        else:
            out["benign"] += 1
            out["alarms"] += hit
    return out


def total(ms: list[dict[str, int]]) -> dict[str, int]:
    return {k: sum(m[k] for m in ms) for k in ms[0]}


def cell(m: dict[str, int]) -> str:
    return (
        f"{m['found']}/{m['disclosures']} ({m['found'] / m['disclosures']:.1%}),"
        f" {m['alarms']}/{m['benign']} ({m['alarms'] / m['benign']:.1%})"
    )


def choose(
    folds: dict[str, list[dict]],  # type: ignore[type-arg]
    probabilities: dict[str, list[float]],
    candidates: list[Cuts],
) -> Cuts:
    """The candidate finding the most disclosures over the honest folds among those flagging at most MAX_ALARMS of
    their benign texts. Ties: fewer false alarms, then the lowest grave veto, then the highest threshold and veto."""
    results = {cut: total([counts(folds[h], probabilities[h], cut) for h in folds]) for cut in candidates}
    allowed = [cut for cut, m in results.items() if m["alarms"] <= MAX_ALARMS * m["benign"]]
    if not allowed:  # for comparison only (the shipped cuts are checked in main): the fewest false alarms
        return min(candidates, key=lambda c: (results[c]["alarms"], -results[c]["found"]))
    return max(allowed, key=lambda c: (results[c]["found"], -results[c]["alarms"], -c.grave_veto, c.threshold, c.veto))


def cross_validate(data: dict[str, list[dict]]) -> Cuts:  # type: ignore[type-arg]
    """The honest folds' table and the cuts chosen."""
    probabilities = {}
    for held in HONEST:
        weights = train([r for name, rs in data.items() if name != held for r in rs])
        probabilities[held] = scores(data[held], weights)
        sys.stderr.write(f"fold {held} trained\n")
    folds = {h: data[h] for h in HONEST}
    grid = [(t, v) for t in THRESHOLDS for v in VETOES]
    compared = {
        "no veto": choose(folds, probabilities, [Cuts(t, 0.0, 0.0) for t in THRESHOLDS]),
        "one veto": choose(folds, probabilities, [Cuts(t, v, v) for t, v in grid]),
        "suicide and self-harm never set aside": choose(folds, probabilities, [Cuts(t, v, 0.0) for t, v in grid]),
        "a lower veto for suicide and self-harm (shipped)": choose(
            folds, probabilities, [Cuts(t, v, g) for t, v in grid for g in VETOES if g <= v]
        ),
    }
    chosen = compared["a lower veto for suicide and self-harm (shipped)"]
    columns: dict[str, Callable[[str], dict[str, int]]] = {
        "rules alone": lambda h: counts(folds[h], None, Cuts(0.0, 0.0, 0.0)),
        "model alone ≥ 0.5": lambda h: counts(
            [{**r, "rules": Finding()} for r in folds[h]], probabilities[h], Cuts(0.5, 0.0, 0.0)
        ),
    }
    for name, cut in compared.items():
        label = f"{name}: ≥ {cut.threshold}, veto {cut.veto}, grave {cut.grave_veto}"
        columns[label] = partial(lambda h, cut: counts(folds[h], probabilities[h], cut), cut=cut)
    rows = [[held, *(column(held) for column in columns.values())] for held in HONEST]
    rows.append(["all honest folds", *(total([row[i + 1] for row in rows]) for i in range(len(columns)))])
    sys.stdout.write("| held-out set | " + " | ".join(columns) + " |\n|" + "---|" * (len(columns) + 1) + "\n")
    for row in rows:
        sys.stdout.write(f"| {row[0]} | " + " | ".join(cell(m) for m in row[1:]) + " |\n")
    sys.stdout.write(f"chosen: {chosen}\n")
    return chosen


def main(argv: list[str]) -> None:
    data = {name: prepared(folder) for name, folder in SETS.items()}
    chosen = None
    if "--write-only" not in argv:
        chosen = cross_validate(data)
    if "--cv-only" in argv:
        return
    if chosen is None:
        chosen = disclosure_model.cuts()
    weights = train([r for rs in data.values() for r in rs])
    disclosure_model.MODEL.write_text(
        json.dumps(
            {
                "buckets": disclosure_model.BUCKETS,
                "threshold": chosen.threshold,
                "veto": chosen.veto,
                "grave_veto": chosen.grave_veto,
                "weights": weights,
            },
            sort_keys=True,
            separators=(",", ":"),
        )
        + "\n",
        encoding="utf-8",
    )
    sys.stdout.write(f"wrote {len(weights)} weights to {disclosure_model.MODEL}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
