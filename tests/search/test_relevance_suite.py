"""The relevance suite: 150 queries, 25 a language, over documents LibreOffice wrote as PDF, DOCX and ODT
(``relevance_suite/``), published and extracted like any upload. Recall and nDCG at 10 per language must not fall
below the figures recorded for the engine (``relevance_suite/recorded.json``; bench/relevance_suite.py prints them
for both engines, and docs/search.md keeps them)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from django.db import connection

from cwgcop.search.services import Filters, search
from tests.factories import BodyFactory
from tests.search.factories import indexed_document

SUITE = Path(__file__).with_name("relevance_suite")
CORPUS = json.loads((SUITE / "corpus.json").read_text(encoding="utf-8"))
QUERIES = json.loads((SUITE / "queries.json").read_text(encoding="utf-8"))["queries"]
RECORDED = json.loads((SUITE / "recorded.json").read_text(encoding="utf-8"))
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
DEPTH = 10


def load_suite() -> None:
    body = BodyFactory(acronym="REL")
    files = {path.name.split(".")[0] + "." + path.name.split(".")[1]: path for path in (SUITE / "files").iterdir()}
    for symbol, texts in CORPUS["documents"].items():
        uploads = {}
        for language in texts:
            path = files[f"{symbol.replace('/', '-')}.{language}"]
            uploads[language] = (path.name, path.read_bytes())
        indexed_document(body=body, symbol=symbol, texts={}, files=uploads)


def ndcg(found: list[str], relevant: set[str]) -> float:
    gain = sum(1 / math.log2(rank + 2) for rank, symbol in enumerate(found[:DEPTH]) if symbol in relevant)
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(relevant), DEPTH)))
    return gain / ideal


def measure() -> dict[str, dict[str, float]]:
    """Mean recall at 10 and nDCG at 10 of each language's queries."""
    figures: dict[str, dict[str, float]] = {}
    for language in LANGUAGES:
        recalls, gains = [], []
        for query in (q for q in QUERIES if q["language"] == language):
            results = search(text=query["q"], filters=Filters(), limit=DEPTH).results
            found = [result.document.symbol for result in results]
            relevant = set(query["relevant"])
            recalls.append(len(relevant & set(found)) / len(relevant))
            gains.append(ndcg(found, relevant))
        figures[language] = {
            "queries": len(recalls),
            "recall": round(sum(recalls) / len(recalls), 3),
            "ndcg": round(sum(gains) / len(gains), 3),
        }
    return figures


def test_relevance_suite_has_25_queries_a_language_over_files_of_three_formats() -> None:
    assert {language: sum(q["language"] == language for q in QUERIES) for language in LANGUAGES} == dict.fromkeys(
        LANGUAGES, 25
    )
    assert sorted({path.suffix for path in (SUITE / "files").iterdir()}) == [".docx", ".odt", ".pdf"]


@pytest.mark.django_db
def test_relevance_suite_keeps_its_recorded_recall_and_ndcg() -> None:
    load_suite()
    figures = measure()
    engine = "postgres" if connection.vendor == "postgresql" else "sqlite-fts5"
    report = os.environ.get("CWGCOP_RELEVANCE_REPORT")
    if report:  # bench/relevance_suite.py collects the figures of both engines
        Path(report).write_text(json.dumps({engine: figures}), encoding="utf-8")
    fallen = {
        language: (figures[language], recorded)
        for language, recorded in RECORDED[engine].items()
        if figures[language]["recall"] < recorded["recall"] or figures[language]["ndcg"] < recorded["ndcg"]
    }
    assert fallen == {}
