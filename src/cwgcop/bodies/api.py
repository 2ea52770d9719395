"""/api/v1/bodies/: the bodies the group works with."""
# No `from __future__ import annotations` here: django-ninja reads the parameter annotations at import.

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import paginate

from cwgcop.bodies import queries
from cwgcop.bodies.schemas import BodySchema, body_data
from cwgcop.core.api.errors import NotFoundError
from cwgcop.core.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.core.api.schemas import ErrorSchema

router = Router(tags=["bodies"])


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
    body = queries.bodies().filter(slug=slug).first()
    if body is None:
        raise NotFoundError(_("There is no body “%(slug)s”.") % {"slug": slug[:80]})
    return body_data(request, body)
