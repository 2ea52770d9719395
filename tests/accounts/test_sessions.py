"""Staff sessions end after inactivity and absolutely; every answer carries a Permissions-Policy; the admin has
a Content-Security-Policy; sign-up does the same work for a known and an unknown address."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import Client

from cwgcop.accounts.sessions import SEEN_KEY, SIGNED_IN_KEY, STAFF_KEY
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.core import outbox
from tests.factories import BodyFactory, UserFactory, member, secretariat

pytestmark = pytest.mark.django_db

MINUTE = 60
HOUR = 3600


def _shift(client: Client, key: str, seconds: int) -> None:
    """Pretend ``key``'s moment was ``seconds`` earlier."""
    session = client.session
    session[key] = int(session[key]) - seconds
    session.save()


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_staff_session_ends_after_thirty_minutes_without_a_request(client: Client) -> None:
    client.force_login(secretariat(BodyFactory()))
    assert client.get("/en/staff/").status_code == 200
    assert client.session[STAFF_KEY] is True
    assert client.session.get_expiry_age() == 30 * MINUTE
    _shift(client, SEEN_KEY, 29 * MINUTE)
    assert client.get("/en/staff/").status_code == 200  # 29 minutes: still signed in, and the clock restarts
    _shift(client, SEEN_KEY, 29 * MINUTE)
    assert client.get("/en/staff/").status_code == 200
    _shift(client, SEEN_KEY, 31 * MINUTE)
    response = client.get("/en/staff/")
    assert (response.status_code, response["Location"]) == (302, "/en/account/login/?next=/en/staff/")
    assert not _signed_in(client)
    page = client.get(response["Location"]).content.decode()
    assert "Your session has ended after 30 minutes without activity. Sign in again." in page


def test_staff_session_ends_twelve_hours_after_signing_in_whatever_the_activity(client: Client) -> None:
    client.force_login(secretariat(BodyFactory()))
    _shift(client, SIGNED_IN_KEY, 12 * HOUR - MINUTE)
    assert client.get("/en/staff/").status_code == 200
    _shift(client, SIGNED_IN_KEY, 2 * MINUTE)
    response = client.get("/fr/staff/")
    assert (response.status_code, response["Location"]) == (302, "/fr/account/login/?next=/fr/staff/")
    page = client.get(response["Location"]).content.decode()
    assert "Votre session a pris fin : les sessions du personnel durent au plus 12 heures." in page


def test_staff_session_limits_are_configurable(client: Client, settings: Any) -> None:
    settings.CWGCOP_STAFF_SESSION_IDLE_MINUTES = 5
    settings.CWGCOP_STAFF_SESSION_MAX_HOURS = 1
    client.force_login(secretariat(BodyFactory()))
    assert client.session.get_expiry_age() == 5 * MINUTE
    _shift(client, SEEN_KEY, 6 * MINUTE)
    assert client.get("/en/staff/").status_code == 302
    assert not _signed_in(client)
    client.force_login(secretariat(BodyFactory(), username="sec2"))
    _shift(client, SIGNED_IN_KEY, HOUR + MINUTE)
    assert client.get("/en/account/").status_code == 302  # any page: the session is over
    assert not _signed_in(client)


def test_other_sessions_keep_their_two_weeks(client: Client) -> None:
    client.force_login(member())
    assert STAFF_KEY not in client.session
    session = client.session
    session[SEEN_KEY] = session[SIGNED_IN_KEY] - 13 * HOUR
    session[SIGNED_IN_KEY] -= 13 * HOUR
    session.save()
    assert client.get("/en/account/").status_code == 200
    assert _signed_in(client)
    assert client.session.get_expiry_age() == 14 * 24 * HOUR


def test_a_role_granted_during_a_session_brings_the_staff_limits(client: Client) -> None:
    user = member()
    client.force_login(user)
    assert STAFF_KEY not in client.session
    from tests.accounts.factories import give_totp

    Role.objects.create(user=user, body=BodyFactory(), kind=RoleKind.SECRETARIAT)
    give_totp(user)
    assert client.get("/en/staff/").status_code == 200
    assert (client.session[STAFF_KEY], client.session.get_expiry_age()) == (True, 30 * MINUTE)


@pytest.mark.parametrize("path", ["/en/", "/en/search/?q=x", "/api/v1/search?q=", "/en/no-such-page/", "/admin/"])
def test_every_answer_carries_a_permissions_policy(client: Client, path: str) -> None:
    for _ in range(2):  # the second answer may come from the page cache
        response = client.get(path)
        assert response["Permissions-Policy"].startswith("accelerometer=(), autoplay=(), camera=(), ")
        assert "geolocation=(), " in response["Permissions-Policy"]
        assert "microphone=(), " in response["Permissions-Policy"]


def test_the_admin_has_a_content_security_policy(client: Client) -> None:
    user = UserFactory(username="root", is_staff=True, is_superuser=True)
    from tests.accounts.factories import give_totp

    give_totp(user)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert client.get("/admin/login/")["Content-Security-Policy"] == policy


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    calls: list[str] = []

    def encode(self, password: str, salt: str) -> str:
        CountingHasher.calls.append(password)
        return super().encode(password, salt)


def test_sign_up_does_the_same_work_for_a_known_and_an_unknown_address(
    client: Client, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.PASSWORD_HASHERS = ["tests.accounts.test_sessions.CountingHasher"]
    UserFactory(username="known", email="known@example.org")
    CountingHasher.calls.clear()
    queued: list[list[str]] = []
    monkeypatch.setattr(outbox, "send_later", lambda message: queued.append(list(message.to)))
    monkeypatch.setattr("cwgcop.accounts.adapter.send_later", lambda message: queued.append(list(message.to)))
    answers = []
    for address in ("new@example.org", "known@example.org"):
        data = {"email": address, "password1": "a-long-passphrase", "password2": "a-long-passphrase"}
        answers.append(client.post("/en/account/signup/", {**data, "full_name": "A", "language": "en"}))
    assert [(a.status_code, a["Location"]) for a in answers] == [(302, "/en/account/confirm-email/")] * 2
    assert CountingHasher.calls == ["a-long-passphrase", "a-long-passphrase"]  # one hashing each
    assert queued == [["new@example.org"], ["known@example.org"]]  # one mail each, through the queue
