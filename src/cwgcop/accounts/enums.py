"""Enumerations of the accounts app."""

from __future__ import annotations

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class AccountAction(StrEnum):
    """Changes to accounts: API tokens, profiles and roles.

    Each value is stored in ``AuditEntry.action``: never change one, or old entries lose their name.
    """

    ACCOUNT_DEACTIVATE = "account.deactivate"
    AUTHENTICATORS_REMOVE = "account.authenticators.remove"
    API_TOKEN_CREATE = "api_token.create"  # noqa: S105 (an audit action name, not a secret)
    API_TOKEN_REVOKE = "api_token.revoke"  # noqa: S105
    PROFILE_CREATE = "profile.create"
    PROFILE_UPDATE = "profile.update"
    ROLE_GRANT = "role.grant"
    ROLE_REVOKE = "role.revoke"


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    AccountAction.API_TOKEN_CREATE: _("API token created"),
    AccountAction.API_TOKEN_REVOKE: _("API token revoked"),
    AccountAction.PROFILE_CREATE: _("Profile created"),
    AccountAction.PROFILE_UPDATE: _("Profile changed"),
    AccountAction.ROLE_GRANT: _("Role granted"),
    AccountAction.ROLE_REVOKE: _("Role revoked"),
    AccountAction.ACCOUNT_DEACTIVATE: _("Account deactivated"),
    AccountAction.AUTHENTICATORS_REMOVE: _("Authenticators removed"),
}
