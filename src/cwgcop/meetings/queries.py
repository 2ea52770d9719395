"""Queries of meetings, with their joins decided here."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from cwgcop.meetings.citations import archive
from cwgcop.meetings.enums import MeetingStatus, RegistrationStatus
from cwgcop.meetings.models import (
    ActionItem,
    AgendaItem,
    CarriedAction,
    Meeting,
    MeetingOfficer,
    Outcome,
    Registration,
)


def public_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("body").order_by("-start_date", "-number")


def officers() -> Prefetch[Any]:
    """A meeting's chair and vice-chairs with what names them (account, profile, organisation), in one query."""
    return Prefetch(
        "officers",
        queryset=MeetingOfficer.objects.select_related("user", "user__profile", "organization").order_by(
            "position", "id"
        ),
    )


def meeting(body_slug: str, number: int) -> Meeting | None:
    return public_meetings().filter(body__slug=body_slug, number=number).first()


def meeting_with_officers(body_slug: str, number: int) -> Meeting | None:
    """The meeting as its public page and the API show it: with its chair and vice-chairs."""
    return public_meetings().prefetch_related(officers()).filter(body__slug=body_slug, number=number).first()


def meeting_id_by_code(code: str) -> int | None:
    """The id of the meeting with ``code`` (``CWG-COP-21``: the body's symbol prefix and the number), if any."""
    prefix, _dash, number = code.strip().rpartition("-")
    if not (number.isdigit() and prefix):
        return None
    found = (
        Meeting.objects.filter(number=int(number), body__symbol_prefix__iexact=prefix)
        .values_list("pk", flat=True)
        .first()
    )
    return None if found is None else int(found)


def upcoming(today: datetime.date | None = None) -> QuerySet[Meeting]:
    today = today or timezone.localdate()
    return (
        public_meetings()
        .filter(end_date__gte=today)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("start_date", "number")
    )


def recent(today: datetime.date | None = None) -> QuerySet[Meeting]:
    today = today or timezone.localdate()
    return public_meetings().filter(end_date__lt=today)


def documents_by_kind(meeting: Meeting) -> dict[str, list[Any]]:
    """The rows of the meeting's published documents grouped by kind (see :mod:`cwgcop.meetings.citations`)."""
    return archive().rows_by_kind(meeting)


def _published_documents() -> Prefetch[Any]:
    return Prefetch("documents", queryset=archive().published())


def agenda(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The meeting's agenda items in order, each with its published documents."""
    return AgendaItem.objects.filter(meeting=meeting).prefetch_related(_published_documents()).order_by("position")


def outcomes_with_links() -> QuerySet[Outcome]:
    """Outcomes with their published documents, bodies and action items."""
    return Outcome.objects.select_related("meeting", "meeting__body").prefetch_related(
        _published_documents(),
        "bodies",
        Prefetch("action_items", queryset=action_items().order_by("number")),
    )


def outcomes(meeting: Meeting) -> QuerySet[Outcome]:
    """The meeting's outcomes in order, with their links."""
    return outcomes_with_links().filter(meeting=meeting).order_by("position", "id")


def action_items() -> QuerySet[ActionItem]:
    """Action items with everything the register shows about them."""
    return ActionItem.objects.select_related(
        "meeting",
        "meeting__body",
        "outcome",
        "owner_organization",
        "owner_body",
        "evidence_document",
        "evidence_outcome",
        "evidence_outcome__meeting",
        "evidence_outcome__meeting__body",
        "closed_at_meeting",
        "closed_at_meeting__body",
    )


def action_register() -> QuerySet[ActionItem]:
    """Every action item, oldest meeting first (the register filters this)."""
    return action_items().order_by("meeting__start_date", "meeting__number", "number")


def carried_actions(meeting: Meeting) -> list[ActionItem]:
    """The items that were open when ``meeting`` opened, in the order they were raised."""
    carried = CarriedAction.objects.filter(meeting=meeting).values_list("action_item_id", flat=True)
    return list(action_items().filter(pk__in=carried).order_by("meeting__number", "number"))


def registrations(meeting: Meeting) -> QuerySet[Registration]:
    """The meeting's active registrations, with the person and any attendance ticked for them."""
    return (
        Registration.objects.filter(meeting=meeting, status=RegistrationStatus.REGISTERED)
        .select_related("user", "attendance")
        .order_by("created_at", "id")
    )


def registration_of(user: Any, meeting: Meeting) -> Registration | None:
    """``user``'s registration for ``meeting`` (active or cancelled), if any."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Registration.objects.filter(meeting=meeting, user=user).first()
