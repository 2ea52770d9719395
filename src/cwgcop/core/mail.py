"""The development e-mail backend: every message in the terminal and as a file under ``var/mail/``.

`python3 dev.py demo` selects it, so a person trying the platform can open the confirmation link of a
registration or a sign-up from a file after the terminal has scrolled on. Production sets a real backend
(``CWGCOP_EMAIL_BACKEND``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend


class DevelopmentBackend(BaseEmailBackend):
    """Writes each message to the console and to a file in ``EMAIL_FILE_PATH`` (one file per connection)."""

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently)
        self.console = ConsoleBackend(fail_silently=fail_silently, **kwargs)
        self.files = FileBackend(fail_silently=fail_silently, **kwargs)

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        self.files.send_messages(email_messages)
        return self.console.send_messages(email_messages)
