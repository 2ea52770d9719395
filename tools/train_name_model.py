"""Trains the learned detector of names, schools and addresses (cwgcop.consultations.redaction.learned) and writes
its weights.

    python tools/train_name_model.py            # cross-validation table, thresholds, then the model
    python tools/train_name_model.py --cv-only  # the table only
    python tools/train_name_model.py --write-only

Training data: every labelled redaction set in tests/consultations/corpus/ (the tuning corpus, the held-out sets,
the blind sets once scored, and the training writers' sets ``train*/``); the round's new blind set lives outside
the repository until it is scored and is never read here. A token is labelled with a category when any of its
characters lies inside a «name|…», «school|…» or «address|…» span, "O" otherwise. One linear-chain CRF (CRFsuite's
L-BFGS, :data:`PARAMS`) on the corpora in a fixed order: the same corpora give the same model file.

Cross-validation: for each honest set (:data:`HONEST`: sets the rules were never changed for), a model trained on
all the other sets scores it, beside the rules. The thresholds shipped (one for names, one for schools and
addresses) are the pair that finds the most names, schools and addresses over the honest folds among those that keep
the clean words removed at or under :data:`MAX_CLEAN` on every fold.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pycrfsuite

from cwgcop.consultations.redaction import evaluate, find, learned
from cwgcop.consultations.redaction.normalise import normalise

SETS: dict[str, Callable[[], list[dict]]] = {  # type: ignore[type-arg]
    "tuning": evaluate.load,
    "heldout": evaluate.load_heldout,
    "unseen": evaluate.load_unseen,
    "round4": evaluate.load_round4,
    "blind5": evaluate.load_blind5,
    "blind6": evaluate.load_blind6,
    "blind7": evaluate.load_blind7,
    "blind8": evaluate.load_blind8,
    "blind9": evaluate.load_blind9,
    "blind10": evaluate.load_blind10,
    "blind11": evaluate.load_blind11,
    "blind12": evaluate.load_blind12,
    "blind13": evaluate.load_blind13,
    **{writer: partial(evaluate.load_training, writers=(writer,)) for writer in evaluate.TRAINING},
}
# The sets the rules were never changed for: the blind sets since the ninth and the training writers' sets.
HONEST = ("blind9", "blind10", "blind11", "blind12", "blind13", *evaluate.TRAINING)
# CRFsuite's L-BFGS training: L1 and L2 penalties, features seen fewer than MIN_COUNT times dropped, a fixed number of
# iterations at most (docs/consultations.md, "The thirteenth round").
PARAMS = {"c1": 0.0, "c2": 1.0, "max_iterations": 300, "feature.minfreq": 2, "feature.possible_transitions": True}
# Not under 0.4: at 0.3 sentence-initial and common words of the demo and the tests were taken for names ("Make it
# free", "像朋友一样", "Childline's", "Node.js"), which the clean-word measure of the corpora did not weigh.
NAME_THRESHOLDS = [0.4, 0.5, 0.6, 0.7]
PLACE_THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
OFF = 2.0  # a threshold no probability reaches
MAX_CLEAN = 0.03
LEARNED = ("name", "school", "address")
PLACES = set(LEARNED)


def prepared(record: dict) -> dict:  # type: ignore[type-arg]
    """A record with its normalised text's tokens, their features and labels, and the rules' removed characters."""
    text = record["text"]
    normal = normalise(text)
    toks = learned.tokens(normal.text)
    spans = [normal.original_span(t.start, t.end) for t in toks]
    marks = {category: [False] * len(text) for category in LEARNED}
    for span in record["spans"]:
        if span["category"] in marks:
            marks[span["category"]][span["start"] : span["end"]] = [True] * (span["end"] - span["start"])
    labels = [[any(marks[category][a:b]) for a, b in spans] for category in LEARNED]
    removed = [False] * len(text)
    saved = learned.details, learned.trimmed
    learned.details, learned.trimmed = (lambda _text: []), (lambda _text, hit: hit)  # the rules alone
    try:
        for finding in find(text, country=evaluate.COUNTRY[record["lang"]]):
            removed[finding.start : finding.end] = [True] * (finding.end - finding.start)
    finally:
        learned.details, learned.trimmed = saved
    return {
        **record,
        "words": [t.word for t in toks],
        "features": learned.features(normal.text, toks),
        "token_spans": spans,
        "labels": labels,
        "rules": removed,
    }


def tags(record: dict) -> list[str]:  # type: ignore[type-arg]
    """Each token's label: the first category whose span it touches, else "O"."""
    return [
        next((category for k, category in enumerate(LEARNED) if record["labels"][k][i]), "O")
        for i in range(len(record["words"]))
    ]


def train(records: list[dict], path: Path) -> None:  # type: ignore[type-arg]
    """Fits the CRF on ``records`` (in their order) and writes the model to ``path``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for record in records:
        if record["words"]:
            trainer.append(record["features"], tags(record))
    trainer.set_params(PARAMS)
    trainer.train(str(path))


def probabilities(record: dict, path: Path) -> list[learned.Probabilities]:  # type: ignore[type-arg]
    return learned.marginals(record["features"], path)


def removed_with(
    record: dict,  # type: ignore[type-arg]
    scores: list[learned.Probabilities] | None,
    thresholds: learned.Probabilities,
) -> list[bool]:
    removed = list(record["rules"])
    if scores is not None:
        for word, p, (a, b) in zip(record["words"], scores, record["token_spans"], strict=True):
            if learned.category_of(word, p, thresholds) is not None:
                removed[a:b] = [True] * (b - a)
    return removed


def measure(
    records: list[dict],  # type: ignore[type-arg]
    scores: list[list[learned.Probabilities]] | None,
    thresholds: learned.Probabilities,
) -> dict[str, int]:
    """Details found a category, clean words removed, as evaluate.score counts them."""
    out = {"clean": 0, "wrong": 0, **{k: 0 for c in LEARNED for k in (c, f"{c}_total")}}
    for n, record in enumerate(records):
        text = record["text"]
        removed = removed_with(record, None if scores is None else scores[n], thresholds)
        labelled = [False] * len(text)
        for span in record["spans"]:
            labelled[span["start"] : span["end"]] = [True] * (span["end"] - span["start"])
            if span["category"] not in PLACES:
                continue
            chars = [i for i in range(span["start"], span["end"]) if text[i].isalnum()]
            out[span["category"]] += bool(chars) and sum(removed[i] for i in chars) / len(chars) >= 0.9
            out[f"{span['category']}_total"] += 1
        for word in evaluate.WORD.finditer(text):
            if not any(labelled[word.start() : word.end()]):
                out["clean"] += 1
                out["wrong"] += any(removed[word.start() : word.end()])
    return out


def found(m: dict[str, int], categories: tuple[str, ...] = LEARNED) -> int:
    return sum(m[c] for c in categories)


def cell(m: dict[str, int]) -> str:
    total = sum(m[f"{c}_total"] for c in LEARNED)
    return (
        f"{m['name']}/{m['name_total']}, {m['school']}/{m['school_total']}, {m['address']}/{m['address_total']}"
        f" ({found(m) / total:.1%}), {m['wrong']}/{m['clean']} ({m['wrong'] / m['clean']:.1%})"
    )


def cross_validate(data: dict[str, list[dict]]) -> learned.Probabilities:  # type: ignore[type-arg]
    """The table of honest folds, and the thresholds it chooses."""
    scored = {}
    with tempfile.TemporaryDirectory() as folder:
        for held in HONEST:
            path = Path(folder) / f"{held}.crfsuite"
            train([r for name, rs in data.items() if name != held for r in rs], path)
            scored[held] = [probabilities(r, path) for r in data[held]]
            sys.stderr.write(f"fold {held} trained\n")
    grid = [(n, t) for n in NAME_THRESHOLDS for t in PLACE_THRESHOLDS]
    by_pair = {(n, t): [measure(data[h], scored[h], (n, t, t)) for h in HONEST] for n, t in grid}
    allowed = [pair for pair in grid if all(m["wrong"] / m["clean"] <= MAX_CLEAN for m in by_pair[pair])]
    if not allowed:
        raise SystemExit("no thresholds keep the clean words removed under 3 % on every held-out set")
    name, place = max(allowed, key=lambda pair: (sum(found(m) for m in by_pair[pair]), pair))
    by_name = {t: [measure(data[h], scored[h], (t, OFF, OFF)) for h in HONEST] for t in NAME_THRESHOLDS}
    by_place = {t: by_pair[name, t] for t in PLACE_THRESHOLDS}
    head = ["held-out set", "rules alone", *(f"names ≥ {t}" for t in NAME_THRESHOLDS)]
    head += [f"names ≥ {name}, places ≥ {t}" for t in PLACE_THRESHOLDS]
    rows = []
    for i, held in enumerate(HONEST):
        cells = [cell(measure(data[held], None, (OFF, OFF, OFF)))]
        cells += [cell(by_name[t][i]) for t in NAME_THRESHOLDS] + [cell(by_place[t][i]) for t in PLACE_THRESHOLDS]
        rows.append(f"| {held} | " + " | ".join(cells) + " |")
    totals = [
        {k: sum(m[k] for m in ms) for k in ms[0]}
        for ms in [[measure(data[h], None, (OFF, OFF, OFF)) for h in HONEST]]
        + [by_name[t] for t in NAME_THRESHOLDS]
        + [by_place[t] for t in PLACE_THRESHOLDS]
    ]
    rows.append("| all honest folds | " + " | ".join(cell(m) for m in totals) + " |")
    sys.stdout.write("| " + " | ".join(head) + " |\n|" + "---|" * len(head) + "\n" + "\n".join(rows) + "\n")
    sys.stdout.write(f"thresholds chosen: name {name}, school {place}, address {place}\n")
    return name, place, place


def main(argv: list[str]) -> None:
    data = {name: [prepared(r) for r in loader()] for name, loader in SETS.items()}
    thresholds = None
    if "--write-only" not in argv:
        thresholds = cross_validate(data)
    if "--cv-only" in argv:
        return
    if thresholds is None:
        thresholds = learned.model()
    train([r for rs in data.values() for r in rs], learned.MODEL)
    learned.THRESHOLDS.write_text(
        json.dumps({"thresholds": dict(zip(LEARNED, thresholds, strict=True)), "params": PARAMS}, indent=1) + "\n",
        encoding="utf-8",
    )
    sys.stdout.write(f"wrote {learned.MODEL} and {learned.THRESHOLDS}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
