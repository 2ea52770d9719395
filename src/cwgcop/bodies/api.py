"""/api/v1/bodies/ and /api/v1/organizations/: the bodies the group works with and the organisations that take
part, read by anyone. The write endpoints of both routers are in :mod:`cwgcop.accounts.api_bodies`, which may use
the API tokens of ``accounts`` (a layer above this one)."""
# No `from __future__ import annotations` here: django-ninja reads the parameter annotations at import.

from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from cwgcop.bodies import queries
from cwgcop.bodies.models import Body, Organization
from cwgcop.bodies.schemas import (
    BodySchema,
    OrganizationFilters,
    OrganizationSchema,
    body_data,
    organization_data,
)
from cwgcop.core.api.errors import NotFoundError
from cwgcop.core.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.core.api.schemas import ErrorSchema

router = Router(tags=["bodies"])
organizations = Router(tags=["organizations"])


def body_or_404(slug: str) -> Body:
    body = queries.bodies().filter(slug=slug.lower()).first()
    if body is None:
        raise NotFoundError(_("There is no body “%(slug)s”.") % {"slug": slug[:80]})
    return body


@router.get("/", response=list[BodySchema], summary="List bodies", operation_id="cwgcop_api_bodies_list_bodies")
@paginate(LimitOffsetPagination)
def list_bodies(request: HttpRequest) -> LazyPage:
    """Every body, by acronym."""
    return LazyPage(queries.bodies(), lambda body: body_data(request, body))


@router.get(
    "/{slug}",
    response={200: BodySchema, 404: ErrorSchema},
    summary="One body",
    operation_id="cwgcop_api_bodies_get_body",
)
def get_body(request: HttpRequest, slug: str) -> dict[str, Any]:
    return body_data(request, body_or_404(slug))


# --- Organisations ------------------------------------------------------------------------------------------


def organization_or_404(pk: int) -> Organization:
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None:
        raise NotFoundError(_("There is no organisation %(id)s.") % {"id": pk})
    return organization


@organizations.get("/", response=list[OrganizationSchema], summary="List organisations")
@paginate(LimitOffsetPagination)
def list_organizations(request: HttpRequest, filters: Query[OrganizationFilters]) -> LazyPage:
    """Current organisations by name (or the retired ones with ``retired=true``)."""
    queryset = Organization.objects.filter(retired_at__isnull=not filters.retired).order_by("name", "country")
    if filters.q:
        queryset = queryset.filter(Q(name__icontains=filters.q) | Q(short_name__icontains=filters.q))
    if filters.country:
        queryset = queryset.filter(country=filters.country.upper())
    return LazyPage(queryset, organization_data)


@organizations.get(
    "/{organization_id}", response={200: OrganizationSchema, 404: ErrorSchema}, summary="One organisation"
)
def get_organization(request: HttpRequest, organization_id: int) -> dict[str, Any]:
    return organization_data(organization_or_404(organization_id))
