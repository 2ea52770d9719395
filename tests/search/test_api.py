"""``GET /api/v1/search``: the same search and filters as the page, as JSON; bad input answers 400."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client

from cwgcop.search.engines import Engine
from tests.factories import MeetingFactory
from tests.search.factories import engine_statements, indexed_document

pytestmark = pytest.mark.django_db


def test_api_search_returns_ranked_results_with_snippets(client: Client) -> None:
    meeting = MeetingFactory(body__acronym="CWG-COP", number=21)
    document = indexed_document(
        meeting=meeting, titles={"en": "Age verification"}, texts={"en": "Age verification & <b>safety</b>."}
    )
    response = client.get("/api/v1/search", {"q": "verification"})
    assert response.status_code == 200
    body = response.json()
    published = body["items"][0].pop("published_at")
    score = body["items"][0].pop("score")
    assert published.startswith(document.published_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S"))
    assert score < 0
    assert body == {
        "query": "verification",
        "count": 1,
        "count_exact": True,
        "items": [
            {
                "symbol": "CWG-COP-21/1",
                "current_symbol": "CWG-COP-21/1",
                "title": "Age verification",
                "language": "en",
                "kind": "contribution",
                "meeting": meeting.code,
                "snippet_html": "Age <mark>verification</mark> &amp; &lt;b&gt;safety&lt;/b&gt;.",
                "url": "http://testserver/en/documents/CWG-COP-21/1/",  # the address the client used
            }
        ],
        "did_you_mean": None,
    }


def test_api_search_takes_the_archive_filters_and_pages(client: Client) -> None:
    meeting = MeetingFactory(body__acronym="CWG-COP", number=21)
    other = MeetingFactory(body=meeting.body, number=22)
    for _ in range(3):
        indexed_document(meeting=meeting, texts={"en": "Helplines."})
    indexed_document(meeting=other, texts={"fr": "Helplines."})
    body = client.get("/api/v1/search", {"q": "helplines", "meeting": "CWG-COP-21", "limit": 2, "offset": 2}).json()
    assert (body["count"], [r["symbol"] for r in body["items"]]) == (3, ["CWG-COP-21/1"])
    body = client.get("/api/v1/search", {"q": "helplines", "language": "fr"}).json()
    assert [r["symbol"] for r in body["items"]] == ["CWG-COP-22/1"]
    refused = client.get("/api/v1/search", {"q": "helplines", "meeting": "CWG-COP-99"})
    assert (refused.status_code, refused.json()["code"]) == (400, "invalid")


def test_api_search_says_when_the_count_is_a_lower_bound(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Engine, "candidates", 2)
    for number in range(1, 4):
        indexed_document(symbol=f"T/{number}", texts={"en": "Helplines."})
    body = client.get("/api/v1/search", {"q": "helplines"}).json()
    assert (body["count"], body["count_exact"], [r["symbol"] for r in body["items"]]) == (2, False, ["T/3", "T/2"])
    body = client.get("/api/v1/search", {"q": '"T/1"'}).json()
    assert (body["count"], body["count_exact"], [r["symbol"] for r in body["items"]]) == (1, True, ["T/1"])


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", "query_empty"),
        ("q=", "query_empty"),
        ("q=%22", "query_no_words"),
        ("q=*", "query_no_words"),
        ("q=NEAR", "query_no_words"),
        ("q=-", "query_no_words"),
        ("q=%22age", None),
        ("q=" + "a" * 10_000, "query_too_long"),
        ("q=%FF%FE", "query_invalid_text"),
    ],
)
def test_api_search_answers_bad_input_with_400_and_a_message(client: Client, query: str, code: str | None) -> None:
    response = client.get(f"/api/v1/search?{query}")
    if code is None:  # an unbalanced quote is read as a phrase to the end
        assert (response.status_code, response.json()["count"]) == (200, 0)
        return
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["detail"]


def test_api_search_message_is_translated(client: Client) -> None:
    response = client.get("/api/v1/search?q=", headers={"accept-language": "zh-hans"})
    assert response.json() == {"detail": "请输入要搜索的词语、短语或文件编号。", "code": "query_empty"}
    assert response.status_code == 400


@pytest.mark.parametrize("rows", [1, 3])
def test_api_search_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    meeting = MeetingFactory(body__acronym="EG-ARCH", number=3)
    for number in range(rows):
        indexed_document(
            meeting=meeting, titles={"en": f"Helpline study {number}"}, texts={"en": "National helplines for children."}
        )
    client.get("/api/v1/search", {"q": "helpline"})  # the process's first search loads the stemmers
    with django_assert_num_queries(engine_statements() + 1):  # the same for 1 or 3 results
        body = client.get("/api/v1/search", {"q": "helpline"}).json()
    assert body["count"] == rows
