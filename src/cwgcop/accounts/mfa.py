"""Two-factor authentication rules: TOTP is open to everyone and required for staff roles."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator

from cwgcop.accounts.rules import holds_staff_role


def has_totp(user: Any) -> bool:
    return bool(Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists())


def needs_mfa_setup(user: Any) -> bool:
    """Whether ``user`` holds a staff role but has not set up an authenticator app yet."""
    return bool(holds_staff_role(user)) and not has_totp(user)
