from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.models import AuditEntry
from cwgcop.documents import services as document_services
from cwgcop.liaisons import services
from cwgcop.liaisons.models import LiaisonStatement, Milestone
from tests.accounts.factories import api_key, bearer
from tests.factories import MeetingFactory, published_document
from tests.liaisons.factories import Bodies, bodies, incoming, outgoing, person, sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def b() -> Bodies:
    return bodies()


@pytest.fixture
def secretariat_key(b: Bodies) -> dict[str, str]:
    return bearer(api_key(person(b.cwg, RoleKind.SECRETARIAT, "sec")))


def _post(client: Client, url: str, data: dict[str, Any], headers: dict[str, str]) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json", **headers)


def test_list_filters_like_the_register(client: Client, b: Bodies) -> None:
    question = incoming(sender=b.sg2, addressee=b.cwg, title="Question")
    sent(outgoing(sender=b.cwg, addressee=b.sg2, title="Answer", reply_to=question))
    outgoing(sender=b.cwg, addressee=b.sg17, title="Draft")
    data = client.get("/api/v1/liaisons/").json()
    assert (data["count"], [i["title"] for i in data["items"]]) == (2, ["Answer", "Question"])
    outgoing_only = client.get("/api/v1/liaisons/?direction=outgoing&body=itu-d-sg2-q3").json()
    assert [(i["title"], i["from_bodies"], i["to_bodies"], i["state"]) for i in outgoing_only["items"]] == [
        ("Answer", ["CWG-COP"], ["ITU-D SG2 Q3/2"], "sent")
    ]
    assert client.get("/api/v1/liaisons/?year=2023").json()["count"] == 0
    refused = client.get("/api/v1/liaisons/?state=draft")
    assert (refused.status_code, refused.json()["code"], refused.json()["errors"][0]["field"]) == (
        400,
        "invalid",
        "state",
    )


def test_detail_carries_attachments_contacts_and_the_conversation(client: Client, b: Bodies) -> None:
    document = published_document(body=b.cwg, symbol="CWG-COP-21/LS/1", languages=("en", "zh-hans"))
    question = incoming(
        sender=b.sg2,
        addressee=b.cwg,
        title="Question",
        attachments=[document],
        contacts=[services.Contact(name="Rapporteur", email="r@example.org")],
    )
    answer = sent(outgoing(sender=b.cwg, addressee=b.sg2, title="Answer", reply_to=question))
    data = client.get(f"/api/v1/liaisons/{answer.pk}").json()
    assert data["reply_to"] == question.pk
    assert data["thread"] == question.pk
    assert [(m["id"], m["title"]) for m in data["conversation"]] == [(question.pk, "Question"), (answer.pk, "Answer")]
    question_data = client.get(f"/api/v1/liaisons/{question.pk}").json()
    assert question_data["attachments"][0]["symbol"] == "CWG-COP-21/LS/1"
    assert question_data["attachments"][0]["languages"] == ["zh-hans", "en"]
    assert question_data["contacts"] == [{"name": "Rapporteur", "email": "r@example.org"}]
    assert question_data["url"] == f"http://testserver/en/liaisons/{question.pk}/"


def test_draft_is_not_readable_through_the_public_api(client: Client, b: Bodies) -> None:
    draft = outgoing(sender=b.cwg, addressee=b.sg2)
    assert client.get(f"/api/v1/liaisons/{draft.pk}").status_code == 404


def test_secretariat_records_an_incoming_statement_with_a_token(
    client: Client, b: Bodies, secretariat_key: dict[str, str]
) -> None:
    published_document(body=b.cwg, symbol="CWG-COP-22/LS/1")
    response = _post(
        client,
        "/api/v1/liaisons/",
        {
            "direction": "incoming",
            "purpose": "action",
            "titles": {"en": "Request", "zh-hans": "请求"},
            "from_bodies": ["itu-d-sg2-q3"],
            "to_bodies": ["CWG-COP"],
            "sent_on": "2025-01-10",
            "deadline": "2025-03-31",
            "attachments": ["CWG-COP-22/LS/1"],
            "contacts": [{"name": "Rapporteur", "email": "r@example.org"}],
        },
        secretariat_key,
    )
    assert response.status_code == 201
    data = response.json()
    assert (data["state"], data["titles"], data["deadline"]) == (
        "received",
        {"zh-hans": "请求", "en": "Request"},
        "2025-03-31",
    )
    statement = LiaisonStatement.objects.get()
    assert AuditEntry.objects.get(action="liaison.create", object_id=str(statement.pk)).actor.username == "sec"


def test_writes_need_a_token_and_the_role(client: Client, b: Bodies) -> None:
    payload = {
        "direction": "incoming",
        "purpose": "information",
        "titles": {"en": "Request"},
        "from_bodies": ["itu-d-sg2-q3"],
        "to_bodies": ["cwg-cop"],
        "sent_on": "2025-01-10",
    }
    assert _post(client, "/api/v1/liaisons/", payload, {}).status_code == 401
    member = bearer(api_key(person(b.cwg, RoleKind.MEMBER, "member")))
    response = _post(client, "/api/v1/liaisons/", payload, member)
    assert (response.status_code, response.json()["detail"]) == (403, "You do not have permission to do this.")
    assert LiaisonStatement.objects.count() == 0


def test_reply_to_a_missing_statement_is_a_bad_request(
    client: Client, b: Bodies, secretariat_key: dict[str, str]
) -> None:
    response = _post(
        client,
        "/api/v1/liaisons/",
        {
            "direction": "outgoing",
            "purpose": "comment",
            "titles": {"en": "Reply"},
            "from_bodies": ["cwg-cop"],
            "to_bodies": ["itu-d-sg2-q3"],
            "reply_to": 777,
        },
        secretariat_key,
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "There is no liaison statement number 777 to reply to.",
        "code": "reply_to_missing",
    }
    assert LiaisonStatement.objects.count() == 0


def test_draft_attachment_is_refused_in_the_readers_language(
    client: Client, b: Bodies, secretariat_key: dict[str, str]
) -> None:
    document_services.create_document(
        actor=None, body=b.cwg, kind="liaison-statement", symbol="CWG-COP-22/LS/7", titles={"en": "Draft"}
    )
    response = _post(
        client,
        "/api/v1/liaisons/",
        {
            "direction": "incoming",
            "purpose": "information",
            "titles": {"en": "With a draft"},
            "from_bodies": ["itu-d-sg2-q3"],
            "to_bodies": ["cwg-cop"],
            "sent_on": "2025-01-10",
            "attachments": ["CWG-COP-22/LS/7"],
        },
        {**secretariat_key, "HTTP_ACCEPT_LANGUAGE": "zh-hans"},
    )
    assert response.status_code == 400
    assert response.json()["detail"] == "CWG-COP-22/LS/7尚未发布：此处只能使用档案中已发布的文件。"
    assert LiaisonStatement.objects.count() == 0


def test_send_before_approval_is_a_conflict_then_chair_approves(
    client: Client, b: Bodies, secretariat_key: dict[str, str]
) -> None:
    draft = outgoing(sender=b.cwg, addressee=b.sg2)
    response = _post(client, f"/api/v1/liaisons/{draft.pk}/send", {"sent_on": "2025-02-20"}, secretariat_key)
    assert (response.status_code, response.json()["code"]) == (409, "not_approved")
    assert _post(client, f"/api/v1/liaisons/{draft.pk}/approve", {}, secretariat_key).status_code == 403
    chair = bearer(api_key(person(b.cwg, RoleKind.CHAIR, "chair")))
    assert _post(client, f"/api/v1/liaisons/{draft.pk}/approve", {}, chair).json()["state"] == "approved"
    response = _post(client, f"/api/v1/liaisons/{draft.pk}/send", {"sent_on": "2025-02-20"}, secretariat_key)
    assert (response.status_code, response.json()["sent_on"]) == (200, "2025-02-20")


def test_consider_and_note_through_the_api(client: Client, b: Bodies, secretariat_key: dict[str, str]) -> None:
    statement = incoming(sender=b.sg2, addressee=b.cwg)
    MeetingFactory(body=b.cwg, number=21)
    response = _post(
        client,
        f"/api/v1/liaisons/{statement.pk}/consider",
        {"meeting": {"body": "cwg-cop", "number": 21}},
        secretariat_key,
    )
    assert (response.status_code, response.json()["meeting"]) == (200, "CWG-COP-21")
    assert _post(client, f"/api/v1/liaisons/{statement.pk}/note", {}, secretariat_key).json()["state"] == "noted"
    unknown = _post(
        client,
        f"/api/v1/liaisons/{statement.pk}/consider",
        {"meeting": {"body": "cwg-cop", "number": 99}},
        secretariat_key,
    )
    assert unknown.json()["detail"] == "There is no meeting 99 of cwg-cop."


def test_patch_clears_the_deadline_only_when_asked(client: Client, b: Bodies, secretariat_key: dict[str, str]) -> None:
    statement = incoming(sender=b.sg2, addressee=b.cwg, deadline=datetime.date(2024, 12, 1))
    url = f"/api/v1/liaisons/{statement.pk}"
    response = client.patch(url, json.dumps({"reference": "LS-9"}), content_type="application/json", **secretariat_key)
    assert (response.json()["reference"], response.json()["deadline"]) == ("LS-9", "2024-12-01")
    response = client.patch(url, json.dumps({"deadline": None}), content_type="application/json", **secretariat_key)
    assert response.json()["deadline"] is None


def test_deliverables_with_their_milestones(client: Client, b: Bodies, secretariat_key: dict[str, str]) -> None:
    response = _post(
        client,
        "/api/v1/deliverables/",
        {"owner": "cwg-cop", "titles": {"en": "Gap analysis report"}},
        secretariat_key,
    )
    assert (response.status_code, response.json()["slug"]) == (201, "gap-analysis-report")
    response = _post(
        client,
        "/api/v1/deliverables/gap-analysis-report/milestones",
        {"titles": {"en": "ITU-T SG17"}, "body": "itu-t-sg17", "due_date": "2025-04-01"},
        secretariat_key,
    )
    assert [(m["position"], m["body"], m["status"]) for m in response.json()["milestones"]] == [
        (1, "ITU-T SG17", "planned")
    ]
    milestone = Milestone.objects.get()
    draft = document_services.create_document(
        actor=None, body=b.cwg, kind="report", symbol="CG-COP/2", titles={"en": "Draft report"}
    )
    url = f"/api/v1/deliverables/gap-analysis-report/milestones/{milestone.pk}"
    refused = client.patch(
        url,
        json.dumps({"status": "achieved", "document": draft.symbol}),
        content_type="application/json",
        **secretariat_key,
    )
    assert (refused.status_code, refused.json()["code"]) == (400, "document_not_published")
    report = published_document(body=b.cwg, symbol="CG-COP/3")
    done = client.patch(
        url,
        json.dumps({"status": "achieved", "document": report.symbol, "achieved_on": "2025-04-20"}),
        content_type="application/json",
        **secretariat_key,
    ).json()
    assert (done["status"], done["document"], done["achieved_on"]) == ("achieved", "CG-COP/3", "2025-04-20")
    public = client.get("/api/v1/deliverables/").json()
    assert (public["count"], public["items"][0]["status"]) == (1, "completed")
    assert client.get("/api/v1/deliverables/gap-analysis-report").json()["milestones"][0]["document"] == "CG-COP/3"


@pytest.mark.parametrize("rows", [1, 3])
def test_list_runs_a_fixed_number_of_queries(client: Client, b: Bodies, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    for number in range(1, rows + 1):
        incoming(sender=b.sg2, addressee=b.cwg, title=f"Question {number}", texts={"en": "Views?", "fr": "Avis ?"})
    with django_assert_num_queries(4):  # the same for 1 or 3 statements
        data = client.get("/api/v1/liaisons/").json()
    assert [(item["from_bodies"], item["to_bodies"]) for item in data["items"]] == [
        (["ITU-D SG2 Q3/2"], ["CWG-COP"])
    ] * rows


@pytest.mark.parametrize("rows", [1, 3])
def test_deliverables_list_runs_a_fixed_number_of_queries(  # type: ignore[no-untyped-def]
    client: Client, b: Bodies, django_assert_num_queries, rows: int
) -> None:
    for number in range(1, rows + 1):
        deliverable = services.create_deliverable(actor=None, owner=b.cwg, titles={"en": f"Toolkit {number}"})
        services.add_milestone(actor=None, deliverable=deliverable, titles={"en": "Review"}, body=b.sg17)
        services.add_milestone(actor=None, deliverable=deliverable, titles={"en": "Adoption"}, body=b.sg2)
    with django_assert_num_queries(3):  # the same for 1 or 3 deliverables
        data = client.get("/api/v1/deliverables/").json()
    assert [len(item["milestones"]) for item in data["items"]] == [2] * rows
