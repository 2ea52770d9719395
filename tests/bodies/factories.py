"""People with platform-wide roles, for the bodies tests."""

from __future__ import annotations

from typing import Any

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from tests.factories import UserFactory


def platform_administrator(body: Body, username: str = "admin") -> Any:
    """A platform administrator (the role is recorded in ``body`` but counts everywhere), with two-factor."""
    from tests.accounts.factories import give_totp, verify_email

    user = UserFactory(username=username)
    Role.objects.create(user=user, body=body, kind=RoleKind.PLATFORM_ADMINISTRATOR)
    verify_email(user)
    give_totp(user)
    return user
