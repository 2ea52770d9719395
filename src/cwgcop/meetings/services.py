"""Every change to meetings goes through these functions (one transaction, one audit entry each)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.meetings.enums import MeetingFormat, MeetingStatus
from cwgcop.meetings.models import Meeting

MEETING_FIELDS = (
    "start_date",
    "end_date",
    "format",
    "remote_link",
    "contribution_deadline",
    "status",
    "participants_total",
    "participants_onsite",
    "participants_remote",
)


def _apply(meeting: Meeting, venues: dict[str, str] | None, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name not in MEETING_FIELDS:
            raise TypeError(f"unknown meeting field {name}")
        setattr(meeting, name, value)
    for code, text in (venues or {}).items():
        if code not in LANGUAGE_ORDER:
            raise DomainError(_("Unknown language: %(codes)s.") % {"codes": code}, code="language_invalid")
        setattr(meeting, f"venue_{field_suffix(code)}", (text or "").strip())
    # ``meeting.venue`` is not assigned: modeltranslation would write it into the active language's field.
    if meeting.format not in MeetingFormat.values:
        raise DomainError(_("Unknown meeting format."), code="format_invalid")
    if meeting.status not in MeetingStatus.values:
        raise DomainError(_("Unknown meeting status."), code="status_invalid")
    try:
        meeting.clean()
    except ValidationError as exc:
        raise DomainError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from exc
    for figure in ("participants_total", "participants_onsite", "participants_remote"):
        value = getattr(meeting, figure)
        if value is not None and value < 0:
            raise DomainError(_("Participant figures cannot be negative."), code="figure_negative")


@transaction.atomic
def create_meeting(
    *,
    actor: Any,
    body: Body,
    number: int,
    start_date: datetime.date,
    end_date: datetime.date,
    venues: dict[str, str] | None = None,
    **values: Any,
) -> Meeting:
    """Create the ``number``-th meeting of ``body``. Numbers are unique per body."""
    if number < 1:
        raise DomainError(_("A meeting number starts at 1."), code="number_invalid")
    if Meeting.objects.filter(body=body, number=number).exists():
        raise DomainError(
            _("%(body)s already has a meeting number %(number)s.") % {"body": body.acronym, "number": number},
            code="number_taken",
        )
    meeting = Meeting(body=body, number=number, start_date=start_date, end_date=end_date)
    _apply(meeting, venues, values)
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError as exc:
        raise DomainError(
            _("%(body)s already has a meeting number %(number)s.") % {"body": body.acronym, "number": number},
            code="number_taken",
        ) from exc
    audit.record(actor=actor, action="meeting.create", instance=meeting)
    bump_archive_generation()
    return meeting


@transaction.atomic
def update_meeting(*, actor: Any, meeting: Meeting, venues: dict[str, str] | None = None, **values: Any) -> Meeting:
    """Change a meeting's dates, venue, format, status, links or participant figures."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    before = audit.snapshot(meeting)
    _apply(meeting, venues, values)
    meeting.save()
    audit.record(actor=actor, action="meeting.update", instance=meeting, before=before)
    bump_archive_generation()
    return meeting
