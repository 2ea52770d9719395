"""The shapes of the bodies API, and turning a body into API data."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema

from cwgcop.bodies.models import Body
from cwgcop.core.api.serializers import absolute, translations


class BodySchema(Schema):
    acronym: str
    slug: str = Field(description="Identifies the body in URLs: /api/v1/bodies/{slug}.")
    name: str = Field(description="The name in the reader's language (Accept-Language), else in English.")
    names: dict[str, str] = Field(description="The name in every language it has, by language code.")
    kind: str
    parent: str | None = Field(description="The acronym of the body this one reports to.")
    url: str = Field(description="The body's public page.")


def body_data(request: HttpRequest, body: Body) -> dict[str, Any]:
    return {
        "acronym": body.acronym,
        "slug": body.slug,
        "name": body.display_name,
        "names": translations(body, "name"),
        "kind": body.kind,
        "parent": body.parent.acronym if body.parent else None,
        "url": absolute(request, body.get_absolute_url()),
    }
