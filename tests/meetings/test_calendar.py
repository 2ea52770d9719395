"""The iCalendar feed of meetings, read with the icalendar library as a calendar application would."""

from __future__ import annotations

import datetime
from typing import Any

import icalendar
import pytest
from django.test import Client

from cwgcop.meetings.calendar import participant_calendar
from cwgcop.meetings.models import Meeting
from cwgcop.meetings.services import meeting as meeting_services
from tests.core.factories import cwg_cop, meeting, meeting_21

pytestmark = pytest.mark.django_db


def events(client: Client, language: str = "en") -> list[Any]:
    response = client.get("/meetings.ics", headers={"Accept-Language": language})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    assert response["Content-Disposition"] == 'inline; filename="meetings.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//cwgcop//meetings//EN"
    return list(calendar.walk("VEVENT"))


def test_calendar_has_all_day_events_with_exclusive_end(client: Client) -> None:
    body = cwg_cop()
    meeting_21(body)
    meeting(body, 22, datetime.date(2025, 2, 12), datetime.date(2025, 2, 13), venue="Geneva")
    found = events(client)
    assert [str(event["UID"]) for event in found] == ["meeting-cwg-cop-22@cwgcop", "meeting-cwg-cop-21@cwgcop"]
    m21 = found[1]
    assert m21.decoded("DTSTART") == datetime.date(2024, 9, 30)
    assert m21.decoded("DTEND") == datetime.date(2024, 10, 2)
    assert m21["DTSTART"].params.get("VALUE") == "DATE"
    assert not isinstance(m21.decoded("DTSTART"), datetime.datetime)
    assert str(m21["SUMMARY"]) == "CWG-COP, meeting 21"
    assert str(m21["LOCATION"]) == "ITU headquarters, Geneva"
    assert str(m21["STATUS"]) == "CONFIRMED"
    assert str(m21["URL"]) == "http://127.0.0.1:8000/en/meetings/cwg-cop/21/"
    assert str(m21["DESCRIPTION"]) == "Hybrid"
    assert found[0].decoded("DTSTART") == datetime.date(2025, 2, 12)
    assert found[0].decoded("DTEND") == datetime.date(2025, 2, 14)
    assert str(found[0]["LOCATION"]) == "Geneva"


def test_calendar_one_day_meeting_ends_next_day(client: Client) -> None:
    meeting(cwg_cop(), 30, datetime.date(2099, 6, 5), datetime.date(2099, 6, 5), status="planned")
    (event,) = events(client)
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (datetime.date(2099, 6, 5), datetime.date(2099, 6, 6))


def test_calendar_marks_cancelled_meetings_and_carries_the_remote_link(client: Client) -> None:
    meeting(
        cwg_cop(),
        30,
        datetime.date(2099, 6, 5),
        datetime.date(2099, 6, 6),
        status="cancelled",
        format="virtual",
        remote_link="https://meet.example.org/30",
        remote_link_private=False,  # a new meeting's link is private unless published
    )
    (event,) = events(client)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["DESCRIPTION"]) == "Virtual\nhttps://meet.example.org/30"


def test_calendar_summary_and_location_follow_the_reader_language(client: Client) -> None:
    meeting_21(cwg_cop())
    (event,) = events(client, "zh-hans")
    assert str(event["LOCATION"]) == "国际电联总部，日内瓦"
    assert str(event["URL"]) == "http://127.0.0.1:8000/zh-hans/meetings/cwg-cop/21/"


def test_empty_calendar_is_valid(client: Client) -> None:
    assert events(client) == []


@pytest.mark.parametrize("rows", [1, 3])
def test_calendar_query_count_is_fixed(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    body = cwg_cop()
    for number in range(1, rows + 1):
        meeting(body, number, datetime.date(2024, number, 1), datetime.date(2024, number, 2))
    with django_assert_num_queries(1):
        assert len(events(client)) == rows


def _revision_lines(client: Client) -> list[str]:
    lines = client.get("/meetings.ics").content.decode().split("\r\n")
    return [line for line in lines if line.startswith(("DTSTART", "LOCATION:", "SEQUENCE:", "STATUS:"))]


def test_each_change_the_entry_shows_raises_its_sequence_and_nothing_else_does(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    def update(**changes: Any) -> None:
        with django_capture_on_commit_callbacks(execute=True):  # the page cache is bumped once committed
            meeting_services.update_meeting(actor=None, meeting=held, **changes)

    held = meeting(cwg_cop(), 30, datetime.date(2099, 6, 5), datetime.date(2099, 6, 6), venue="Geneva")
    assert _revision_lines(client) == [
        "DTSTART;VALUE=DATE:20990605",
        "SEQUENCE:0",
        "LOCATION:Geneva",
        "STATUS:CONFIRMED",
    ]
    update(start_date=datetime.date(2099, 6, 12), end_date=datetime.date(2099, 6, 13))
    assert _revision_lines(client) == [
        "DTSTART;VALUE=DATE:20990612",
        "SEQUENCE:1",
        "LOCATION:Geneva",
        "STATUS:CONFIRMED",
    ]
    update(venues={"en": "Bern", "fr": "Berne"})
    assert _revision_lines(client) == ["DTSTART;VALUE=DATE:20990612", "SEQUENCE:2", "LOCATION:Bern", "STATUS:CONFIRMED"]
    # The themes and the summary are not in the calendar entry; opening the meeting leaves it CONFIRMED.
    update(themes={"en": "Age assurance"}, status="open")
    assert _revision_lines(client) == ["DTSTART;VALUE=DATE:20990612", "SEQUENCE:2", "LOCATION:Bern", "STATUS:CONFIRMED"]
    update(remote_link="https://meet.example.org/30")
    assert Meeting.objects.get(pk=held.pk).sequence == 3
    with django_capture_on_commit_callbacks(execute=True):
        meeting_services.change_meeting_status(actor=None, meeting=held, status="cancelled")
    assert _revision_lines(client) == ["DTSTART;VALUE=DATE:20990612", "SEQUENCE:4", "LOCATION:Bern", "STATUS:CANCELLED"]


def test_a_participants_calendar_file_carries_the_meetings_sequence() -> None:
    moved = meeting(cwg_cop(), 31, datetime.date(2099, 7, 1), datetime.date(2099, 7, 2), venue="Geneva")
    meeting_services.update_meeting(actor=None, meeting=moved, format="virtual")
    text = participant_calendar(Meeting.objects.get(pk=moved.pk)).decode()
    assert [line for line in text.split("\r\n") if line.startswith(("SEQUENCE:", "METHOD:"))] == [
        "METHOD:PUBLISH",
        "SEQUENCE:1",
    ]
