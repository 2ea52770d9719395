"""Receivers of Django's signals about accounts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from cwgcop.accounts import sessions
from cwgcop.accounts.rules import holds_staff_role
from cwgcop.core.context_processors import STAFF_SESSION_KEY


@receiver(user_logged_in, dispatch_uid="accounts.sign_in")
def on_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Whether the person holds a staff role, read once at sign-in (one query) for two uses: the "Secretariat"
    entry of the menu, so that no page pays a query for it (a role granted later shows at the next sign-in), and
    the staff session's limits, whose absolute clock starts now (``accounts.sessions``)."""
    if request is None or not hasattr(request, "session"):
        return
    staff = holds_staff_role(user)
    request.session[STAFF_SESSION_KEY] = staff
    sessions.start(request, staff=staff)
