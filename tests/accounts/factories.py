"""Factories for accounts tests: tokens through the real service."""

from __future__ import annotations

from typing import Any

from cwgcop.accounts import services


def api_key(user: Any, name: str = "script") -> str:
    """A fresh API key of ``user`` (issued by the service, as the token page does)."""
    return services.create_api_token(actor=user, name=name).key


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
