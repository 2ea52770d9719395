"""iCalendar (RFC 5545) output for meetings."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import icalendar
from django.conf import settings
from django.utils import timezone

from cwgcop.core.formatting import meeting_name
from cwgcop.meetings.enums import MeetingStatus
from cwgcop.meetings.models import Meeting


def meeting_event(meeting: Meeting, *, include_private_link: bool = False) -> icalendar.Event:
    """The meeting as an all-day event. A private remote link is left out unless asked for (a participant's copy)."""
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.body.slug}-{meeting.number}@cwgcop")
    event.add("summary", meeting_name(meeting.body.acronym, meeting.number))
    event.add("dtstart", meeting.start_date)
    # All-day events end on the day after the last day (RFC 5545, DTEND is exclusive).
    event.add("dtend", meeting.end_date + datetime.timedelta(days=1))
    event.add("dtstamp", meeting.updated_at or timezone.now())
    # Raised by every change shown here (rescheduled, moved, cancelled): calendar apps replace an entry only for a
    # higher one.
    event.add("sequence", meeting.sequence)
    if meeting.display_venue:
        event.add("location", meeting.display_venue)
    event.add("status", "CANCELLED" if meeting.status == MeetingStatus.CANCELLED else "CONFIRMED")
    event.add("url", f"{settings.SITE_URL}{meeting.get_absolute_url()}")
    description = [meeting.get_format_display()]
    if meeting.remote_link and (include_private_link or not meeting.remote_link_private):
        description.append(meeting.remote_link)
    event.add("description", "\n".join(str(d) for d in description))
    return event


def meetings_calendar(meetings: Iterable[Meeting]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//cwgcop//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "cwgcop meetings")
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    return bytes(calendar.to_ical())


def participant_calendar(meeting: Meeting) -> bytes:
    """The one-event calendar sent to a registered participant, with the remote link even when it is private.

    It shares the event's UID with the public feed, so a calendar that holds both keeps one event.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//cwgcop//meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(meeting_event(meeting, include_private_link=True))
    return bytes(calendar.to_ical())
