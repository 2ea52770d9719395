from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import ActionItem, CarriedAction, Meeting
from cwgcop.meetings.services import actions as services
from cwgcop.meetings.services import meeting as meeting_services
from tests.factories import BodyFactory, MeetingFactory, OrganizationFactory, published_document
from tests.meetings.factories import action_item, outcome, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def cwg() -> object:
    return BodyFactory(acronym="CWG-COP", slug="cwg-cop", symbol_prefix="CWG-COP")


def _meeting(body: object, number: int, status: str = "held") -> Meeting:
    start = datetime.date(2024, 1, 1) + datetime.timedelta(days=30 * number)
    return MeetingFactory(body=body, number=number, status=status, start_date=start, end_date=start)


def _carried(meeting: Meeting) -> list[str]:
    return [c.action_item.reference for c in CarriedAction.objects.filter(meeting=meeting).order_by("id")]


def test_items_are_numbered_per_meeting_and_due_at_the_next_meeting(cwg: object) -> None:
    meeting = _meeting(cwg, 21)
    first = action_item(outcome(meeting))
    second = action_item(outcome(meeting), due_date=datetime.date(2025, 6, 30))
    assert (first.reference, second.reference) == ("CWG-COP-21/A1", "CWG-COP-21/A2")
    assert first.due_label == "the next meeting (CWG-COP-22)"
    assert second.due_label == "30 June 2025"
    assert (first.owner_kind, first.owner_name, first.status) == ("secretariat", "The secretariat", "open")
    assert AuditEntry.objects.filter(action="action_item.create").count() == 2


def test_an_item_owned_by_an_organisation_or_a_body_names_it(cwg: object) -> None:
    meeting = _meeting(cwg, 21)
    china = OrganizationFactory(name="China", country="CN")
    sg17 = BodyFactory(acronym="ITU-T SG17", slug="itu-t-sg17")
    by_org = action_item(outcome(meeting), owner_kind="organization", owner_organization=china)
    by_body = action_item(outcome(meeting), owner_kind="body", owner_body=sg17)
    assert (by_org.owner_name, by_body.owner_name) == ("China", "ITU-T SG17")


@pytest.mark.parametrize(
    ("owner_kind", "field"),
    [("organization", "owner_organization"), ("body", "owner_body"), ("the-cat", "owner_kind")],
)
def test_an_item_without_its_owner_is_refused(cwg: object, owner_kind: str, field: str) -> None:
    meeting = _meeting(cwg, 21)
    with pytest.raises(DomainError) as error:
        action_item(outcome(meeting), owner_kind=owner_kind)
    assert list(error.value.message_dict) == [field]
    assert ActionItem.objects.count() == 0


def test_opening_a_meeting_carries_forward_every_open_item_from_earlier_meetings(cwg: object) -> None:
    m20, m21 = _meeting(cwg, 20), _meeting(cwg, 21)
    old = action_item(outcome(m20), text="Old")
    open_item = action_item(outcome(m21), text="Open")
    done = action_item(outcome(m21), text="Done")
    services.close_action_item(actor=None, item=done, status="done", evidence_outcome=outcome(m21))
    other_body = action_item(outcome(_meeting(BodyFactory(acronym="SG17", slug="sg17"), 3)))
    m22 = _meeting(cwg, 22, status="planned")
    assert _carried(m22) == []
    meeting_services.update_meeting(actor=None, meeting=m22, status="open")
    assert _carried(m22) == [old.reference, open_item.reference]
    assert other_body.reference not in _carried(m22)
    entry = AuditEntry.objects.get(action="meeting.actions.carry_forward")
    assert entry.after == {"carried": ["CWG-COP-20/A1", "CWG-COP-21/A1"]}


def test_carrying_forward_twice_carries_nothing_new(cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22, status="planned")
    action_item(outcome(m21))
    assert [i.reference for i in services.carry_forward_open_actions(actor=None, meeting=m22)] == ["CWG-COP-21/A1"]
    assert services.carry_forward_open_actions(actor=None, meeting=m22) == []
    assert CarriedAction.objects.count() == 1


def test_an_item_raised_after_the_next_meeting_opened_is_carried_to_it_at_once(cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22, status="in-session")
    item = action_item(outcome(m21))
    assert _carried(m22) == [item.reference]


def test_items_stay_off_earlier_meetings(cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21, status="open"), _meeting(cwg, 22)
    action_item(outcome(m22))
    assert services.carry_forward_open_actions(actor=None, meeting=m21) == []


def test_closing_with_a_document_records_the_evidence_and_where(cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22)
    item = action_item(outcome(m21))
    proposal = published_document(meeting=m22, symbol="CWG-COP-22/1")
    secretary = person("sec", body=cwg, role=RoleKind.SECRETARIAT)
    services.close_action_item(actor=secretary, item=item, status="done", evidence_document=proposal)
    item.refresh_from_db()
    assert (item.status, item.evidence_document, item.closed_at_meeting, item.closed_by) == (
        "done",
        proposal,
        m22,
        secretary,
    )
    entry = AuditEntry.objects.get(action="action_item.close")
    assert (entry.before["status"], entry.after["status"], entry.after["evidence_document_id"]) == (
        "open",
        "done",
        proposal.pk,
    )


def test_closing_as_done_without_evidence_is_refused(cwg: object) -> None:
    item = action_item(outcome(_meeting(cwg, 21)))
    with pytest.raises(DomainError) as error:
        services.close_action_item(actor=None, item=item, status="done", note="It was done, trust me.")
    assert error.value.messages == ["Closing an item as done needs its evidence: a document or an outcome."]
    item.refresh_from_db()
    assert (item.status, item.closed_at) == ("open", None)


def test_dropping_needs_a_reason_or_evidence(cwg: object) -> None:
    item = action_item(outcome(_meeting(cwg, 21)))
    with pytest.raises(DomainError) as error:
        services.close_action_item(actor=None, item=item, status="dropped")
    assert error.value.code == "reason_missing"
    services.close_action_item(
        actor=None, item=item, status="dropped", note="Overtaken by the Industry Connect series."
    )
    item.refresh_from_db()
    assert (item.status, item.closing_note, item.closed_at_meeting) == (
        "dropped",
        "Overtaken by the Industry Connect series.",
        None,
    )


def test_evidence_must_be_published_and_of_the_same_body(cwg: object) -> None:
    m21 = _meeting(cwg, 21)
    item = action_item(outcome(m21))
    raising = item.outcome
    with pytest.raises(DomainError) as error:
        services.close_action_item(actor=None, item=item, status="done", evidence_outcome=raising)
    assert error.value.message_dict == {"evidence_outcome": ["The outcome that raised the item cannot also close it."]}
    stranger = outcome(_meeting(BodyFactory(acronym="SG17", slug="sg17"), 3))
    with pytest.raises(DomainError):
        services.close_action_item(actor=None, item=item, status="done", evidence_outcome=stranger)
    item.refresh_from_db()
    assert item.status == "open"


def test_closing_twice_is_refused_and_reopening_carries_it_again(cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22)
    item = action_item(outcome(m21))
    services.close_action_item(actor=None, item=item, status="done", evidence_outcome=outcome(m22))
    with pytest.raises(DomainError) as error:
        services.close_action_item(actor=None, item=item, status="dropped", note="x")
    assert error.value.code == "action_closed"
    m23 = _meeting(cwg, 23, status="open")
    services.reopen_action_item(actor=None, item=item)
    item.refresh_from_db()
    assert (item.status, item.evidence_outcome, item.closed_at) == ("open", None, None)
    assert _carried(m23) == [item.reference]


def test_a_cancelled_meeting_takes_no_items(cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22, status="cancelled")
    action_item(outcome(m21))
    with pytest.raises(DomainError) as error:
        services.carry_forward_open_actions(actor=None, meeting=m22)
    assert error.value.code == "meeting_cancelled"


# --- Pages ----------------------------------------------------------------------------------------------------


def test_the_meeting_page_lists_carried_items_with_their_evidence(client: Client, cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22)
    item = action_item(outcome(m21), text="Propose an ICT industry round table.")
    services.carry_forward_open_actions(actor=None, meeting=m22)
    services.close_action_item(
        actor=None, item=item, status="done", evidence_document=published_document(meeting=m22, symbol="CWG-COP-22/1")
    )
    page = client.get("/en/meetings/cwg-cop/22/").content.decode()
    carried = page[page.index('id="carried"') :]
    assert "CWG-COP-21/A1" in carried
    assert "Propose an ICT industry round table." in carried
    assert '<a href="/en/documents/CWG-COP-22/1/">CWG-COP-22/1</a>' in carried
    assert "Closed at CWG-COP-22" in carried


def test_the_register_filters_by_status_and_owner(client: Client, cwg: object) -> None:
    m21 = _meeting(cwg, 21)
    action_item(outcome(m21), text="Secretariat task")
    china = OrganizationFactory(name="China", country="CN")
    done = action_item(outcome(m21), text="China task", owner_kind="organization", owner_organization=china)
    services.close_action_item(actor=None, item=done, status="dropped", note="Withdrawn")
    page = client.get("/en/meetings/actions/?status=open").content.decode()
    assert ("Secretariat task" in page, "China task" in page) == (True, False)
    page = client.get(f"/en/meetings/actions/?organization={china.pk}").content.decode()
    assert ("Secretariat task" in page, "China task" in page) == (False, True)
    page = client.get("/en/meetings/actions/?owner=secretariat&body=cwg-cop").content.decode()
    assert ("Secretariat task" in page, "China task" in page) == (True, False)


def test_the_register_exports_csv_with_the_same_filters(client: Client, cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22)
    action_item(outcome(m21), text="Open task")
    done = action_item(outcome(m21), text="Done task")
    services.close_action_item(
        actor=None, item=done, status="done", evidence_document=published_document(meeting=m22, symbol="CWG-COP-22/1")
    )
    response = client.get("/en/meetings/actions.csv?status=done")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8-sig")
    header = "reference,raised_at,outcome,description,owner,due,status,closed_at_meeting,evidence,note,url"
    assert text.splitlines()[0] == header
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:10] == [
        "CWG-COP-21/A2",
        "CWG-COP-21",
        "2",
        "Done task",
        "The secretariat",
        "the next meeting (CWG-COP-22)",
        "done",
        "CWG-COP-22",
        "CWG-COP-22/1",
        "",
    ]
    assert len(rows) == 2


def test_the_register_runs_the_same_queries_for_one_or_three_items(client: Client, cwg: object) -> None:
    m21 = _meeting(cwg, 21)
    org = OrganizationFactory(name="China", country="CN")
    action_item(outcome(m21), owner_kind="organization", owner_organization=org)
    client.get("/en/meetings/actions/")
    with CaptureQueriesContext(connection) as one:
        client.get("/en/meetings/actions/?n=1")
    evidence = outcome(_meeting(cwg, 22))
    for _ in range(2):
        item = action_item(outcome(m21), owner_kind="body", owner_body=BodyFactory())
        services.close_action_item(actor=None, item=item, status="done", evidence_outcome=evidence)
    with CaptureQueriesContext(connection) as three:
        client.get("/en/meetings/actions/?n=3")
    assert len(one.captured_queries) > 0
    assert len(three.captured_queries) == len(one.captured_queries)


def test_the_public_page_of_an_item(client: Client, cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22)
    item = action_item(outcome(m21), text="Propose a round table.")
    services.carry_forward_open_actions(actor=None, meeting=m22)
    page = client.get(f"/en/meetings/actions/{item.pk}/").content.decode()
    assert '<h1><span lang="en" dir="auto">Propose a round table.</span></h1>' in page
    assert '<a href="/en/meetings/cwg-cop/22/">CWG-COP-22</a>' in page


def test_the_secretariat_raises_and_closes_an_item_on_its_pages(client: Client, cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22)
    source = outcome(m21)
    proposal = published_document(meeting=m22, symbol="CWG-COP-22/1")
    client.force_login(person("sec", body=cwg, role=RoleKind.SECRETARIAT))
    response = client.post(
        f"/en/staff/outcomes/{source.pk}/actions/new/",
        {"description_en": "Submit a proposal.", "description_zh_hans": "提交提案。", "owner_kind": "secretariat"},
    )
    assert response.status_code == 302
    item = ActionItem.objects.get()
    assert (item.description_en, item.description_zh_hans, item.due_date) == ("Submit a proposal.", "提交提案。", None)
    response = client.post(f"/en/staff/actions/{item.pk}/close/", {"status": "done"})
    assert response.status_code == 400
    assert "Closing an item as done needs its evidence: a document or an outcome." in response.content.decode()
    response = client.post(f"/en/staff/actions/{item.pk}/close/", {"status": "done", "evidence_document": proposal.pk})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.evidence_document, item.closed_at_meeting) == ("done", proposal, m22)


@pytest.mark.parametrize("role", [RoleKind.MEMBER, RoleKind.CHAIR])
def test_a_member_cannot_raise_or_close_items(client: Client, cwg: object, role: RoleKind) -> None:
    m21 = _meeting(cwg, 21)
    source = outcome(m21)
    item = action_item(source)
    client.force_login(person("someone", body=cwg, role=role))
    response = client.post(
        f"/en/staff/outcomes/{source.pk}/actions/new/", {"description_en": "X", "owner_kind": "secretariat"}
    )
    assert response.status_code == 403
    response = client.post(f"/en/staff/actions/{item.pk}/close/", {"status": "dropped", "note": "no"})
    assert response.status_code == 403
    assert list(ActionItem.objects.values_list("status", flat=True)) == ["open"]


def test_anonymous_cannot_raise_items(client: Client, cwg: object) -> None:
    source = outcome(_meeting(cwg, 21))
    response = client.post(f"/en/staff/outcomes/{source.pk}/actions/new/", {"description_en": "X"})
    assert response.status_code == 403
    assert ActionItem.objects.count() == 0


def test_the_secretariat_carries_forward_from_the_manage_page(client: Client, cwg: object) -> None:
    m21, m22 = _meeting(cwg, 21), _meeting(cwg, 22)
    action_item(outcome(m21))
    client.force_login(person("sec", body=cwg, role=RoleKind.SECRETARIAT))
    response = client.post(f"/en/staff/meetings/{m22.pk}/carry-forward/", follow=True)
    assert "1 open action item carried forward." in response.content.decode()
    assert _carried(m22) == ["CWG-COP-21/A1"]


@pytest.mark.parametrize("rows", [1, 3])
def test_the_register_export_runs_a_fixed_number_of_queries(  # type: ignore[no-untyped-def]
    client: Client, cwg: object, django_assert_num_queries, rows: int
) -> None:
    m21 = _meeting(cwg, 21)
    for number in range(1, rows + 1):
        org = OrganizationFactory(name=f"Ministry {number}", country="TZ")
        action_item(outcome(m21), text=f"Map helplines {number}", owner_kind="organization", owner_organization=org)
    with django_assert_num_queries(1):  # the same for 1 or 3 action items
        response = client.get("/en/meetings/actions.csv")
    rows_read = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows_read) == 1 + rows
