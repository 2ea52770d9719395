"""Caring for other people's accounts without the Django admin: deactivating one, and removing the authenticator
a person has lost (they set up a new one at their next staff page). A platform administrator does both."""

from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.accounts.enums import AccountAction
from cwgcop.accounts.models import ApiToken
from cwgcop.core import audit
from cwgcop.core.actors import Actor, actor_may
from cwgcop.core.errors import DomainError


def _require(actor: Actor, user: Any) -> Any:
    if not actor_may(actor, "accounts.care_for_accounts", user):
        raise PermissionDenied
    if actor is not None and actor.pk == user.pk:
        raise DomainError(_("Ask another platform administrator to do this for your own account."), code="own_account")
    return type(user).objects.select_for_update().get(pk=user.pk)


@transaction.atomic
def deactivate_account(*, actor: Actor, user: Any) -> Any:
    """Deactivate ``user``: they can no longer sign in and their API tokens are revoked. Roles and records stay."""
    user = _require(actor, user)
    if not user.is_active:
        raise DomainError(_("This account is deactivated."), code="user_inactive")
    user.is_active = False
    user.save(update_fields=["is_active"])
    revoked = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    audit.record(
        actor=actor,
        action=AccountAction.ACCOUNT_DEACTIVATE,
        instance=user,
        before={"is_active": True},
        after={"is_active": False, "tokens_revoked": revoked},
    )
    return user


@transaction.atomic
def remove_authenticators(*, actor: Actor, user: Any) -> int:
    """Remove ``user``'s authenticator app and recovery codes (a lost phone). A staff member is asked to set up a
    new one on their next staff page. Returns how many were removed."""
    user = _require(actor, user)
    authenticators = Authenticator.objects.filter(user=user)
    kinds = sorted(authenticators.values_list("type", flat=True))
    if not kinds:
        raise DomainError(_("This account has no authenticator."), code="no_authenticator")
    authenticators.delete()
    audit.record(
        actor=actor,
        action=AccountAction.AUTHENTICATORS_REMOVE,
        instance=user,
        before={"authenticators": kinds},
        after={"authenticators": []},
    )
    return len(kinds)
