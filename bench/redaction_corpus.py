"""Benchmark: the cost of redacting one answer, on the labelled corpus (tests/consultations/corpus/).

    PYTHONPATH=src python bench/redaction_corpus.py [--rounds 20]

Prints, in one process: the time and memory jieba's dictionary takes to load (once per worker), then the time
:func:`cwgcop.consultations.redaction.redact` takes per answer — p50, p99 and the slowest — per language and
over all 710 texts (the 600 of the corpus and the held-out ones), each timed ``--rounds`` times after one warm-up
pass (wall-clock time, and the CPU time of the thread, which leaves out the time other processes take the core on a
shared machine), and the same for the moderator's :func:`~cwgcop.consultations.redaction.highlights`. Redaction alone: the
safeguarding check is timed by bench/consultation_answers.py.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from cwgcop.consultations import redaction
from cwgcop.consultations.redaction import chinese
from cwgcop.consultations.redaction.evaluate import COUNTRY, load, load_heldout, load_unseen


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    records = load() + load_heldout() + load_unseen()

    before = _rss_mb()
    started = time.perf_counter()
    chinese.warm_up()
    loaded = time.perf_counter() - started
    print(f"jieba dictionary: loaded in {loaded * 1000:.0f} ms, peak memory +{_rss_mb() - before:.0f} MB")
    started = time.perf_counter()
    redaction.people.given_names()
    print(f"given-name list: loaded in {(time.perf_counter() - started) * 1000:.0f} ms")

    for name, function in (("redact", redaction.redact), ("highlights", redaction.highlights)):
        for record in records:  # warm-up: compiled patterns, caches
            function(record["text"], country=COUNTRY[record["lang"]])
        timings: dict[str, list[float]] = defaultdict(list)
        typical: dict[str, list[float]] = defaultdict(list)  # each text's median over the rounds
        per_text: list[list[float]] = [[] for _ in records]
        cpu: dict[str, list[float]] = defaultdict(list)  # CPU time of the thread: what other processes take is out
        for _ in range(args.rounds):
            for index, record in enumerate(records):
                started, started_cpu = time.perf_counter(), time.thread_time()
                function(record["text"], country=COUNTRY[record["lang"]])
                elapsed = (time.perf_counter() - started) * 1000
                cpu[record["lang"]].append((time.thread_time() - started_cpu) * 1000)
                cpu["all"].append(cpu[record["lang"]][-1])
                per_text[index].append(elapsed)
                timings[record["lang"]].append(elapsed)
                timings["all"].append(elapsed)
        for record, values in zip(records, per_text, strict=True):
            typical[record["lang"]].append(statistics.median(values))
            typical["all"].append(statistics.median(values))
        print(f"\n{name}() per answer, ms ({len(records)} texts x {args.rounds} rounds)")
        print(
            "| language | p50 | p99 | slowest | p99 of each text's median | slowest text's median | CPU p50 | CPU p99 |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for language, values in timings.items():
            p50, p99 = statistics.median(values), _quantile(values, 0.99)
            texts = typical[language]
            print(
                f"| {language} | {p50:.3f} | {p99:.3f} | {max(values):.3f} | {_quantile(texts, 0.99):.3f} "
                f"| {max(texts):.3f} | {statistics.median(cpu[language]):.3f} | {_quantile(cpu[language], 0.99):.3f} |"
            )


if __name__ == "__main__":
    main()
