"""The public archive listing: filters, sorting, pagination and stable URLs."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.documents import queries, services
from cwgcop.documents.views import public
from tests.core.factories import (
    cwg_cop,
    document,
    draft,
    games_contribution,
    meeting,
    meeting_21,
    moment,
    organization,
    parse,
    revise,
    texts,
)
from tests.factories import published_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive() -> dict[str, Any]:
    body = cwg_cop()
    m21 = meeting_21(body)
    m22 = meeting(body, 22, datetime.date(2025, 2, 12), datetime.date(2025, 2, 13), participants_total=191)
    saudi = organization("Saudi Arabia", "SA")
    ecpat = organization("ECPAT International", "TH", stakeholder_kind="civil-society")
    games_contribution(m21, sources=(saudi,), published=moment(2024, 9, 10))
    document(
        meeting=m21,
        symbol="CWG-COP-21/INF/1",
        kind="information",
        titles={"en": "List of participants"},
        published=moment(2024, 9, 25),
    )
    for symbol, titles, source, day in (
        ("CWG-COP-22/1", {"en": "Age assurance", "fr": "Vérification de l'âge"}, ecpat, 1),
        ("CWG-COP-22/2", {"ar": "خطوط المساعدة", "en": "Helplines"}, saudi, 5),
    ):
        document(
            meeting=m22,
            symbol=symbol,
            titles=titles,
            languages=tuple(titles),
            sources=(source,),
            published=moment(2025, 2, day),
        )
    services.create_document(
        actor=None, body=body, meeting=m22, kind="contribution", symbol="CWG-COP-22/3", titles={"en": "A draft"}
    )
    withdrawn = published_document(meeting=m22, symbol="CWG-COP-22/4", titles={"en": "Sent twice"})
    services.withdraw_document(actor=None, document=withdrawn, reason="Submitted twice")
    return {"m21": m21, "m22": m22, "saudi": saudi, "ecpat": ecpat}


def listed(client: Client, query: str = "", language: str = "en") -> list[str]:
    response = client.get(f"/{language}/documents/{query}")
    assert response.status_code == 200
    return texts(parse(response.content), '//ul[contains(@class, "documents")]/li/a[@class="symbol"]')


def test_archive_lists_published_documents_newest_first(client: Client, archive: dict[str, Any]) -> None:
    response = client.get("/en/documents/")
    tree = parse(response.content)
    assert texts(tree, '//ul[contains(@class, "documents")]/li/a[@class="symbol"]') == [
        "CWG-COP-22/2",
        "CWG-COP-22/1",
        "CWG-COP-21/INF/1",
        "CWG-COP-21/1",
    ]
    assert texts(tree, '//p[@class="count"]') == ["4 documents"]
    first = tree.xpath('//ul[contains(@class, "documents")]/li')[0]
    assert texts(first, './span[@class="title"]') == ["Helplines"]
    assert texts(first, './span[@class="meta"]') == ["Contribution · 5 February 2025"]
    assert [a.get("title") for a in first.xpath('./span[@class="languages-available"]/abbr')] == ["العربية", "English"]
    assert texts(first, './span[@class="languages-available"]/abbr') == ["A", "E"]


def test_archive_row_shows_title_in_reader_language(client: Client, archive: dict[str, Any]) -> None:
    response = client.get("/zh-hans/documents/?meeting={}".format(archive["m21"].pk))
    rows = parse(response.content).xpath('//ul[contains(@class, "documents")]/li')
    assert [texts(row, './span[@class="title"]')[0] for row in rows] == ["List of participants", "在网络游戏中保护儿童"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?kind=information", ["CWG-COP-21/INF/1"]),
        ("?kind=contribution", ["CWG-COP-22/2", "CWG-COP-22/1", "CWG-COP-21/1"]),
        ("?language=fr", ["CWG-COP-22/1"]),
        ("?language=zh-hans", ["CWG-COP-21/1"]),
        ("?language=ar", ["CWG-COP-22/2"]),
        ("?language=ru", []),
        ("?year=2024", ["CWG-COP-21/INF/1", "CWG-COP-21/1"]),
        ("?year=2025", ["CWG-COP-22/2", "CWG-COP-22/1"]),
        ("?year=2023", []),
        ("?q=helpline", ["CWG-COP-22/2"]),
        ("?q=21/INF", ["CWG-COP-21/INF/1"]),
        ("?sort=oldest", ["CWG-COP-21/1", "CWG-COP-21/INF/1", "CWG-COP-22/1", "CWG-COP-22/2"]),
        ("?sort=symbol", ["CWG-COP-21/1", "CWG-COP-21/INF/1", "CWG-COP-22/1", "CWG-COP-22/2"]),
        ("?kind=contribution&year=2025&sort=oldest", ["CWG-COP-22/1", "CWG-COP-22/2"]),
    ],
)
def test_archive_filters(client: Client, archive: dict[str, Any], query: str, expected: list[str]) -> None:
    assert listed(client, query) == expected


def test_archive_filter_by_meeting_and_source(client: Client, archive: dict[str, Any]) -> None:
    m21, m22, saudi, ecpat = archive["m21"].pk, archive["m22"].pk, archive["saudi"].pk, archive["ecpat"].pk
    assert listed(client, f"?meeting={m21}") == ["CWG-COP-21/INF/1", "CWG-COP-21/1"]
    assert listed(client, f"?meeting={m22}") == ["CWG-COP-22/2", "CWG-COP-22/1"]
    assert listed(client, f"?source={saudi}") == ["CWG-COP-22/2", "CWG-COP-21/1"]
    assert listed(client, f"?source={ecpat}") == ["CWG-COP-22/1"]
    assert listed(client, f"?meeting={m22}&source={saudi}") == ["CWG-COP-22/2"]


def test_archive_filter_form_offers_meetings_and_sources_of_published_documents(
    client: Client, archive: dict[str, Any]
) -> None:
    tree = parse(client.get("/en/documents/").content)
    assert texts(tree, '//select[@name="meeting"]/option') == ["Any", "CWG-COP-22", "CWG-COP-21"]
    assert texts(tree, '//select[@name="source"]/option') == ["Any", "ECPAT International", "Saudi Arabia"]
    assert texts(tree, '//select[@name="sort"]/option[@selected]') == ["Newest first"]


def test_archive_filter_options_leave_out_sources_of_withdrawn_and_draft_documents_only(
    client: Client, archive: dict[str, Any]
) -> None:
    body, m21 = cwg_cop(), archive["m21"]
    withdrawn_only, draft_only = organization("Withdrawn Org", "FR"), organization("Draft Org", "ES")
    withdrawn = document(meeting=m21, symbol="CWG-COP-21/7", sources=(withdrawn_only,))
    services.withdraw_document(actor=None, document=withdrawn, reason="Submitted twice")
    draft(meeting=m21, body=body, symbol="CWG-COP-21/8", sources=(draft_only,))
    # Two meetings start the same day: the newer (higher id) comes first, as the ORM's order had it.
    same_day = meeting(body, 23, datetime.date(2025, 2, 12), datetime.date(2025, 2, 13))
    options = queries.archive_filter_options()
    assert options["meetings"] == [
        (same_day.pk, "CWG-COP-23"),
        (archive["m22"].pk, "CWG-COP-22"),
        (m21.pk, "CWG-COP-21"),
    ]
    assert options["sources"] == [(archive["ecpat"].pk, "ECPAT International"), (archive["saudi"].pk, "Saudi Arabia")]
    tree = parse(client.get(f"/en/documents/?source={withdrawn_only.pk}").content)
    assert texts(tree, '//p[@class="error"]') == [
        f"Select a valid choice. {withdrawn_only.pk} is not one of the available choices."
    ]


def test_archive_filter_state_is_kept_in_the_form(client: Client, archive: dict[str, Any]) -> None:
    tree = parse(client.get(f"/en/documents/?kind=information&year=2024&meeting={archive['m21'].pk}").content)
    assert tree.xpath('//select[@name="kind"]/option[@selected]/@value') == ["information"]
    assert tree.xpath('//select[@name="meeting"]/option[@selected]/@value') == [str(archive["m21"].pk)]
    assert tree.xpath('//input[@name="year"]/@value') == ["2024"]
    assert texts(tree, '//a[@href="/en/documents/"]') == ["Documents", "Clear filters"]


def test_archive_same_query_string_gives_same_page(client: Client, archive: dict[str, Any]) -> None:
    query = f"?source={archive['saudi'].pk}&kind=contribution"
    first = listed(client, query)
    assert first == ["CWG-COP-22/2", "CWG-COP-21/1"]
    assert listed(client, query) == first
    assert listed(client, f"?kind=contribution&source={archive['saudi'].pk}") == first


def test_archive_language_filter_uses_current_revision(client: Client, archive: dict[str, Any]) -> None:
    older = document(
        meeting=archive["m22"],
        symbol="CWG-COP-22/5",
        titles={"en": "Revised without French"},
        languages=("en", "fr"),
        published=moment(2025, 2, 6),
    )
    revise(older, note="French withdrawn", languages=("en",))
    assert listed(client, "?language=fr") == ["CWG-COP-22/1"]
    assert listed(client, "?language=en&year=2025") == ["CWG-COP-22/5(Rev.1)", "CWG-COP-22/2", "CWG-COP-22/1"]


@pytest.mark.parametrize("year", ["2024.5", "abc", "99999", "-1", "0"])
def test_archive_bad_year_is_refused_with_a_message(client: Client, archive: dict[str, Any], year: str) -> None:
    response = client.get(f"/en/documents/?year={year}")
    assert response.status_code == 200
    tree = parse(response.content)
    assert len(texts(tree, '//div[contains(@class, "field")]//p[@class="error"]')) == 1
    assert texts(tree, '//ul[contains(@class, "documents")]/li/a[@class="symbol"]') == [
        "CWG-COP-22/2",
        "CWG-COP-22/1",
        "CWG-COP-21/INF/1",
        "CWG-COP-21/1",
    ]


def test_archive_unknown_kind_is_refused_with_a_message(client: Client, archive: dict[str, Any]) -> None:
    tree = parse(client.get("/en/documents/?kind=poem").content)
    assert texts(tree, '//p[@class="error"]') == ["Select a valid choice. poem is not one of the available choices."]


def test_archive_no_match_says_so(client: Client, archive: dict[str, Any]) -> None:
    tree = parse(client.get("/en/documents/?language=ru").content)
    assert texts(tree, '//p[@class="count"]') == ["0 documents"]
    assert texts(tree, '//main//p[starts-with(., "No document")]') == [
        "No document matches these filters. Show all documents"
    ]


def test_archive_pagination_keeps_filters(
    client: Client, archive: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(public, "PAGE_SIZE", 2)
    first = parse(client.get("/en/documents/?kind=contribution").content)
    assert texts(first, '//ul[contains(@class, "documents")]/li/a[@class="symbol"]') == [
        "CWG-COP-22/2",
        "CWG-COP-22/1",
    ]
    assert texts(first, '//nav[@class="pagination"]/span') == ["Page 1 of 2"]
    assert first.xpath('//nav[@class="pagination"]/a[@rel="next"]/@href') == ["?kind=contribution&page=2"]
    assert first.xpath('//nav[@class="pagination"]/a[@rel="prev"]') == []
    second = parse(client.get("/en/documents/?kind=contribution&page=2").content)
    assert texts(second, '//ul[contains(@class, "documents")]/li/a[@class="symbol"]') == ["CWG-COP-21/1"]
    assert second.xpath('//nav[@class="pagination"]/a[@rel="prev"]/@href') == ["?kind=contribution&page=1"]
    assert texts(second, '//nav[@class="pagination"]/span') == ["Page 2 of 2"]


def test_archive_page_out_of_range_shows_last_page(
    client: Client, archive: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(public, "PAGE_SIZE", 3)
    assert listed(client, "?page=99") == ["CWG-COP-21/1"]
    assert listed(client, "?page=first") == ["CWG-COP-22/2", "CWG-COP-22/1", "CWG-COP-21/INF/1"]


def _archive_with(rows: int) -> None:
    body = cwg_cop()
    m21 = meeting_21(body)
    saudi = organization("Saudi Arabia", "SA")
    for number in range(1, rows + 1):
        created = document(
            meeting=m21,
            symbol=f"CWG-COP-21/{number}",
            titles={"en": f"Contribution {number}"},
            languages=("en", "zh-hans"),
            sources=(saudi,),
        )
        revise(created, note="Corrected")


@pytest.mark.parametrize("rows", [1, 3])
def test_archive_query_count_is_fixed(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    _archive_with(rows)
    # count; the page with each document's current revision and its languages; the form's meetings and sources
    with django_assert_num_queries(3):
        response = client.get("/en/documents/?kind=contribution&language=en")
    assert len(texts(parse(response.content), '//ul[contains(@class, "documents")]/li')) == rows
