"""Creating, changing and retiring bodies: the platform administrator creates, the body's secretariat edits."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.models import Body
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import api_key, bearer
from tests.bodies.factories import platform_administrator
from tests.factories import BodyFactory, member, secretariat

pytestmark = pytest.mark.django_db

URL = "/api/v1/bodies/"
NAMES = {
    "en": "Expert group on online safety",
    "fr": "Groupe d'experts sur la sécurité en ligne",
    "es": "Grupo de expertos sobre seguridad en línea",
    "ru": "Группа экспертов по безопасности в интернете",
    "ar": "فريق الخبراء المعني بالسلامة على الإنترنت",
    "zh-hans": "网络安全专家组",
}


@pytest.fixture
def council() -> Body:
    return BodyFactory(acronym="CNL", slug="cnl", kind="council", name_en="The council")


def _written() -> tuple[int, int]:
    return Body.objects.count(), AuditEntry.objects.count()


def test_a_platform_administrator_creates_a_body_in_six_languages(client: Client, council: Body) -> None:
    key = api_key(platform_administrator(council))
    payload = {"acronym": "EG-OS", "names": NAMES, "kind": "other", "parent": "cnl", "website": "https://eg.example"}
    response = client.post(URL, payload, content_type="application/json", **bearer(key), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 201
    data = response.json()
    assert (data["acronym"], data["slug"], data["parent"], data["website"], data["retired"]) == (
        "EG-OS",
        "eg-os",
        "CNL",
        "https://eg.example",
        False,
    )
    assert (data["name"], data["names"]) == ("Группа экспертов по безопасности в интернете", NAMES)
    assert AuditEntry.objects.filter(action="body.create").get().after["names"]["zh-hans"] == "网络安全专家组"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"acronym": "  "}, "acronym_missing"),
        ({"acronym": "cnl"}, "acronym_taken"),
        ({"names": {"en": " "}}, "name_missing"),
        ({"names": {"xx": "Name"}}, "language_invalid"),
        ({"kind": "club"}, "kind_invalid"),
        ({"website": "eg dot example"}, "website_invalid"),
    ],
)
def test_bad_bodies_are_refused_and_nothing_is_written(
    client: Client, council: Body, change: dict[str, Any], code: str
) -> None:
    key = api_key(platform_administrator(council))
    before = _written()
    payload = {"acronym": "EG-OS", "names": {"en": "Experts"}, "kind": "other", **change}
    response = client.post(URL, payload, content_type="application/json", **bearer(key))
    assert (response.status_code, response.json()["code"]) == (409 if code == "acronym_taken" else 400, code)
    assert _written() == before


def test_only_a_platform_administrator_creates_a_body(client: Client, council: Body) -> None:
    keys = [api_key(secretariat(council)), api_key(member())]
    before = _written()
    payload = {"acronym": "EG-OS", "names": {"en": "Experts"}, "kind": "other"}
    assert client.post(URL, payload, content_type="application/json").status_code == 401
    for key in keys:
        response = client.post(URL, payload, content_type="application/json", **bearer(key))
        assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    assert _written() == before


def test_the_secretariat_edits_its_bodys_texts_but_not_another_bodys(client: Client, council: Body) -> None:
    mine = BodyFactory(acronym="EG-A", slug="eg-a")
    BodyFactory(acronym="EG-B", slug="eg-b", name_en="Group B")
    key = api_key(secretariat(mine))
    change = {"names": {"en": "Group A", "fr": "Groupe A"}, "kind": "study-group", "parent": "cnl", "website": ""}
    response = client.patch(f"{URL}eg-a", change, content_type="application/json", **bearer(key))
    assert (response.status_code, response.json()["names"], response.json()["parent"]) == (
        200,
        {"en": "Group A", "fr": "Groupe A"},
        "CNL",
    )
    before = _written()
    refused = client.patch(f"{URL}eg-b", change, content_type="application/json", **bearer(key))
    assert (refused.status_code, refused.json()["code"]) == (403, "forbidden")
    assert Body.objects.get(slug="eg-b").name_en == "Group B"
    assert _written() == before
    missing = client.patch(f"{URL}eg-zz", change, content_type="application/json", **bearer(key))
    assert missing.status_code == 404


def test_a_body_cannot_report_to_a_body_below_it(client: Client, council: Body) -> None:
    child = BodyFactory(acronym="EG-C", slug="eg-c", parent=council)
    key = api_key(platform_administrator(council))
    change = {"names": {"en": "Council"}, "kind": "council", "parent": child.slug}
    response = client.patch(f"{URL}cnl", change, content_type="application/json", **bearer(key))
    assert (response.status_code, response.json()["code"]) == (400, "parent_cycle")
    council.refresh_from_db()
    assert council.parent is None


def test_retiring_a_body(client: Client, council: Body) -> None:
    BodyFactory(acronym="EG-C", slug="eg-c", parent=council)
    key = api_key(platform_administrator(council))
    refused = client.post(f"{URL}cnl/retire", **bearer(key))
    assert (refused.status_code, refused.json()["code"]) == (400, "body_has_children")
    retired = client.post(f"{URL}eg-c/retire", **bearer(key))
    assert (retired.status_code, retired.json()["retired"]) == (200, True)
    again = client.post(f"{URL}eg-c/retire", **bearer(key))
    assert again.json()["code"] == "body_retired"
    assert client.post(f"{URL}cnl/retire", **bearer(api_key(secretariat(council)))).status_code == 403


@pytest.mark.parametrize("rows", [1, 3])
def test_the_body_list_has_a_fixed_number_of_queries(client: Client, rows: int, django_assert_num_queries: Any) -> None:
    for index in range(rows):
        BodyFactory(acronym=f"EG-{index}", slug=f"eg-{index}")
    with django_assert_num_queries(2):
        data = client.get(URL).json()
    assert data["count"] == rows


# --- Staff pages -------------------------------------------------------------------------------------------


def test_the_staff_pages_create_and_edit_a_body(client: Client, council: Body) -> None:
    client.force_login(platform_administrator(council))
    form = {f"name_{code.replace('-', '_')}": text for code, text in NAMES.items()}
    response = client.post(
        "/en/staff/bodies/new/", {"acronym": "EG-OS", "kind": "other", "parent": council.pk, "website": "", **form}
    )
    assert (response.status_code, response["Location"]) == (302, "/en/staff/bodies/")
    body = Body.objects.get(acronym="EG-OS")
    assert (body.name_ar, body.parent) == (NAMES["ar"], council)
    duplicate = client.post("/en/staff/bodies/new/", {"acronym": "eg-os", "kind": "other", "name_en": "Again"})
    assert duplicate.status_code == 400
    assert "There already is a body eg-os." in duplicate.content.decode()
    edited = client.post("/en/staff/bodies/eg-os/edit/", {"kind": "other", "name_en": "Online safety experts"})
    assert edited.status_code == 302
    body.refresh_from_db()
    assert (body.acronym, body.name_en, body.name_fr or "") == ("EG-OS", "Online safety experts", "")


def test_a_secretariat_cannot_create_a_body_nor_edit_another_on_the_pages(client: Client, council: Body) -> None:
    other = BodyFactory(acronym="EG-B", slug="eg-b", name_en="Group B")
    client.force_login(secretariat(council))
    assert client.get("/en/staff/bodies/new/").status_code == 403
    response = client.post("/fr/staff/bodies/eg-b/edit/", {"kind": "other", "name_en": "Hijacked"})
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.name_en == "Group B"
    assert client.get("/en/staff/bodies/cnl/edit/").status_code == 200


def test_the_retire_page_asks_first(client: Client, council: Body) -> None:
    BodyFactory(acronym="EG-C", slug="eg-c")
    client.force_login(platform_administrator(council))
    page = client.get("/en/staff/bodies/eg-c/retire/").content.decode()
    assert "no new meeting can be created for it" in page
    assert Body.objects.get(slug="eg-c").retired_at is None
    client.post("/en/staff/bodies/eg-c/retire/")
    assert Body.objects.get(slug="eg-c").retired_at is not None


@pytest.mark.parametrize("rows", [1, 3])
def test_the_staff_body_list_has_a_fixed_number_of_queries(
    client: Client, council: Body, rows: int, django_assert_num_queries: Any
) -> None:
    client.force_login(platform_administrator(council))
    for index in range(rows - 1):
        BodyFactory(acronym=f"EG-{index}", slug=f"eg-{index}")
    client.get("/en/staff/bodies/")
    with django_assert_num_queries(8):  # the same for 1 or 3 bodies
        page = client.get("/en/staff/bodies/").content.decode()
    assert page.count("/edit/") == rows
