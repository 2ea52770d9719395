"""Every change to accounts: API tokens, profiles and roles. Views, the API and commands call these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.accounts import tokens
from cwgcop.accounts.enums import AccountAction
from cwgcop.accounts.models import ApiToken, Profile
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Organization, Role
from cwgcop.core import audit
from cwgcop.core.actors import Actor, actor_may, is_signed_in
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import Language

MAX_ACTIVE_TOKENS = 20
TOKEN_AUDIT_FIELDS = ["user_id", "name", "prefix", "created_at", "revoked_at"]


@dataclass(frozen=True)
class IssuedToken:
    """A new token and its key. The key exists only here: it is shown once and never stored."""

    token: ApiToken
    key: str


@transaction.atomic
def create_api_token(*, actor: Actor, name: str) -> IssuedToken:
    """Issue a named API token to ``actor``. The audit entry holds the name and prefix, never the key."""
    if not is_signed_in(actor):
        raise PermissionDenied
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
    audit.record(actor=actor, action=AccountAction.API_TOKEN_CREATE, instance=token, fields=TOKEN_AUDIT_FIELDS)
    return IssuedToken(token=token, key=key)


@transaction.atomic
def revoke_api_token(*, actor: Actor, token: ApiToken) -> ApiToken:
    """Revoke a token at once: the next request that presents it is refused."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise DomainError(_("This token was already revoked."), code="token_revoked")
    before = audit.snapshot(token, TOKEN_AUDIT_FIELDS)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(
        actor=actor, action=AccountAction.API_TOKEN_REVOKE, instance=token, before=before, fields=TOKEN_AUDIT_FIELDS
    )
    return token


def _profile_values(profile: Profile) -> dict[str, Any]:
    return {
        "full_name": profile.full_name,
        "organization_id": profile.organization_id,
        "country": str(profile.country or ""),
        "language": profile.language,
    }


@transaction.atomic
def update_profile(
    *,
    actor: Actor,
    user: Any,
    full_name: str,
    organization: Organization | None,
    country: str,
    language: str,
) -> Profile:
    """Create or change ``user``'s profile. People change only their own (staff through the admin)."""
    if actor is not None and actor.pk != user.pk:
        raise PermissionDenied
    if language not in Language.values:
        raise DomainError(_("Unknown language: %(codes)s.") % {"codes": language}, code="language_invalid")
    profile, created = Profile.objects.select_for_update().get_or_create(user=user)
    before = {} if created else _profile_values(profile)
    profile.full_name = (full_name or "").strip()[:200]
    profile.organization = organization
    profile.country = country or ""
    profile.language = language
    profile.save()
    audit.record(
        actor=actor,
        action=AccountAction.PROFILE_CREATE if created else AccountAction.PROFILE_UPDATE,
        instance=profile,
        before=before,
        after=_profile_values(profile),
    )
    return profile


def profile_of(user: Any) -> Profile | None:
    return Profile.objects.filter(user=user).select_related("organization").first()


ROLE_FIELDS = ["user_id", "body_id", "kind"]


@transaction.atomic
def grant_role(*, actor: Actor, user: Any, body: Body, kind: str) -> Role:
    """Give ``user`` the role ``kind`` in ``body``. Only the body's secretariat may (checked here too); the
    platform administrator role only a platform administrator."""
    if not actor_may(actor, "accounts.manage_roles", body):
        raise PermissionDenied
    if kind == RoleKind.PLATFORM_ADMINISTRATOR and not actor_may(actor, "accounts.manage_platform_administrators"):
        raise PermissionDenied
    if kind not in RoleKind.values:
        raise DomainError(_("Unknown role."), code="role_invalid")
    if not user.is_active:
        raise DomainError(_("This account is deactivated."), code="user_inactive")
    role, created = Role.objects.get_or_create(user=user, body=body, kind=kind)
    if not created:
        raise DomainError(
            _("%(person)s already is %(role)s of %(body)s.")
            % {"person": display_name(user), "role": RoleKind(kind).label, "body": body.acronym},
            code="role_exists",
        )
    audit.record(actor=actor, action=AccountAction.ROLE_GRANT, instance=role, fields=ROLE_FIELDS)
    return role


@transaction.atomic
def revoke_role(*, actor: Actor, role: Role) -> None:
    """Take a role away. A secretariat member cannot remove their own secretariat role (ask a colleague)."""
    if not is_signed_in(actor) or not actor_may(actor, "accounts.manage_roles", role.body):
        raise PermissionDenied
    if role.kind == RoleKind.PLATFORM_ADMINISTRATOR and not actor_may(actor, "accounts.manage_platform_administrators"):
        raise PermissionDenied
    if role.user_id == actor.pk and role.kind == RoleKind.SECRETARIAT:
        raise DomainError(
            _("You cannot remove your own secretariat role: ask another member of the secretariat."),
            code="role_self_revoke",
        )
    before = audit.snapshot(role, ROLE_FIELDS)
    audit.record(actor=actor, action=AccountAction.ROLE_REVOKE, instance=role, before=before, after={})
    role.delete()


def display_name(user: Any) -> str:
    """How a person is named to others: full name, else e-mail address, else user name."""
    try:
        name = user.profile.full_name
    except ObjectDoesNotExist:
        name = ""
    return str(name or user.email or user.get_username())
