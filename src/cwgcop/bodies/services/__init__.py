"""Every change to bodies and organisations goes through these functions: keyword-only arguments, one
transaction, an audit entry. Grouped by what they change: bodies, their former names, organisations."""

from cwgcop.bodies.services.bodies import create_body, retire_body, update_body
from cwgcop.bodies.services.names import ensure_organization, record_former_name
from cwgcop.bodies.services.organizations import (
    create_organization,
    merge_organizations,
    retire_organization,
    update_organization,
)

__all__ = [
    "create_body",
    "create_organization",
    "ensure_organization",
    "merge_organizations",
    "record_former_name",
    "retire_body",
    "retire_organization",
    "update_body",
    "update_organization",
]
