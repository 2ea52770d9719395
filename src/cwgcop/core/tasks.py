"""Background work of the ground floor: delivering e-mail, with retries (see cwgcop.core.outbox)."""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from cwgcop.core.outbox import message_from

logger = logging.getLogger("cwgcop.mail")


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long to wait before attempt ``attempt + 1``: 1, 5, 25, 125 minutes… at most six hours."""
    return datetime.timedelta(minutes=min(5 ** (attempt - 1), 360))


@task()
def deliver_email(data: dict[str, Any], attempt: int = 1) -> int:
    """Send one message; when the server refuses or cannot be reached, queue a later attempt and fail this one.

    Returns the number of messages sent (1). After ``CWGCOP_EMAIL_ATTEMPTS`` attempts the message is given up
    and the failure logged; the person can ask for it again (e.g. registering again re-sends the link).
    """
    try:
        return message_from(data).send()
    except Exception:
        to = ", ".join(data.get("to") or [])
        backend = deliver_email.get_backend()
        if attempt < settings.CWGCOP_EMAIL_ATTEMPTS and backend.supports_defer:
            run_after = timezone.now() + retry_delay(attempt)
            deliver_email.using(run_after=run_after).enqueue(data, attempt + 1)
            logger.warning("E-mail to %s not sent (attempt %s); trying again after %s", to, attempt, run_after)
        else:
            logger.exception("E-mail to %s not sent after %s attempt(s); given up", to, attempt)
        raise
