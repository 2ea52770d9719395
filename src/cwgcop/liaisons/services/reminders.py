"""Deadline reminders: one e-mail per statement for action whose deadline is near or passed."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.liaisons.enums import LiaisonAction
from cwgcop.liaisons.models import LiaisonStatement

logger = logging.getLogger(__name__)


def reminder_recipients(statement: LiaisonStatement) -> list[str]:
    """The secretariat of the bodies the statement is addressed to (and above them), and the configured list."""
    bodies: list[Body] = []
    for body in statement.to_bodies.all():
        current: Body | None = body
        while current is not None and current not in bodies:
            bodies.append(current)
            current = current.parent
    emails = Role.objects.filter(kind=RoleKind.SECRETARIAT, body__in=bodies, user__is_active=True).values_list(
        "user__email", flat=True
    )
    found = {e for e in emails if e} | set(settings.CWGCOP_LIAISON_REMINDER_EMAILS)
    return sorted(found)


def _deliver(statement_pk: int, subject: str, message: str, recipients: list[str]) -> None:
    try:
        send_mail(subject, message, None, recipients)
    except Exception:
        # Undelivered: forget the reminder so that tomorrow's run tries again.
        logger.exception("The deadline reminder for liaison statement %s could not be sent", statement_pk)
        LiaisonStatement.objects.filter(pk=statement_pk).update(reminder_sent_at=None)


@transaction.atomic
def send_deadline_reminder(*, actor: Actor, statement: LiaisonStatement) -> bool:
    """E-mail the reminder for ``statement`` unless it was already sent; say whether one went out.

    The statement is marked first and the e-mail leaves after commit, so two runs at once send one
    reminder. A changed deadline clears the mark (see ``update_statement``), so the new one is reminded.
    """
    statement = LiaisonStatement.objects.select_for_update().get(pk=statement.pk)
    if statement.reminder_sent_at is not None:
        return False
    recipients = reminder_recipients(statement)
    if not recipients:
        logger.warning("Nobody to remind about liaison statement %s: no secretariat e-mail address", statement.pk)
        return False
    statement.reminder_sent_at = timezone.now()
    statement.save(update_fields=["reminder_sent_at"])
    audit.record(
        actor=actor,
        action=LiaisonAction.REMINDER,
        instance=statement,
        before={"reminder_sent_at": None},
        after={"reminder_sent_at": statement.reminder_sent_at.isoformat(), "to": recipients},
    )
    with override(settings.LANGUAGE_CODE):
        context = {"statement": statement, "site_url": settings.SITE_URL, "today": timezone.localdate()}
        subject = " ".join(render_to_string("liaisons/email/reminder_subject.txt", context).split())
        message = render_to_string("liaisons/email/reminder.txt", context)
    pk = statement.pk
    transaction.on_commit(lambda: _deliver(pk, subject, message, recipients))
    return True


def send_due_reminders(*, actor: Actor, statements: Iterable[LiaisonStatement]) -> int:
    """Send the reminder of each statement (each in its own transaction); return how many went out."""
    return sum(1 for statement in statements if send_deadline_reminder(actor=actor, statement=statement))
