"""Enumerations of the accounts app."""

from __future__ import annotations

from enum import StrEnum


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
