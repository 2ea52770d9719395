"""allauth's pages in the site's layout, under the strict Content-Security-Policy (no inline script or style)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.accounts.factories import verify_email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)

ANONYMOUS_PAGES = [
    "/en/account/login/",
    "/en/account/signup/",
    "/en/account/password/reset/",
    "/en/account/confirm-email/",
    "/ar/account/login/",
    "/zh-hans/account/signup/",
]
SIGNED_IN_PAGES = [
    "/en/account/",
    "/en/account/profile/",
    "/en/account/tokens/",
    "/en/account/email/",
    "/en/account/password/change/",
    "/en/account/2fa/",
    "/en/account/reauthenticate/",
]


def _assert_strict(page: str, response_csp: str) -> None:
    assert INLINE_SCRIPT.findall(page) == []
    assert INLINE_STYLE.findall(page) == []
    assert "script-src 'self'" in response_csp
    assert "style-src 'self'" in response_csp
    assert '<link rel="stylesheet" href="/static/cwgcop/site.css">' in page


@pytest.mark.parametrize("url", ANONYMOUS_PAGES)
def test_account_page_uses_site_layout_without_inline_code(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    _assert_strict(response.content.decode(), response["Content-Security-Policy"])


def test_signed_in_account_pages_use_site_layout_without_inline_code(client: Client) -> None:
    user = UserFactory(username="ada", email="ada@example.org")
    verify_email(user)
    client.post("/en/account/login/", {"login": "ada", "password": "correct-horse-battery"})
    for url in SIGNED_IN_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_strict(response.content.decode(), response["Content-Security-Policy"])


def test_totp_page_shows_the_qr_code_as_an_image_and_every_field_has_a_label(client: Client) -> None:
    user = UserFactory(username="ada", email="ada@example.org")
    verify_email(user)
    client.post("/en/account/login/", {"login": "ada", "password": "correct-horse-battery"})
    # Turning on two factors asks for the password again (allauth's reauthentication).
    assert client.get("/en/account/2fa/totp/activate/")["Location"].startswith("/en/account/reauthenticate/")
    client.post("/en/account/reauthenticate/", {"password": "correct-horse-battery"})
    response = client.get("/en/account/2fa/totp/activate/")
    page = response.content.decode()
    _assert_strict(page, response["Content-Security-Policy"])
    assert '<img src="data:image/svg+xml;base64,' in page
    ids = re.findall(r'<input[^>]*\bid="([^"]+)"', page)
    labelled = set(re.findall(r'<label for="([^"]+)"', page))
    assert ids
    assert set(ids) <= labelled
