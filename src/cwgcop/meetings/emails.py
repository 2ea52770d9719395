"""E-mails about meetings. Called after the change is committed (``transaction.on_commit``)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cwgcop.core.outbox import send_later
from cwgcop.meetings import calendar
from cwgcop.meetings.models import Registration


def send_registration_confirmation(registration_id: int, language: str) -> None:
    """Confirm a registration in the language the person registered in, with the meeting as ``.ics``."""
    registration = Registration.objects.select_related("meeting", "meeting__body", "user").get(pk=registration_id)
    email = registration.user.email
    if not email:
        return
    meeting = registration.meeting
    with translation.override(language):
        subject = _("Your registration for %(meeting)s") % {"meeting": meeting.code}
        body = render_to_string(
            "meetings/email/registration_confirmed.txt",
            {"registration": registration, "meeting": meeting, "site_url": settings.SITE_URL},
        )
    message = EmailMessage(subject=subject, body=body, to=[email])
    message.attach(f"{meeting.code}.ics", calendar.participant_calendar(meeting), "text/calendar")
    send_later(message)
