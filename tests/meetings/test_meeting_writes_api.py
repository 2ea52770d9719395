"""Creating and changing meetings and their officers through the write API (the body's secretariat)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import Meeting, MeetingOfficer
from tests.accounts.factories import api_key, bearer
from tests.factories import BodyFactory, MeetingFactory, OrganizationFactory, UserFactory, member, secretariat

pytestmark = pytest.mark.django_db

URL = "/api/v1/meetings/"


@pytest.fixture
def body() -> Any:
    return BodyFactory(acronym="EG-DIG", slug="eg-dig", symbol_prefix="EGD", name_en="Expert group on digital skills")


def _payload(**overrides: Any) -> dict[str, Any]:
    return {
        "body": "eg-dig",
        "number": 7,
        "start_date": "2031-05-12",
        "end_date": "2031-05-13",
        "venues": {"en": "Nairobi", "fr": "Nairobi (Kenya)"},
        "format": "hybrid",
        "remote_link": "https://meet.example.net/egd-7",
        "status": "open",
        **overrides,
    }


def _post(client: Client, key: str, payload: dict[str, Any], **extra: Any) -> Any:
    return client.post(URL, payload, content_type="application/json", **bearer(key), **extra)


def _written() -> tuple[int, int, int]:
    return Meeting.objects.count(), MeetingOfficer.objects.count(), AuditEntry.objects.count()


def test_the_secretariat_creates_a_meeting_with_its_officers(client: Client, body: Any) -> None:
    clerk = secretariat(body, username="clerk")
    chair = UserFactory(username="wanjiru", email="wanjiru@example.ke")
    kenya = OrganizationFactory(name="Communications Authority of Kenya", country="KE")
    officers = [
        {"role": "chair", "email": "Wanjiru@example.ke", "country": "KE", "organization": kenya.pk},
        {"role": "vice-chair", "name": "Tomás Herrera", "country": "UY"},
    ]
    response = _post(client, api_key(clerk), _payload(officers=officers))
    assert response.status_code == 201
    data = response.json()
    assert (data["code"], data["start_date"], data["venue"], data["status"]) == (
        "EGD-7",
        "2031-05-12",
        "Nairobi",
        "open",
    )
    assert data["remote_link"] == ""  # private by default: only registered participants see it
    assert data["officers"] == [
        {"role": "chair", "name": "wanjiru@example.ke", "country": "KE", "organization": kenya.name},
        {"role": "vice-chair", "name": "Tomás Herrera", "country": "UY", "organization": ""},
    ]
    meeting = Meeting.objects.get()
    assert (meeting.remote_link, meeting.remote_link_private) == ("https://meet.example.net/egd-7", True)
    assert [o.user for o in meeting.officers.all()] == [chair, None]
    actions = list(AuditEntry.objects.filter(actor=clerk).order_by("id").values_list("action", flat=True))
    assert actions[-2:] == ["meeting.create", "meeting.officers.set"]


def test_the_officers_are_in_the_public_meeting_api(client: Client, body: Any) -> None:
    _post(client, api_key(secretariat(body)), _payload(officers=[{"role": "chair", "name": "Amina Diallo"}]))
    data = client.get(f"{URL}eg-dig/7").json()
    assert data["officers"] == [{"role": "chair", "name": "Amina Diallo", "country": "", "organization": ""}]


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"end_date": "2031-05-11"}, 400, "end_before_start"),
        ({"number": 0}, 400, "invalid"),
        ({"start_date": "12/05/2031"}, 400, "invalid"),
        ({"format": "on-a-boat"}, 400, "format_invalid"),
        ({"status": "postponed"}, 400, "status_invalid"),
        ({"remote_link": "not a link"}, 400, "remote_link_invalid"),
        ({"officers": [{"role": "chair"}]}, 400, "officer_missing"),
        ({"officers": [{"role": "chair", "name": "A"}, {"role": "chair", "name": "B"}]}, 400, "officer_two_chairs"),
        ({"officers": [{"role": "chair", "email": "nobody@example.org"}]}, 400, "officer_unknown"),
        ({"officers": [{"role": "chair", "name": "A", "country": "XX"}]}, 400, "country_invalid"),
    ],
)
def test_bad_input_writes_nothing(client: Client, body: Any, change: dict[str, Any], status: int, code: str) -> None:
    key = api_key(secretariat(body))
    before = _written()
    response = _post(client, key, _payload(**change))
    assert (response.status_code, response.json()["code"]) == (status, code)
    assert _written() == before


def test_end_before_start_is_explained_in_the_readers_language(client: Client, body: Any) -> None:
    response = _post(client, api_key(secretariat(body)), _payload(end_date="2031-05-11"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert response.json()["detail"] == "La réunion ne peut pas se terminer avant d'avoir commencé."


def test_a_duplicate_meeting_number_is_409(client: Client, body: Any) -> None:
    MeetingFactory(body=body, number=7)
    key = api_key(secretariat(body))
    before = _written()
    response = _post(client, key, _payload())
    assert (response.status_code, response.json()["code"]) == (409, "number_taken")
    assert response.json()["detail"] == "EG-DIG already has a meeting number 7."
    assert _written() == before


def test_401_403_404(client: Client, body: Any) -> None:
    other = BodyFactory(acronym="EG-OTHER", slug="eg-other")
    MeetingFactory(body=body, number=3)
    outsider, someone = api_key(secretariat(other, username="outsider")), api_key(member("someone"))
    before = _written()
    assert client.post(URL, _payload(), content_type="application/json").status_code == 401
    for key in (outsider, someone):
        assert _post(client, key, _payload()).status_code == 403
        patch = client.patch(f"{URL}eg-dig/3", {"venues": {"en": "X"}}, content_type="application/json", **bearer(key))
        assert patch.status_code == 403
        status = client.post(
            f"{URL}eg-dig/3/status", {"status": "held"}, content_type="application/json", **bearer(key)
        )
        assert status.status_code == 403
        officers = client.put(f"{URL}eg-dig/3/officers", [], content_type="application/json", **bearer(key))
        assert officers.status_code == 403
    assert _post(client, outsider, _payload(body="no-such-body")).status_code == 404
    missing = client.patch(f"{URL}eg-dig/99", {}, content_type="application/json", **bearer(outsider))
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    assert _written() == before


def test_the_secretariat_changes_a_meeting_its_status_and_its_officers(client: Client, body: Any) -> None:
    meeting = MeetingFactory(body=body, number=3, status="planned", remote_link="https://old.example.net")
    key = api_key(secretariat(body))
    changed = client.patch(
        f"{URL}eg-dig/3",
        {"venues": {"en": "Kigali"}, "end_date": "2024-10-02", "remote_link_private": False},
        content_type="application/json",
        **bearer(key),
    ).json()
    assert (changed["venue"], changed["end_date"], changed["remote_link"]) == (
        "Kigali",
        "2024-10-02",
        "https://old.example.net",
    )
    status = client.post(f"{URL}eg-dig/3/status", {"status": "held"}, content_type="application/json", **bearer(key))
    assert (status.status_code, status.json()["status"]) == (200, "held")
    bad = client.post(f"{URL}eg-dig/3/status", {"status": "gone"}, content_type="application/json", **bearer(key))
    assert (bad.status_code, bad.json()["code"]) == (400, "status_invalid")
    officers = [{"role": "vice-chair", "name": "Li Wei", "country": "CN"}, {"role": "chair", "name": "Ana Souza"}]
    data = client.put(f"{URL}eg-dig/3/officers", officers, content_type="application/json", **bearer(key)).json()
    assert [(o["role"], o["name"]) for o in data["officers"]] == [("vice-chair", "Li Wei"), ("chair", "Ana Souza")]
    cleared = client.put(f"{URL}eg-dig/3/officers", [], content_type="application/json", **bearer(key)).json()
    assert cleared["officers"] == []
    meeting.refresh_from_db()
    assert (meeting.status, meeting.end_date, meeting.venue_en) == ("held", datetime.date(2024, 10, 2), "Kigali")


@pytest.mark.parametrize("rows", [1, 3])
def test_the_meeting_list_has_a_fixed_number_of_queries(
    client: Client, body: Any, rows: int, django_assert_num_queries: Any
) -> None:
    for number in range(1, rows + 1):
        meeting = MeetingFactory(body=body, number=number)
        MeetingOfficer.objects.create(meeting=meeting, role="chair", name=f"Chair {number}")
    with django_assert_num_queries(3):  # count, meetings with bodies, officers
        data = client.get(URL, {"body": "eg-dig"}).json()
    assert [m["officers"][0]["name"] for m in data["items"]] == [f"Chair {n}" for n in range(rows, 0, -1)]
