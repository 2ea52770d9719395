"""/api/v1/consultations/: the list and one consultation with the absolute address of its public page, and
results that are the public page's, to the figure."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cwgcop.consultations import results
from tests.consultations.factories import approve_text, close, consultation, submit
from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_list_gives_each_consultation_with_its_public_page(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP", symbol_prefix="CWG-COP")
    meeting = MeetingFactory(body=body, number=21)
    consultation(body=body, meeting=meeting)
    consultation(slug="draft", body=body, published_at=None)
    data = client.get("/api/v1/consultations/").json()
    assert data["count"] == 1
    [item] = data["items"]
    assert item["slug"] == "helplines"
    assert item["url"] == "http://testserver/en/consult/helplines/"
    assert item["results_url"] == "http://testserver/en/consult/helplines/results/"
    assert item["results"] == "http://testserver/api/v1/consultations/helplines/results"
    assert (item["body"], item["meeting"], item["status"]) == ("CWG-COP", "CWG-COP-21", "open")
    assert item["titles"] == {"zh-hans": "儿童求助热线", "en": "Child helplines"}
    assert item["languages"] == ["en", "zh-hans"]


def test_the_list_has_a_fixed_number_of_queries(client: Client, django_assert_num_queries: Any) -> None:
    body = BodyFactory()
    consultation(slug="one", body=body)
    with django_assert_num_queries(2) as one:
        client.get("/api/v1/consultations/")
    consultation(slug="two", body=body)
    consultation(slug="three", body=body)
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get("/api/v1/consultations/").json()["count"] == 3


def test_one_consultation_in_the_readers_language(client: Client) -> None:
    found = consultation()
    data = client.get(f"/api/v1/consultations/{found.slug}", HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert data["title"] == "儿童求助热线"
    assert data["url"] == "http://testserver/zh-hans/consult/helplines/"  # the page in the reader's language
    assert [q["text"] for q in data["questions"]] == [
        "你听说过儿童求助热线吗？",
        "你有多信任它们？",
        "怎样才能让它们更好？",
    ]
    assert data["questions"][0]["choices"] == ["是", "否"]
    assert data["feedback"] is None


def test_results_are_the_pages_figures_suppressed_the_same_way(client: Client) -> None:
    found = consultation()
    for _ in range(11):
        submit(found, choice="Yes")
    submit(found, choice="No")
    open_data = client.get(f"/api/v1/consultations/{found.slug}/results").json()
    assert open_data["closed"] is False
    # While open, the figures are those of the first ten answers (the step is the public k): all "Yes".
    assert open_data["responses"] == 10
    assert open_data["questions"][0]["overall"] == [10, 0]
    assert open_data["questions"][0]["breakdowns"] == {}
    assert open_data["quotes"] == []
    approve_text(submit(found, choice="Yes", text="Make it free", age_band="13-15"))
    close(found)
    data = client.get(f"/api/v1/consultations/{found.slug}/results").json()
    page_data = results.public_results(found)
    assert data["questions"] == page_data["questions"]
    assert data["k"] == 10
    assert data["responses"] == 13
    assert data["questions"][0]["overall"] == [None, None]
    assert data["quotes"] == [
        {"question": "What would make them better?", "text": "Make it free", "attribution": ["13–15 years", "Africa"]}
    ]
    assert data["url"] == "http://testserver/en/consult/helplines/results/"
