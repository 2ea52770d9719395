"""Redaction measured on the labelled corpus: recall per language and category, clean words wrongly removed.

    python -m cwgcop.consultations.redaction.evaluate [CORPUS_DIR] [--misses] [--unseen | --heldout | --round4 |
        --blind5 | --blind6 | --blind7 | --blind8 | --blind9 | --blind10 | --blind11 | --blind12 | --blind13 |
        --blind14 | --training]
        [--highlights]
    python -m cwgcop.consultations.redaction.evaluate --fresh PATH [--misses]

``--unseen`` scores the second held-out corpus (heldout/<language>.txt, 600 texts written before issue 13's
rounds of changes), ``--heldout`` the first held-out texts (redaction_heldout.txt) and ``--round4`` the former fresh
set (round4/<language>.txt: scored once, then folded into tuning in round 4) and ``--blind5`` the fifth blind set
(blind5/<language>.txt: scored once after round 4, folded into tuning in round 5) and ``--blind6`` the sixth
(blind6/<language>.txt: scored once after round 5, folded into tuning in round 6) and ``--blind7`` the seventh
(blind7/<language>.txt: scored once after round 6, folded into tuning in round 7) and ``--blind8`` the eighth
(blind8/<language>.txt: scored once after round 7, folded into tuning in round 8), instead of the tuning corpus.
``--fresh PATH`` scores a new blind set: a folder holding ``<language>.txt`` for any of ar, zh, en, fr, ru, es, one
text a line, details marked «category|detail», lines starting with "#" ignored.

A labelled detail counts as removed when at least 90 % of its letters and digits are inside what the
redaction removes. A clean word is any word outside the labelled details (each Chinese character counts as a
word); it is wrongly removed when any of its characters is. The table is in docs/consultations.md; a test
(tests/consultations/test_redaction_corpus.py) holds the thresholds.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cwgcop.consultations.redaction import find, highlights
from cwgcop.consultations.redaction.base import Category

DEFAULT_CORPUS = Path(__file__).resolve().parents[4] / "tests" / "consultations" / "corpus"
LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]
COUNTRY = {"ar": "SA", "zh": "CN", "en": "GB", "fr": "FR", "ru": "RU", "es": "ES"}
CATEGORIES = ["name", "school", "address", "dob", "email", "phone", "handle", "id"]
CONTACT = {"email", "phone", "handle", "id"}
PLACES = {"name", "school", "address"}
WORD = re.compile(r"[\u3400-\u9fff]|[^\W_\u3400-\u9fff]+", re.UNICODE)


@dataclass
class Score:
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    clean_words: int = 0
    wrong_words: int = 0
    clean_texts: int = 0
    clean_texts_touched: int = 0
    misses: list[str] = field(default_factory=list)

    def recall(self, categories: set[str] | list[str]) -> float:
        total = sum(self.total[c] for c in categories)
        return sum(self.found[c] for c in categories) / total if total else 1.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong_words / self.clean_words if self.clean_words else 0.0


def load(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    records = []
    for language in LANGUAGES:
        with (corpus / f"redaction_{language}.jsonl").open(encoding="utf-8") as lines:
            records += [json.loads(line) for line in lines if line.strip()]
    return records


MARK = re.compile(r"«(?P<category>\w+)\|(?P<value>[^»]*)»")


def load_heldout(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The held-out texts (redaction_heldout.txt): details marked «category|detail» in the line."""
    records = []
    lines = (corpus / "redaction_heldout.txt").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if not line.strip() or line.startswith("#"):
            continue
        lang, marked = line.split("\t", 1)
        records.append(_marked(f"heldout-{lang}-{number}", lang, marked))
    return records


def _marked(identifier: str, lang: str, marked: str) -> dict:  # type: ignore[type-arg]
    """A record from a line with its details marked «category|detail»."""
    text, spans, position = "", [], 0
    for match in MARK.finditer(marked):
        text += marked[position : match.start()]
        spans.append({"start": len(text), "end": len(text) + len(match["value"]), "category": match["category"]})
        text += match["value"]
        position = match.end()
    text += marked[position:]
    return {"id": identifier, "lang": lang, "text": text, "spans": spans}


def _load_marked(folder: Path, name: str, *, every: bool = True) -> list[dict]:  # type: ignore[type-arg]
    """The texts of ``folder/<language>.txt``; with ``every=False`` a missing language is skipped."""
    records = []
    for language in LANGUAGES:
        if not every and not (folder / f"{language}.txt").exists():
            continue
        lines = (folder / f"{language}.txt").read_text(encoding="utf-8").splitlines()
        records += [
            _marked(f"{name}-{language}-{number}", language, line)
            for number, line in enumerate(lines)
            if line.strip() and not line.startswith("#")
        ]
    return records


def load_unseen(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The second held-out corpus (heldout/<language>.txt, 100 texts per language, half clean): written before the
    rules were changed for it and never edited after a measurement; details marked «category|detail»."""
    return _load_marked(corpus / "heldout", "unseen")


def load_round4(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The former fresh texts (round4/<language>.txt, 16 per language): written after round 2, scored once, then
    folded into tuning in round 4 (the structural name cues were written with them in view)."""
    return _load_marked(corpus / "round4", "round4")


def load_blind5(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The fifth blind set (blind5/<language>.txt, 24 per language): written without reading the rules, scored once
    after round 4, then folded into tuning in round 5 (the round-5 rules were written with its misses in view)."""
    return _load_marked(corpus / "blind5", "blind5")


def load_blind6(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The sixth blind set (blind6/<language>.txt, 30 per language): written without reading the rules, scored once
    after round 5, then folded into tuning in round 6 (its misses read for classes of failure, not names)."""
    return _load_marked(corpus / "blind6", "blind6")


def load_blind7(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The seventh blind set (blind7/<language>.txt, 30 per language): written apart without reading the rules,
    scored once after round 6, then folded into tuning in round 7 (read only to see how narrow the rules were)."""
    return _load_marked(corpus / "blind7", "blind7")


def load_blind8(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The eighth blind set (blind8/<language>.txt, 30 per language): answers of one to four sentences to the
    consultation's questions, written apart, scored once after round 7, then folded into tuning in round 8."""
    return _load_marked(corpus / "blind8", "blind8")


def load_blind9(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The ninth blind set (blind9/<language>.txt, 30 per language): short remarks, sentences and answers of up to
    five sentences in settings the earlier sets did not use, written apart, scored once after round 8 and never
    used to change the rules (training data of the learned detector since the tenth round)."""
    return _load_marked(corpus / "blind9", "blind9")


def load_blind10(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The tenth blind set (blind10/<language>.txt, 40 per language): written apart by a writer who read neither the
    rules nor the training sets, scored once after the tenth round's models were frozen (commit cdbc192)."""
    return _load_marked(corpus / "blind10", "blind10")


def load_blind11(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The eleventh blind set (blind11/<language>.txt, 40 per language): written apart by a writer who read nothing of
    the project, scored once after the models retrained with blind10 and eight training writers were frozen (commit
    0e74c1c)."""
    return _load_marked(corpus / "blind11", "blind11")


def load_blind12(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The twelfth blind set (blind12/<language>.txt, 40 per language): written apart by a writer who read nothing of
    the project, scored once after the models retrained with blind11 and ten training writers were frozen (commit
    7bbdbb7)."""
    return _load_marked(corpus / "blind12", "blind12")


def load_blind13(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The thirteenth blind set (blind13/<language>.txt, 40 per language): written apart by a writer who read nothing
    of the project, scored once against the CRF retrained with blind12 and twelve training writers (commit
    effee8a); training data since the fourteenth round."""
    return _load_marked(corpus / "blind13", "blind13")


def load_blind14(corpus: Path = DEFAULT_CORPUS) -> list[dict]:  # type: ignore[type-arg]
    """The fourteenth blind set (blind14/<language>.txt, 40 per language): each language written apart by a writer
    who read only the format brief, scored once against the CRF retrained with blind13 and fourteen training
    writers (commit 7960475)."""
    return _load_marked(corpus / "blind14", "blind14")


# The training writers' sets (train*/<language>.txt): written for the learned detector's training only (never to
# change the rules), by writers each given other regions of the six language areas (docs/consultations.md).
TRAINING = tuple(sorted(p.name for p in DEFAULT_CORPUS.glob("train*") if p.is_dir()))


def load_training(corpus: Path = DEFAULT_CORPUS, writers: tuple[str, ...] = TRAINING) -> list[dict]:  # type: ignore[type-arg]
    """The training writers' sets, in the order of ``writers``."""
    return [record for writer in writers for record in _load_marked(corpus / writer, writer, every=False)]


def load_fresh(folder: Path) -> list[dict]:  # type: ignore[type-arg]
    """A new blind set: ``folder/<language>.txt`` for the languages it has (at least one)."""
    records = _load_marked(folder, "fresh", every=False)
    if not records:
        raise SystemExit(f"no texts in {folder}: expected {', '.join(f'{lang}.txt' for lang in LANGUAGES)}")
    return records


def score(records: list[dict]) -> dict[str, Score]:  # type: ignore[type-arg]  # noqa: PLR0912 - one pass
    scores: dict[str, Score] = defaultdict(Score)
    for record in records:
        text: str = record["text"]
        removed = [False] * len(text)
        for finding in find(text, country=COUNTRY[record["lang"]]):
            for i in range(finding.start, finding.end):
                removed[i] = True
        labelled = [False] * len(text)
        for lang in (record["lang"], "all"):
            s = scores[lang]
            for span in record["spans"]:
                chars = [i for i in range(span["start"], span["end"]) if text[i].isalnum()]
                covered = sum(removed[i] for i in chars)
                s.total[span["category"]] += 1
                if chars and covered / len(chars) >= 0.9:
                    s.found[span["category"]] += 1
                elif lang != "all":
                    s.misses.append(
                        f"{record['id']} {span['category']}: {text[span['start'] : span['end']]!r} in {text!r}"
                    )
            for span in record["spans"]:
                for i in range(span["start"], span["end"]):
                    labelled[i] = True
            touched = False
            for word in WORD.finditer(text):
                if any(labelled[word.start() : word.end()]):
                    continue
                s.clean_words += 1
                if any(removed[word.start() : word.end()]):
                    s.wrong_words += 1
                    touched = True
                    if lang != "all":
                        s.misses.append(f"{record['id']} wrongly removed {word.group(0)!r} in {text!r}")
            if not record["spans"]:
                s.clean_texts += 1
                s.clean_texts_touched += touched
    return scores


@dataclass
class Coverage:
    """What a moderator is shown: details removed or highlighted, and the highlights on words that are not details."""

    details: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    shown: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    clean_words: int = 0
    clean_words_highlighted: int = 0
    clean_texts: int = 0
    clean_texts_highlighted: int = 0


def coverage(records: list[dict]) -> Coverage:  # type: ignore[type-arg]
    """The moderator's safety net: a labelled detail counts as shown when at least 90 % of its letters and digits
    are removed by the redaction or inside a highlight of :func:`highlights` (as the moderation page shows them)."""
    result = Coverage()
    for record in records:
        text: str = record["text"]
        country = COUNTRY[record["lang"]]
        removed = [False] * len(text)
        marked = [False] * len(text)
        for finding in find(text, country=country):
            removed[finding.start : finding.end] = [True] * (finding.end - finding.start)
        for finding in highlights(text, country=country):
            marked[finding.start : finding.end] = [True] * (finding.end - finding.start)
        labelled = [False] * len(text)
        for span in record["spans"]:
            labelled[span["start"] : span["end"]] = [True] * (span["end"] - span["start"])
            if span["category"] not in CONTACT | PLACES:
                continue
            group = "contact" if span["category"] in CONTACT else "name/school/address"
            chars = [i for i in range(span["start"], span["end"]) if text[i].isalnum()]
            result.details[group] += 1
            result.shown[group] += bool(chars) and sum(removed[i] or marked[i] for i in chars) / len(chars) >= 0.9
        if not record["spans"]:
            result.clean_texts += 1
            result.clean_texts_highlighted += any(marked[i] and not removed[i] for i in range(len(text)))
        for word in WORD.finditer(text):
            if not any(labelled[word.start() : word.end()]):
                result.clean_words += 1
                result.clean_words_highlighted += any(marked[word.start() : word.end()])
    return result


def coverage_lines(result: Coverage) -> str:
    lines = [
        f"{group}: removed or highlighted {result.shown[group]}/{result.details[group]}"
        f" ({result.shown[group] / result.details[group]:.1%})"
        for group in ("name/school/address", "contact")
        if result.details[group]
    ]
    lines.append(
        f"clean texts with a highlight: {result.clean_texts_highlighted}/{result.clean_texts};"
        f" clean words highlighted: {result.clean_words_highlighted}/{result.clean_words}"
    )
    return "\n".join(lines)


def table(scores: dict[str, Score]) -> str:
    head = ["language", *CATEGORIES, "contact", "name/school/address", "clean words removed"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for lang in [*LANGUAGES, "all"]:
        s = scores[lang]
        cells = [f"{s.found[c]}/{s.total[c]}" for c in CATEGORIES]
        cells += [f"{s.recall(CONTACT):.1%}", f"{s.recall(PLACES):.1%}"]
        cells += [f"{s.wrong_words}/{s.clean_words} ({s.wrong_rate:.1%})"]
        rows.append("| " + " | ".join([lang, *cells]) + " |")
    return "\n".join(rows)


def main(argv: list[str]) -> None:
    argv = list(argv)
    fresh = None
    if "--fresh" in argv:
        at = argv.index("--fresh")
        if at + 1 >= len(argv) or argv[at + 1].startswith("--"):
            raise SystemExit("--fresh needs a folder: --fresh PATH")
        fresh = Path(argv.pop(at + 1))
    args = [a for a in argv if not a.startswith("--")]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    sets: dict[str, Callable[[Path], list[dict]]] = {  # type: ignore[type-arg]
        "--unseen": load_unseen,
        "--round4": load_round4,
        "--blind5": load_blind5,
        "--blind6": load_blind6,
        "--blind7": load_blind7,
        "--blind8": load_blind8,
        "--blind9": load_blind9,
        "--blind10": load_blind10,
        "--blind11": load_blind11,
        "--blind12": load_blind12,
        "--blind13": load_blind13,
        "--blind14": load_blind14,
        "--training": load_training,
        "--heldout": load_heldout,
    }
    chosen = next((loader for flag, loader in sets.items() if flag in argv), load)
    records = load_fresh(fresh) if fresh is not None else chosen(corpus)
    scores = score(records)
    sys.stdout.write(table(scores) + "\n")
    if "--highlights" in argv:
        sys.stdout.write(coverage_lines(coverage(records)) + "\n")
    if "--misses" in argv:
        for lang in LANGUAGES:
            for line in scores[lang].misses:
                sys.stdout.write(line + "\n")


assert {c.value for c in Category} >= {"name", "school", "address", "phone", "handle"}

if __name__ == "__main__":
    main(sys.argv[1:])
