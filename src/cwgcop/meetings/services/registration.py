"""Registering for a meeting, and cancelling a registration."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_countries import countries

from cwgcop.bodies.enums import StakeholderKind
from cwgcop.core import audit
from cwgcop.core.actors import Actor, is_signed_in
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import current_language
from cwgcop.meetings import emails
from cwgcop.meetings.enums import (
    REGISTRABLE_MEETING_STATUSES,
    AttendanceMode,
    MeetingAction,
    MeetingFormat,
    MeetingStatus,
    RegistrationStatus,
)
from cwgcop.meetings.models import Meeting, Registration

REGISTRATION_FIELDS = ("mode", "organization_name", "country", "stakeholder_kind", "accessibility_needs")


def registration_closed_reason(meeting: Meeting, now: datetime.datetime | None = None) -> str | None:
    """Why nobody can register for ``meeting`` now, or ``None`` when registration is open."""
    now = now or timezone.now()
    name = {"meeting": meeting.code}
    if meeting.status == MeetingStatus.CANCELLED:
        return _("Registration for %(meeting)s is closed: the meeting was cancelled.") % name
    if meeting.status not in REGISTRABLE_MEETING_STATUSES or meeting.end_date < timezone.localdate(now):
        return _("Registration for %(meeting)s is closed: the meeting has been held.") % name
    if meeting.registration_deadline is not None and now > meeting.registration_deadline:
        deadline = formats.date_format(timezone.localtime(meeting.registration_deadline), "DATETIME_FORMAT")
        return _("Registration for %(meeting)s closed on %(deadline)s.") % {**name, "deadline": deadline}
    return None


def _check_facts(meeting: Meeting, values: dict[str, Any]) -> dict[str, Any]:
    mode = values.get("mode")
    if mode not in AttendanceMode.values:
        raise DomainError({"mode": _("Choose on site or remote participation.")}, code="mode_invalid")
    if mode == AttendanceMode.REMOTE and meeting.format == MeetingFormat.IN_PERSON:
        raise DomainError({"mode": _("This meeting is held in person only.")}, code="mode_unavailable")
    if mode == AttendanceMode.ONSITE and meeting.format == MeetingFormat.VIRTUAL:
        raise DomainError({"mode": _("This meeting is held online only.")}, code="mode_unavailable")
    organization = (values.get("organization_name") or "").strip()
    if not organization or len(organization) > 250:
        raise DomainError({"organization_name": _("Give your organisation's name.")}, code="organization_missing")
    country = (values.get("country") or "").strip().upper()
    if country not in dict(countries):
        raise DomainError({"country": _("Choose a country from the list.")}, code="country_invalid")
    if values.get("stakeholder_kind") not in StakeholderKind.values:
        raise DomainError({"stakeholder_kind": _("Choose a stakeholder kind.")}, code="stakeholder_kind_invalid")
    needs = (values.get("accessibility_needs") or "").strip()
    return {
        "mode": mode,
        "organization_name": organization,
        "country": country,
        "stakeholder_kind": values["stakeholder_kind"],
        "accessibility_needs": needs[:2000],
    }


@transaction.atomic
def register_for_meeting(
    *,
    actor: Actor,
    meeting: Meeting,
    mode: str,
    organization_name: str,
    country: str,
    stakeholder_kind: str,
    accessibility_needs: str = "",
) -> Registration:
    """Register the signed-in ``actor`` for ``meeting``, on site or remotely.

    Refused when registration is closed (a held or cancelled meeting, a past deadline) and when the
    person is already registered. A cancelled registration is renewed rather than duplicated. Once
    committed, the person is sent a confirmation e-mail with the meeting as an ``.ics`` attachment.
    """
    if not is_signed_in(actor):
        raise DomainError(_("Sign in to register for a meeting."), code="sign_in_required")
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    reason = registration_closed_reason(meeting)
    if reason:
        raise DomainError(reason, code="registration_closed")
    facts = _check_facts(
        meeting,
        {
            "mode": mode,
            "organization_name": organization_name,
            "country": country,
            "stakeholder_kind": stakeholder_kind,
            "accessibility_needs": accessibility_needs,
        },
    )
    registration = Registration.objects.filter(meeting=meeting, user=actor).first()
    if registration is not None and registration.is_active:
        raise DomainError(
            _("You are already registered for %(meeting)s.") % {"meeting": meeting.code}, code="registration_duplicate"
        )
    before = audit.snapshot(registration) if registration is not None else {}
    registration = registration or Registration(meeting=meeting, user=actor)
    for name, value in facts.items():
        setattr(registration, name, value)
    registration.derive_region()
    registration.status = RegistrationStatus.REGISTERED
    registration.cancelled_at = None
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:  # a second request of the same person won the race
        raise DomainError(
            _("You are already registered for %(meeting)s.") % {"meeting": meeting.code}, code="registration_duplicate"
        ) from exc
    action = MeetingAction.REGISTRATION_RENEW if before else MeetingAction.REGISTRATION_CREATE
    audit.record(actor=actor, action=action, instance=registration, before=before)
    language = current_language()
    transaction.on_commit(lambda: emails.send_registration_confirmation(registration.pk, language))
    return registration


@transaction.atomic
def cancel_registration(*, actor: Actor, registration: Registration) -> Registration:
    """Cancel a registration (the person's own, or by the secretariat). Recorded attendance stays."""
    registration = Registration.objects.select_for_update().select_related("meeting").get(pk=registration.pk)
    if not registration.is_active:
        raise DomainError(_("This registration is already cancelled."), code="registration_cancelled")
    before = audit.snapshot(registration)
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    audit.record(actor=actor, action=MeetingAction.REGISTRATION_CANCEL, instance=registration, before=before)
    return registration
