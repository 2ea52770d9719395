"""Keeping the list of organisations: create, edit, retire, and merge a duplicate (pages and API)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cwgcop.accounts import services as account_services
from cwgcop.bodies import services
from cwgcop.bodies.models import Organization
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import MeetingOfficer
from tests.accounts.factories import api_key, bearer
from tests.factories import BodyFactory, MeetingFactory, OrganizationFactory, member, published_document, secretariat

pytestmark = pytest.mark.django_db

URL = "/api/v1/organizations/"


@pytest.fixture
def clerk() -> Any:
    return secretariat(BodyFactory(acronym="EG-ORG", slug="eg-org"), username="clerk")


def _written() -> tuple[int, int]:
    return Organization.objects.count(), AuditEntry.objects.count()


def test_the_secretariat_adds_an_organisation_and_the_region_follows_the_country(client: Client, clerk: Any) -> None:
    payload = {
        "name": "Ministère du Numérique",
        "short_name": "MN",
        "country": "sn",
        "stakeholder_kind": "member-state",
    }
    response = client.post(URL, payload, content_type="application/json", **bearer(api_key(clerk)))
    assert response.status_code == 201
    data = response.json()
    assert {k: v for k, v in data.items() if k != "id"} == {
        "name": "Ministère du Numérique",
        "short_name": "MN",
        "country": "SN",
        "region": "africa",
        "stakeholder_kind": "member-state",
        "retired": False,
    }
    changed = client.patch(
        f"{URL}{data['id']}",
        {**payload, "country": "JO"},
        content_type="application/json",
        **bearer(api_key(clerk, "second")),
    ).json()
    assert (changed["country"], changed["region"]) == ("JO", "arab-states")
    entries = AuditEntry.objects.filter(object_type="bodies.organization").order_by("id")
    assert list(entries.values_list("action", flat=True)) == [
        "organization.create",
        "organization.update",
    ]


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"name": " "}, 400, "organization_name_missing"),
        ({"country": "XX"}, 400, "country_invalid"),
        ({"stakeholder_kind": "friend"}, 400, "stakeholder_kind_invalid"),
        ({"name": "existing ngo"}, 409, "organization_taken"),
        ({"name": "N" * 251}, 400, "invalid"),
    ],
)
def test_bad_organisations_are_refused(
    client: Client, clerk: Any, change: dict[str, Any], status: int, code: str
) -> None:
    OrganizationFactory(name="Existing NGO", country="BR")
    key = api_key(clerk)
    before = _written()
    payload = {"name": "New NGO", "country": "BR", "stakeholder_kind": "civil-society", **change}
    response = client.post(URL, payload, content_type="application/json", **bearer(key))
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert _written() == before


def test_a_member_may_read_but_not_write(client: Client) -> None:
    OrganizationFactory(name="Readable", country="CH")
    key = api_key(member())
    payload = {"name": "X", "stakeholder_kind": "other"}
    assert client.post(URL, payload, content_type="application/json").status_code == 401
    assert client.post(URL, payload, content_type="application/json", **bearer(key)).status_code == 403
    assert [o["name"] for o in client.get(URL).json()["items"]] == ["Readable"]
    assert client.get(f"{URL}987654").status_code == 404


def test_merging_moves_every_reference_in_one_transaction(client: Client, clerk: Any) -> None:
    survivor = OrganizationFactory(name="Republic of Korea", country="KR")
    duplicate = OrganizationFactory(name="Korea (Rep. of)", country="KR")
    document = published_document(symbol="EG-ORG/1", sources=(survivor, duplicate))
    other = published_document(symbol="EG-ORG/2", sources=(duplicate,))
    meeting = MeetingFactory(number=9)
    officer = MeetingOfficer.objects.create(meeting=meeting, role="chair", name="Kim", organization=duplicate)
    person = member("kim")
    account_services.update_profile(
        actor=person, user=person, full_name="Kim", organization=duplicate, country="KR", language="en"
    )
    response = client.post(
        f"{URL}{survivor.pk}/merge",
        {"duplicate": duplicate.pk},
        content_type="application/json",
        **bearer(api_key(clerk)),
    )
    assert response.status_code == 200
    assert response.json()["moved"] == {
        "accounts.profile.organization": 1,
        "documents.document_sources.organization": 1,  # the other document named both: one row is left
        "meetings.meetingofficer.organization": 1,
    }
    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    assert list(document.sources.all()) == [survivor]
    assert list(other.sources.all()) == [survivor]
    officer.refresh_from_db()
    person.profile.refresh_from_db()
    assert (officer.organization, person.profile.organization) == (survivor, survivor)
    entry = AuditEntry.objects.get(action="organization.merge")
    assert (entry.object_id, entry.after["merged"]["name"]) == (str(survivor.pk), "Korea (Rep. of)")


def test_a_merge_that_fails_writes_nothing(clerk: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    survivor = OrganizationFactory(name="A", country="KR")
    duplicate = OrganizationFactory(name="B", country="KR")
    MeetingOfficer.objects.create(meeting=MeetingFactory(number=3), role="chair", name="Kim", organization=duplicate)
    original = Organization.delete

    def broken(self: Organization, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr(Organization, "delete", broken)
    with pytest.raises(RuntimeError):
        services.merge_organizations(actor=clerk, survivor=survivor, duplicate=duplicate)
    monkeypatch.setattr(Organization, "delete", original)
    assert MeetingOfficer.objects.get().organization == duplicate
    assert AuditEntry.objects.filter(action="organization.merge").count() == 0


def test_merging_an_organisation_into_itself_is_refused(client: Client, clerk: Any) -> None:
    same = OrganizationFactory(name="Same", country="KR")
    response = client.post(
        f"{URL}{same.pk}/merge", {"duplicate": same.pk}, content_type="application/json", **bearer(api_key(clerk))
    )
    assert (response.status_code, response.json()["code"]) == (400, "merge_same")


def test_the_merge_page_names_what_will_move_before_merging(client: Client, clerk: Any) -> None:
    survivor = OrganizationFactory(name="Republic of Korea", country="KR")
    duplicate = OrganizationFactory(name="Korea (Rep. of)", country="KR")
    published_document(symbol="EG-ORG/1", sources=(duplicate,))
    client.force_login(clerk)
    url = f"/en/staff/organisations/{survivor.pk}/merge/"
    page = client.post(url, {"duplicate": duplicate.pk}).content.decode()
    assert "Everything that names Korea (Rep. of) will name Republic of Korea" in page
    assert "<li>documents: 1</li>" in page
    assert Organization.objects.filter(pk=duplicate.pk).exists()
    done = client.post(url, {"duplicate": duplicate.pk, "confirmed": "on"})
    assert (done.status_code, done["Location"]) == (302, f"/en/staff/organisations/{survivor.pk}/")
    assert not Organization.objects.filter(pk=duplicate.pk).exists()


def test_the_pages_add_edit_and_retire_an_organisation(client: Client, clerk: Any) -> None:
    client.force_login(clerk)
    form = {"name": "Université de Genève", "short_name": "", "country": "CH", "stakeholder_kind": "academia"}
    assert client.post("/fr/staff/organisations/new/", form).status_code == 302
    organization = Organization.objects.get()
    assert (organization.region, organization.stakeholder_kind) == ("europe", "academia")
    again = client.post("/fr/staff/organisations/new/", form)
    assert again.status_code == 400
    assert "Université de Genève figure déjà dans la liste des organisations." in again.content.decode()
    client.post(f"/en/staff/organisations/{organization.pk}/retire/")
    organization.refresh_from_db()
    assert organization.retired_at is not None
    assert client.get(URL).json()["count"] == 0
    assert client.get(URL, {"retired": "true"}).json()["count"] == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_the_lists_have_a_fixed_number_of_queries(
    client: Client, clerk: Any, rows: int, django_assert_num_queries: Any
) -> None:
    for index in range(rows):
        OrganizationFactory(name=f"Org {index}")
    with django_assert_num_queries(2):
        assert client.get(URL).json()["count"] == rows
    client.force_login(clerk)
    client.get("/en/staff/organisations/")
    with django_assert_num_queries(7):
        page = client.get("/en/staff/organisations/").content.decode()
    assert page.count("/merge/") == rows
