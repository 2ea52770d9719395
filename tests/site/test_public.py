"""The home page: the group, its next and recent meetings, and the latest documents."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

from cwgcop.bodies.enums import BodyKind
from tests.core.factories import cwg_cop, document, meeting, meeting_21, moment, parse, texts
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def section(tree: Any, heading_id: str) -> list[str]:
    """The links listed after the heading ``heading_id`` (up to the next heading)."""
    heading = tree.xpath(f'//h2[@id="{heading_id}"]')[0]
    items = heading.xpath("following-sibling::ul[1]/li")
    after = heading.xpath("following-sibling::*[1]")[0]
    return [" ".join(li.text_content().split()) for li in items] if after.tag == "ul" else [after.text_content()]


@pytest.fixture
def group() -> Any:
    body = cwg_cop()
    meeting_21(body)
    meeting(body, 22, datetime.date(2025, 2, 12), datetime.date(2025, 2, 13), venue="Geneva")
    meeting(body, 23, datetime.date(2099, 3, 10), datetime.date(2099, 3, 12), status="planned", format="virtual")
    meeting(body, 24, datetime.date(2099, 9, 1), datetime.date(2099, 9, 2), status="cancelled")
    other = BodyFactory(acronym="CWG-Internet", slug="cwg-internet", kind=BodyKind.COUNCIL_WORKING_GROUP)
    meeting(other, 7, datetime.date(2099, 1, 5), datetime.date(2099, 1, 6), status="planned")
    return body


def test_home_presents_the_group(client: Client, group: Any) -> None:
    tree = parse(client.get("/en/").content)
    assert texts(tree, "//h1") == ["Council Working Group on Child Online Protection"]
    assert texts(tree, '//section[@class="intro"]/p')[0] == "Established by Council Resolution 1306."


def test_home_in_chinese_presents_the_group_in_chinese(client: Client, group: Any) -> None:
    tree = parse(client.get("/zh-hans/").content)
    assert texts(tree, "//h1") == ["理事会保护上网儿童工作组"]
    assert texts(tree, '//section[@class="intro"]/p')[0] == "根据理事会第1306号决议设立。"


def test_home_lists_next_and_recent_meetings_of_the_group(client: Client, group: Any) -> None:
    tree = parse(client.get("/en/").content)
    assert section(tree, "next-meetings") == [
        "CWG-COP, meeting 23 10–12 March 2099 · ITU headquarters, Geneva · Virtual"
    ]
    assert section(tree, "recent-meetings") == [
        "CWG-COP, meeting 22 12–13 February 2025 · Geneva · Hybrid",
        "CWG-COP, meeting 21 30 September – 1 October 2024 · ITU headquarters, Geneva · Hybrid",
    ]
    assert tree.xpath('//h2[@id="next-meetings"]/following-sibling::ul[1]//a/@href') == ["/en/meetings/cwg-cop/23/"]


def test_home_lists_latest_documents_newest_first(client: Client, group: Any) -> None:
    m21 = group.meetings.get(number=21)
    for day in range(1, 13):
        document(meeting=m21, symbol=f"CWG-COP-21/{day}", titles={"en": f"Day {day}"}, published=moment(2024, 9, day))
    tree = parse(client.get("/en/").content)
    latest = tree.xpath('//section[@aria-labelledby="latest-documents"]//a[@class="symbol"]/text()')
    assert latest == [f"CWG-COP-21/{day}" for day in range(12, 2, -1)]
    assert tree.xpath('//section[@aria-labelledby="latest-documents"]/p/a/@href') == ["/en/documents/"]


def test_home_without_anything_says_so(client: Client) -> None:
    tree = parse(client.get("/en/").content)
    assert texts(tree, "//h1") == ["Child Online Protection working group"]
    assert section(tree, "next-meetings") == ["No meeting is scheduled yet."]
    assert section(tree, "recent-meetings") == ["No meeting has been held yet."]
    assert texts(tree, '//section[@aria-labelledby="latest-documents"]/p') == ["No document has been published yet."]


def test_home_presents_the_configured_main_body(client: Client, group: Any, settings: SettingsWrapper) -> None:
    settings.CWGCOP_MAIN_BODY = "CWG-Internet"
    tree = parse(client.get("/en/").content)
    assert texts(tree, "//h1") == ["Working group CWG-Internet"]
    assert section(tree, "next-meetings") == [
        "CWG-Internet, meeting 7 5–6 January 2099 · ITU headquarters, Geneva · Hybrid"
    ]


def test_root_redirects_to_a_language(client: Client) -> None:
    response = client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/"
    assert client.get("/")["Location"] == "/en/"


@pytest.mark.parametrize("rows", [1, 3])
def test_home_query_count_is_fixed(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    body = cwg_cop()
    for number in range(1, rows + 1):
        past = meeting(body, number, datetime.date(2024, number, 1), datetime.date(2024, number, 2))
        meeting(body, 50 + number, datetime.date(2099, number, 1), datetime.date(2099, number, 2), status="planned")
        document(meeting=past, symbol=f"CWG-COP-{number}/1", languages=("en", "zh-hans"))
    # main body; next meetings; recent meetings; open consultations; documents with their current revision and its
    # languages
    with django_assert_num_queries(5):
        response = client.get("/en/")
    assert len(parse(response.content).xpath('//li[@class="document-row"]')) == rows
