"""Authentication of the write API with per-user tokens (``Authorization: Bearer <key>``).

How another router requires it::

    from cwgcop.accounts.api_auth import api_token_auth, api_user

    router = Router(tags=["registrations"], auth=api_token_auth)   # every endpoint of the router
    # or one endpoint:  @router.post("/", auth=api_token_auth)

    @router.post("/")
    def register(request: HttpRequest, payload: RegistrationIn) -> dict[str, Any]:
        user = api_user(request)              # the token's owner, also set as request.user
        if not user.has_perm("meetings.register", meeting): ...

A request without a key, or with an unknown, revoked or inactive user's key, or with the key of a staff member
(secretariat, chair, vice-chair, moderator) who has not set up two-factor authentication, is answered ``401``
before the endpoint runs. Object permissions stay the endpoint's job: answer ``404`` for objects the user may not see.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.security import HttpBearer

from cwgcop.accounts import tokens
from cwgcop.accounts.mfa import needs_mfa_setup
from cwgcop.accounts.models import ApiToken

# last_used_at is written at most this often per token, so a busy script does not write on every call.
LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)


def user_for_key(key: str) -> Any | None:
    """The active owner of an active token with ``key``, or None. Records when the token was used."""
    if not key.startswith(tokens.KEY_PREFIX) or len(key) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=tokens.hash_key(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        # Bookkeeping, not a change of state a person made: no audit entry.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


class ApiTokenAuth(HttpBearer):
    """django-ninja auth class: the bearer key must belong to an active token of an active user."""

    openapi_description = "A personal API token (create one on your account's “API tokens” page)."

    def authenticate(self, request: HttpRequest, token: str) -> Any | None:
        user = user_for_key(token.strip())
        if user is None or needs_mfa_setup(user):
            # A token must not be a way around the two factors that staff pages require.
            return None
        request.user = user
        return user


api_token_auth = ApiTokenAuth()


def api_user(request: HttpRequest) -> Any:
    """The user that :class:`ApiTokenAuth` authenticated (endpoints protected by it only)."""
    user = getattr(request, "auth", None)
    if not isinstance(user, AbstractBaseUser):
        raise RuntimeError("api_user() called on an endpoint that is not protected by ApiTokenAuth")
    return user


def require_api_permission(request: HttpRequest, permission: str, obj: Any = None) -> Any:
    """The token's owner, who may act as the service's ``actor``: answer 403 (and write nothing) unless they hold
    ``permission`` on ``obj`` (a permission that needs no object when ``obj`` is None).

    Every write endpoint checks its permission through this, so every refusal reads the same."""
    from django.utils.translation import gettext as _

    from cwgcop.core.api.errors import ApiError

    user = api_user(request)
    if not user.has_perm(permission, obj):
        raise ApiError(403, "forbidden", _("You do not have permission to do this."))
    return user
