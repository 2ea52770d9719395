from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import Registration
from tests.accounts.factories import api_key, bearer
from tests.meetings.factories import person, register, upcoming_meeting

pytestmark = pytest.mark.django_db

URL = "/api/v1/registrations/"
PAYLOAD = {
    "body": "cwg-cop",
    "number": 23,
    "mode": "remote",
    "organization": "Ministry of ICT",
    "country": "CN",
    "stakeholder_kind": "member-state",
    "accessibility_needs": "Captioning",
}


def _post(client: Client, key: str | None, payload: dict[str, object]) -> object:
    headers = bearer(key) if key else {}
    return client.post(URL, payload, content_type="application/json", **headers)


def test_registering_through_the_api(client: Client) -> None:
    upcoming_meeting(number=23, remote_link="https://meet.example.org/r", remote_link_private=True)
    user = person("ada")
    response = _post(client, api_key(user), PAYLOAD)
    registration = Registration.objects.get()
    assert response.status_code == 201
    data = response.json()
    del data["created_at"]
    assert data == {
        "id": registration.pk,
        "meeting": "CWG-COP-23",
        "mode": "remote",
        "organization": "Ministry of ICT",
        "country": "CN",
        "region": "asia-pacific",
        "stakeholder_kind": "member-state",
        "accessibility_needs": "Captioning",
        "status": "registered",
        "remote_link": "https://meet.example.org/r",
        "url": f"{settings.SITE_URL}/en/meetings/registrations/{registration.pk}/",
    }
    assert AuditEntry.objects.get(action="registration.create").actor == user


def test_anonymous_cannot_register_through_the_api(client: Client) -> None:
    upcoming_meeting(number=23)
    response = _post(client, None, PAYLOAD)
    assert response.status_code == 401
    assert Registration.objects.count() == 0


def test_a_duplicate_registration_answers_409(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    user = person("ada")
    register(meeting, user)
    response = _post(client, api_key(user), PAYLOAD)
    assert response.status_code == 409
    assert response.json() == {
        "detail": "You are already registered for CWG-COP-23.",
        "code": "registration_duplicate",
    }
    assert Registration.objects.count() == 1


def test_registration_for_a_closed_meeting_answers_409_in_the_callers_language(client: Client) -> None:
    upcoming_meeting(number=23, status="held")
    key = api_key(person("ada"))
    response = _post(client, key, PAYLOAD)
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Registration for CWG-COP-23 is closed: the meeting has been held.",
        "code": "registration_closed",
    }
    chinese = client.post(URL, PAYLOAD, content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh-hans", **bearer(key))
    assert chinese.json()["detail"] == "CWG-COP-23的注册已关闭：会议已经举行。"
    assert Registration.objects.count() == 0


def test_bad_input_answers_400_with_the_field(client: Client) -> None:
    upcoming_meeting(number=23)
    response = _post(client, api_key(person("ada")), {**PAYLOAD, "country": "XX"})
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "country", "message": "Choose a country from the list."}]
    assert Registration.objects.count() == 0


def test_an_unknown_meeting_answers_404(client: Client) -> None:
    response = _post(client, api_key(person("ada")), PAYLOAD)
    assert response.status_code == 404


def test_a_person_lists_and_reads_only_their_own_registrations(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    ada, eve = person("ada"), person("eve")
    mine = register(meeting, ada)
    theirs = register(meeting, eve)
    key = api_key(ada)
    assert [r["id"] for r in client.get(URL, **bearer(key)).json()] == [mine.pk]
    assert client.get(f"{URL}{mine.pk}", **bearer(key)).status_code == 200
    assert client.get(f"{URL}{theirs.pk}", **bearer(key)).status_code == 404
    assert client.post(f"{URL}{theirs.pk}/cancel", **bearer(key)).status_code == 404
    assert Registration.objects.get(pk=theirs.pk).status == "registered"


def test_cancelling_through_the_api(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    ada = person("ada")
    mine = register(meeting, ada)
    response = client.post(f"{URL}{mine.pk}/cancel", **bearer(api_key(ada)))
    assert (response.status_code, response.json()["status"], response.json()["remote_link"]) == (200, "cancelled", "")
    again = client.post(f"{URL}{mine.pk}/cancel", **bearer(api_key(ada, name="second")))
    assert (again.status_code, again.json()["code"]) == (409, "registration_cancelled")


def test_the_secretariat_reads_registrations_of_its_body(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    registration = register(meeting, person("ada"))
    secretary = person("sec", body=meeting.body, role=RoleKind.SECRETARIAT)
    assert client.get(f"{URL}{registration.pk}", **bearer(api_key(secretary))).status_code == 200


def test_the_write_endpoints_are_in_the_openapi_schema_with_token_auth(client: Client) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path, method in [
        ("/api/v1/registrations/", "post"),
        ("/api/v1/registrations/{registration_id}/cancel", "post"),
        ("/api/v1/outcomes/", "post"),
        ("/api/v1/action-items/", "post"),
        ("/api/v1/action-items/{item_id}/close", "post"),
    ]:
        assert paths[path][method]["security"] == [{"ApiTokenAuth": []}], path
    assert "security" not in paths["/api/v1/outcomes/"]["get"]
    assert "security" not in paths["/api/v1/action-items/"]["get"]


@pytest.mark.parametrize("rows", [1, 3])
def test_registration_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    body = upcoming_meeting(number=30).body
    ines = person("ines")
    for number in range(31, 31 + rows):
        register(upcoming_meeting(number=number, body=body), ines)
    key = bearer(api_key(ines))
    with django_assert_num_queries(4):  # the same for 1 or 3 registrations
        data = client.get(URL, **key).json()
    assert len(data) == rows
