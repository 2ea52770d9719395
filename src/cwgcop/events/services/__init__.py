"""Every change to events and registrations. Capacity is exact and enforced by the database.

A registration counts only once its e-mail address is confirmed. Confirming takes a place with one
conditional ``UPDATE … SET confirmed_count = confirmed_count + 1 WHERE confirmed_count < capacity``; the
``event_not_overbooked`` check constraint refuses any write that would pass capacity. When no place is left the
registration joins the waiting list in the order of confirmation; a cancellation hands its place to the first
on the list in the same transaction.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.bodies.regions import region_of
from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.events import notifications
from cwgcop.events.enums import (
    ACTIVE_STATUSES,
    AttendanceMode,
    EventAction,
    EventFormat,
    EventStatus,
    RegistrationStatus,
)
from cwgcop.events.models import Event, Registration

ERASED = "—"


@dataclass(frozen=True)
class Applicant:
    """What a person types into the public registration form."""

    name: str
    email: str
    organization: str
    country: str
    stakeholder_kind: str
    attendance_mode: str
    needs_sign_language: bool = False
    sign_language: str = ""
    needs_captions: bool = False
    accessibility_other: str = ""
    consent: bool = False
    language: str = "en"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _registration_state(registration: Registration) -> dict[str, Any]:
    # Audit entries never hold personal data, so erasing a registration leaves nothing behind in the log.
    return {"event": registration.event_id, "status": registration.status, "mode": registration.attendance_mode}


def _check_applicant(event: Event, applicant: Applicant, now: datetime.datetime) -> str:
    if event.status == EventStatus.CANCELLED:
        raise DomainError(_("This event is cancelled."), code="event_cancelled")
    if not event.registration_is_open(now):
        raise DomainError(_("Registration for this event is not open."), code="registration_closed")
    if not applicant.consent:
        raise DomainError(_("Please accept the privacy notice to register."), code="consent_missing")
    if not applicant.name.strip():
        raise DomainError(_("Please give your name."), code="name_missing")
    email = applicant.email.strip().lower()
    try:
        validate_email(email)
    except ValidationError as exc:
        raise DomainError(
            _("“%(email)s” is not a valid e-mail address.") % {"email": email[:100]}, code="email_invalid"
        ) from exc
    allowed = {
        EventFormat.ONLINE: {AttendanceMode.ONLINE},
        EventFormat.IN_PERSON: {AttendanceMode.IN_PERSON},
        EventFormat.HYBRID: {AttendanceMode.ONLINE, AttendanceMode.IN_PERSON},
    }[EventFormat(event.format)]
    if applicant.attendance_mode not in allowed:
        raise DomainError(_("This event cannot be attended that way."), code="mode_invalid")
    return email


def _duplicate() -> DomainError:
    return DomainError(
        _("This e-mail address is already registered for this event. Use the link in your e-mail to change it."),
        code="registration_duplicate",
    )


@transaction.atomic
def register(*, event: Event, applicant: Applicant, now: datetime.datetime | None = None) -> tuple[Registration, str]:
    """Record a registration waiting for its e-mail address to be confirmed; e-mail the confirmation link.

    Registering again with an address whose registration is still unconfirmed sends the link again (a new
    one: the old link stops working) instead of refusing: the first message may never have arrived. Returns
    the registration and the secret of its personal link (only its hash is stored).
    """
    now = now or timezone.now()
    email = _check_applicant(event, applicant, now)
    existing = lock_rows(
        Registration.objects.filter(event=event, email=email, status__in=ACTIVE_STATUSES, erased_at__isnull=True)
    ).first()
    if existing is not None:
        if existing.status != RegistrationStatus.PENDING:
            raise _duplicate()
        return _send_confirmation_again(existing)
    region = region_of(applicant.country)
    secret = secrets.token_urlsafe(24)
    registration = Registration(
        event=event,
        name=applicant.name.strip()[:200],
        email=email,
        organization=applicant.organization.strip()[:250],
        country=applicant.country,
        region=region.value if region else "",
        stakeholder_kind=applicant.stakeholder_kind,
        attendance_mode=applicant.attendance_mode,
        needs_sign_language=applicant.needs_sign_language,
        sign_language=applicant.sign_language.strip()[:100] if applicant.needs_sign_language else "",
        needs_captions=applicant.needs_captions,
        accessibility_other=applicant.accessibility_other.strip()[:1000],
        language=applicant.language,
        consented_at=now,
        secret_hash=hash_secret(secret),
    )
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as exc:  # a second request with the same address won the race
        raise _duplicate() from exc
    audit.record(
        actor=None, action=EventAction.REGISTER, instance=registration, after=_registration_state(registration)
    )
    transaction.on_commit(lambda: notifications.send_address_confirmation(registration, secret))
    return registration, secret


def _send_confirmation_again(registration: Registration) -> tuple[Registration, str]:
    """A new personal link for an unconfirmed registration, e-mailed after commit (the person's details stay)."""
    secret = secrets.token_urlsafe(24)
    registration.secret_hash = hash_secret(secret)
    registration.save(update_fields=["secret_hash"])
    audit.record(
        actor=None,
        action=EventAction.CONFIRMATION_RESENT,
        instance=registration,
        after=_registration_state(registration),
    )
    transaction.on_commit(lambda: notifications.send_address_confirmation(registration, secret))
    return registration, secret


def registration_for_link(public_id: str, secret: str) -> Registration:
    """The registration a personal link points to; a forged or mistyped link is refused."""
    registration = Registration.objects.select_related("event", "event__series").filter(public_id=public_id).first()
    if registration is None or not secrets.compare_digest(registration.secret_hash, hash_secret(secret)):
        raise DomainError(_("This link is not valid. Check that you copied the whole link."), code="link_invalid")
    if registration.erased_at is not None:
        raise DomainError(_("This registration was erased."), code="registration_erased")
    return registration


def _take_place(event_id: int) -> bool:
    """Take one place if one is left, in a single statement the database serialises."""
    taken = Event.objects.filter(pk=event_id, confirmed_count__lt=F("capacity")).update(
        confirmed_count=F("confirmed_count") + 1
    )
    return taken == 1


def lock_rows(queryset: Any) -> Any:
    if connection.vendor == "postgresql":
        return queryset.select_for_update(of=("self",))
    return queryset  # SQLite: the IMMEDIATE transaction already holds the database's write lock


@transaction.atomic
def confirm_email(*, registration: Registration, now: datetime.datetime | None = None) -> Registration:
    """Count the registration: a place if one is left, else the end of the waiting list. Idempotent."""
    now = now or timezone.now()
    registration = lock_rows(Registration.objects.filter(pk=registration.pk)).get()
    if registration.status != RegistrationStatus.PENDING:
        return registration
    event = Event.objects.select_related("series").get(pk=registration.event_id)
    if now >= event.ends_at:
        raise DomainError(_("This event is over."), code="event_over")
    if event.status == EventStatus.CANCELLED:
        raise DomainError(_("This event is cancelled."), code="event_cancelled")
    registration.email_confirmed_at = now
    if _take_place(event.pk):
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
    else:
        registration.status = RegistrationStatus.WAITLISTED
        registration.waitlisted_at = now
    registration.save(update_fields=["status", "email_confirmed_at", "confirmed_at", "waitlisted_at"])
    audit.record(
        actor=None,
        action=EventAction.REGISTRATION_CONFIRM,
        instance=registration,
        after=_registration_state(registration),
    )
    bump_archive_generation()
    confirmed = registration.status == RegistrationStatus.CONFIRMED
    transaction.on_commit(
        lambda: (
            notifications.send_status(registration, promoted=False)
            if confirmed
            else notifications.send_waitlisted(registration)
        )
    )
    return registration


def promote_waiting_list(event_id: int, now: datetime.datetime, limit: int | None = None) -> list[Registration]:
    """Give free places to the waiting list, first come first served, and tell each person promoted."""
    promoted: list[Registration] = []
    while limit is None or len(promoted) < limit:
        candidates = Registration.objects.filter(event_id=event_id, status=RegistrationStatus.WAITLISTED).order_by(
            "waitlisted_at", "id"
        )
        if connection.vendor == "postgresql":
            candidates = candidates.select_for_update(skip_locked=True)
        first = candidates.first()
        if first is None or not _take_place(event_id):
            break
        first.status = RegistrationStatus.CONFIRMED
        first.confirmed_at = now
        first.save(update_fields=["status", "confirmed_at"])
        audit.record(
            actor=None, action=EventAction.REGISTRATION_PROMOTE, instance=first, after=_registration_state(first)
        )
        promoted.append(first)
    for registration in promoted:
        transaction.on_commit(lambda r=registration: notifications.send_status(r, promoted=True))  # type: ignore[misc]
    return promoted


@transaction.atomic
def cancel(*, registration: Registration, now: datetime.datetime | None = None) -> list[Registration]:
    """Cancel; a confirmed place goes to the first on the waiting list. Returns who was promoted."""
    now = now or timezone.now()
    registration = lock_rows(Registration.objects.filter(pk=registration.pk)).get()
    if registration.status == RegistrationStatus.CANCELLED:
        raise DomainError(_("This registration is already cancelled."), code="registration_cancelled")
    held_place = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    promoted: list[Registration] = []
    if held_place:
        Event.objects.filter(pk=registration.event_id).update(confirmed_count=F("confirmed_count") - 1)
        promoted = promote_waiting_list(registration.event_id, now, limit=1)
    audit.record(
        actor=None,
        action=EventAction.REGISTRATION_CANCEL,
        instance=registration,
        after=_registration_state(registration),
    )
    bump_archive_generation()
    transaction.on_commit(lambda: notifications.send_cancelled(registration))
    return promoted


def _erase(registration: Registration, now: datetime.datetime) -> None:
    registration.name = ERASED
    registration.email = f"erased-{registration.public_id}@invalid"
    registration.organization = ""
    registration.sign_language = ""
    registration.accessibility_other = ""
    registration.erased_at = now
    registration.save(
        update_fields=["name", "email", "organization", "sign_language", "accessibility_other", "erased_at"]
    )


@transaction.atomic
def erase_own(*, registration: Registration, now: datetime.datetime | None = None) -> None:
    """The registrant erases their registration: cancelled if active, personal data blanked at once."""
    now = now or timezone.now()
    if registration.status != RegistrationStatus.CANCELLED:
        cancel(registration=registration, now=now)
        registration.refresh_from_db()
    _erase(registration, now)
    audit.record(
        actor=None,
        action=EventAction.REGISTRATION_ERASE,
        instance=registration,
        after=_registration_state(registration),
    )


@transaction.atomic
def erase_expired(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Blank the personal data of registrations to events that ended more than ``days`` ago. Returns the count."""
    now = now or timezone.now()
    days = settings.CWGCOP_EVENT_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    expired = Registration.objects.filter(event__ends_at__lt=cutoff, erased_at__isnull=True).select_related("event")
    count = 0
    for registration in expired:
        _erase(registration, now)
        count += 1
    return count


@transaction.atomic
def set_capacity(*, actor: Actor, event: Event, capacity: int, now: datetime.datetime | None = None) -> Event:
    """Change the capacity; never below the places already confirmed. Raising it promotes the waiting list."""
    event = lock_rows(Event.objects.filter(pk=event.pk)).get()
    if capacity < event.confirmed_count:
        raise DomainError(
            _("%(confirmed)s people are already confirmed: the capacity cannot be lower than that.")
            % {"confirmed": event.confirmed_count},
            code="capacity_below_confirmed",
        )
    before = audit.snapshot(event, ["capacity"])
    event.capacity = capacity
    event.save(update_fields=["capacity", "updated_at"])
    promote_waiting_list(event.pk, now or timezone.now())
    audit.record(
        actor=actor,
        action=EventAction.CAPACITY,
        instance=event,
        before=before,
        after=audit.snapshot(event, ["capacity"]),
    )
    bump_archive_generation()
    return event


@transaction.atomic
def check_in(*, actor: Actor, registration: Registration, present: bool = True) -> Registration:
    if registration.status != RegistrationStatus.CONFIRMED:
        raise DomainError(_("Only confirmed participants can be checked in."), code="not_confirmed")
    registration.checked_in_at = timezone.now() if present else None
    registration.save(update_fields=["checked_in_at"])
    audit.record(
        actor=actor, action=EventAction.REGISTRATION_CHECK_IN, instance=registration, after={"checked_in": present}
    )
    return registration


@transaction.atomic
def email_registrants(*, actor: Actor, event: Event, subject: str, message: str, statuses: list[str]) -> int:
    """E-mail every registrant of ``event`` in ``statuses``; returns how many will be sent."""
    subject, message = subject.strip(), message.strip()
    if not subject or not message:
        raise DomainError(_("Write a subject and a message."), code="message_missing")
    recipients = list(
        Registration.objects.filter(event=event, status__in=statuses, erased_at__isnull=True).values_list(
            "email", flat=True
        )
    )
    audit.record(
        actor=actor,
        action=EventAction.EMAIL_ALL,
        instance=event,
        after={"subject": subject, "recipients": len(recipients)},
    )
    transaction.on_commit(lambda: notifications.send_bulk(event, subject, message, recipients))
    return len(recipients)
