from __future__ import annotations

import importlib.util
from pathlib import Path

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


def _printed_demo_logins() -> list[str]:
    """The logins `python3 dev.py demo` prints, read from dev.py itself."""
    path = Path(__file__).resolve().parents[2] / "dev.py"
    spec = importlib.util.spec_from_file_location("cwgcop_dev", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [username for username, _who in module.DEMO_LOGINS]


def test_every_login_the_demo_prints_signs_in(client: Client) -> None:
    load_demo()
    printed = _printed_demo_logins()
    assert printed == ["secretariat", "chair", "member", "moderator", "safeguarding"]
    for username in printed:
        response = client.post("/en/account/login/", {"login": username, "password": "cwgcop-demo"})
        assert response.status_code == 302, username
        client.logout()
