from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import Outcome
from tests.accounts.factories import api_key, bearer
from tests.factories import BodyFactory, published_document
from tests.meetings.factories import action_item, outcome, person, upcoming_meeting

pytestmark = pytest.mark.django_db

URL = "/api/v1/outcomes/"


def _payload(**overrides: object) -> dict[str, object]:
    return {
        "body": "cwg-cop",
        "number": 23,
        "kind": "approved",
        "texts": {"en": "The series was approved.", "zh-hans": "会议批准了该系列活动。"},
        "documents": ["CWG-COP-23/1"],
        "bodies": ["ITU-T SG17"],
        **overrides,
    }


def test_anyone_reads_a_meetings_outcomes_in_order(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    first = outcome(meeting, "First", kind="welcomed")
    action_item(first)
    outcome(meeting, "Second", kind="noted")
    data = client.get(URL, {"body": "cwg-cop", "number": 23}).json()
    assert [(o["position"], o["kind"], o["text"], o["action_items"]) for o in data] == [
        (1, "welcomed", "First", ["CWG-COP-23/A1"]),
        (2, "noted", "Second", []),
    ]
    assert client.get(f"{URL}{first.pk}").json()["texts"] == {"en": "First"}


def test_the_secretariat_records_an_outcome_through_the_api(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    published_document(meeting=meeting, symbol="CWG-COP-23/1")
    BodyFactory(acronym="ITU-T SG17", slug="itu-t-sg17")
    secretary = person("sec", body=meeting.body, role=RoleKind.SECRETARIAT)
    response = client.post(URL, _payload(), content_type="application/json", **bearer(api_key(secretary)))
    assert response.status_code == 201
    data = response.json()
    assert (data["kind"], data["texts"], data["documents"], data["bodies"]) == (
        "approved",
        {"zh-hans": "会议批准了该系列活动。", "en": "The series was approved."},
        ["CWG-COP-23/1"],
        ["ITU-T SG17"],
    )
    assert AuditEntry.objects.get(action="outcome.create").actor == secretary


@pytest.mark.parametrize("role", [RoleKind.MEMBER, RoleKind.CHAIR, None])
def test_a_member_cannot_record_outcomes_through_the_api(client: Client, role: RoleKind | None) -> None:
    meeting = upcoming_meeting(number=23)
    user = person("someone", body=meeting.body if role else None, role=role)
    response = client.post(
        URL, _payload(documents=[], bodies=[]), content_type="application/json", **bearer(api_key(user))
    )
    assert response.status_code == 403
    assert Outcome.objects.count() == 0


def test_anonymous_cannot_record_outcomes(client: Client) -> None:
    upcoming_meeting(number=23)
    response = client.post(URL, _payload(documents=[], bodies=[]), content_type="application/json")
    assert response.status_code == 401
    assert Outcome.objects.count() == 0


def test_an_unknown_document_or_kind_answers_400_and_writes_nothing(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    key = api_key(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    response = client.post(URL, _payload(bodies=[]), content_type="application/json", **bearer(key))
    assert (response.status_code, response.json()["detail"]) == (400, "No published document CWG-COP-23/1.")
    response = client.post(
        URL, _payload(kind="decided", documents=[], bodies=[]), content_type="application/json", **bearer(key)
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["kind"]
    assert Outcome.objects.count() == 0


@pytest.mark.parametrize("rows", [1, 3])
def test_outcome_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    meeting = upcoming_meeting(number=31)
    for number in range(1, rows + 1):
        document = published_document(meeting=meeting, symbol=f"CWG-COP-31/{number}")
        action_item(outcome(meeting, f"Outcome {number}", documents=[document]))
    with django_assert_num_queries(5):  # the same for 1 or 3 outcomes
        data = client.get(URL, {"body": "cwg-cop", "number": 31}).json()
    assert [(len(o["documents"]), len(o["action_items"])) for o in data] == [(1, 1)] * rows
