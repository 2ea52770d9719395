"""Every page of the meeting's record that writes refuses anyone but the body's secretariat (or chair)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import Attendance, Meeting
from cwgcop.meetings.services import agenda as agenda_services
from cwgcop.meetings.services import attendance as attendance_services
from tests.factories import BodyFactory
from tests.meetings.factories import action_item, outcome, person, upcoming_meeting

pytestmark = pytest.mark.django_db

CSV = "name,email,organisation,country,stakeholder_kind,mode\nAda,ada@example.org,ITU,CH,un-igo,onsite\n"


def _record(meeting: Meeting) -> dict[str, Any]:
    agenda_item = agenda_services.add_agenda_item(actor=None, meeting=meeting, titles={"en": "Opening"})
    attendance_services.import_attendance(actor=None, meeting=meeting, text=CSV)
    source = outcome(meeting)
    return {
        "meeting": meeting,
        "agenda_item": agenda_item,
        "attendance": Attendance.objects.get(),
        "outcome": source,
        "item": action_item(source),
    }


# (url, POST data) for every write of the secretariat pages; {x} are filled from _record().
WRITES: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]]]] = [
    ("/en/staff/meetings/{meeting.pk}/attendance/", lambda r: {}),
    ("/en/staff/meetings/{meeting.pk}/attendance/import/", lambda r: {"confirm": "1", "text": CSV}),
    ("/en/staff/attendance/{attendance.pk}/remove/", lambda r: {}),
    ("/en/staff/meetings/{meeting.pk}/carry-forward/", lambda r: {}),
    ("/en/staff/meetings/{meeting.pk}/agenda/", lambda r: {"title_en": "X"}),
    ("/en/staff/agenda-items/{agenda_item.pk}/", lambda r: {"title_en": "X"}),
    ("/en/staff/agenda-items/{agenda_item.pk}/move/", lambda r: {"direction": "down"}),
    ("/en/staff/agenda-items/{agenda_item.pk}/remove/", lambda r: {}),
    ("/en/staff/meetings/{meeting.pk}/outcomes/", lambda r: {"kind": "agreed", "text_en": "X"}),
    ("/en/staff/outcomes/{outcome.pk}/", lambda r: {"kind": "noted", "text_en": "X"}),
    ("/en/staff/outcomes/{outcome.pk}/move/", lambda r: {"direction": "up"}),
    ("/en/staff/outcomes/{outcome.pk}/remove/", lambda r: {}),
    ("/en/staff/outcomes/{outcome.pk}/actions/new/", lambda r: {"description_en": "X", "owner_kind": "secretariat"}),
    ("/en/staff/actions/{item.pk}/", lambda r: {"description_en": "X", "owner_kind": "secretariat"}),
    ("/en/staff/actions/{item.pk}/close/", lambda r: {"status": "dropped", "note": "No"}),
    ("/en/staff/actions/{item.pk}/reopen/", lambda r: {}),
    ("/en/staff/meetings/cwg-cop/23/agenda/adopt/", lambda r: {}),
    ("/en/staff/meetings/cwg-cop/23/agenda/reopen/", lambda r: {}),
]


@pytest.mark.parametrize(("url", "data"), WRITES, ids=[url for url, _data in WRITES])
@pytest.mark.parametrize("who", ["anonymous", "member", "other-secretariat"])
def test_writes_of_the_record_are_refused(client: Client, url: str, data: Any, who: str) -> None:
    record = _record(upcoming_meeting(number=23))
    if who == "member":
        client.force_login(person("member", body=record["meeting"].body, role=RoleKind.MEMBER))
    elif who == "other-secretariat":
        client.force_login(person("sec", body=BodyFactory(acronym="SG17", slug="sg17"), role=RoleKind.SECRETARIAT))
    entries = AuditEntry.objects.count()
    response = client.post(url.format(**record), data(record))
    assert response.status_code == 403
    assert AuditEntry.objects.count() == entries
