"""The action register's filters. Each filter state is a plain query string, so it has a stable URL."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwgcop.bodies.models import Body, Organization
from cwgcop.meetings.enums import ActionOwnerKind, ActionStatus
from cwgcop.meetings.models import ActionItem, Meeting

ANY = pgettext_lazy("filter", "Any")


def _bodies(request: Any) -> QuerySet[Body]:
    return Body.objects.filter(meetings__action_items__isnull=False).distinct().order_by("acronym")


def _meetings(request: Any) -> QuerySet[Meeting]:
    return Meeting.objects.filter(action_items__isnull=False).select_related("body").distinct().order_by("-start_date")


def _organizations(request: Any) -> QuerySet[Organization]:
    return Organization.objects.filter(action_items__isnull=False).distinct().order_by("name")


class ActionFilter(django_filters.FilterSet):
    body = django_filters.ModelChoiceFilter(
        queryset=_bodies, field_name="meeting__body", to_field_name="slug", label=_("Body"), empty_label=ANY
    )
    raised_at = django_filters.ModelChoiceFilter(
        queryset=_meetings, field_name="meeting", label=_("Raised at"), empty_label=ANY
    )
    status = django_filters.ChoiceFilter(choices=ActionStatus.choices, label=_("Status"), empty_label=ANY)
    owner = django_filters.ChoiceFilter(
        choices=ActionOwnerKind.choices, field_name="owner_kind", label=_("Owner"), empty_label=ANY
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=_organizations, field_name="owner_organization", label=_("Owner organisation"), empty_label=ANY
    )

    class Meta:
        model = ActionItem
        fields = ["body", "raised_at", "status", "owner", "organization"]
