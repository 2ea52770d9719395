"""The Django admin is a read-only window: no registration adds, changes or deletes a row around a service."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.db.models import Model
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cwgcop.accounts import services as account_services
from cwgcop.accounts.models import Profile
from cwgcop.bodies.models import Body, Organization, Role
from tests.accounts.factories import give_totp, verify_email
from tests.factories import BodyFactory, OrganizationFactory, UserFactory, secretariat

pytestmark = pytest.mark.django_db

REGISTERED = [
    "account.emailaddress",
    "accounts.apitoken",
    "accounts.profile",
    "auth.group",
    "auth.user",
    "bodies.body",
    "bodies.organization",
    "bodies.role",
    "django_tasks_database.dbtaskresult",
    "mfa.authenticator",
]


@pytest.fixture
def superuser(client: Client) -> Client:
    user = UserFactory(username="root", is_superuser=True, is_staff=True)
    verify_email(user)
    give_totp(user)
    client.force_login(user)
    return client


def one_of_each() -> dict[str, Model]:
    """A row of every registered model, made the way the platform makes them (services where there is one)."""
    body = BodyFactory(acronym="EG-SAFE", slug="eg-safe")
    staff = secretariat(body, username="leila")
    token = account_services.create_api_token(actor=staff, name="nightly upload").token
    profile, _created = Profile.objects.get_or_create(user=staff, defaults={"full_name": "Leila Haddad"})
    task = DBTaskResult.objects.create(
        enqueued_at=timezone.now(),
        run_after=timezone.now(),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="cwgcop.search.tasks.extract_document_text",
        backend_name="default",
    )
    return {
        "account.emailaddress": staff.emailaddress_set.get(),
        "accounts.apitoken": token,
        "accounts.profile": profile,
        "auth.group": Group.objects.create(name="editors"),
        "auth.user": staff,
        "bodies.body": body,
        "bodies.organization": OrganizationFactory(name="Helpline Federation"),
        "bodies.role": Role.objects.get(user=staff, body=body),
        "django_tasks_database.dbtaskresult": task,
        "mfa.authenticator": Authenticator.objects.get(user=staff),
    }


def url(row: Model, view: str) -> str:
    return reverse(f"admin:{row._meta.app_label}_{row._meta.model_name}_{view}", args=[row.pk])


def stored(row: Model) -> dict[str, Any]:
    return model_to_dict(type(row)._default_manager.get(pk=row.pk))


def test_every_registration_is_read_only_for_a_superuser(rf: Any) -> None:
    request = rf.get("/admin/")
    request.user = UserFactory(username="root", is_superuser=True, is_staff=True)
    registry = {model._meta.label_lower: model_admin for model, model_admin in admin.site._registry.items()}
    assert sorted(registry) == REGISTERED
    assert {
        label: (
            model_admin.has_view_permission(request),
            model_admin.has_add_permission(request),
            model_admin.has_change_permission(request),
            model_admin.has_delete_permission(request),
            model_admin.get_actions(request),
        )
        for label, model_admin in registry.items()
    } == dict.fromkeys(REGISTERED, (True, False, False, False, {}))


def test_change_pages_show_the_row_without_a_save_button(superuser: Client) -> None:
    rows = one_of_each()
    assert sorted(rows) == REGISTERED
    answers = {label: superuser.get(url(row, "change")) for label, row in rows.items()}
    assert {label: answer.status_code for label, answer in answers.items()} == dict.fromkeys(REGISTERED, 200)
    with_save = [label for label, answer in answers.items() if b'name="_save"' in answer.content]
    assert with_save == []
    assert "Leila Haddad" in answers["accounts.profile"].content.decode()


def test_a_post_to_any_admin_page_changes_nothing(superuser: Client) -> None:
    rows = one_of_each()
    before = {label: stored(row) for label, row in rows.items()}
    changed = {"name": "changed", "username": "changed", "acronym": "CHANGED", "kind": "chair", "is_superuser": "on"}
    answers = {
        label: (
            superuser.post(url(row, "change"), changed).status_code,
            superuser.post(url(row, "delete"), {"post": "yes"}).status_code,
        )
        for label, row in rows.items()
    }
    added = {
        label: superuser.post(reverse(f"admin:{label.replace('.', '_')}_add"), changed).status_code
        for label in REGISTERED
    }
    assert answers == dict.fromkeys(REGISTERED, (403, 403))
    assert added == dict.fromkeys(REGISTERED, 403)
    assert {label: stored(row) for label, row in rows.items()} == before
    assert (Body.objects.count(), Organization.objects.count(), User.objects.count(), Group.objects.count()) == (
        1,
        1,
        2,
        1,
    )


def test_bulk_delete_from_a_list_is_refused(superuser: Client) -> None:
    rows = one_of_each()
    body = rows["bodies.body"]
    answer = superuser.post(
        reverse("admin:bodies_body_changelist"),
        {"action": "delete_selected", "_selected_action": [body.pk], "post": "yes"},
    )
    assert answer.status_code == 200
    assert list(Body.objects.values_list("acronym", flat=True)) == ["EG-SAFE"]


def test_a_users_password_cannot_be_set_from_the_admin(superuser: Client) -> None:
    staff = one_of_each()["auth.user"]
    password = User.objects.get(pk=staff.pk).password
    answer = superuser.post(
        reverse("admin:auth_user_password_change", args=[staff.pk]),
        {"password1": "Another-passw0rd!", "password2": "Another-passw0rd!"},
    )
    assert answer.status_code == 403
    assert User.objects.get(pk=staff.pk).password == password
