"""Every e-mail of the platform leaves through the task queue, after the change it reports is committed.

A request never talks to the SMTP server: :func:`send_later` stores the finished message as a task
(``cwgcop.core.tasks.deliver_email``), called by services once their transaction commits, so an SMTP server
that is down or slow can neither fail nor slow down the request, and a delivery that fails is tried again by the worker
(``CWGCOP_EMAIL_ATTEMPTS`` attempts, waiting longer each time). With the in-process task backend (the
default of a fresh checkout) the message is sent at once after the commit, and a failure is logged.
"""

from __future__ import annotations

import base64
import logging
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives

logger = logging.getLogger("cwgcop.mail")


def message_data(message: EmailMessage) -> dict[str, Any]:
    """The message as JSON-safe data (a task's arguments are stored as JSON)."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment[0], attachment[1], attachment[2]
        raw = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    alternatives = [[str(a[0]), a[1]] for a in getattr(message, "alternatives", [])]
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "attachments": attachments,
        "alternatives": alternatives,
        "content_subtype": message.content_subtype,
    }


def message_from(data: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data.get("from_email"),
        to=data.get("to") or [],
        cc=data.get("cc") or [],
        bcc=data.get("bcc") or [],
        reply_to=data.get("reply_to") or [],
        headers=data.get("headers") or {},
    )
    message.content_subtype = data.get("content_subtype") or "plain"
    for content, mimetype in data.get("alternatives") or []:
        message.attach_alternative(content, mimetype)
    for filename, encoded, mimetype in data.get("attachments") or []:
        message.attach(filename, base64.b64decode(encoded), mimetype)
    return message


def send_later(message: EmailMessage) -> None:
    """Queue ``message`` for delivery. Never raises: a message that cannot even be queued is logged.

    Services call it from ``transaction.on_commit``, so nothing is queued for a change that did not happen.
    With the database task backend the queued row is written in the transaction open at the time (if any), so
    a message and the change it reports are committed together or not at all.
    """
    from cwgcop.core.tasks import deliver_email  # the task module imports this one

    data = message_data(message)
    try:
        deliver_email.enqueue(data)
    except Exception:
        logger.exception("E-mail to %s could not be queued", ", ".join(data["to"]))


def send_many_later(messages: list[EmailMessage]) -> None:
    for message in messages:
        send_later(message)
