"""The actor a service is given: a signed-in person, an anonymous visitor, or the system (None)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from cwgcop.core.actors import actor_may, is_signed_in, signed_in_or_none
from tests.factories import BodyFactory, UserFactory, secretariat

pytestmark = pytest.mark.django_db


def test_only_a_signed_in_person_is_signed_in() -> None:
    person = UserFactory(username="ines")
    assert [is_signed_in(a) for a in (person, AnonymousUser(), None)] == [True, False, False]
    assert [signed_in_or_none(a) for a in (person, AnonymousUser(), None)] == [person, None, None]


def test_permissions_follow_the_rules_and_the_system_holds_none() -> None:
    body = BodyFactory(acronym="EG-SAFE")
    staff = secretariat(body, username="ines")
    visitor = UserFactory(username="omar")
    assert [actor_may(a, "bodies.manage_body", body) for a in (staff, visitor, AnonymousUser(), None)] == [
        True,
        False,
        False,
        False,
    ]
