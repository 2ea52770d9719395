"""Signing a staff member in, as a person does: password, then the code of their authenticator app."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from tests.accounts.factories import totp_code


def sign_in_with_two_factors(page: Page, base: str, username: str, secret: str) -> None:
    """Sign ``username`` (the factories' password) in with a code from ``secret``; ends on the staff hub."""
    # Often the live server's first request, which loads the URL configuration: on a busy machine, over 10 s.
    page.goto(f"{base}/en/account/login/", timeout=60_000)
    page.locator("#id_login").fill(username)
    page.locator("#id_password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/en/account/2fa/authenticate/$"))
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/en/staff/$"))
