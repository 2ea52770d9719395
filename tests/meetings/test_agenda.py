from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import AgendaItem, Meeting
from cwgcop.meetings.services import agenda as services
from tests.factories import BodyFactory, published_document
from tests.meetings.factories import person, upcoming_meeting
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _titles(meeting: Meeting) -> list[tuple[int, str]]:
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("position").values_list("position", "title_en"))


def test_items_are_numbered_in_order_with_their_documents() -> None:
    meeting = upcoming_meeting(number=23)
    document = published_document(meeting=meeting, symbol="CWG-COP-23/1")
    services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Opening", "zh-hans": "会议开幕"})
    item = services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Contributions"}, documents=[document])
    assert _titles(meeting) == [(1, "Opening"), (2, "Contributions")]
    assert list(item.documents.values_list("symbol", flat=True)) == ["CWG-COP-23/1"]
    assert AuditEntry.objects.filter(action="agenda_item.create").count() == 2


def test_items_move_and_close_the_gap_when_removed() -> None:
    meeting = upcoming_meeting(number=23)
    first, _second, third = (
        services.add_agenda_item(actor=None, meeting=meeting, titles={"en": title}) for title in ("A", "B", "C")
    )
    services.move_agenda_item(actor=None, item=third, direction="up")
    assert _titles(meeting) == [(1, "A"), (2, "C"), (3, "B")]
    services.remove_agenda_item(actor=None, item=first)
    assert _titles(meeting) == [(1, "C"), (2, "B")]


def test_an_item_needs_a_title() -> None:
    meeting = upcoming_meeting(number=23)
    with pytest.raises(DomainError) as error:
        services.add_agenda_item(actor=None, meeting=meeting, titles={"en": " ", "zh-hans": ""})
    assert error.value.code == "title_missing"
    assert AgendaItem.objects.count() == 0


def test_chinese_title_does_not_overwrite_english_when_working_in_chinese() -> None:
    from django.utils import translation

    meeting = upcoming_meeting(number=23)
    with translation.override("zh-hans"):
        item = services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Opening", "zh-hans": "会议开幕"})
    item.refresh_from_db()
    assert (item.title_en, item.title_zh_hans) == ("Opening", "会议开幕")


def test_adopting_freezes_the_agenda_until_reopened() -> None:
    meeting = upcoming_meeting(number=23)
    item = services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Opening"})
    chair = person("chair", body=meeting.body, role=RoleKind.CHAIR)
    services.adopt_agenda(actor=chair, meeting=meeting)
    meeting.refresh_from_db()
    assert (meeting.agenda_status, meeting.agenda_adopted_by) == ("adopted", chair)
    with pytest.raises(DomainError) as error:
        services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Late item"})
    assert error.value.code == "agenda_adopted"
    with pytest.raises(DomainError):
        services.remove_agenda_item(actor=None, item=item)
    assert _titles(meeting) == [(1, "Opening")]
    services.reopen_agenda(actor=chair, meeting=meeting)
    services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Late item"})
    assert _titles(meeting) == [(1, "Opening"), (2, "Late item")]


def test_an_empty_agenda_cannot_be_adopted() -> None:
    meeting = upcoming_meeting(number=23)
    with pytest.raises(DomainError) as error:
        services.adopt_agenda(actor=None, meeting=meeting)
    assert error.value.code == "agenda_empty"
    meeting.refresh_from_db()
    assert meeting.agenda_status == "draft"


def test_documents_of_another_body_are_refused() -> None:
    meeting = upcoming_meeting(number=23)
    stranger = published_document(symbol="SG17-1/1")
    with pytest.raises(DomainError) as error:
        services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "X"}, documents=[stranger])
    assert error.value.code == "document_body_mismatch"
    assert AgendaItem.objects.count() == 0


# --- Pages and permissions ------------------------------------------------------------------------------------


def test_the_chair_adopts_the_agenda_from_the_meeting_page(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Opening"})
    client.force_login(person("chair", body=meeting.body, role=RoleKind.CHAIR))
    page = client.get("/en/meetings/cwg-cop/23/").content.decode()
    assert "Adopt the agenda" in page
    response = client.post("/en/staff/meetings/cwg-cop/23/agenda/adopt/")
    assert (response.status_code, response["Location"]) == (302, "/en/meetings/cwg-cop/23/#agenda")
    meeting.refresh_from_db()
    assert meeting.agenda_status == "adopted"
    assert AuditEntry.objects.filter(action="meeting.agenda.adopt").count() == 1


@pytest.mark.parametrize("role", [RoleKind.SECRETARIAT, RoleKind.MEMBER])
def test_only_a_chair_adopts_the_agenda(client: Client, role: RoleKind) -> None:
    meeting = upcoming_meeting(number=23)
    services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Opening"})
    client.force_login(person("someone", body=meeting.body, role=role))
    assert "Adopt the agenda" not in client.get("/en/meetings/cwg-cop/23/").content.decode()
    assert client.post("/en/staff/meetings/cwg-cop/23/agenda/adopt/").status_code == 403
    meeting.refresh_from_db()
    assert meeting.agenda_status == "draft"


def test_the_chair_of_another_body_cannot_adopt(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Opening"})
    other = upcoming_meeting(number=1, body=BodyFactory(acronym="SG17", slug="sg17"))
    client.force_login(person("chair", body=other.body, role=RoleKind.CHAIR))
    assert client.post("/en/staff/meetings/cwg-cop/23/agenda/adopt/").status_code == 403
    meeting.refresh_from_db()
    assert meeting.agenda_status == "draft"


def test_anonymous_cannot_adopt(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Opening"})
    response = client.post("/en/staff/meetings/cwg-cop/23/agenda/adopt/")
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.agenda_status == "draft"


def test_the_secretariat_drafts_items_on_the_agenda_page(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    document = published_document(meeting=meeting, symbol="CWG-COP-23/1")
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    response = client.post(
        f"/en/staff/meetings/{meeting.pk}/agenda/",
        {"title_en": "Contributions", "title_zh_hans": "文稿", "documents": [document.pk]},
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.title_en, item.title_zh_hans, item.position) == ("Contributions", "文稿", 1)
    public = client.get("/zh-hans/meetings/cwg-cop/23/").content.decode()
    assert "文稿" in public
    assert "CWG-COP-23/1" in public


def test_a_member_cannot_draft_agenda_items(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    client.force_login(person("member", body=meeting.body, role=RoleKind.MEMBER))
    response = client.post(f"/en/staff/meetings/{meeting.pk}/agenda/", {"title_en": "Sneaky"})
    assert response.status_code == 403
    assert AgendaItem.objects.count() == 0


@pytest.mark.parametrize("rows", [1, 3])
def test_agenda_page_runs_a_fixed_number_of_queries(client: Client, page_in_queries: PageInQueries, rows: int) -> None:
    meeting = upcoming_meeting(number=31)
    for number in range(1, rows + 1):
        document = published_document(meeting=meeting, symbol=f"CWG-COP-31/{number}")
        services.add_agenda_item(actor=None, meeting=meeting, titles={"en": f"Item {number}"}, documents=[document])
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    page = page_in_queries(f"/en/staff/meetings/{meeting.pk}/agenda/", 10)  # the same for 1 or 3 items
    assert [f"CWG-COP-31/{n}" in page for n in range(1, 4)] == [n <= rows for n in range(1, 4)]
