"""Factories for the meetings tests: rows written through the real services."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.meetings.models import ActionItem, Meeting, Outcome, Registration
from cwgcop.meetings.services import actions as action_services
from cwgcop.meetings.services import outcomes as outcome_services
from cwgcop.meetings.services import registration as registration_services
from tests.accounts.factories import give_totp, verify_email
from tests.factories import BodyFactory, MeetingFactory, UserFactory


def upcoming_meeting(**kwargs: Any) -> Meeting:
    """A hybrid meeting a month ahead, open for contributions (and so for registration)."""
    start = timezone.localdate() + datetime.timedelta(days=30)
    defaults: dict[str, Any] = {
        "start_date": start,
        "end_date": start + datetime.timedelta(days=1),
        "status": "open",
        "format": "hybrid",
    }
    if "body" not in kwargs:
        defaults["body"] = BodyFactory(acronym="CWG-COP", slug="cwg-cop", symbol_prefix="CWG-COP")
    return MeetingFactory(**{**defaults, **kwargs})


STAFF_ROLES = {RoleKind.SECRETARIAT, RoleKind.CHAIR, RoleKind.VICE_CHAIR, RoleKind.MODERATOR}


def person(username: str, *, body: Body | None = None, role: RoleKind | None = None, **fields: Any) -> Any:
    """A signed-up person with a verified address; staff roles come with an authenticator app, as they must."""
    user = UserFactory(username=username, **fields)
    verify_email(user)
    if body is not None and role is not None:
        Role.objects.get_or_create(user=user, body=body, kind=role)
        if role in STAFF_ROLES:
            give_totp(user)
    return user


def register(meeting: Meeting, user: Any, **overrides: Any) -> Registration:
    values: dict[str, Any] = {
        "mode": "remote",
        "organization_name": "Ministry of Communications",
        "country": "CN",
        "stakeholder_kind": "member-state",
        "accessibility_needs": "",
        **overrides,
    }
    return registration_services.register_for_meeting(actor=user, meeting=meeting, **values)


def outcome(meeting: Meeting, text: str = "The meeting agreed.", kind: str = "agreed", **kwargs: Any) -> Outcome:
    return outcome_services.record_outcome(actor=None, meeting=meeting, kind=kind, texts={"en": text}, **kwargs)


def action_item(source: Outcome, text: str = "Prepare a proposal.", **kwargs: Any) -> ActionItem:
    return action_services.raise_action_item(actor=None, outcome=source, descriptions={"en": text}, **kwargs)
