"""Receivers of Django's signals about accounts."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from cwgcop.accounts.rules import holds_staff_role
from cwgcop.core.context_processors import STAFF_SESSION_KEY


@receiver(user_logged_in)
def remember_staff_role(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Keep in the session whether the person holds a staff role, for the "Secretariat" entry of the menu.

    Read once at sign-in, so that no page pays a query for it; a role granted later shows at the next sign-in.
    """
    if request is not None and hasattr(request, "session"):
        request.session[STAFF_SESSION_KEY] = holds_staff_role(user)
