"""The liaison register's filters. Each filter state is a plain query string, so it has a stable URL."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwgcop.bodies.models import Body
from cwgcop.liaisons.enums import Direction, LiaisonState, Purpose
from cwgcop.liaisons.models import LiaisonStatement

# The states the public sees (drafts and approved statements are not public yet).
PUBLIC_STATES = [(s.value, s.label) for s in LiaisonState if s not in (LiaisonState.DRAFT, LiaisonState.APPROVED)]


def _bodies(request: Any) -> QuerySet[Body]:
    return Body.objects.order_by("acronym")


class RegisterFilter(django_filters.FilterSet):
    direction = django_filters.ChoiceFilter(
        choices=Direction.choices, label=_("Direction"), empty_label=pgettext_lazy("filter", "Any")
    )
    body = django_filters.ModelChoiceFilter(
        queryset=_bodies,
        to_field_name="slug",
        method="filter_body",
        label=_("Body (from or to)"),
        empty_label=pgettext_lazy("filter", "Any"),
    )
    purpose = django_filters.ChoiceFilter(
        choices=Purpose.choices, label=_("Purpose"), empty_label=pgettext_lazy("filter", "Any")
    )
    state = django_filters.ChoiceFilter(
        choices=PUBLIC_STATES, label=_("State"), empty_label=pgettext_lazy("filter", "Any")
    )
    year = django_filters.NumberFilter(
        field_name="sent_on", lookup_expr="year", label=_("Year"), min_value=1, max_value=9999
    )

    class Meta:
        model = LiaisonStatement
        fields = ["direction", "body", "purpose", "state", "year"]

    def filter_body(self, queryset: QuerySet[LiaisonStatement], name: str, value: Body | None) -> Any:
        if value is None:
            return queryset
        # Two index lookups in the link tables, rather than an OR across two joins (which PostgreSQL plans badly).
        senders = LiaisonStatement.from_bodies.through.objects.filter(body=value).values("liaisonstatement_id")
        addressees = LiaisonStatement.to_bodies.through.objects.filter(body=value).values("liaisonstatement_id")
        return queryset.filter(Q(pk__in=senders) | Q(pk__in=addressees))
