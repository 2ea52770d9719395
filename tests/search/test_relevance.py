"""Relevance on a fixed multilingual corpus (``relevance_corpus.json``): each query's expected top results, in
order, on the engine of the test database (the suite runs on SQLite and on PostgreSQL, so both are checked)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from cwgcop.documents.models import Document
from cwgcop.search.services import Filters, search
from tests.factories import BodyFactory
from tests.search.factories import indexed_document

CORPUS = json.loads(Path(__file__).with_name("relevance_corpus.json").read_text(encoding="utf-8"))


def load_corpus() -> None:
    body = BodyFactory(acronym="CWG-COP")
    for item in CORPUS["documents"]:
        day = datetime.date.fromisoformat(item["published"])
        document = indexed_document(body=body, symbol=item["symbol"], titles=item["titles"], texts=item["texts"])
        published = datetime.datetime(day.year, day.month, day.day, 12, tzinfo=datetime.UTC)
        Document.objects.filter(pk=document.pk).update(published_at=published)


def expected(query: dict[str, Any]) -> list[str]:
    return list(query["top"]) if "top" in query else sorted(query["top_set"])


def found(query: dict[str, Any]) -> list[str]:
    filters = Filters(**query.get("filters", {}))
    results = search(text=query["q"], filters=filters, limit=len(expected(query))).results
    symbols = [result.document.symbol for result in results]
    return symbols if "top" in query else sorted(symbols)


def test_relevance_corpus_covers_six_languages_with_forty_queries() -> None:
    languages = {code for item in CORPUS["documents"] for code in item["texts"]}
    assert languages == {"ar", "zh-hans", "en", "fr", "ru", "es"}
    assert len(CORPUS["queries"]) >= 40


@pytest.mark.django_db
def test_relevance_every_query_finds_its_expected_top_results() -> None:
    load_corpus()
    wrong = {q["q"]: (found(q), expected(q)) for q in CORPUS["queries"] if found(q) != expected(q)}
    assert wrong == {}, json.dumps(wrong, ensure_ascii=False, indent=0)
