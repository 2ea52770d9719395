"""Every change to accounts: API tokens, profiles and roles. Views, the API and commands call these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.accounts import tokens
from cwgcop.accounts.models import ApiToken
from cwgcop.core import audit
from cwgcop.core.errors import DomainError

MAX_ACTIVE_TOKENS = 20
TOKEN_AUDIT_FIELDS = ["user_id", "name", "prefix", "created_at", "revoked_at"]


@dataclass(frozen=True)
class IssuedToken:
    """A new token and its key. The key exists only here: it is shown once and never stored."""

    token: ApiToken
    key: str


@transaction.atomic
def create_api_token(*, actor: Any, name: str) -> IssuedToken:
    """Issue a named API token to ``actor``. The audit entry holds the name and prefix, never the key."""
    name = (name or "").strip()
    if not name:
        raise DomainError(_("Give the token a name, e.g. the script that will use it."), code="token_name_missing")
    if len(name) > 100:
        raise DomainError(_("The name is longer than 100 characters."), code="token_name_too_long")
    active = ApiToken.objects.select_for_update().filter(user=actor, revoked_at__isnull=True)
    if active.count() >= MAX_ACTIVE_TOKENS:
        raise DomainError(
            _("You already have %(count)d active tokens. Revoke one you no longer use first.")
            % {"count": MAX_ACTIVE_TOKENS},
            code="token_limit",
        )
    key = tokens.new_key()
    token = ApiToken.objects.create(
        user=actor, name=name, prefix=tokens.display_prefix(key), key_hash=tokens.hash_key(key)
    )
    audit.record(
        actor=actor, action="api_token.create", instance=token, after=audit.snapshot(token, TOKEN_AUDIT_FIELDS)
    )
    return IssuedToken(token=token, key=key)


@transaction.atomic
def revoke_api_token(*, actor: Any, token: ApiToken) -> ApiToken:
    """Revoke a token at once: the next request that presents it is refused."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise DomainError(_("This token was already revoked."), code="token_revoked")
    before = audit.snapshot(token, TOKEN_AUDIT_FIELDS)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(
        actor=actor,
        action="api_token.revoke",
        instance=token,
        before=before,
        after=audit.snapshot(token, TOKEN_AUDIT_FIELDS),
    )
    return token
