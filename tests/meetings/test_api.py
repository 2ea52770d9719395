from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from tests.archive import Archive
from tests.factories import BodyFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_meetings_have_number_iso_dates_and_participant_figures(client: Client, archive: Archive) -> None:
    data = client.get("/api/v1/meetings/").json()
    assert data["count"] == 2
    assert data["items"][1] == {
        "body": "CWG-COP",
        "body_slug": "cwg-cop",
        "number": 21,
        "code": "CWG-COP-21",
        "start_date": "2024-09-30",
        "end_date": "2024-10-01",
        "venue": "Geneva",
        "format": "hybrid",
        "status": "held",
        "remote_link": "",
        "contribution_deadline": None,
        "participants": {"total": 129, "onsite": None, "remote": None},
        "officers": [],
        "url": "http://testserver/en/meetings/cwg-cop/21/",
        "documents": "http://testserver/api/v1/documents/?meeting=CWG-COP-21",
    }
    assert [(m["number"], m["participants"]) for m in data["items"]] == [
        (22, {"total": 191, "onsite": 120, "remote": 71}),
        (21, {"total": 129, "onsite": None, "remote": None}),
    ]


def test_meeting_contribution_deadline_is_an_iso_timestamp(client: Client, archive: Archive) -> None:
    archive.m22.contribution_deadline = datetime.datetime(2025, 1, 29, 23, 59, tzinfo=datetime.UTC)
    archive.m22.save(update_fields=["contribution_deadline"])
    assert client.get("/api/v1/meetings/cwg-cop/22").json()["contribution_deadline"] == "2025-01-29T23:59:00Z"


def test_meeting_by_body_and_number(client: Client, archive: Archive) -> None:
    data = client.get("/api/v1/meetings/cwg-cop/22").json()
    assert (data["code"], data["start_date"], data["end_date"]) == ("CWG-COP-22", "2025-02-12", "2025-02-13")


def test_meeting_documents_link_lists_its_documents(client: Client, archive: Archive) -> None:
    link = client.get("/api/v1/meetings/cwg-cop/21").json()["documents"]
    items = client.get(link.removeprefix("http://testserver")).json()["items"]
    assert [d["symbol"] for d in items] == ["CWG-COP-21/INF/1", "CWG-COP-21/1"]


def test_unknown_meeting_is_not_found(client: Client, archive: Archive) -> None:
    response = client.get("/api/v1/meetings/cwg-cop/99")
    assert (response.status_code, response.json()) == (
        404,
        {"detail": "There is no meeting 99 of “cwg-cop”.", "code": "not_found"},
    )


def test_meeting_number_must_be_a_whole_number(client: Client, archive: Archive) -> None:
    response = client.get("/api/v1/meetings/cwg-cop/first")
    assert (response.status_code, response.json()) == (
        400,
        {
            "detail": "Some parameters are not valid.",
            "code": "invalid",
            "errors": [{"field": "number", "message": "Enter a whole number."}],
        },
    )


@pytest.mark.parametrize(
    ("query", "numbers"),
    [("body=cwg-cop", [22, 21]), ("body=other", []), ("year=2024", [21]), ("year=2025&body=CWG-COP", [22])],
)
def test_meetings_filter_by_body_and_year(client: Client, archive: Archive, query: str, numbers: list[int]) -> None:
    assert [m["number"] for m in client.get(f"/api/v1/meetings/?{query}").json()["items"]] == numbers


def test_meetings_are_paginated(client: Client, archive: Archive) -> None:
    assert client.get("/api/v1/meetings/?limit=1&offset=1").json()["items"][0]["number"] == 21


@pytest.mark.parametrize("rows", [1, 3])
def test_meeting_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    body = BodyFactory()
    for number in range(rows):
        MeetingFactory(body=body, number=number + 1)
    with django_assert_num_queries(3):  # count, page (with its body), the page's officers
        data = client.get("/api/v1/meetings/").json()
    assert data["count"] == rows
