from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from cwgcop.accounts.models import Profile
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import give_totp, totp_code, verify_email
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-enough-passphrase"


def _link(message: mail.EmailMessage) -> str:
    found = re.search(r"http://testserver(/\S+)", str(message.body))
    assert found is not None, message.body
    return found.group(1)


def _sign_up(client: Client, language: str = "en", **extra: str) -> None:
    data = {
        "email": "ada@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "full_name": "Ada Lovelace",
        "language": language,
        **extra,
    }
    response = client.post(f"/{language}/account/signup/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/account/confirm-email/"


def test_sign_up_requires_email_verification_then_logs_in(client: Client) -> None:
    organization = OrganizationFactory(name="Republic of Ruritania")
    _sign_up(client, organization=str(organization.pk), country="CH")
    user = get_user_model().objects.get(email="ada@example.org")
    assert client.get("/en/account/").status_code == 302  # not signed in before the address is verified
    assert len(mail.outbox) == 1
    link = _link(mail.outbox[0])
    assert link.startswith("/en/account/confirm-email/")
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/"
    assert EmailAddress.objects.get(user=user).verified is True
    profile = Profile.objects.get(user=user)
    assert (profile.full_name, profile.organization, str(profile.country), profile.language) == (
        "Ada Lovelace",
        organization,
        "CH",
        "en",
    )
    page = client.get("/en/account/")
    assert page.status_code == 200
    assert "Republic of Ruritania" in page.content.decode()
    assert AuditEntry.objects.filter(action="profile.create", actor=user).count() == 1


def test_sign_up_in_chinese_writes_the_verification_email_in_chinese(client: Client) -> None:
    _sign_up(client, language="zh-hans")
    assert Profile.objects.get().language == "zh-hans"
    message = mail.outbox[0]
    assert "请确认您的Email地址" in str(message.subject)
    assert _link(message).startswith("/zh-hans/account/confirm-email/")


def test_login_is_refused_until_the_address_is_verified(client: Client) -> None:
    UserFactory(username="bob", email="bob@example.org")
    response = client.post("/en/account/login/", {"login": "bob@example.org", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mail.outbox] == [["bob@example.org"]]


def test_login_by_email_or_user_name_once_verified(client: Client) -> None:
    user = UserFactory(username="carol", email="carol@example.org")
    verify_email(user)
    for login in ("carol@example.org", "carol"):
        client.logout()
        response = client.post("/en/account/login/", {"login": login, "password": "correct-horse-battery"})
        assert response.status_code == 302
        assert response["Location"] == "/en/account/"
        assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_refused_with_a_translated_message(client: Client) -> None:
    verify_email(UserFactory(username="dan", email="dan@example.org"))
    response = client.post("/fr/account/login/", {"login": "dan@example.org", "password": "wrong"})
    assert response.status_code == 200
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_sets_a_new_password(client: Client) -> None:
    user = UserFactory(username="erin", email="erin@example.org")
    verify_email(user)
    response = client.post("/en/account/password/reset/", {"email": "erin@example.org"})
    assert response.status_code == 302
    link = _link(mail.outbox[0])
    form_page = client.get(link, follow=True)
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    done = client.post(action, {"password1": "another-long-passphrase", "password2": "another-long-passphrase"})
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-long-passphrase")


def test_user_with_totp_must_give_a_code_to_sign_in(client: Client) -> None:
    user = UserFactory(username="fay", email="fay@example.org")
    verify_email(user)
    secret = give_totp(user)
    response = client.post("/en/account/login/", {"login": "fay", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert response["Location"] == "/en/account/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/en/account/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    right = client.post("/en/account/2fa/authenticate/", {"code": totp_code(secret)})
    assert right.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_old_login_address_redirects_to_the_new_one(client: Client) -> None:
    response = client.get("/en/login/?next=/en/staff/")
    assert response.status_code == 301
    assert response["Location"] == "/en/account/login/?next=/en/staff/"
