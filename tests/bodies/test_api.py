from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies() -> None:
    council = BodyFactory(acronym="COUNCIL", slug="council", kind="council", name_en="ITU Council")
    BodyFactory(
        acronym="CWG-COP",
        slug="cwg-cop",
        parent=council,
        name_en="Council Working Group on Child Online Protection",
        name_zh_hans="儿童在线保护理事会工作组",
    )


def test_bodies_are_listed_with_their_names(client: Client, bodies: None) -> None:
    assert client.get("/api/v1/bodies/").json() == {
        "items": [
            {
                "acronym": "COUNCIL",
                "slug": "council",
                "name": "ITU Council",
                "names": {"en": "ITU Council"},
                "kind": "council",
                "parent": None,
                "website": "",
                "retired": False,
                "url": "http://testserver/en/bodies/council/",
            },
            {
                "acronym": "CWG-COP",
                "slug": "cwg-cop",
                "name": "Council Working Group on Child Online Protection",
                "names": {
                    "zh-hans": "儿童在线保护理事会工作组",
                    "en": "Council Working Group on Child Online Protection",
                },
                "kind": "cwg",
                "parent": "COUNCIL",
                "website": "",
                "retired": False,
                "url": "http://testserver/en/bodies/cwg-cop/",
            },
        ],
        "count": 2,
    }


def test_body_name_follows_accept_language(client: Client, bodies: None) -> None:
    data = client.get("/api/v1/bodies/cwg-cop", HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert (data["name"], data["url"]) == ("儿童在线保护理事会工作组", "http://testserver/zh-hans/bodies/cwg-cop/")


def test_unknown_body_is_not_found(client: Client, bodies: None) -> None:
    response = client.get("/api/v1/bodies/nobody")
    assert (response.status_code, response.json()) == (
        404,
        {"detail": "There is no body “nobody”.", "code": "not_found"},
    )


@pytest.mark.parametrize("rows", [1, 3])
def test_body_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    parent = BodyFactory(acronym="PARENT")
    for _ in range(rows - 1):
        BodyFactory(parent=parent)
    with django_assert_num_queries(2):  # count, page (with each parent)
        data = client.get("/api/v1/bodies/").json()
    assert data["count"] == rows
