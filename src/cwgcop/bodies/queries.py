from __future__ import annotations

from typing import cast

from django.conf import settings
from django.db import models
from django.db.models import F, QuerySet

from cwgcop.bodies.enums import BodyKind
from cwgcop.bodies.models import Body, Organization


def bodies() -> QuerySet[Body]:
    return Body.objects.select_related("parent").order_by("acronym")


def main_body() -> Body | None:
    """The group this installation is run for: ``CWGCOP_MAIN_BODY``, else the first Council working group."""
    acronym = getattr(settings, "CWGCOP_MAIN_BODY", "")
    if acronym:
        found = Body.objects.filter(acronym=acronym).first()
        if found:
            return found
    return Body.objects.filter(kind=BodyKind.COUNCIL_WORKING_GROUP).order_by("id").first()


def active_organizations() -> QuerySet[Organization]:
    """The organisations a form offers: every one not retired, by name."""
    return Organization.objects.filter(retired_at__isnull=True).order_by("name", "country")


def organizations_for_staff() -> QuerySet[Organization]:
    """Every organisation, current ones first, by name."""
    return Organization.objects.order_by(F("retired_at").asc(nulls_first=True), "name", "country")


def references_to(organization: Organization) -> list[tuple[str, int]]:
    """What names ``organization``, as (what, how many) for the merge's confirmation: one count per relation."""
    found = []
    for model, field in references():
        count = model._default_manager.filter(**{field: organization}).count()
        if count:
            # The table behind a many-to-many field is named after the model that owns the field (documents).
            created = model._meta.auto_created
            owner = created if isinstance(created, type) else model
            found.append((str(owner._meta.verbose_name_plural), count))
    return found


def references() -> list[tuple[type[models.Model], str]]:
    """Every (model, field) that refers to an organisation, hidden relations (``related_name="+"``) and the
    tables behind many-to-many fields included, so that a relation added later is merged too."""
    found: list[tuple[type[models.Model], str]] = []
    for relation in Organization._meta.get_fields(include_hidden=True):
        if relation.is_relation and relation.auto_created and not relation.many_to_many:
            found.append((cast(type[models.Model], relation.related_model), relation.field.name))  # type: ignore[union-attr]
    return found
