from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet

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
