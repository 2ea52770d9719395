"""The platform administrator role: granted on the roles page or through the API by a platform administrator only,
it lets its holder create bodies; a body's roles through the API."""

from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.bodies.models import Role
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import api_key, bearer
from tests.bodies.factories import platform_administrator
from tests.factories import BodyFactory, UserFactory, member, secretariat

pytestmark = pytest.mark.django_db


def test_only_a_platform_administrator_grants_the_role(client: Client) -> None:
    body = BodyFactory(acronym="EG-PA", slug="eg-pa")
    clerk = secretariat(body, username="clerk")
    newcomer = UserFactory(username="newcomer", email="newcomer@example.org")
    client.force_login(clerk)
    refused = client.post("/en/staff/bodies/eg-pa/roles/grant/", {"email": newcomer.email, "kind": "platform-admin"})
    assert refused.status_code == 403
    assert not Role.objects.filter(user=newcomer).exists()
    client.force_login(platform_administrator(body))
    granted = client.post("/en/staff/bodies/eg-pa/roles/grant/", {"email": newcomer.email, "kind": "platform-admin"})
    assert granted.status_code == 302
    assert Role.objects.get(user=newcomer).kind == "platform-admin"
    assert newcomer.has_perm("bodies.create_body")
    assert not clerk.has_perm("bodies.create_body")


def test_the_roles_api_lists_grants_and_revokes(client: Client) -> None:
    body = BodyFactory(acronym="EG-PA", slug="eg-pa")
    key = api_key(secretariat(body, username="clerk"))
    person = member("ines")
    granted = client.post(
        "/api/v1/bodies/eg-pa/roles",
        {"email": "INES@example.org", "kind": "member"},
        content_type="application/json",
        **bearer(key),
    )
    assert (granted.status_code, granted.json()["kind"], granted.json()["email"]) == (201, "member", person.email)
    listed = client.get("/api/v1/bodies/eg-pa/roles", **bearer(key)).json()
    assert sorted((r["email"], r["kind"]) for r in listed["items"]) == [
        ("clerk@example.org", "secretariat"),
        ("ines@example.org", "member"),
    ]
    before = AuditEntry.objects.count()
    admin = client.post(
        "/api/v1/bodies/eg-pa/roles",
        {"email": person.email, "kind": "platform-admin"},
        content_type="application/json",
        **bearer(key),
    )
    assert admin.status_code == 403
    assert AuditEntry.objects.count() == before
    revoked = client.delete(f"/api/v1/bodies/eg-pa/roles/{granted.json()['id']}", **bearer(key))
    assert revoked.status_code == 204
    assert not Role.objects.filter(user=person).exists()
    assert client.get("/api/v1/bodies/eg-pa/roles").status_code == 401
    assert client.get("/api/v1/bodies/eg-pa/roles", **bearer(api_key(person))).status_code == 403
    assert client.delete("/api/v1/bodies/eg-pa/roles/987654", **bearer(key)).status_code == 404
