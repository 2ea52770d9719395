"""The staff areas the dashboard links to: each names the addresses that may lead to it, first that exists wins.

An app that adds a staff list later (bodies, organisations, a meetings list) is linked as soon as its URL name
resolves, and an area whose pages are not there yet is left out instead of breaking the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class StaffArea:
    label: object
    url_names: tuple[str, ...]
    # Where the area is found when none of its pages exists yet (a section of the dashboard itself).
    fallback: str | None = None
    # The permission its pages need beyond a staff role (an area the person cannot open is not linked).
    permission: str | None = None


AREAS = (
    StaffArea(_("Meetings"), ("staff:meetings:list", "staff:meetings:meeting-list", "staff:meetings:meeting-create")),
    StaffArea(
        _("Documents"), ("staff:documents:list", "staff:documents:document-list", "staff:documents:document-create")
    ),
    StaffArea(_("Submissions"), ("staff:documents:submission-queue",)),
    StaffArea(_("Liaisons"), ("staff:liaisons:desk",)),
    StaffArea(_("Events"), ("staff:events:index",)),
    StaffArea(_("Consultations"), ("staff:consultations:list",)),
    StaffArea(pgettext_lazy("staff area", "Reports"), ("staff:reports:list",)),
    StaffArea(_("Organisations"), ("staff:bodies:organization-list",)),
    StaffArea(_("Bodies"), ("staff:bodies:body-list",)),
    StaffArea(_("Roles"), ("staff:accounts:roles", "staff:accounts:role-list"), fallback="#roles"),
    StaffArea(_("Accounts"), ("staff:accounts:accounts",), permission="accounts.care_for_accounts"),
    StaffArea(_("Imports"), ("staff:history:imports",)),
)


def _first_address(names: tuple[str, ...]) -> str | None:
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return None


def staff_areas(user: Any = None) -> list[tuple[str, str]]:
    """``(label, address)`` of every area whose pages exist (and ``user`` may open), in the order of :data:`AREAS`."""
    allowed = [
        area for area in AREAS if area.permission is None or (user is not None and user.has_perm(area.permission))
    ]
    found = ((str(area.label), _first_address(area.url_names) or area.fallback) for area in allowed)
    return [(label, address) for label, address in found if address is not None]
