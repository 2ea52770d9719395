"""Permission predicates about accounts: who counts as staff, who manages roles, who reads history."""

from __future__ import annotations

from typing import Any

import rules

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.rules import has_role, is_chair, is_platform_administrator, is_secretariat

# Roles that see more than the public and members do; each of them must use two-factor authentication.
STAFF_ROLES = frozenset(
    {
        RoleKind.SECRETARIAT,
        RoleKind.CHAIR,
        RoleKind.VICE_CHAIR,
        RoleKind.MODERATOR,
        RoleKind.SAFEGUARDING_LEAD,
        RoleKind.PLATFORM_ADMINISTRATOR,
    }
)


@rules.predicate
def holds_staff_role(user: Any) -> bool:
    """A secretariat, chair, vice-chair, moderator or safeguarding-lead role in any body, or a Django staff account."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_staff or user.is_superuser or has_role(user, set(STAFF_ROLES)))


@rules.predicate
def is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


# Object: the body whose roles are granted or revoked. A platform administrator manages every body's roles.
rules.add_perm("accounts.manage_roles", is_secretariat | is_platform_administrator)
# Granting or revoking the platform administrator role itself (whatever the body it is recorded in).
rules.add_perm("accounts.manage_platform_administrators", is_platform_administrator)
# Object: the body the recorded object belongs to.
rules.add_perm("accounts.view_history", is_secretariat | is_chair)
rules.add_perm("accounts.manage_own_account", is_signed_in)
# Object: the account. Deactivating an account or removing its lost authenticator: a platform administrator.
rules.add_perm("accounts.care_for_accounts", is_platform_administrator)
