from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.models import AuditEntry
from cwgcop.documents import services as document_services
from cwgcop.liaisons import services
from cwgcop.liaisons.models import Deliverable, LiaisonStatement, Milestone
from tests.factories import MeetingFactory, published_document
from tests.liaisons.factories import Bodies, bodies, incoming, outgoing, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def b() -> Bodies:
    return bodies()


@pytest.fixture
def secretariat(client: Client, b: Bodies) -> Client:
    client.force_login(person(b.cwg, RoleKind.SECRETARIAT, "sec"))
    return client


@pytest.fixture
def chair_client(b: Bodies) -> Client:
    other = Client()
    other.force_login(person(b.cwg, RoleKind.CHAIR, "chair"))
    return other


def _assert_nothing_stored(response: Any, reason: str) -> None:
    """The statement form came back (400) giving ``reason``, and no statement was stored."""
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert LiaisonStatement.objects.count() == 0


def _incoming_form(b: Bodies, **changes: Any) -> dict[str, Any]:
    data = {
        "purpose": "action",
        "from_bodies": [b.sg2.pk],
        "to_bodies": [b.cwg.pk],
        "title_en": "Request for input on helplines",
        "title_zh_hans": "关于求助热线的征求意见",
        "text_en": "Please send your views.",
        "sent_on": "2025-01-10",
        "deadline": "2025-03-31",
        "reference": "SG2-LS12",
        "attachments": "",
        "contacts": "Rapporteur Q3/2 <q3@example.org>",
        "reply_to": "",
        "original_language": "en",
    }
    data.update(changes)
    return data


def test_liaison_desk_needs_a_login_and_a_role(client: Client, b: Bodies) -> None:
    response = client.get("/en/staff/liaisons/")
    assert (response.status_code, response["Location"]) == (302, "/en/account/login/?next=/en/staff/liaisons/")
    client.force_login(person(b.cwg, RoleKind.MEMBER, "member"))
    assert client.get("/en/staff/liaisons/").status_code == 403
    assert client.post("/en/staff/liaisons/new/incoming/", _incoming_form(b)).status_code == 403
    assert LiaisonStatement.objects.count() == 0


def test_liaison_desk_needs_two_factor_authentication(client: Client, b: Bodies) -> None:
    client.force_login(person(b.cwg, RoleKind.SECRETARIAT, "sec", totp=False))
    response = client.get("/en/staff/liaisons/")
    assert (response.status_code, response["Location"]) == (302, "/en/account/2fa/totp/activate/")
    assert client.post("/en/staff/liaisons/new/incoming/", _incoming_form(b)).status_code == 403
    assert LiaisonStatement.objects.count() == 0


def test_secretariat_records_an_incoming_statement(secretariat: Client, b: Bodies) -> None:
    published_document(body=b.cwg, symbol="CWG-COP-22/LS/1")
    response = secretariat.post("/en/staff/liaisons/new/incoming/", _incoming_form(b, attachments="cwg-cop-22/ls/1\n"))
    statement = LiaisonStatement.objects.get()
    assert (response.status_code, response["Location"]) == (302, f"/en/staff/liaisons/{statement.pk}/")
    assert (statement.direction, statement.state, statement.purpose) == ("incoming", "received", "action")
    assert (statement.sent_on, statement.deadline) == (datetime.date(2025, 1, 10), datetime.date(2025, 3, 31))
    assert statement.title_zh_hans == "关于求助热线的征求意见"
    assert [d.symbol for d in statement.attachments.all()] == ["CWG-COP-22/LS/1"]
    assert [(c.name, c.email) for c in statement.contacts.all()] == [("Rapporteur Q3/2", "q3@example.org")]
    assert AuditEntry.objects.get(action="liaison.create").actor.username == "sec"
    page = secretariat.get(f"/en/staff/liaisons/{statement.pk}/").content.decode()
    assert "Record as considered" in page


def test_secretariat_working_in_chinese_keeps_each_language_in_its_column(secretariat: Client, b: Bodies) -> None:
    response = secretariat.post(
        "/zh-hans/staff/liaisons/new/incoming/",
        _incoming_form(
            b, title_en="Request", title_zh_hans="请求", text_en="Views, please.", text_zh_hans="请提意见。"
        ),
    )
    statement = LiaisonStatement.objects.get()
    assert response.status_code == 302
    assert (statement.title_en, statement.title_zh_hans, statement.title_fr) == ("Request", "请求", "")
    assert (statement.text_en, statement.text_zh_hans, statement.text_fr) == ("Views, please.", "请提意见。", "")


def test_reply_to_a_statement_that_does_not_exist_shows_the_reason(secretariat: Client, b: Bodies) -> None:
    response = secretariat.post(
        "/en/staff/liaisons/new/outgoing/",
        {
            "purpose": "comment",
            "from_bodies": [b.cwg.pk],
            "to_bodies": [b.sg2.pk],
            "title_en": "Reply",
            "reply_to": "4242",
            "original_language": "en",
        },
    )
    _assert_nothing_stored(response, "There is no liaison statement number 4242 to reply to.")


def test_deadline_before_the_sent_date_shows_the_reason(secretariat: Client, b: Bodies) -> None:
    response = secretariat.post("/en/staff/liaisons/new/incoming/", _incoming_form(b, deadline="2025-01-01"))
    _assert_nothing_stored(
        response, "The deadline (1 January 2025) cannot be before the date the statement was sent (10 January 2025)."
    )


def test_draft_attachment_shows_the_reason_in_chinese(secretariat: Client, b: Bodies) -> None:
    document_services.create_document(
        actor=None, body=b.cwg, kind="liaison-statement", symbol="CWG-COP-22/LS/5", titles={"en": "Unpublished"}
    )
    response = secretariat.post(
        "/zh-hans/staff/liaisons/new/incoming/", _incoming_form(b, attachments="CWG-COP-22/LS/5")
    )
    _assert_nothing_stored(response, "CWG-COP-22/LS/5尚未发布：此处只能使用档案中已发布的文件。")


def test_unknown_attachment_symbol_is_named(secretariat: Client, b: Bodies) -> None:
    response = secretariat.post("/en/staff/liaisons/new/incoming/", _incoming_form(b, attachments="NOPE/1"))
    assert response.status_code == 400
    assert "No document of the archive has the symbol NOPE/1." in response.content.decode()


def test_reply_form_goes_back_the_way_the_statement_came(secretariat: Client, b: Bodies) -> None:
    question = incoming(sender=b.sg2, addressee=b.cwg)
    form = secretariat.get(f"/en/staff/liaisons/new/outgoing/?reply_to={question.pk}").context["form"]
    assert form.initial["reply_to"] == question.pk
    assert form.initial["from_bodies"] == [b.cwg]
    assert form.initial["to_bodies"] == [b.sg2]


def test_only_the_chair_approves_and_the_secretariat_sends(
    secretariat: Client, chair_client: Client, b: Bodies
) -> None:
    draft = outgoing(sender=b.cwg, addressee=b.sg2)
    assert secretariat.post(f"/en/staff/liaisons/{draft.pk}/approve/").status_code == 403
    response = secretariat.post(f"/en/staff/liaisons/{draft.pk}/send/", {"sent_on": "2025-02-20"})
    assert response.status_code == 400
    assert "Only an approved statement can be sent: the chair approves it first." in response.content.decode()
    assert chair_client.post(f"/en/staff/liaisons/{draft.pk}/approve/").status_code == 302
    draft.refresh_from_db()
    assert (draft.state, draft.approved_by.username) == ("approved", "chair")
    assert chair_client.post(f"/en/staff/liaisons/{draft.pk}/send/", {"sent_on": ""}).status_code == 403
    assert secretariat.post(f"/en/staff/liaisons/{draft.pk}/send/", {"sent_on": "2025-02-20"}).status_code == 302
    draft.refresh_from_db()
    assert (draft.state, draft.sent_on) == ("sent", datetime.date(2025, 2, 20))


def test_the_chair_finds_the_liaison_desk_from_their_account(chair_client: Client, client: Client, b: Bodies) -> None:
    assert 'href="/en/staff/liaisons/"' in chair_client.get("/en/account/").content.decode()
    client.force_login(person(b.cwg, RoleKind.MEMBER, "member", totp=False))
    assert 'href="/en/staff/liaisons/"' not in client.get("/en/account/").content.decode()


def test_chair_sees_the_statement_to_approve_but_cannot_change_it(chair_client: Client, b: Bodies) -> None:
    draft = outgoing(sender=b.cwg, addressee=b.sg2, title="For approval")
    page = chair_client.get(f"/en/staff/liaisons/{draft.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Approve" in html
    assert "Change the statement" not in html
    assert chair_client.get(f"/en/staff/liaisons/{draft.pk}/edit/").status_code == 403


def test_secretariat_records_consideration_then_notes(secretariat: Client, b: Bodies) -> None:
    statement = incoming(sender=b.sg2, addressee=b.cwg)
    meeting = MeetingFactory(body=b.cwg, number=21)
    response = secretariat.post(f"/en/staff/liaisons/{statement.pk}/consider/", {"meeting": meeting.pk})
    assert response.status_code == 302
    assert secretariat.post(f"/en/staff/liaisons/{statement.pk}/note/").status_code == 302
    statement.refresh_from_db()
    assert (statement.state, statement.meeting) == ("noted", meeting)


def test_secretariat_changes_an_incoming_statement(secretariat: Client, b: Bodies) -> None:
    statement = incoming(sender=b.sg2, addressee=b.cwg, purpose="action", deadline=datetime.date(2024, 12, 1))
    form = secretariat.get(f"/en/staff/liaisons/{statement.pk}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "from_bodies": [b.sg2.pk, b.sg17.pk],
            "to_bodies": [b.cwg.pk],
            "meeting": "",
            "title_en": "Renamed",
            "purpose": "information",
            "deadline": "",
        }
    )
    response = secretariat.post(f"/en/staff/liaisons/{statement.pk}/edit/", data)
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.title, statement.purpose, statement.deadline) == ("Renamed", "information", None)
    assert sorted(b.acronym for b in statement.from_bodies.all()) == ["ITU-D SG2 Q3/2", "ITU-T SG17"]


def test_deadlines_page_lists_what_is_due(secretariat: Client, b: Bodies) -> None:
    incoming(
        sender=b.sg2,
        addressee=b.cwg,
        title="Overdue request",
        purpose="action",
        sent_on=datetime.date(2020, 1, 1),
        deadline=datetime.date(2020, 2, 1),
    )
    html = secretariat.get("/en/staff/liaisons/deadlines/").content.decode()
    assert "Overdue request" in html
    assert "not yet" in html


def test_secretariat_builds_a_deliverable_route(secretariat: Client, b: Bodies) -> None:
    response = secretariat.post(
        "/en/staff/liaisons/deliverables/new/", {"owner": b.cwg.pk, "title_en": "Gap analysis report", "slug": ""}
    )
    assert response["Location"] == "/en/staff/liaisons/deliverables/gap-analysis-report/"
    meeting = MeetingFactory(body=b.cwg, number=23)
    response = secretariat.post(
        "/en/staff/liaisons/deliverables/gap-analysis-report/milestones/",
        {"title_en": "Discussed", "body": b.cwg.pk, "meeting": meeting.pk, "status": "planned", "document": ""},
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get()
    report = published_document(meeting=meeting, symbol="CWG-COP-23/3")
    response = secretariat.post(
        f"/en/staff/liaisons/deliverables/gap-analysis-report/milestones/{milestone.pk}/",
        {
            "title_en": "Discussed",
            "body": b.cwg.pk,
            "meeting": meeting.pk,
            "status": "achieved",
            "document": "cwg-cop-23/3",
            "achieved_on": "2025-10-02",
        },
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert (milestone.status, milestone.document, milestone.achieved_on) == (
        "achieved",
        report,
        datetime.date(2025, 10, 2),
    )
    assert Deliverable.objects.get().status == "completed"


def test_milestone_with_a_meeting_of_another_body_shows_the_reason(secretariat: Client, b: Bodies) -> None:
    deliverable = services.create_deliverable(actor=None, owner=b.cwg, titles={"en": "Gap analysis report"})
    meeting = MeetingFactory(body=b.cwg, number=23)
    response = secretariat.post(
        f"/en/staff/liaisons/deliverables/{deliverable.slug}/milestones/",
        {"title_en": "SG17", "body": b.sg17.pk, "meeting": meeting.pk, "status": "planned"},
    )
    assert response.status_code == 400
    assert "CWG-COP-23 is not a meeting of ITU-T SG17." in response.content.decode()
    assert Milestone.objects.count() == 0


def _desk_rows(b: Bodies, rows: int) -> None:
    """Of each kind the desk lists, ``rows``: drafts, approved, due and received statements, and deliverables."""
    for number in range(1, rows + 1):
        outgoing(sender=b.cwg, addressee=b.sg17, title=f"Draft reply {number}")
        services.approve_statement(
            actor=None, statement=outgoing(sender=b.cwg, addressee=b.sg2, title=f"Ready {number}")
        )
        incoming(
            sender=b.sg2,
            addressee=b.cwg,
            title=f"Due request {number}",
            purpose="action",
            sent_on=datetime.date(2026, 1, number),
            deadline=datetime.date(2026, 3, number),
        )
        deliverable = services.create_deliverable(actor=None, owner=b.cwg, titles={"en": f"Guide {number}"})
        services.add_milestone(actor=None, deliverable=deliverable, titles={"en": "Review"}, body=b.sg17)


@pytest.mark.parametrize("rows", [1, 3])
def test_desk_runs_a_fixed_number_of_queries(
    secretariat: Client, b: Bodies, django_assert_num_queries, rows: int
) -> None:  # type: ignore[no-untyped-def]
    _desk_rows(b, rows)
    secretariat.get("/en/staff/liaisons/")  # the session and the two-factor check settle on the first request
    with django_assert_num_queries(20):  # the same for 1 or 3 rows of each of its five lists
        html = secretariat.get("/en/staff/liaisons/").content.decode()
    assert [html.count(f"Due request {n}") > 0 for n in range(1, 4)] == [n <= rows for n in range(1, 4)]


@pytest.mark.parametrize("rows", [1, 3])
def test_deadlines_page_runs_a_fixed_number_of_queries(  # type: ignore[no-untyped-def]
    secretariat: Client, b: Bodies, django_assert_num_queries, rows: int
) -> None:
    _desk_rows(b, rows)
    secretariat.get("/en/staff/liaisons/deadlines/")  # the session and the two-factor check settle first
    with django_assert_num_queries(8):  # the same for 1 or 3 statements
        html = secretariat.get("/en/staff/liaisons/deadlines/").content.decode()
    assert html.count("Due request ") == rows
