"""Writes to bodies' records that the archive's history needs: former names, and the organisations behind
documents. Keyword-only, one transaction, one audit entry each."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from cwgcop.bodies.enums import BodyAction
from cwgcop.bodies.models import Body, BodyName, Organization
from cwgcop.core import audit
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.translated_fields import set_translations


@transaction.atomic
def record_former_name(
    *,
    actor: Any,
    body: Body,
    acronym: str,
    names: dict[str, str],
    valid_from: datetime.date,
    valid_until: datetime.date,
) -> BodyName:
    """Record (or correct) the name and acronym ``body`` bore from ``valid_from`` to ``valid_until``.

    The period is the former name's identity: recording one that starts on the same day changes it. Periods of
    one body may not overlap, so a date has at most one former name.
    """
    acronym = acronym.strip()
    if not acronym or not any((text or "").strip() for text in names.values()):
        raise DomainError(_("A former name needs an acronym and a name."), code="former_name_missing")
    if valid_until < valid_from:
        raise DomainError(_("A former name cannot end before it begins."), code="former_name_dates")
    if valid_until >= datetime.date.today():
        raise DomainError(_("A former name must have ended before today."), code="former_name_dates")
    overlapping = BodyName.objects.filter(body=body, valid_from__lte=valid_until, valid_until__gte=valid_from)
    if overlapping.exclude(valid_from=valid_from).exists():
        raise DomainError(
            _("%(body)s already had another name during that period.") % {"body": body.acronym},
            code="former_name_overlap",
        )
    former = BodyName.objects.filter(body=body, valid_from=valid_from).first() or BodyName(
        body=body, valid_from=valid_from
    )
    before = audit.snapshot(former) if former.pk else {}
    former.acronym = acronym
    former.valid_until = valid_until
    set_translations(former, "name", names, replace=True)
    former.save()
    audit.record(actor=actor, action=BodyAction.FORMER_NAME_RECORD, instance=former, before=before)
    bump_archive_generation()
    return former


@transaction.atomic
def ensure_organization(*, actor: Any, name: str, country: str = "") -> Organization:
    """The organisation called ``name`` in ``country`` (ISO 3166 code or empty), created if there is none."""
    name = name.strip()
    if not name:
        raise DomainError(_("An organisation needs a name."), code="organization_name_missing")
    organization, created = Organization.objects.get_or_create(name=name, country=country.strip().upper())
    if created:
        audit.record(actor=actor, action=BodyAction.ORGANIZATION_CREATE, instance=organization)
    return organization
