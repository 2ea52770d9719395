from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.meetings.models import ActionItem
from cwgcop.meetings.services import actions as services
from tests.accounts.factories import api_key, bearer
from tests.factories import MeetingFactory, published_document
from tests.meetings.factories import action_item, outcome, person, upcoming_meeting

pytestmark = pytest.mark.django_db

URL = "/api/v1/action-items/"


def test_anyone_reads_the_register_with_filters(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    open_item = action_item(outcome(meeting), text="Open one")
    closed = action_item(outcome(meeting), text="Closed one")
    services.close_action_item(actor=None, item=closed, status="dropped", note="No longer needed")
    data = client.get(URL, {"status": "open"}).json()
    assert data["count"] == 1
    item = data["items"][0]
    assert (item["reference"], item["description"], item["due"], item["status"], item["carried_to"]) == (
        "CWG-COP-23/A1",
        "Open one",
        "the next meeting (CWG-COP-24)",
        "open",
        [],
    )
    assert client.get(f"{URL}{open_item.pk}").json()["reference"] == "CWG-COP-23/A1"
    assert client.get(f"{URL}{closed.pk}").json()["closing_note"] == "No longer needed"


def test_the_secretariat_raises_and_closes_an_item_through_the_api(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    later = MeetingFactory(body=meeting.body, number=24, status="held")
    source = outcome(meeting)
    proposal = published_document(meeting=later, symbol="CWG-COP-24/1")
    key = api_key(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    response = client.post(
        URL,
        {"outcome": source.pk, "descriptions": {"en": "Submit a proposal."}, "owner_kind": "secretariat"},
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 201
    item_id = response.json()["id"]
    response = client.post(f"{URL}{item_id}/close", {"status": "done"}, content_type="application/json", **bearer(key))
    assert (response.status_code, response.json()["code"]) == (400, "evidence_missing")
    response = client.post(
        f"{URL}{item_id}/close",
        {"status": "done", "evidence_document": "CWG-COP-24/1"},
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["evidence_document"], response.json()["closed_at_meeting"]) == (
        "done",
        proposal.symbol,
        "CWG-COP-24",
    )
    again = client.post(
        f"{URL}{item_id}/close", {"status": "dropped", "note": "x"}, content_type="application/json", **bearer(key)
    )
    assert (again.status_code, again.json()["code"]) == (409, "action_closed")


def test_a_member_cannot_raise_or_close_items_through_the_api(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    source = outcome(meeting)
    item = action_item(source)
    key = api_key(person("member", body=meeting.body, role=RoleKind.MEMBER))
    response = client.post(
        URL, {"outcome": source.pk, "descriptions": {"en": "X"}}, content_type="application/json", **bearer(key)
    )
    assert response.status_code == 403
    response = client.post(
        f"{URL}{item.pk}/close", {"status": "dropped", "note": "no"}, content_type="application/json", **bearer(key)
    )
    assert response.status_code == 403
    assert list(ActionItem.objects.values_list("status", flat=True)) == ["open"]


def test_anonymous_cannot_raise_items(client: Client) -> None:
    source = outcome(upcoming_meeting(number=23))
    response = client.post(URL, {"outcome": source.pk, "descriptions": {"en": "X"}}, content_type="application/json")
    assert response.status_code == 401
    assert ActionItem.objects.count() == 0


def test_an_unknown_outcome_answers_404(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    key = api_key(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    response = client.post(
        URL, {"outcome": 999999, "descriptions": {"en": "X"}}, content_type="application/json", **bearer(key)
    )
    assert response.status_code == 404


@pytest.mark.parametrize("rows", [1, 3])
def test_register_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    meeting = upcoming_meeting(number=31)
    for number in range(1, rows + 1):
        action_item(outcome(meeting, f"Outcome {number}"), text=f"Task {number}")
    with django_assert_num_queries(3):  # the same for 1 or 3 action items
        data = client.get(URL).json()
    assert sorted(item["description"] for item in data["items"]) == [f"Task {n}" for n in range(1, rows + 1)]
