"""E-mails to registrants, each in the language they registered in. Queued after the change is committed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.core.outbox import send_later, send_many_later
from cwgcop.events.calendar import calendar_bytes
from cwgcop.events.enums import RegistrationStatus

if TYPE_CHECKING:
    from cwgcop.events.models import Event, Registration


def personal_url(registration: Registration, secret: str, action: str = "manage") -> str:
    with override(registration.language):
        path = reverse(f"events:registration-{action}", kwargs={"public_id": registration.public_id, "secret": secret})
    return f"{settings.SITE_URL}{path}"


def _send(
    registration: Registration, subject: str, template: str, context: dict[str, object], ics: bool = False
) -> None:
    with override(registration.language):
        body = render_to_string(template, {"registration": registration, "event": registration.event, **context})
        message = EmailMessage(subject=subject, body=body, to=[registration.email])
        if ics:
            message.attach(
                "event.ics",
                calendar_bytes([registration.event], registration.event.display_title, with_link=True),
                "text/calendar",
            )
    send_later(message)


def send_address_confirmation(registration: Registration, secret: str) -> None:
    with override(registration.language):
        subject = _("Confirm your registration: %(event)s") % {"event": registration.event.display_title}
    _send(
        registration,
        subject,
        "events/email/confirm_address.txt",
        {
            "confirm_url": personal_url(registration, secret, "confirm"),
            "manage_url": personal_url(registration, secret),
        },
    )


def send_status(registration: Registration, *, promoted: bool) -> None:
    with override(registration.language):
        subject = (_("A place is now yours: %(event)s") if promoted else _("You are registered: %(event)s")) % {
            "event": registration.event.display_title
        }
    _send(registration, subject, "events/email/confirmed.txt", {"promoted": promoted}, ics=True)


def send_waitlisted(registration: Registration) -> None:
    with override(registration.language):
        subject = _("You are on the waiting list: %(event)s") % {"event": registration.event.display_title}
    _send(registration, subject, "events/email/waitlisted.txt", {})


def send_cancelled(registration: Registration) -> None:
    if registration.erased_at is not None:
        return
    with override(registration.language):
        subject = _("Your registration is cancelled: %(event)s") % {"event": registration.event.display_title}
    _send(registration, subject, "events/email/cancelled.txt", {})


def send_bulk(event: Event, subject: str, message: str, recipients: list[str]) -> None:
    send_many_later([EmailMessage(subject=subject, body=message, to=[address]) for address in recipients])


def send_postponed(registrations: list[Registration]) -> None:
    """Each registrant learns the new dates in their language; confirmed people get the new calendar file."""
    for registration in registrations:
        with override(registration.language):
            subject = _("Postponed: %(event)s") % {"event": registration.event.display_title}
        confirmed = registration.status == RegistrationStatus.CONFIRMED
        _send(registration, subject, "events/email/postponed.txt", {"confirmed": confirmed}, ics=confirmed)


def send_event_cancelled(registrations: list[Registration], reason: str) -> None:
    """Confirmed people get the calendar file marked cancelled, so their calendar app removes the entry."""
    for registration in registrations:
        with override(registration.language):
            subject = _("Cancelled: %(event)s") % {"event": registration.event.display_title}
        confirmed = registration.status == RegistrationStatus.CONFIRMED
        _send(registration, subject, "events/email/event_cancelled.txt", {"reason": reason}, ics=confirmed)
