"""The demo works on the day it is loaded: its next meeting accepts contributions and registrations."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from cwgcop.demo import data
from cwgcop.demo.loader import load_demo
from cwgcop.documents.contributions import accepts_contributions, deadline_passed
from cwgcop.meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (datetime.date(2026, 12, 6), datetime.date(2027, 2, 3)),  # a Sunday: eight weeks on, then Wednesday
        (datetime.date(2031, 3, 5), datetime.date(2031, 4, 30)),  # a Wednesday: eight weeks on is a Wednesday
        (datetime.date(2029, 12, 27), datetime.date(2030, 2, 27)),  # across a year
    ],
)
def test_next_meeting_is_eight_weeks_on_a_wednesday(today: datetime.date, start: datetime.date) -> None:
    spec = data.next_meeting(today)
    assert (spec["number"], spec["status"], spec["start_date"], spec["end_date"]) == (
        24,
        "open",
        start,
        start + datetime.timedelta(days=1),
    )
    assert spec["contribution_deadline"].date() == start - datetime.timedelta(days=12)
    assert spec["registration_deadline"].date() == start - datetime.timedelta(days=7)


def test_demo_loaded_today_has_a_meeting_open_for_contributions(client: Client) -> None:
    load_demo()
    meeting = Meeting.objects.get(body__acronym="CWG-COP", number=24)
    expected = data.next_meeting(timezone.localdate())["start_date"]
    assert (meeting.start_date, meeting.status) == (expected, "open")
    assert accepts_contributions(meeting) is True
    assert deadline_passed(meeting) is False
    assert list(
        Meeting.objects.filter(body__acronym="CWG-COP").values_list("number", flat=True).order_by("number")
    ) == [
        21,
        22,
        23,
        24,
    ]
    page = client.get("/en/meetings/cwg-cop/24/").content.decode()
    assert "Open for contributions" in page
    load_demo()  # loading again changes nothing
    assert Meeting.objects.filter(body__acronym="CWG-COP", number=24).count() == 1
