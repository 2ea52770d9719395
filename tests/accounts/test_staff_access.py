"""Every staff page is behind one gate: this walks every URL pattern of the project and proves it.

Each pattern under the ``staff`` namespace gets a concrete address (sample values for its arguments, objects that
do not exist) and must be refused by ``StaffAccessMiddleware`` before its view runs: a 404 would mean the view ran.
No view that is a staff view (by its module's name or the staff permission it requires) may live anywhere else.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.converters import IntConverter, UUIDConverter
from django.utils import translation

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.core.models import AuditEntry
from tests.accounts.factories import give_totp, verify_email
from tests.factories import BodyFactory, UserFactory

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Entry:
    namespaces: tuple[str, ...]
    pattern: URLPattern
    route: str

    @property
    def view_name(self) -> str:
        return ":".join((*self.namespaces, self.pattern.name or ""))

    @property
    def is_staff(self) -> bool:
        return bool(self.namespaces) and self.namespaces[0] == "staff"


def _walk(patterns: list[Any], namespaces: tuple[str, ...] = (), prefix: str = "") -> Iterator[Entry]:
    for item in patterns:
        if isinstance(item, URLResolver):
            inner = (*namespaces, item.namespace) if item.namespace else namespaces
            yield from _walk(item.url_patterns, inner, prefix + str(item.pattern))
        else:
            yield Entry(namespaces, item, prefix + str(item.pattern))


ALL = list(_walk(get_resolver().url_patterns))
STAFF = [entry for entry in ALL if entry.is_staff]
OUTSIDE = [entry for entry in ALL if not entry.is_staff and "admin" not in entry.namespaces]

# Sample values by argument name for text arguments; numbers and UUIDs name objects that do not exist.
TEXT_SAMPLES = {"symbol": "ZZ-NONE/99", "language": "fr", "fmt": "csv", "object_type": "meeting"}
MISSING_ID = 987654
MISSING_UUID = uuid.UUID("0b9e4c3a-51d2-4f7e-9a46-2c1d8e7f6a50")


def _sample(name: str, converter: object | None) -> object:
    if isinstance(converter, IntConverter):
        return MISSING_ID
    if isinstance(converter, UUIDConverter):
        return MISSING_UUID
    return TEXT_SAMPLES.get(name, "no-such-thing")


def _url(entry: Entry) -> str:
    converters = getattr(entry.pattern.pattern, "converters", {})
    names = list(converters) or list(entry.pattern.pattern.regex.groupindex)
    with translation.override("en"):
        return reverse(entry.view_name, kwargs={name: _sample(name, converters.get(name)) for name in names})


def _person(username: str, kind: RoleKind) -> Any:
    user = UserFactory(username=username)
    verify_email(user)
    Role.objects.create(user=user, body=BodyFactory(acronym=f"B-{username}", slug=f"b-{username}"), kind=kind)
    return user


def test_the_walk_finds_the_staff_pages_of_every_app() -> None:
    apps = {entry.namespaces[1] if len(entry.namespaces) > 1 else "" for entry in STAFF}
    assert apps == {
        "",
        "meetings",
        "documents",
        "accounts",
        "bodies",
        "liaisons",
        "events",
        "consultations",
        "reports",
        "history",
    }
    assert len(STAFF) == len({entry.view_name for entry in STAFF}) >= 70
    assert all(entry.pattern.name for entry in STAFF)


@pytest.mark.parametrize("entry", STAFF, ids=[entry.view_name for entry in STAFF])
def test_every_staff_pattern_is_refused_before_its_view_runs(entry: Entry) -> None:
    url = _url(entry)
    with translation.override("en"):
        assert resolve(url).view_name == entry.view_name  # the sample address reaches this very pattern
    anonymous = Client()
    signed_out = anonymous.get(url)
    assert (signed_out.status_code, signed_out["Location"]) == (302, f"/en/account/login/?next={url}")
    assert anonymous.post(url).status_code == 403

    member = Client()
    member.force_login(_person("plainmember", RoleKind.MEMBER))
    refused = member.get(url)
    assert refused.status_code == 403
    assert "<h1>Access refused</h1>" in refused.content.decode()
    assert member.post(url).status_code == 403

    no_totp = Client()
    no_totp.force_login(_person("newchair", RoleKind.CHAIR))
    setup = no_totp.get(url)
    assert (setup.status_code, setup["Location"]) == (302, "/en/account/2fa/totp/activate/")
    posted = no_totp.post(url, {"title_en": "Should not be written"})
    assert posted.status_code == 403
    assert posted.content.decode() == (
        "Your role needs two-factor authentication. Set up an authenticator app to continue."
    )
    assert AuditEntry.objects.count() == 0


def test_the_refusal_page_speaks_the_language_of_the_address(client: Client) -> None:
    client.force_login(_person("membre", RoleKind.MEMBER))
    response = client.get("/fr/staff/reports/")
    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in response.content.decode()


def test_a_staff_role_holder_with_two_factor_passes_the_gate(client: Client) -> None:
    user = _person("viceone", RoleKind.VICE_CHAIR)
    give_totp(user)
    client.force_login(user)
    # Past the gate, the view decides: there is no such consultation (404); the dashboard is the secretariat's (403).
    assert client.get("/es/staff/consultations/no-such-thing/").status_code == 404
    assert client.get("/es/staff/").status_code == 403


def test_the_django_admin_is_behind_the_same_gate(client: Client) -> None:
    assert client.get("/admin/")["Location"] == "/en/account/login/?next=/admin/"
    user = UserFactory(username="adminnotfa", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/")["Location"] == "/en/account/2fa/totp/activate/"


# A view is a staff view if its module says so, or if it requires a permission a signed-in member lacks.
STAFF_MODULE = re.compile(r"\.(staff\w*|\w*staff_views|secretariat\w*)$")


def _callback_module(callback: Callable[..., Any]) -> str:
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return str(view_class.__module__)
    return str(getattr(callback, "__module__", None) or type(callback).__module__)


def _staff_reasons(callback: Callable[..., Any], member: Any) -> list[str]:
    reasons = []
    module = _callback_module(callback)
    if STAFF_MODULE.search(module):
        reasons.append(f"module {module}")
    permission = getattr(callback, "required_permission", None)
    if permission and not member.has_perm(permission):
        reasons.append(f"permission {permission}")
    return reasons


def test_no_staff_view_is_mounted_outside_the_staff_namespace() -> None:
    member = _person("onlymember", RoleKind.MEMBER)
    misplaced = {
        entry.route: reasons for entry in OUTSIDE if (reasons := _staff_reasons(entry.pattern.callback, member))
    }
    assert misplaced == {}
    # The rule recognises every view that is mounted under ``staff``, so it would see one mounted elsewhere.
    unrecognised = [entry.view_name for entry in STAFF if not _staff_reasons(entry.pattern.callback, member)]
    assert unrecognised == []
