"""Creating and changing meetings (one transaction, one audit entry each)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.core.translated_fields import set_translations
from cwgcop.meetings.enums import OPEN_MEETING_STATUSES, MeetingAction, MeetingFormat, MeetingStatus
from cwgcop.meetings.models import Meeting
from cwgcop.meetings.services.actions import carry_forward_open_actions

# Statuses in which a meeting has had the open action items of the earlier meetings on its table.
CARRYING_STATUSES = OPEN_MEETING_STATUSES | {MeetingStatus.HELD}

FIGURES = ("participants_total", "participants_onsite", "participants_remote")

MEETING_FIELDS = (
    "start_date",
    "end_date",
    "format",
    "remote_link",
    "remote_link_private",
    "registration_deadline",
    "contribution_deadline",
    "status",
    "participants_total",
    "participants_onsite",
    "participants_remote",
)


def _calendar_entry(meeting: Meeting) -> tuple[Any, ...]:
    """What the meeting's calendar entry (``meetings/calendar.py``) shows that the secretariat can change: dates,
    venue in every language, format, remote link and whether it is private, and whether the meeting is cancelled."""
    return (
        meeting.start_date,
        meeting.end_date,
        *(getattr(meeting, f"venue_{field_suffix(code)}") for code in LANGUAGE_ORDER),
        meeting.format,
        meeting.remote_link,
        meeting.remote_link_private,
        meeting.status == MeetingStatus.CANCELLED,
    )


def _apply(meeting: Meeting, texts: dict[str, dict[str, str] | None], values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name not in MEETING_FIELDS:
            raise TypeError(f"unknown meeting field {name}")
        setattr(meeting, name, value)
    for field, translations in texts.items():
        set_translations(meeting, field, translations)
    if meeting.format not in MeetingFormat.values:
        raise DomainError(_("Unknown meeting format."), code="format_invalid")
    if meeting.status not in MeetingStatus.values:
        raise DomainError(_("Unknown meeting status."), code="status_invalid")
    if meeting.end_date < meeting.start_date:
        raise DomainError(_("The meeting cannot end before it starts."), code="end_before_start")
    if meeting.remote_link:
        try:
            URLValidator(schemes=["https", "http"])(meeting.remote_link)
        except ValidationError as exc:
            raise DomainError(
                _("The remote participation link is not a web address."), code="remote_link_invalid"
            ) from exc
    try:
        meeting.clean()
    except ValidationError as exc:
        raise DomainError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from exc
    for figure in FIGURES:
        value = getattr(meeting, figure)
        if value is not None and value < 0:
            raise DomainError(_("Participant figures cannot be negative."), code="figure_negative")


@transaction.atomic
def create_meeting(
    *,
    actor: Actor,
    body: Body,
    number: int,
    start_date: datetime.date,
    end_date: datetime.date,
    venues: dict[str, str] | None = None,
    themes: dict[str, str] | None = None,
    summaries: dict[str, str] | None = None,
    **values: Any,
) -> Meeting:
    """Create the ``number``-th meeting of ``body``. Numbers are unique per body.

    The remote participation link of a new meeting is for registered participants only unless
    ``remote_link_private=False`` is given.

    ``venues``, ``themes`` and ``summaries`` map language codes to text. A meeting created open takes the
    action items still open from the body's earlier meetings (see :func:`carry_forward_open_actions`).
    """
    if number < 1:
        raise DomainError(_("A meeting number starts at 1."), code="number_invalid")
    if Meeting.objects.filter(body=body, number=number).exists():
        raise DomainError(
            _("%(body)s already has a meeting number %(number)s.") % {"body": body.acronym, "number": number},
            code="number_taken",
        )
    meeting = Meeting(body=body, number=number, start_date=start_date, end_date=end_date, remote_link_private=True)
    _apply(meeting, {"venue": venues, "themes": themes, "summary": summaries}, values)
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError as exc:
        raise DomainError(
            _("%(body)s already has a meeting number %(number)s.") % {"body": body.acronym, "number": number},
            code="number_taken",
        ) from exc
    audit.record(actor=actor, action=MeetingAction.CREATE, instance=meeting)
    # A past meeting entered as already held had the open items of the earlier ones on its table too.
    if meeting.status in CARRYING_STATUSES:
        carry_forward_open_actions(actor=actor, meeting=meeting)
    bump_archive_generation()
    return meeting


@transaction.atomic
def update_meeting(
    *,
    actor: Actor,
    meeting: Meeting,
    venues: dict[str, str] | None = None,
    themes: dict[str, str] | None = None,
    summaries: dict[str, str] | None = None,
    **values: Any,
) -> Meeting:
    """Change a meeting's dates, venue, format, status, links, themes, summary or participant figures.

    A change the calendar entry shows (dates, venue, format, remote link, cancellation) raises ``sequence``, the
    entry's iCalendar SEQUENCE. Participant figures cannot be typed for a meeting with recorded attendance: they
    are counted from it.
    When the meeting opens (planned → open, in session or, entered late, held), open action items are carried
    forward to it.
    """
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    before = audit.snapshot(meeting)
    was_carrying = meeting.status in CARRYING_STATUSES
    typed = any(name in values and values[name] != getattr(meeting, name) for name in FIGURES)
    if typed and meeting.attendance.exists():
        raise DomainError(
            _("This meeting's participant figures are counted from its attendance list; change the list instead."),
            code="figures_from_attendance",
        )
    calendar_before = _calendar_entry(meeting)
    _apply(meeting, {"venue": venues, "themes": themes, "summary": summaries}, values)
    if _calendar_entry(meeting) != calendar_before:
        meeting.sequence += 1
    meeting.save()
    audit.record(actor=actor, action=MeetingAction.UPDATE, instance=meeting, before=before)
    if meeting.status in CARRYING_STATUSES and not was_carrying:
        carry_forward_open_actions(actor=actor, meeting=meeting)
    bump_archive_generation()
    return meeting


def change_meeting_status(*, actor: Actor, meeting: Meeting, status: str) -> Meeting:
    """Move ``meeting`` to ``status`` (planned, open, in session, held, cancelled), with :func:`update_meeting`'s
    checks and side effects (an opening meeting takes the open action items)."""
    return update_meeting(actor=actor, meeting=meeting, status=status)
