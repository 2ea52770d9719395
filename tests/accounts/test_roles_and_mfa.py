from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation

from cwgcop.accounts import services
from cwgcop.accounts.enums import AccountAction
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.core import audit
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import give_totp, verify_email
from tests.factories import BodyFactory, UserFactory, member, secretariat
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, int]:
    return Role.objects.count(), AuditEntry.objects.count()


@pytest.mark.parametrize("kind", [RoleKind.CHAIR, RoleKind.VICE_CHAIR, RoleKind.MODERATOR])
def test_every_staff_role_needs_totp(client: Client, kind: RoleKind) -> None:
    user = UserFactory(username="staff")
    Role.objects.create(user=user, body=BodyFactory(), kind=kind)
    client.force_login(user)
    assert client.get("/en/staff/")["Location"] == "/en/account/2fa/totp/activate/"


def test_staff_role_without_totp_is_sent_to_set_it_up(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    user = UserFactory(username="sec1")
    verify_email(user)
    Role.objects.create(user=user, body=body, kind=RoleKind.SECRETARIAT)
    client.force_login(user)
    response = client.get("/en/staff/")
    assert response.status_code == 302
    assert response["Location"] == "/en/account/2fa/totp/activate/"
    follow = client.get(response["Location"], follow=True)
    assert "Your role needs two-factor authentication." in follow.content.decode()
    give_totp(user)
    assert client.get("/en/staff/").status_code == 200


def test_staff_post_without_totp_is_refused_and_nothing_written(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    user = UserFactory(username="sec2")
    Role.objects.create(user=user, body=body, kind=RoleKind.SECRETARIAT)
    target = member("target")
    client.force_login(user)
    before = _counts()
    response = client.post(f"/en/staff/bodies/{body.slug}/roles/grant/", {"email": target.email, "kind": "member"})
    assert response.status_code == 403
    assert response.content.decode() == (
        "Your role needs two-factor authentication. Set up an authenticator app to continue."
    )
    assert _counts() == before


def test_member_without_role_needs_no_totp_for_own_pages(client: Client) -> None:
    client.force_login(member())
    assert client.get("/en/account/").status_code == 200
    assert client.get("/en/account/tokens/").status_code == 200
    assert client.get("/en/staff/").status_code == 403


def test_token_page_needs_totp_for_staff(client: Client) -> None:
    body = BodyFactory()
    user = UserFactory(username="mod")
    Role.objects.create(user=user, body=body, kind=RoleKind.MODERATOR)
    client.force_login(user)
    assert client.get("/en/account/tokens/")["Location"] == "/en/account/2fa/totp/activate/"
    # The page is not a staff page; the middleware's short list of account pages holds the rule (and the revoke).
    issued = services.create_api_token(actor=user, name="from before the role")
    assert client.post("/en/account/tokens/", {"name": "sneaky"}).status_code == 403
    assert client.post(f"/en/account/tokens/{issued.token.pk}/revoke/").status_code == 403
    issued.token.refresh_from_db()
    assert (user.api_tokens.count(), issued.token.revoked_at) == (1, None)
    give_totp(user)
    assert client.get("/en/account/tokens/").status_code == 200


def test_token_page_shows_the_key_once_and_revokes(client: Client) -> None:
    user = member()
    client.force_login(user)
    created = client.post("/en/account/tokens/", {"name": "upload script"})
    assert created.status_code == 200
    token = user.api_tokens.get()
    page = created.content.decode()
    assert "Copy it now: it is shown only once." in page
    assert token.prefix in page
    again = client.get("/en/account/tokens/").content.decode()
    assert "Copy it now" not in again
    revoked = client.post(f"/en/account/tokens/{token.pk}/revoke/")
    assert revoked.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_revoking_another_persons_token_is_404(client: Client) -> None:
    owner = member("owner")
    issued = services.create_api_token(actor=owner, name="theirs")
    client.force_login(member("intruder"))
    assert client.post(f"/en/account/tokens/{issued.token.pk}/revoke/").status_code == 404
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is None


def test_secretariat_grants_and_revokes_roles_with_audit(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    sec = secretariat(body)
    person = member("delegate")
    client.force_login(sec)
    response = client.post(
        f"/en/staff/bodies/{body.slug}/roles/grant/", {"email": "DELEGATE@example.org", "kind": "vice-chair"}
    )
    assert response.status_code == 302
    role = Role.objects.get(user=person)
    assert (role.body, role.kind) == (body, RoleKind.VICE_CHAIR)
    entry = AuditEntry.objects.get(action="role.grant")
    assert (entry.actor, entry.after) == (sec, {"user_id": person.pk, "body_id": body.pk, "kind": "vice-chair"})
    page = client.get(f"/en/staff/bodies/{body.slug}/roles/").content.decode()
    assert "delegate@example.org" in page
    assert client.post(f"/en/staff/bodies/{body.slug}/roles/{role.pk}/revoke/").status_code == 302
    assert not Role.objects.filter(user=person).exists()
    assert AuditEntry.objects.get(action="role.revoke").before == {
        "user_id": person.pk,
        "body_id": body.pk,
        "kind": "vice-chair",
    }


def test_member_cannot_grant_themself_a_role(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    intruder = member("intruder")
    Role.objects.create(user=intruder, body=body, kind=RoleKind.MEMBER)
    client.force_login(intruder)
    before = _counts()
    response = client.post(
        f"/en/staff/bodies/{body.slug}/roles/grant/", {"email": intruder.email, "kind": "secretariat"}
    )
    assert response.status_code == 403
    assert _counts() == before
    with pytest.raises(PermissionDenied):
        services.grant_role(actor=intruder, user=intruder, body=body, kind=RoleKind.SECRETARIAT)
    assert _counts() == before


def test_secretariat_of_another_body_cannot_grant_roles(client: Client) -> None:
    own = BodyFactory(acronym="CWG-COP")
    other = BodyFactory(acronym="ITU-T-SG17")
    sec = secretariat(own)
    client.force_login(sec)
    before = _counts()
    response = client.post(f"/en/staff/bodies/{other.slug}/roles/grant/", {"email": sec.email, "kind": "secretariat"})
    assert response.status_code == 403
    assert _counts() == before


def test_granting_to_an_unknown_address_says_so_in_chinese(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    client.force_login(secretariat(body))
    before = _counts()
    response = client.post(
        f"/zh-hans/staff/bodies/{body.slug}/roles/grant/", {"email": "nobody@example.org", "kind": "member"}
    )
    assert response.status_code == 400
    assert "没有账户使用此电子邮件地址。请先请此人注册。" in response.content.decode()
    assert _counts() == before


def test_granting_a_role_twice_is_refused() -> None:
    body = BodyFactory(acronym="CWG-COP")
    sec = secretariat(body)
    person = member("p")
    services.grant_role(actor=sec, user=person, body=body, kind=RoleKind.MEMBER)
    with pytest.raises(DomainError) as error, translation.override("en"):
        services.grant_role(actor=sec, user=person, body=body, kind=RoleKind.MEMBER)
    assert error.value.messages == ["p@example.org already is Member of CWG-COP."]


def test_secretariat_cannot_remove_its_own_secretariat_role(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    sec = secretariat(body)
    role = Role.objects.get(user=sec)
    client.force_login(sec)
    response = client.post(f"/en/staff/bodies/{body.slug}/roles/{role.pk}/revoke/", follow=True)
    assert "You cannot remove your own secretariat role: ask another member of the secretariat." in (
        response.content.decode()
    )
    assert Role.objects.filter(pk=role.pk).exists()


def test_history_page_shows_who_changed_what(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    sec = secretariat(body)
    role = services.grant_role(actor=sec, user=member("m"), body=body, kind=RoleKind.MEMBER)
    client.force_login(sec)
    response = client.get(f"/en/staff/history/bodies.role/{role.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<td>Role granted</td>" in page
    assert "sec@example.org" in page


def test_history_is_closed_to_members_and_unknown_objects(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    sec = secretariat(body)
    role = services.grant_role(actor=sec, user=member("m"), body=body, kind=RoleKind.MEMBER)
    client.force_login(member("other"))
    assert client.get(f"/en/staff/history/bodies.role/{role.pk}/").status_code == 403
    client.force_login(sec)
    assert client.get("/en/staff/history/nothing.here/1/").status_code == 404
    assert client.get("/en/staff/history/bodies.role/999999/").status_code == 404
    assert client.get("/en/staff/history/accounts.apitoken/1/").status_code == 404


def test_dashboard_links_to_the_roles_of_the_bodies_one_runs(client: Client) -> None:
    body = BodyFactory(acronym="CWG-COP")
    BodyFactory(acronym="ITU-T-SG17")
    client.force_login(secretariat(body))
    page = client.get("/en/staff/").content.decode()
    assert f'href="/en/staff/bodies/{body.slug}/roles/">Roles in CWG-COP</a>' in page
    assert "Roles in ITU-T-SG17" not in page


@pytest.mark.parametrize("rows", [1, 3])
def test_roles_page_runs_a_fixed_number_of_queries(client: Client, page_in_queries: PageInQueries, rows: int) -> None:
    body = BodyFactory(acronym="EG-SAFE")
    sec = secretariat(body, username="farah")
    for number in range(1, rows):
        services.grant_role(actor=sec, user=member(f"expert{number}"), body=body, kind=RoleKind.MEMBER)
    client.force_login(sec)
    page = page_in_queries(f"/en/staff/bodies/{body.slug}/roles/", 8)  # the same for 1 or 3 roles
    assert page.count("/revoke/") == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_history_page_runs_a_fixed_number_of_queries(client: Client, page_in_queries: PageInQueries, rows: int) -> None:
    body = BodyFactory(acronym="EG-SAFE")
    sec = secretariat(body, username="farah")
    role = services.grant_role(actor=sec, user=member("expert"), body=body, kind=RoleKind.MEMBER)
    for number in range(1, rows):
        clerk = secretariat(body, username=f"clerk{number}")
        audit.record(actor=clerk, action=AccountAction.ROLE_GRANT, instance=role, after={"kind": "member"})
    client.force_login(sec)
    page = page_in_queries(f"/en/staff/history/bodies.role/{role.pk}/", 9)  # the same for 1 or 3 entries
    assert page.count("<td>Role granted</td>") == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_token_page_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    user = member("scripter")
    for number in range(rows):
        services.create_api_token(actor=user, name=f"nightly job {number}")
    client.force_login(user)
    client.get("/en/account/tokens/")  # the session settles on the first request
    with django_assert_num_queries(4):  # the same for 1 or 3 tokens
        page = client.get("/en/account/tokens/").content.decode()
    assert page.count("/revoke/") == rows


@pytest.mark.parametrize("rows", [1, 3])
def test_account_home_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    user = member("delegate")
    for number in range(rows):
        Role.objects.create(user=user, body=BodyFactory(acronym=f"EG-{number}"), kind=RoleKind.MEMBER)
    client.force_login(user)
    client.get("/en/account/")  # the session settles on the first request
    with django_assert_num_queries(10):  # the same for 1 or 3 roles
        page = client.get("/en/account/").content.decode()
    assert sum(page.count(f"EG-{number}") > 0 for number in range(rows)) == rows
