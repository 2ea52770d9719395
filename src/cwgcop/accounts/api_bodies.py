"""The write endpoints of /api/v1/bodies/ and /api/v1/organizations/, added to the routers of
:mod:`cwgcop.bodies.api` here because the API tokens live in ``accounts``, a layer above ``bodies``.

Creating and retiring a body is for a platform administrator, changing its texts for its secretariat (another
body's secretariat gets 403); any secretariat keeps the organisations. A body's roles are listed, granted and
revoked here too. The same services as the staff pages.
"""
# No `from __future__ import annotations` here: django-ninja reads the parameter annotations at import.

from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Schema, Status
from ninja.pagination import paginate

from cwgcop.accounts import queries
from cwgcop.accounts import services as account_services
from cwgcop.accounts.api_auth import api_token_auth, require_api_permission
from cwgcop.accounts.services import display_name
from cwgcop.bodies import services
from cwgcop.bodies.api import body_or_404, organization_or_404, organizations, router
from cwgcop.bodies.models import Body, Role
from cwgcop.bodies.schemas import (
    BodyChange,
    BodyIn,
    BodySchema,
    MergeIn,
    MergeOut,
    OrganizationIn,
    OrganizationSchema,
    body_data,
    organization_data,
)
from cwgcop.core.api.errors import NotFoundError
from cwgcop.core.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.core.api.schemas import ErrorSchema
from cwgcop.core.errors import DomainError


def _parent(slug: str | None) -> Body | None:
    return body_or_404(slug) if slug else None


@router.post(
    "/",
    response={201: BodySchema, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Create a body (platform administrator)",
    operation_id="cwgcop_api_bodies_create_body",
)
def create_body(request: HttpRequest, payload: BodyIn) -> Status[dict[str, Any]]:
    user = require_api_permission(request, "bodies.create_body")
    body = services.create_body(
        actor=user,
        acronym=payload.acronym,
        names=payload.names,
        kind=payload.kind,
        parent=_parent(payload.parent),
        website=payload.website,
        symbol_prefix=payload.symbol_prefix,
    )
    return Status(201, body_data(request, body_or_404(body.slug)))


@router.patch(
    "/{slug}",
    response={200: BodySchema, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Change a body's names, kind, parent and web page (its secretariat)",
    operation_id="cwgcop_api_bodies_update_body",
)
def update_body(request: HttpRequest, slug: str, payload: BodyChange) -> dict[str, Any]:
    body = body_or_404(slug)
    user = require_api_permission(request, "bodies.edit_body", body)
    services.update_body(
        actor=user,
        body=body,
        names=payload.names,
        kind=payload.kind,
        parent=_parent(payload.parent),
        website=payload.website,
    )
    return body_data(request, body_or_404(slug))


@router.post(
    "/{slug}/retire",
    response={200: BodySchema, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Retire a body (platform administrator)",
    operation_id="cwgcop_api_bodies_retire_body",
)
def retire_body(request: HttpRequest, slug: str) -> dict[str, Any]:
    body = body_or_404(slug)
    user = require_api_permission(request, "bodies.retire_body", body)
    services.retire_body(actor=user, body=body)
    return body_data(request, body_or_404(slug))


@organizations.post(
    "/", response={201: OrganizationSchema}, auth=api_token_auth, summary="Add an organisation (secretariat)"
)
def create_organization(request: HttpRequest, payload: OrganizationIn) -> Status[dict[str, Any]]:
    user = require_api_permission(request, "bodies.manage_organizations")
    organization = services.create_organization(actor=user, **payload.dict())
    return Status(201, organization_data(organization))


@organizations.patch(
    "/{organization_id}",
    response={200: OrganizationSchema, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Change an organisation (secretariat)",
)
def update_organization(request: HttpRequest, organization_id: int, payload: OrganizationIn) -> dict[str, Any]:
    organization = organization_or_404(organization_id)
    user = require_api_permission(request, "bodies.manage_organizations")
    return organization_data(services.update_organization(actor=user, organization=organization, **payload.dict()))


@organizations.post(
    "/{organization_id}/retire",
    response={200: OrganizationSchema, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Retire an organisation (secretariat)",
)
def retire_organization(request: HttpRequest, organization_id: int) -> dict[str, Any]:
    organization = organization_or_404(organization_id)
    user = require_api_permission(request, "bodies.manage_organizations")
    return organization_data(services.retire_organization(actor=user, organization=organization))


@organizations.post(
    "/{organization_id}/merge",
    response={200: MergeOut, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Merge a duplicate into this organisation (secretariat)",
)
def merge_organization(request: HttpRequest, organization_id: int, payload: MergeIn) -> dict[str, Any]:
    """Every reference to the duplicate moves to this organisation, and the duplicate is deleted."""
    survivor = organization_or_404(organization_id)
    duplicate = organization_or_404(payload.duplicate)
    user = require_api_permission(request, "bodies.manage_organizations")
    moved = services.merge_organizations(actor=user, survivor=survivor, duplicate=duplicate)
    return {"survivor": organization_data(organization_or_404(organization_id)), "moved": moved}


# --- A body's roles (its secretariat; the platform administrator role only a platform administrator) ----------


class RoleIn(Schema):
    email: str = Field(description="The e-mail address of the person's account.")
    kind: str = Field(
        description="chair, vice-chair, secretariat, member, moderator, safeguarding-lead or platform-admin."
    )


class BodyRoleOut(Schema):
    id: int
    email: str
    name: str
    kind: str


def _role_data(role: Role) -> dict[str, Any]:
    return {"id": role.pk, "email": role.user.email, "name": display_name(role.user), "kind": role.kind}


@router.get(
    "/{slug}/roles",
    response={200: list[BodyRoleOut], 404: ErrorSchema},
    auth=api_token_auth,
    summary="A body's roles (its secretariat)",
)
@paginate(LimitOffsetPagination)
def list_roles(request: HttpRequest, slug: str) -> LazyPage:
    body = body_or_404(slug)
    require_api_permission(request, "accounts.manage_roles", body)
    return LazyPage(queries.roles_in(body), _role_data)


@router.post(
    "/{slug}/roles",
    response={201: BodyRoleOut, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Grant a role in a body (its secretariat)",
)
def grant_role(request: HttpRequest, slug: str, payload: RoleIn) -> Status[dict[str, Any]]:
    body = body_or_404(slug)
    user = require_api_permission(request, "accounts.manage_roles", body)
    person = get_user_model().objects.filter(email__iexact=payload.email.strip()).first()
    if person is None:
        raise DomainError(
            _("No account uses this e-mail address. Ask the person to sign up first."), code="user_unknown"
        )
    role = account_services.grant_role(actor=user, user=person, body=body, kind=payload.kind)
    return Status(201, _role_data(role))


@router.delete(
    "/{slug}/roles/{role_id}",
    response={204: None, 404: ErrorSchema},
    auth=api_token_auth,
    summary="Revoke a role in a body (its secretariat)",
)
def revoke_role(request: HttpRequest, slug: str, role_id: int) -> Status[None]:
    body = body_or_404(slug)
    user = require_api_permission(request, "accounts.manage_roles", body)
    role = Role.objects.filter(body=body, pk=role_id).select_related("user", "body").first()
    if role is None:
        raise NotFoundError(_("There is no such role in %(body)s.") % {"body": body.acronym})
    account_services.revoke_role(actor=user, role=role)
    return Status(204, None)
