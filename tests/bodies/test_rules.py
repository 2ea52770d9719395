"""The role predicates that guard the staff pages: a role is held in one body."""

from __future__ import annotations

import pytest

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from tests.core.factories import council_and_group
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies() -> dict[str, Body]:
    return council_and_group()


def test_secretariat_role_is_per_body(bodies: dict[str, Body]) -> None:
    user = UserFactory(username="sec")
    Role.objects.create(user=user, body=bodies["group"], kind=RoleKind.SECRETARIAT)
    assert user.has_perm("bodies.use_staff_pages")
    assert user.has_perm("bodies.manage_body", bodies["group"])
    assert not user.has_perm("bodies.manage_body", bodies["council"])


def test_other_roles_do_not_open_the_staff_pages(bodies: dict[str, Body]) -> None:
    user = UserFactory(username="chair")
    for kind in (RoleKind.CHAIR, RoleKind.VICE_CHAIR, RoleKind.MEMBER, RoleKind.MODERATOR):
        Role.objects.create(user=user, body=bodies["group"], kind=kind)
    assert not user.has_perm("bodies.use_staff_pages")
    assert not user.has_perm("bodies.manage_body", bodies["group"])


def test_superuser_manages_every_body(bodies: dict[str, Body]) -> None:
    admin = UserFactory(username="admin", is_superuser=True)
    assert admin.has_perm("bodies.manage_body", bodies["council"])
    assert admin.has_perm("bodies.use_staff_pages")
