"""The shapes of the bodies API, and turning a body into API data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema

from cwgcop.bodies.models import Body, Organization
from cwgcop.core.api.serializers import absolute, translations


class BodySchema(Schema):
    acronym: str
    slug: str = Field(description="Identifies the body in URLs: /api/v1/bodies/{slug}.")
    name: str = Field(description="The name in the reader's language (Accept-Language), else in English.")
    names: dict[str, str] = Field(description="The name in every language it has, by language code.")
    kind: str
    parent: str | None = Field(description="The acronym of the body this one reports to.")
    website: str = Field(description="The body's own web page, or empty.")
    retired: bool = Field(description="A retired body keeps its record but holds no new meeting.")
    url: str = Field(description="The body's public page.")


class BodyIn(Schema):
    acronym: str = Field(max_length=40, description="Unique; the body's slug is made from it.")
    names: dict[str, str] = Field(description="The name by language code; at least one.")
    kind: str = Field(description="council, cwg, study-group, question, correspondence-group or other.")
    parent: str | None = Field(None, description="The slug of the body this one reports to.")
    website: str = Field("", max_length=200)
    symbol_prefix: str = Field("", max_length=40, description="The start of its document symbols.")


class BodyChange(Schema):
    """A body's texts: the names given replace those stored (a language left out is emptied)."""

    names: dict[str, str]
    kind: str
    parent: str | None = None
    website: str = Field("", max_length=200)


class OrganizationSchema(Schema):
    id: int
    name: str
    short_name: str
    country: str = Field(description="ISO 3166-1 alpha-2 code, or empty.")
    region: str = Field(description="The ITU region, computed from the country.")
    stakeholder_kind: str
    retired: bool


class OrganizationIn(Schema):
    name: str = Field(max_length=250)
    short_name: str = Field("", max_length=60)
    country: str = Field("", description="ISO 3166-1 alpha-2 code, e.g. KE.")
    stakeholder_kind: str = Field(
        description="member-state, sector-member, associate, academia, civil-society, un-igo or other."
    )


class MergeIn(Schema):
    duplicate: int = Field(description="The id of the organisation merged into this one (it is deleted).")


class MergeOut(Schema):
    survivor: OrganizationSchema
    moved: dict[str, int] = Field(description="How many references moved, by model and field.")


class OrganizationFilters(Schema):
    q: str | None = Field(None, max_length=100, description="Part of the name or short name.")
    country: str | None = Field(None, max_length=2)
    retired: bool = Field(False, description="List retired organisations instead of current ones.")


def organization_data(organization: Organization) -> dict[str, Any]:
    return {
        "id": organization.pk,
        "name": organization.name,
        "short_name": organization.short_name,
        "country": str(organization.country or ""),
        "region": organization.region,
        "stakeholder_kind": organization.stakeholder_kind,
        "retired": organization.retired_at is not None,
    }


def body_data(request: HttpRequest, body: Body) -> dict[str, Any]:
    return {
        "acronym": body.acronym,
        "slug": body.slug,
        "name": body.display_name,
        "names": translations(body, "name"),
        "kind": body.kind,
        "parent": body.parent.acronym if body.parent else None,
        "website": body.website,
        "retired": body.retired_at is not None,
        "url": absolute(request, body.get_absolute_url()),
    }
