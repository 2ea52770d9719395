from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import Outcome
from cwgcop.meetings.services import outcomes as services
from tests.factories import BodyFactory, published_document
from tests.meetings.factories import action_item, outcome, person, upcoming_meeting
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _order(meeting_id: int) -> list[tuple[int, str]]:
    return list(Outcome.objects.filter(meeting_id=meeting_id).order_by("position").values_list("position", "text_en"))


def test_outcomes_are_ordered_and_translated() -> None:
    meeting = upcoming_meeting(number=23)
    services.record_outcome(
        actor=None,
        meeting=meeting,
        kind="welcomed",
        texts={"en": "Youth input was welcomed.", "zh-hans": "欢迎青年人的输入意见。"},
    )
    outcome(meeting, "Second")
    assert _order(meeting.pk) == [(1, "Youth input was welcomed."), (2, "Second")]
    first = Outcome.objects.get(position=1)
    with translation.override("zh-hans"):
        assert first.display_text == "欢迎青年人的输入意见。"
    with translation.override("fr"):
        assert first.display_text == "Youth input was welcomed."


def test_an_outcome_inserted_at_a_position_moves_the_others_down() -> None:
    meeting = upcoming_meeting(number=23)
    outcome(meeting, "A")
    outcome(meeting, "B")
    outcome(meeting, "First", position=1)
    assert _order(meeting.pk) == [(1, "First"), (2, "A"), (3, "B")]


def test_outcomes_link_documents_and_bodies_and_are_audited() -> None:
    meeting = upcoming_meeting(number=23)
    document = published_document(meeting=meeting, symbol="CWG-COP-23/1")
    sg17 = BodyFactory(acronym="ITU-T SG17", slug="itu-t-sg17")
    recorded = outcome(meeting, "Sent to SG17.", kind="noted", documents=[document], bodies=[sg17])
    entry = AuditEntry.objects.get(action="outcome.create")
    assert (entry.after["documents"], entry.after["bodies"], entry.after["kind"]) == ([document.pk], [sg17.pk], "noted")
    services.update_outcome(actor=None, outcome=recorded, kind="agreed", bodies=[])
    update = AuditEntry.objects.get(action="outcome.update")
    changed = {key: (update.before[key], update.after[key]) for key in update.after if key != "updated_at"}
    assert changed == {"kind": ("noted", "agreed"), "bodies": ([sg17.pk], [])}


@pytest.mark.parametrize(
    ("kind", "texts", "code"),
    [("decided", {"en": "X"}, None), ("agreed", {"en": " ", "zh-hans": ""}, "text_missing")],
)
def test_bad_outcomes_are_refused(kind: str, texts: dict[str, str], code: str | None) -> None:
    meeting = upcoming_meeting(number=23)
    with pytest.raises(DomainError) as error:
        services.record_outcome(actor=None, meeting=meeting, kind=kind, texts=texts)
    assert getattr(error.value, "code", None) == code
    assert Outcome.objects.count() == 0


def test_an_outcome_that_raised_an_action_item_cannot_be_deleted() -> None:
    meeting = upcoming_meeting(number=23)
    recorded = outcome(meeting)
    action_item(recorded)
    with pytest.raises(DomainError) as error:
        services.remove_outcome(actor=None, outcome=recorded)
    assert error.value.code == "outcome_in_use"
    assert Outcome.objects.count() == 1


def test_removing_and_moving_keep_positions_dense() -> None:
    meeting = upcoming_meeting(number=23)
    a, b, _c = outcome(meeting, "A"), outcome(meeting, "B"), outcome(meeting, "C")
    services.move_outcome(actor=None, outcome=a, direction="down")
    assert _order(meeting.pk) == [(1, "B"), (2, "A"), (3, "C")]
    services.remove_outcome(actor=None, outcome=b)
    assert _order(meeting.pk) == [(1, "A"), (2, "C")]


# --- Pages and permissions ------------------------------------------------------------------------------------


def test_the_meeting_page_shows_outcomes_in_order_with_their_kind(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    document = published_document(meeting=meeting, symbol="CWG-COP-23/1")
    outcome(meeting, "The proposal was approved.", kind="approved", documents=[document])
    outcome(meeting, "Multi-stakeholder participation was reaffirmed.", kind="reaffirmed")
    page = client.get("/en/meetings/cwg-cop/23/").content.decode()
    first = page.index('<li id="outcome-1" value="1">')
    second = page.index('<li id="outcome-2" value="2">')
    assert first < second
    assert (
        '<strong class="outcome-kind">Approved</strong> <span lang="en" dir="auto">The proposal was approved.</span>'
        in page
    )
    assert '<a href="/en/documents/CWG-COP-23/1/">CWG-COP-23/1</a>' in page[first:second]


def test_the_secretariat_records_an_outcome_on_its_page(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    response = client.post(
        f"/en/staff/meetings/{meeting.pk}/outcomes/",
        {"kind": "requested", "text_en": "The secretariat was requested to report.", "text_zh_hans": "请秘书处报告。"},
    )
    assert response.status_code == 302
    recorded = Outcome.objects.get()
    assert (recorded.kind, recorded.text_en, recorded.text_zh_hans) == (
        "requested",
        "The secretariat was requested to report.",
        "请秘书处报告。",
    )


def test_an_outcome_without_text_is_refused_on_the_page(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    response = client.post(f"/en/staff/meetings/{meeting.pk}/outcomes/", {"kind": "agreed"})
    assert response.status_code == 400
    assert "An outcome needs its text in at least one language." in response.content.decode()
    assert Outcome.objects.count() == 0


@pytest.mark.parametrize("role", [RoleKind.MEMBER, RoleKind.CHAIR, RoleKind.MODERATOR])
def test_a_member_cannot_record_outcomes(client: Client, role: RoleKind) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("someone", body=meeting.body, role=role))
    response = client.post(f"/en/staff/meetings/{meeting.pk}/outcomes/", {"kind": "agreed", "text_en": "X"})
    assert response.status_code == 403
    assert Outcome.objects.count() == 0


def test_a_member_cannot_edit_or_delete_an_outcome(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    recorded = outcome(meeting, "Original")
    client.force_login(person("member", body=meeting.body, role=RoleKind.MEMBER))
    assert client.post(f"/en/staff/outcomes/{recorded.pk}/", {"kind": "noted", "text_en": "Changed"}).status_code == 403
    assert client.post(f"/en/staff/outcomes/{recorded.pk}/remove/").status_code == 403
    assert Outcome.objects.get().text_en == "Original"


def test_anonymous_cannot_record_outcomes(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    response = client.post(f"/en/staff/meetings/{meeting.pk}/outcomes/", {"kind": "agreed", "text_en": "X"})
    assert response.status_code == 403
    assert Outcome.objects.count() == 0


def test_meeting_page_queries_do_not_grow_with_outcomes(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    document = published_document(meeting=meeting, symbol="CWG-COP-23/1")
    action_item(outcome(meeting, "One", documents=[document], bodies=[meeting.body]))
    client.get("/en/meetings/cwg-cop/23/")  # warm up (site-wide lookups)
    with CaptureQueriesContext(connection) as one:
        client.get("/en/meetings/cwg-cop/23/?n=1")
    for text in ("Two", "Three"):
        action_item(outcome(meeting, text, documents=[document], bodies=[meeting.body]))
    with CaptureQueriesContext(connection) as three:
        client.get("/en/meetings/cwg-cop/23/?n=3")
    assert len(one.captured_queries) > 0
    assert len(three.captured_queries) == len(one.captured_queries)


@pytest.mark.parametrize("rows", [1, 3])
def test_staff_outcomes_page_runs_a_fixed_number_of_queries(
    client: Client, page_in_queries: PageInQueries, rows: int
) -> None:
    meeting = upcoming_meeting(number=31)
    for number in range(1, rows + 1):
        document = published_document(meeting=meeting, symbol=f"CWG-COP-31/{number}")
        action_item(outcome(meeting, f"Outcome {number}", documents=[document]))
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    page = page_in_queries(f"/en/staff/meetings/{meeting.pk}/outcomes/", 13)  # the same for 1 or 3 outcomes
    assert [f"Outcome {n}" in page for n in range(1, 4)] == [n <= rows for n in range(1, 4)]
