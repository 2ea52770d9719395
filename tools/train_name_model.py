"""Trains the learned name detector (cwgcop.consultations.redaction.learned) and writes its weights.

    python tools/train_name_model.py            # leave-one-set-out cross-validation table, then the weights
    python tools/train_name_model.py --cv-only  # the table only
    python tools/train_name_model.py --write-only

Training data: every labelled redaction set except the ninth blind set (which is never read here): the tuning
corpus, redaction_heldout.txt, heldout/, round4/, blind5/ … blind8/. A token is a positive example when any of its
characters lies inside a «name|…» span. The model is an L2-regularised logistic regression fitted by scipy's L-BFGS
from zero weights on the corpora in a fixed order: the same corpora give the same weights. Features seen fewer than
:data:`MIN_COUNT` times are dropped; weights are rounded to four decimals.

Cross-validation: for each set, a model trained on all the others scores it; the table gives, for the rules alone
and for the rules with the model at each threshold of :data:`THRESHOLDS`, the names found and the clean words removed.
The threshold shipped is the one with the most names found over all held-out folds among those that keep the
clean words removed at or under :data:`MAX_CLEAN` on every held-out set.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from cwgcop.consultations.redaction import evaluate, find, learned
from cwgcop.consultations.redaction.normalise import normalise

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools.logistic import fit, run_at_commit

SETS: dict[str, Callable[[], list[dict]]] = {  # type: ignore[type-arg]
    "tuning": evaluate.load,
    "heldout": evaluate.load_heldout,
    "unseen": evaluate.load_unseen,
    "round4": evaluate.load_round4,
    "blind5": evaluate.load_blind5,
    "blind6": evaluate.load_blind6,
    "blind7": evaluate.load_blind7,
    "blind8": evaluate.load_blind8,
}
C = 1.0  # inverse of the L2 penalty
MIN_COUNT = 2
THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
# The code of the rules when each blind set was still unseen (the round before it was folded into tuning): the rules
# of today were tuned on every set, so only these tell what the model adds on text the rules never saw.
RULES_WHEN_BLIND = {"blind5": "b256023", "blind6": "613d896", "blind7": "89fbfa1", "blind8": "9becb7f"}
OLD_RULES = """
import json, sys
from cwgcop.consultations.redaction import find
out = []
for text, country in json.load(sys.stdin):
    removed = [False] * len(text)
    for f in find(text, country=country):
        removed[f.start : f.end] = [True] * (f.end - f.start)
    out.append(removed)
json.dump(out, sys.stdout)
"""
MAX_CLEAN = 0.03
PLACES = {"name", "school", "address"}


def prepared(record: dict) -> dict:  # type: ignore[type-arg]
    """A record with its normalised text's tokens, their features and labels, and the rules' removed characters."""
    text = record["text"]
    normal = normalise(text)
    toks = learned.tokens(normal.text)
    spans = [normal.original_span(t.start, t.end) for t in toks]
    name = [False] * len(text)
    for span in record["spans"]:
        if span["category"] == "name":
            name[span["start"] : span["end"]] = [True] * (span["end"] - span["start"])
    labels = [any(name[a:b]) for a, b in spans]
    removed = [False] * len(text)
    saved = learned.names
    learned.names = lambda _text: []  # the rules alone
    try:
        for finding in find(text, country=evaluate.COUNTRY[record["lang"]]):
            removed[finding.start : finding.end] = [True] * (finding.end - finding.start)
    finally:
        learned.names = saved
    return {
        **record,
        "features": learned.features(normal.text, toks),
        "token_spans": spans,
        "labels": labels,
        "rules": removed,
    }


def train(records: list[dict]) -> dict[str, float]:  # type: ignore[type-arg]
    rows = [features for record in records for features in record["features"]]
    labels = [label for record in records for label in record["labels"]]
    return fit(rows, labels, c=C, min_count=MIN_COUNT, maxiter=500, unique=True)


def removed_with(record: dict, weights: dict[str, float] | None, threshold: float) -> list[bool]:  # type: ignore[type-arg]
    removed = list(record["rules"])
    if weights is not None:
        for feats, (a, b) in zip(record["features"], record["token_spans"], strict=True):
            if learned.probability(weights, feats) >= threshold:
                removed[a:b] = [True] * (b - a)
    return removed


def measure(records: list[dict], weights: dict[str, float] | None, threshold: float) -> dict[str, int]:  # type: ignore[type-arg]
    """Names found, names/schools/addresses found, clean words removed, as evaluate.score counts them."""
    out = {"names": 0, "names_total": 0, "places": 0, "places_total": 0, "clean": 0, "wrong": 0}
    for record in records:
        text = record["text"]
        removed = removed_with(record, weights, threshold)
        labelled = [False] * len(text)
        for span in record["spans"]:
            labelled[span["start"] : span["end"]] = [True] * (span["end"] - span["start"])
            chars = [i for i in range(span["start"], span["end"]) if text[i].isalnum()]
            hit = bool(chars) and sum(removed[i] for i in chars) / len(chars) >= 0.9
            if span["category"] == "name":
                out["names"] += hit
                out["names_total"] += 1
            if span["category"] in PLACES:
                out["places"] += hit
                out["places_total"] += 1
        for word in evaluate.WORD.finditer(text):
            if not any(labelled[word.start() : word.end()]):
                out["clean"] += 1
                out["wrong"] += any(removed[word.start() : word.end()])
    return out


def rules_when_blind(name: str, records: list[dict]) -> list[list[bool]]:  # type: ignore[type-arg]
    """What the rules of commit RULES_WHEN_BLIND[name] removed from ``records`` (run from a copy of that commit)."""
    texts = [[r["text"], evaluate.COUNTRY[r["lang"]]] for r in records]
    masks: list[list[bool]] = run_at_commit(RULES_WHEN_BLIND[name], OLD_RULES, texts)
    return masks


def cell(m: dict[str, int]) -> str:
    return (
        f"{m['names']}/{m['names_total']}, {m['places'] / m['places_total']:.1%},"
        f" {m['wrong']}/{m['clean']} ({m['wrong'] / m['clean']:.1%})"
    )


def main(argv: list[str]) -> None:
    data = {name: [prepared(r) for r in loader()] for name, loader in SETS.items()}
    threshold = None
    if "--write-only" not in argv:
        rows = []
        per_threshold: dict[float, list[dict[str, int]]] = {t: [] for t in THRESHOLDS}
        for held, records in data.items():
            weights = train([r for name, rs in data.items() if name != held for r in rs])
            alone = measure(records, None, 0.0)
            model_only = {**alone}
            cells = []
            for t in THRESHOLDS:
                m = measure(records, weights, t)
                per_threshold[t].append(m)
                cells.append(cell(m))
            model_only = measure([{**r, "rules": [False] * len(r["text"])} for r in records], weights, 0.5)
            rows.append(f"| {held} | {cell(alone)} | {cell(model_only)} | " + " | ".join(cells) + " |")
            if held in RULES_WHEN_BLIND:
                old = [{**r, "rules": m} for r, m in zip(records, rules_when_blind(held, records), strict=True)]
                cells = [cell(measure(old, weights, t)) for t in THRESHOLDS]
                label = f"{held}, rules of {RULES_WHEN_BLIND[held]}"
                rows.append(f"| {label} | {cell(measure(old, None, 0.0))} | | " + " | ".join(cells) + " |")
        head = ["held-out set", "rules alone", "model alone (0.5)", *(f"rules + model ≥ {t}" for t in THRESHOLDS)]
        sys.stdout.write("| " + " | ".join(head) + " |\n|" + "---|" * len(head) + "\n" + "\n".join(rows) + "\n")
        allowed = [t for t in THRESHOLDS if all(m["wrong"] / m["clean"] <= MAX_CLEAN for m in per_threshold[t])]
        if not allowed:
            raise SystemExit("no threshold keeps the clean words removed under 3 % on every held-out set")
        threshold = max(allowed, key=lambda t: (sum(m["names"] for m in per_threshold[t]), t))
        sys.stdout.write(f"threshold chosen: {threshold}\n")
    if "--cv-only" in argv:
        return
    if threshold is None:
        threshold = json.loads(learned.MODEL.read_text(encoding="utf-8"))["threshold"]
    weights = train([r for rs in data.values() for r in rs])
    Path(learned.MODEL).write_text(
        json.dumps({"threshold": threshold, "weights": weights}, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
        encoding="utf-8",
    )
    sys.stdout.write(f"wrote {len(weights)} weights to {learned.MODEL}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
