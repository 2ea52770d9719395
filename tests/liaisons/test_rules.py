"""Liaison rights: only the sending body's secretariat drafts, edits and sends its statements (its chair approves);
the addressee's secretariat records receipt, consideration and the answer, and replies. The other side never
writes a statement, through the API or the staff pages."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.liaisons import services
from cwgcop.liaisons.models import LiaisonStatement
from cwgcop.liaisons.rules import StatementSides
from tests.accounts.factories import api_key, bearer
from tests.liaisons.factories import Bodies, bodies, incoming, outgoing, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def b() -> Bodies:
    return bodies()


@pytest.fixture
def cwg_secretariat(b: Bodies) -> Any:
    return person(b.cwg, RoleKind.SECRETARIAT, "cwgsec")


@pytest.fixture
def sg17_secretariat(b: Bodies) -> Any:
    return person(b.sg17, RoleKind.SECRETARIAT, "sg17sec")


def _post(client: Client, url: str, data: dict[str, Any], user: Any) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json", **bearer(api_key(user)))


def _draft_payload(**changes: Any) -> dict[str, Any]:
    return {
        "direction": "outgoing",
        "purpose": "comment",
        "titles": {"en": "Comments on the gap analysis"},
        "from_bodies": ["CWG-COP"],
        "to_bodies": ["itu-t-sg17"],
        **changes,
    }


def test_the_senders_secretariat_drafts_edits_and_sends(b: Bodies, cwg_secretariat: Any) -> None:
    draft = outgoing(sender=b.cwg, addressee=b.sg17)
    assert cwg_secretariat.has_perm("liaisons.manage_statement", draft)
    assert cwg_secretariat.has_perm("liaisons.manage_statement", StatementSides("outgoing", [b.cwg], [b.sg17]))


def test_the_addressees_secretariat_may_not_draft_in_the_senders_name(
    client: Client, b: Bodies, sg17_secretariat: Any
) -> None:
    assert not sg17_secretariat.has_perm("liaisons.manage_statement", StatementSides("outgoing", [b.cwg], [b.sg17]))
    response = _post(client, "/api/v1/liaisons/", _draft_payload(), sg17_secretariat)
    assert (response.status_code, response.json()["code"]) == (403, "forbidden")
    assert LiaisonStatement.objects.count() == 0


def test_the_addressees_secretariat_may_not_edit_or_send_the_senders_statement(
    client: Client, b: Bodies, sg17_secretariat: Any
) -> None:
    draft = outgoing(sender=b.cwg, addressee=b.sg17, title="Draft for SG17")
    assert not sg17_secretariat.has_perm("liaisons.manage_statement", draft)
    key = bearer(api_key(sg17_secretariat))
    edit = client.patch(
        f"/api/v1/liaisons/{draft.pk}",
        json.dumps({"titles": {"en": "Changed by SG17"}}),
        content_type="application/json",
        **key,
    )
    assert edit.status_code == 404  # a draft of another body is not even shown
    services.approve_statement(actor=None, statement=draft)
    send = client.post(f"/api/v1/liaisons/{draft.pk}/send", "{}", content_type="application/json", **key)
    assert send.status_code == 404
    draft.refresh_from_db()
    assert (draft.state, draft.title_en) == ("approved", "Draft for SG17")


def test_the_addressees_secretariat_is_refused_on_the_staff_pages_too(
    client: Client, b: Bodies, sg17_secretariat: Any
) -> None:
    draft = outgoing(sender=b.cwg, addressee=b.sg17)
    services.approve_statement(actor=None, statement=draft)
    client.force_login(sg17_secretariat)
    assert client.get(f"/en/staff/liaisons/{draft.pk}/edit/").status_code == 403
    assert client.post(f"/en/staff/liaisons/{draft.pk}/send/", {"sent_on": "2025-02-20"}).status_code == 403
    draft.refresh_from_db()
    assert draft.state == "approved"


def test_the_addressees_chair_may_not_approve(b: Bodies) -> None:
    chair = person(b.sg17, RoleKind.CHAIR, "sg17chair")
    draft = outgoing(sender=b.cwg, addressee=b.sg17)
    assert not chair.has_perm("liaisons.approve_statement", draft)


def test_moving_a_draft_into_another_bodys_name_is_refused(client: Client, b: Bodies, cwg_secretariat: Any) -> None:
    draft = outgoing(sender=b.cwg, addressee=b.sg17, title="Ours")
    response = client.patch(
        f"/api/v1/liaisons/{draft.pk}",
        json.dumps({"from_bodies": ["itu-d-sg2-q3"]}),
        content_type="application/json",
        **bearer(api_key(cwg_secretariat)),
    )
    assert response.status_code == 403
    assert [body.acronym for body in LiaisonStatement.objects.get(pk=draft.pk).from_bodies.all()] == ["CWG-COP"]


# SG17's request for input to CWG-COP, as its addressee records it.
SG17_REQUEST = {
    "direction": "incoming",
    "purpose": "action",
    "titles": {"en": "Request for input"},
    "from_bodies": ["itu-t-sg17"],
    "to_bodies": ["CWG-COP"],
    "sent_on": "2025-01-10",
    "deadline": "2025-04-30",
}


def test_the_addressee_records_receipt_and_consideration_and_replies(
    client: Client, b: Bodies, cwg_secretariat: Any
) -> None:
    received = _post(client, "/api/v1/liaisons/", SG17_REQUEST, cwg_secretariat)
    assert received.status_code == 201, received.json()
    statement = LiaisonStatement.objects.get()
    assert cwg_secretariat.has_perm("liaisons.manage_statement", statement)
    reply = _post(
        client,
        "/api/v1/liaisons/",
        _draft_payload(titles={"en": "Our input"}, reply_to=statement.pk),
        cwg_secretariat,
    )
    assert reply.status_code == 201, reply.json()


def test_the_sender_may_not_record_receipt_or_consideration_in_the_addressees_name(
    client: Client, b: Bodies, sg17_secretariat: Any
) -> None:
    assert _post(client, "/api/v1/liaisons/", SG17_REQUEST, sg17_secretariat).status_code == 403
    statement = incoming(sender=b.sg17, addressee=b.cwg, title="Request")
    assert not sg17_secretariat.has_perm("liaisons.manage_statement", statement)
    noted = client.post(
        f"/api/v1/liaisons/{statement.pk}/note",
        "{}",
        content_type="application/json",
        **bearer(api_key(sg17_secretariat)),
    )
    assert noted.status_code == 403
    assert LiaisonStatement.objects.get(pk=statement.pk).state == "received"
