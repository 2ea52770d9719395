"""Factories for accounts tests: verified e-mail addresses, authenticator apps and API tokens."""

from __future__ import annotations

import time
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

from cwgcop.accounts import services

TOTP_PERIOD = 30


def verify_email(user: Any) -> None:
    """Record ``user``'s e-mail address as verified, as following the link in the sign-up e-mail does."""
    EmailAddress.objects.update_or_create(
        user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
    )


def give_totp(user: Any) -> str:
    """Set up an authenticator app for ``user``; returns its secret (to compute codes with :func:`totp_code`)."""
    existing = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if existing is not None:
        existing.delete()
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // TOTP_PERIOD))


def api_key(user: Any, name: str = "script") -> str:
    """A fresh API key of ``user`` (issued by the service, as the token page does)."""
    return services.create_api_token(actor=user, name=name).key


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
