"""The queries the account pages run, with their joins decided here."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from cwgcop.accounts.models import ApiToken
from cwgcop.bodies.models import Body, Role


def roles_of(user: Any) -> QuerySet[Role]:
    return Role.objects.filter(user=user).select_related("body").order_by("body__acronym", "kind")


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at")


def roles_in(body: Body) -> QuerySet[Role]:
    return (
        Role.objects.filter(body=body)
        .select_related("user", "user__profile", "user__profile__organization")
        .order_by("kind", "user__email")
    )
