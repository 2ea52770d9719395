from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_demo_logins_work_and_the_secretariat_is_asked_for_two_factors(client: Client) -> None:
    load_demo()
    response = client.post("/en/account/login/", {"login": "secretariat", "password": "cwgcop-demo"})
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/"
    assert client.get("/en/staff/")["Location"] == "/en/account/2fa/totp/activate/"
    client.logout()
    response = client.post("/en/account/login/", {"login": "member@example.org", "password": "cwgcop-demo"})
    assert response["Location"] == "/en/account/"
    page = client.get("/en/account/").content.decode()
    assert "Demo Delegate" in page
    assert "Brazil" in page
