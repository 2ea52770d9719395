"""Recall and nDCG at 10 of the relevance suite (tests/search/relevance_suite/), per language, on both engines.

    python3 bench/relevance_suite.py [--database sqlite|postgres|both] [--record]

Runs the suite's test on each engine (SQLite; PostgreSQL as ``cwgcop_relevance`` on 127.0.0.1:5432) and prints
one table; ``--record`` writes the figures to ``relevance_suite/recorded.json``, below which the test then fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORDED = ROOT / "tests" / "search" / "relevance_suite" / "recorded.json"
TEST = "tests/search/test_relevance_suite.py::test_relevance_suite_keeps_its_recorded_recall_and_ndcg"
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")


def run(database: str, report: Path) -> dict[str, dict[str, float]]:
    environment = {**os.environ, "CWGCOP_TESTING": "true", "CWGCOP_RELEVANCE_REPORT": str(report)}
    environment["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + environment.get("PYTHONPATH", "")
    if database == "postgres":
        environment["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/cwgcop_relevance"
    else:
        environment.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", TEST],
        cwd=ROOT,
        env=environment,
        check=False,
        capture_output=True,
    )
    return dict(json.loads(report.read_text(encoding="utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--record", action="store_true")
    arguments = parser.parse_args()
    databases = ["sqlite", "postgres"] if arguments.database == "both" else [arguments.database]
    figures: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for database in databases:
            figures.update(run(database, Path(folder) / f"{database}.json"))
    print("| engine | " + " | ".join(f"{code} recall | {code} nDCG@10" for code in LANGUAGES) + " |")
    print("|---|" + "---:|---:|" * len(LANGUAGES))
    for engine, by_language in figures.items():
        cells = " | ".join(f"{by_language[c]['recall']:.3f} | {by_language[c]['ndcg']:.3f}" for c in LANGUAGES)
        print(f"| {engine} | {cells} |")
    print(f"\n{sum(f['queries'] for f in next(iter(figures.values())).values())} queries a engine, 25 a language")
    if arguments.record:
        recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
        for engine, by_language in figures.items():
            recorded[engine] = {c: {"recall": v["recall"], "ndcg": v["ndcg"]} for c, v in by_language.items()}
        RECORDED.write_text(json.dumps(recorded, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
