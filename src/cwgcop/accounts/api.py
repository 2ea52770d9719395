"""The account part of the write API: who the token belongs to."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from cwgcop.accounts.api_auth import api_token_auth, api_user


class RoleOut(Schema):
    body: str
    kind: str


class AccountOut(Schema):
    username: str
    email: str
    roles: list[RoleOut]


router = Router(tags=["account"], auth=api_token_auth)


@router.get("/", response=AccountOut, summary="The account the token belongs to")
def me(request: HttpRequest) -> dict[str, Any]:
    user = api_user(request)
    roles = user.body_roles.select_related("body").order_by("body__acronym", "kind")
    return {
        "username": user.get_username(),
        "email": user.email,
        "roles": [{"body": role.body.acronym, "kind": role.kind} for role in roles],
    }
