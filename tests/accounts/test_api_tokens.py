from __future__ import annotations

import json

import pytest
from django.test import Client

from cwgcop.accounts import services
from cwgcop.accounts.models import ApiToken
from cwgcop.accounts.tokens import hash_key
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import api_key, bearer
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db

ME = "/api/v1/account/"


def test_token_is_stored_only_as_its_hash() -> None:
    user = UserFactory(username="ada")
    issued = services.create_api_token(actor=user, name="nightly upload")
    row = ApiToken.objects.get()
    assert issued.key.startswith("cwgcop_")
    assert len(issued.key) == 50
    assert row.key_hash == hash_key(issued.key)
    assert row.prefix == issued.key[:12]
    stored = json.dumps([list(ApiToken.objects.values_list())], default=str) + json.dumps(
        list(AuditEntry.objects.values("before", "after"))
    )
    assert issued.key not in stored
    assert AuditEntry.objects.get().action == "api_token.create"


def test_token_authenticates_its_owner_and_records_last_use(client: Client) -> None:
    user = UserFactory(username="ada")
    Role.objects.create(user=user, body=BodyFactory(acronym="CWG-COP"), kind=RoleKind.MEMBER)
    key = api_key(user)
    response = client.get(ME, **bearer(key))
    assert response.status_code == 200
    assert response.json() == {
        "username": "ada",
        "email": "ada@example.org",
        "roles": [{"body": "CWG-COP", "kind": "member"}],
    }
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer ",
        "Bearer cwgcop_not-a-real-key",
        "Bearer not-even-our-format",
        "Token cwgcop_wrong-scheme",
    ],
)
def test_request_without_valid_token_is_401(client: Client, header: str | None) -> None:
    api_key(UserFactory())
    extra = {"HTTP_AUTHORIZATION": header} if header is not None else {}
    response = client.get(ME, **extra)
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Send a valid API token: Authorization: Bearer <token>.",
        "code": "unauthorized",
    }


def test_revoked_token_is_refused_at_once(client: Client) -> None:
    user = UserFactory()
    issued = services.create_api_token(actor=user, name="old laptop")
    assert client.get(ME, **bearer(issued.key)).status_code == 200
    services.revoke_api_token(actor=user, token=issued.token)
    assert client.get(ME, **bearer(issued.key)).status_code == 401
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "api_token.create",
        "api_token.revoke",
    ]


def test_token_of_deactivated_user_is_refused(client: Client) -> None:
    user = UserFactory()
    key = api_key(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert client.get(ME, **bearer(key)).status_code == 401


def test_session_login_does_not_open_the_write_api(client: Client) -> None:
    client.force_login(UserFactory())
    assert client.get(ME).status_code == 401


def test_token_without_name_is_refused_and_nothing_written() -> None:
    user = UserFactory()
    with pytest.raises(DomainError) as error:
        services.create_api_token(actor=user, name="   ")
    assert error.value.messages == ["Give the token a name, e.g. the script that will use it."]
    assert (ApiToken.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_revoking_twice_is_refused() -> None:
    user = UserFactory()
    issued = services.create_api_token(actor=user, name="x")
    services.revoke_api_token(actor=user, token=issued.token)
    with pytest.raises(DomainError) as error:
        services.revoke_api_token(actor=user, token=issued.token)
    assert error.value.code == "token_revoked"


def test_active_tokens_are_limited() -> None:
    user = UserFactory()
    for number in range(services.MAX_ACTIVE_TOKENS):
        services.create_api_token(actor=user, name=f"t{number}")
    with pytest.raises(DomainError) as error:
        services.create_api_token(actor=user, name="one too many")
    assert error.value.code == "token_limit"
    assert ApiToken.objects.count() == services.MAX_ACTIVE_TOKENS
