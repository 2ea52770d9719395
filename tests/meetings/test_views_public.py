"""Public meeting pages: the list, and a meeting with its dates, venue, figures and documents."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.documents import services
from cwgcop.meetings.models import Meeting
from tests.core.factories import cwg_cop, document, draft, meeting, meeting_21, moment, parse, texts

pytestmark = pytest.mark.django_db


def meeting_22(body: Any) -> Meeting:
    return meeting(
        body,
        22,
        datetime.date(2025, 2, 12),
        datetime.date(2025, 2, 13),
        venue="Geneva",
        participants_total=191,
        participants_onsite=98,
        participants_remote=93,
    )


def facts(tree: Any) -> dict[str, str]:
    return dict(zip(texts(tree, '//dl[@class="facts"]/dt'), texts(tree, '//dl[@class="facts"]/dd'), strict=True))


def figures(tree: Any) -> list[list[str]]:
    return [texts(row, "./*") for row in tree.xpath('//table[contains(@class, "figures")]//tr')]


def test_meeting_page_shows_dates_venue_format_and_status(client: Client) -> None:
    meeting_21(cwg_cop())
    response = client.get("/en/meetings/cwg-cop/21/")
    assert response.status_code == 200
    tree = parse(response.content)
    assert texts(tree, "//h1") == ["CWG-COP, meeting 21"]
    assert facts(tree) == {
        "Body": "Council Working Group on Child Online Protection",
        "Dates": "30 September – 1 October 2024",
        "Venue": "ITU headquarters, Geneva",
        "Format": "Hybrid",
        "Status": "Held",
    }


def test_meeting_page_in_chinese(client: Client) -> None:
    meeting_21(cwg_cop())
    tree = parse(client.get("/zh-hans/meetings/cwg-cop/21/").content)
    assert tree.xpath('//dl[@class="facts"]/dd')[0].text_content() == "理事会保护上网儿童工作组"
    dates = tree.xpath('//dl[@class="facts"]/dd')[1]
    assert " ".join(dates.text_content().split()) == "2024年9月30日至10月1日"
    venue = tree.xpath('//dl[@class="facts"]/dd')[2]
    assert venue.text_content() == "国际电联总部，日内瓦"


def test_meeting_venue_falls_back_to_english(client: Client) -> None:
    meeting_21(cwg_cop())
    tree = parse(client.get("/fr/meetings/cwg-cop/21/").content)
    assert tree.xpath('//dl[@class="facts"]/dd')[2].text_content() == "ITU headquarters, Geneva"
    assert " ".join(tree.xpath('//dl[@class="facts"]/dd')[1].text_content().split()) == (
        "30 septembre – 1 octobre 2024"
    )


def test_historic_meeting_with_only_a_total_shows_it(client: Client) -> None:
    meeting_21(cwg_cop())
    tree = parse(client.get("/en/meetings/cwg-cop/21/").content)
    assert figures(tree) == [["Total", "129"]]


def test_meeting_with_all_figures_shows_them(client: Client) -> None:
    meeting_22(cwg_cop())
    tree = parse(client.get("/en/meetings/cwg-cop/22/").content)
    assert figures(tree) == [["Total", "191"], ["On site", "98"], ["Remote", "93"]]


def test_meeting_with_onsite_and_remote_only_shows_their_sum(client: Client) -> None:
    meeting(
        cwg_cop(),
        23,
        datetime.date(2025, 9, 1),
        datetime.date(2025, 9, 2),
        participants_onsite=40,
        participants_remote=60,
    )
    tree = parse(client.get("/en/meetings/cwg-cop/23/").content)
    assert figures(tree) == [["Total", "100"], ["On site", "40"], ["Remote", "60"]]


def test_meeting_without_figures_says_so(client: Client) -> None:
    meeting(cwg_cop(), 24, datetime.date(2099, 3, 10), datetime.date(2099, 3, 12), status="planned")
    tree = parse(client.get("/en/meetings/cwg-cop/24/").content)
    assert figures(tree) == []
    assert texts(tree, '//section[@aria-labelledby="participants"]/p') == ["Participant figures are not available yet."]


def test_meeting_page_shows_deadline_and_remote_link(client: Client) -> None:
    meeting(
        cwg_cop(),
        24,
        datetime.date(2099, 3, 10),
        datetime.date(2099, 3, 12),
        status="open",
        format="virtual",
        remote_link="https://meet.example.org/cwg-cop-24",
        remote_link_private=False,
        contribution_deadline=datetime.datetime(2099, 2, 24, 23, 0, tzinfo=datetime.UTC),
    )
    tree = parse(client.get("/en/meetings/cwg-cop/24/").content)
    assert facts(tree) == {
        "Body": "Council Working Group on Child Online Protection",
        "Dates": "10–12 March 2099",
        "Venue": "ITU headquarters, Geneva",
        "Format": "Virtual",
        "Status": "Open for contributions",
        "Contribution deadline": "25 February 2099 00:00 CET",
        "Remote participation": "https://meet.example.org/cwg-cop-24",
    }


def test_meeting_documents_grouped_by_kind_with_languages(client: Client) -> None:
    m21 = meeting_21(cwg_cop())
    for number, languages in [(1, ("en", "zh-hans")), (2, ("ar", "en", "fr")), (10, ("en",))]:
        document(
            meeting=m21, symbol=f"CWG-COP-21/{number}", titles={"en": f"Contribution {number}"}, languages=languages
        )
    document(meeting=m21, symbol="CWG-COP-21/INF/1", kind="information", titles={"en": "Participants"})
    document(meeting=m21, symbol="CWG-COP-21/OUT/1", kind="outcome", titles={"en": "Outcomes"}, languages=("en", "ru"))
    draft(meeting=m21, symbol="CWG-COP-21/3", titles={"en": "A draft"})
    withdrawn = document(meeting=m21, symbol="CWG-COP-21/4", titles={"en": "Withdrawn"})
    services.withdraw_document(actor=None, document=withdrawn, reason="Duplicate")

    tree = parse(client.get("/en/meetings/cwg-cop/21/").content)
    section = tree.xpath('//section[@aria-labelledby="documents"]')[0]
    assert texts(section, "./h3") == ["Contribution", "Information document", "Outcome"]
    groups = section.xpath("./ul")
    assert [texts(group, './li/a[@class="symbol"]') for group in groups] == [
        ["CWG-COP-21/1", "CWG-COP-21/2", "CWG-COP-21/10"],
        ["CWG-COP-21/INF/1"],
        ["CWG-COP-21/OUT/1"],
    ]
    assert [texts(row, './span[@class="languages-available"]/abbr') for row in groups[0].xpath("./li")] == [
        ["C", "E"],
        ["A", "E", "F"],
        ["E"],
    ]
    assert [a.get("title") for a in groups[2].xpath("./li/span/abbr")] == ["English", "Русский"]


def test_meeting_without_documents_says_so(client: Client) -> None:
    meeting_21(cwg_cop())
    tree = parse(client.get("/en/meetings/cwg-cop/21/").content)
    assert texts(tree, '//section[@aria-labelledby="documents"]/p') == [
        "No document has been published for this meeting yet."
    ]


@pytest.mark.parametrize("url", ["/en/meetings/cwg-cop/99/", "/en/meetings/nobody/21/"])
def test_unknown_meeting_is_not_found(client: Client, url: str) -> None:
    meeting_21(cwg_cop())
    assert client.get(url).status_code == 404


def test_meetings_list_newest_first_with_figures(client: Client) -> None:
    body = cwg_cop()
    meeting_21(body)
    meeting_22(body)
    meeting(
        body, 23, datetime.date(2025, 9, 1), datetime.date(2025, 9, 2), participants_onsite=40, participants_remote=60
    )
    tree = parse(client.get("/en/meetings/").content)
    rows = tree.xpath("//table/tbody/tr")
    assert [texts(row, "./*") for row in rows] == [
        ["CWG-COP, meeting 23", "1–2 September 2025", "ITU headquarters, Geneva", "Hybrid", "100"],
        ["CWG-COP, meeting 22", "12–13 February 2025", "Geneva", "Hybrid", "191"],
        ["CWG-COP, meeting 21", "30 September – 1 October 2024", "ITU headquarters, Geneva", "Hybrid", "129"],
    ]
    assert rows[2].xpath(".//a/@href") == ["/en/meetings/cwg-cop/21/"]
    assert tree.xpath('//a[contains(@href, "meetings.ics")]/@href')[0] == "/meetings.ics"


def test_meetings_list_empty(client: Client) -> None:
    tree = parse(client.get("/en/meetings/").content)
    assert [texts(row, "./*") for row in tree.xpath("//table/tbody/tr")] == [["No meeting yet."]]


@pytest.mark.parametrize("rows", [1, 3])
def test_meetings_list_query_count_is_fixed(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    body = cwg_cop()
    for number in range(1, rows + 1):
        meeting(body, number, datetime.date(2024, number, 1), datetime.date(2024, number, 2))
    with django_assert_num_queries(2):  # count, page (with the body joined)
        response = client.get("/en/meetings/")
    assert len(parse(response.content).xpath("//table/tbody/tr")) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_meeting_page_query_count_is_fixed(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    m21 = meeting_21(cwg_cop())
    for number in range(1, rows + 1):
        document(meeting=m21, symbol=f"CWG-COP-21/{number}", languages=("en", "fr"))
        document(meeting=m21, symbol=f"CWG-COP-21/INF/{number}", kind="information")
    # meeting; documents with their current revision's number and languages; then the record: attendance
    # figures, agenda items,
    # outcomes, action items carried forward (their links are prefetched only when there are any); the
    # liaison statements the meeting considered and the milestones expected at it; the body's name on its date.
    with django_assert_num_queries(10):  # the officers are one query too
        response = client.get("/en/meetings/cwg-cop/21/")
    assert len(parse(response.content).xpath('//section[@aria-labelledby="documents"]/ul/li')) == 2 * rows


def test_meeting_page_date_of_documents_in_rows(client: Client) -> None:
    m21 = meeting_21(cwg_cop())
    document(meeting=m21, symbol="CWG-COP-21/1", published=moment(2024, 9, 10))
    tree = parse(client.get("/en/meetings/cwg-cop/21/").content)
    assert texts(tree, '//li[@class="document-row"]/span[@class="meta"]') == ["Contribution · 10 September 2024"]
