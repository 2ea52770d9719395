"""The officers of a meeting: its chair and vice-chairs, replaced as one list (one transaction, one audit entry)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries

from cwgcop.bodies.models import Organization
from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.meetings.enums import MeetingAction, OfficerRole
from cwgcop.meetings.models import Meeting, MeetingOfficer


@dataclass(frozen=True)
class Officer:
    """One officer as a page or the API gives it: a person with an account, or a name; country, organisation."""

    role: str
    user: Any = None
    name: str = ""
    country: str = ""
    organization: Organization | None = None


def _checked(officer: Officer) -> Officer:
    name = (officer.name or "").strip()
    if officer.role not in OfficerRole.values:
        raise DomainError(_("An officer is the chair or a vice-chair."), code="officer_role_invalid")
    if officer.user is None and not name:
        raise DomainError(_("Name each officer, or give the e-mail address of their account."), code="officer_missing")
    if len(name) > 200:
        raise DomainError(_("An officer's name is longer than 200 characters."), code="officer_name_too_long")
    country = (officer.country or "").strip().upper()
    if country and country not in dict(countries):
        raise DomainError(_("Unknown country: %(code)s.") % {"code": country[:10]}, code="country_invalid")
    return Officer(role=officer.role, user=officer.user, name=name, country=country, organization=officer.organization)


def _values(meeting: Meeting) -> list[dict[str, Any]]:
    return [
        {
            "role": o.role,
            "user_id": o.user_id,
            "name": o.name,
            "country": str(o.country or ""),
            "organization_id": o.organization_id,
        }
        for o in meeting.officers.order_by("position", "id")
    ]


@transaction.atomic
def set_meeting_officers(*, actor: Actor, meeting: Meeting, officers: Sequence[Officer]) -> list[MeetingOfficer]:
    """Make ``officers`` (in that order) the chair and vice-chairs of ``meeting``, replacing those it had.

    At most one chair; the same person or name only once. Everything is checked before anything is written.
    """
    checked = [_checked(officer) for officer in officers]
    if sum(1 for o in checked if o.role == OfficerRole.CHAIR) > 1:
        raise DomainError(_("A meeting has one chair; the others are vice-chairs."), code="officer_two_chairs")
    who = [o.user.pk if o.user is not None else o.name.casefold() for o in checked]
    if len(set(who)) != len(who):
        raise DomainError(_("The same officer is listed twice."), code="officer_repeated")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    before = _values(meeting)
    meeting.officers.all().delete()
    created = MeetingOfficer.objects.bulk_create(
        MeetingOfficer(
            meeting=meeting,
            role=o.role,
            user=o.user,
            name=o.name,
            country=o.country,
            organization=o.organization,
            position=position,
        )
        for position, o in enumerate(checked, start=1)
    )
    audit.record(
        actor=actor,
        action=MeetingAction.OFFICERS_SET,
        instance=meeting,
        before={"officers": before},
        after={"officers": _values(meeting)},
    )
    bump_archive_generation()
    return created
