"""A platform administrator deactivates an account and removes a lost authenticator on staff pages, with a
confirmation step; nobody else may."""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from cwgcop.accounts.models import ApiToken
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import api_key
from tests.bodies.factories import platform_administrator
from tests.factories import BodyFactory, secretariat

pytestmark = pytest.mark.django_db


def test_deactivating_asks_first_then_signs_out_for_good_and_revokes_tokens(client: Client) -> None:
    body = BodyFactory(acronym="EG-AC", slug="eg-ac")
    clerk = secretariat(body, username="clerk")
    api_key(clerk)
    client.force_login(platform_administrator(body))
    url = f"/en/staff/accounts/{clerk.pk}/"
    asked = client.post(url, {"action": "deactivate"}).content.decode()
    assert "clerk@example.org will no longer be able to sign in" in asked
    clerk.refresh_from_db()
    assert clerk.is_active
    done = client.post(url, {"action": "deactivate", "confirmed": "1"})
    assert (done.status_code, done["Location"]) == (302, url)
    clerk.refresh_from_db()
    assert (clerk.is_active, ApiToken.objects.get(user=clerk).revoked_at is not None) == (False, True)
    entry = AuditEntry.objects.get(action="account.deactivate")
    assert entry.after == {"is_active": False, "tokens_revoked": 1}


def test_removing_a_lost_authenticator(client: Client) -> None:
    body = BodyFactory(acronym="EG-AC", slug="eg-ac")
    clerk = secretariat(body, username="clerk")
    client.force_login(platform_administrator(body))
    client.post(f"/fr/staff/accounts/{clerk.pk}/", {"action": "authenticators", "confirmed": "1"})
    assert not Authenticator.objects.filter(user=clerk).exists()
    assert AuditEntry.objects.get(action="account.authenticators.remove").before == {"authenticators": ["totp"]}


def test_a_secretariat_cannot_and_nobody_acts_on_their_own_account(client: Client) -> None:
    body = BodyFactory(acronym="EG-AC", slug="eg-ac")
    clerk = secretariat(body, username="clerk")
    admin = platform_administrator(body)
    client.force_login(clerk)
    assert client.post(f"/en/staff/accounts/{admin.pk}/", {"action": "deactivate", "confirmed": "1"}).status_code == 403
    client.force_login(admin)
    page = client.post(f"/en/staff/accounts/{admin.pk}/", {"action": "deactivate", "confirmed": "1"}, follow=True)
    assert "Ask another platform administrator to do this for your own account." in page.content.decode()
    admin.refresh_from_db()
    assert admin.is_active
    assert not AuditEntry.objects.filter(action="account.deactivate").exists()
