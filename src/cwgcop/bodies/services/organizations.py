"""Keeping the list of organisations: create, change, retire, and merge a duplicate into the one that stays.

Any secretariat keeps the list (organisations belong to no body). The region is never written: it follows the
country (see ``Organization.save``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from cwgcop.bodies import queries
from cwgcop.bodies.enums import BodyAction, StakeholderKind
from cwgcop.bodies.models import Organization
from cwgcop.core import audit
from cwgcop.core.actors import Actor, actor_may
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError

ORGANIZATION_FIELDS = ["name", "short_name", "country", "region", "stakeholder_kind", "retired_at"]


def _checked(
    *, organization: Organization | None, name: str, short_name: str, country: str, kind: str
) -> dict[str, str]:
    name, short_name, country = (name or "").strip(), (short_name or "").strip(), (country or "").strip().upper()
    if not name:
        raise DomainError(_("An organisation needs a name."), code="organization_name_missing")
    if len(name) > 250 or len(short_name) > 60:
        raise DomainError(
            _("The name is longer than 250 characters or the short name longer than 60."), code="name_too_long"
        )
    if country and country not in dict(countries):
        raise DomainError(_("Unknown country: %(code)s.") % {"code": country[:10]}, code="country_invalid")
    if kind not in StakeholderKind.values:
        raise DomainError(_("Unknown stakeholder kind."), code="stakeholder_kind_invalid")
    same = Organization.objects.filter(name__iexact=name, country=country)
    if organization is not None:
        same = same.exclude(pk=organization.pk)
    if same.exists():
        raise DomainError(
            _("%(name)s is already in the list of organisations.") % {"name": name}, code="organization_taken"
        )
    return {"name": name, "short_name": short_name, "country": country, "stakeholder_kind": kind}


def _require(actor: Actor) -> None:
    if not actor_may(actor, "bodies.manage_organizations"):
        raise PermissionDenied


@transaction.atomic
def create_organization(
    *, actor: Actor, name: str, short_name: str = "", country: str = "", stakeholder_kind: str
) -> Organization:
    """Add an organisation to the list. Name and country together are unique (case does not count)."""
    _require(actor)
    values = _checked(organization=None, name=name, short_name=short_name, country=country, kind=stakeholder_kind)
    organization = Organization.objects.create(**values)
    audit.record(actor=actor, action=BodyAction.ORGANIZATION_CREATE, instance=organization)
    return organization


@transaction.atomic
def update_organization(
    *, actor: Actor, organization: Organization, name: str, short_name: str, country: str, stakeholder_kind: str
) -> Organization:
    """Change an organisation's names, country (its ITU region follows) and stakeholder kind."""
    _require(actor)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    values = _checked(
        organization=organization, name=name, short_name=short_name, country=country, kind=stakeholder_kind
    )
    before = audit.snapshot(organization, ORGANIZATION_FIELDS)
    for field, value in values.items():
        setattr(organization, field, value)
    organization.save()
    audit.record(
        actor=actor,
        action=BodyAction.ORGANIZATION_UPDATE,
        instance=organization,
        before=before,
        after=audit.snapshot(organization, ORGANIZATION_FIELDS),
    )
    bump_archive_generation()
    return organization


@transaction.atomic
def retire_organization(*, actor: Actor, organization: Organization) -> Organization:
    """Retire an organisation: what refers to it keeps it, but forms no longer offer it."""
    _require(actor)
    organization = Organization.objects.select_for_update().get(pk=organization.pk)
    if organization.retired_at is not None:
        raise DomainError(_("%(name)s is already retired.") % {"name": organization.name}, code="organization_retired")
    before = audit.snapshot(organization, ORGANIZATION_FIELDS)
    organization.retired_at = timezone.now()
    organization.save(update_fields=["retired_at"])
    audit.record(
        actor=actor,
        action=BodyAction.ORGANIZATION_RETIRE,
        instance=organization,
        before=before,
        after=audit.snapshot(organization, ORGANIZATION_FIELDS),
    )
    return organization


def _move(model: type[models.Model], field: str, duplicate: Organization, survivor: Organization) -> int:
    rows = model._default_manager.filter(**{field: duplicate})
    if model._meta.auto_created:
        # A many-to-many row whose owner already names the survivor would become a second, identical row.
        owner = next(f.name for f in model._meta.get_fields() if f.is_relation and f.name != field and f.many_to_one)
        already = model._default_manager.filter(**{field: survivor}).values(owner)
        rows.filter(**{f"{owner}__in": already}).delete()
    return int(rows.update(**{field: survivor}))


@transaction.atomic
def merge_organizations(*, actor: Actor, survivor: Organization, duplicate: Organization) -> dict[str, int]:
    """Move every reference to ``duplicate`` onto ``survivor``, then delete ``duplicate``: all in one transaction.

    Returns how many rows moved, by ``app_label.model.field``; the audit entry on the survivor records it with
    the duplicate's last values, so the merge can be read back.
    """
    _require(actor)
    if survivor.pk == duplicate.pk:
        raise DomainError(_("Choose two different organisations."), code="merge_same")
    locked = {o.pk: o for o in Organization.objects.select_for_update().filter(pk__in=[survivor.pk, duplicate.pk])}
    survivor, duplicate = locked[survivor.pk], locked[duplicate.pk]
    moved: dict[str, Any] = {}
    for model, field in queries.references():
        count = _move(model, field, duplicate, survivor)
        if count:
            moved[f"{model._meta.label_lower}.{field}"] = count
    gone = {"id": duplicate.pk, **audit.snapshot(duplicate, ORGANIZATION_FIELDS)}
    duplicate.delete()
    audit.record(
        actor=actor,
        action=BodyAction.ORGANIZATION_MERGE,
        instance=survivor,
        after={"merged": gone, "moved": moved},
    )
    bump_archive_generation()
    return moved
