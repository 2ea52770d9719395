"""The public pages of the bodies (each with its meetings and latest documents)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.models import Body
from tests.core.factories import council_and_group, cwg_cop, document, meeting, meeting_21, moment, parse, texts
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies() -> dict[str, Body]:
    return council_and_group()


def test_body_list_names_each_body(client: Client, bodies: dict[str, Body]) -> None:
    tree = parse(client.get("/en/bodies/").content)
    assert [texts(li, "./*") for li in tree.xpath("//main//ul/li")] == [
        ["ITU Council", "COUNCIL · Council"],
        ["Council Working Group on Child Online Protection", "CWG-COP · Council working group"],
    ]
    assert tree.xpath("//main//ul/li/a/@href") == ["/en/bodies/council/", "/en/bodies/cwg-cop/"]


def test_body_page_shows_parent_meetings_and_documents(client: Client, bodies: dict[str, Body]) -> None:
    group = bodies["group"]
    m21 = meeting_21(group)
    meeting(group, 22, datetime.date(2025, 2, 12), datetime.date(2025, 2, 13), venue="Geneva")
    document(meeting=m21, symbol="CWG-COP-21/1", titles={"en": "Helplines"}, published=moment(2024, 9, 10))
    tree = parse(client.get("/zh-hans/bodies/cwg-cop/").content)
    assert texts(tree, "//h1") == ["理事会保护上网儿童工作组"]
    assert tree.xpath('//p[@class="meta"]/a/@href') == ["/zh-hans/bodies/council/"]
    assert texts(tree, '//li[@class="meeting-row"]/a') == ["CWG-COP第22次会议", "CWG-COP第21次会议"]
    assert texts(tree, '//a[@class="symbol"]') == ["CWG-COP-21/1"]


def test_unknown_body_is_not_found(client: Client) -> None:
    assert client.get("/en/bodies/nobody/").status_code == 404


@pytest.mark.parametrize("rows", [1, 3])
def test_body_page_query_count_is_fixed(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    group = cwg_cop()
    for number in range(1, rows + 1):
        held = meeting(group, number, datetime.date(2024, number, 1), datetime.date(2024, number, 2))
        document(meeting=held, symbol=f"CWG-COP-{number}/1", languages=("en", "fr"))
    # body; meetings; documents with their current revision and its languages; liaison statements sent and
    # received; milestones; participation history (reports)
    with django_assert_num_queries(7):
        response = client.get("/en/bodies/cwg-cop/")
    assert len(parse(response.content).xpath('//li[@class="document-row"]')) == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_body_list_query_count_is_fixed(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    for number in range(rows):
        BodyFactory(acronym=f"WG-{number}")
    with django_assert_num_queries(1):
        client.get("/en/bodies/")
