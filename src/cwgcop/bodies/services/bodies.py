"""Creating, changing and retiring bodies. A platform administrator creates and retires a body; its texts
(names, kind, parent, web page) are its secretariat's to change."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cwgcop.bodies.enums import BodyAction, BodyKind
from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor, actor_may
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.core.translated_fields import set_translations

BODY_FIELDS = ["acronym", "slug", "kind", "parent_id", "website", "symbol_prefix", "retired_at"]


def _check_names(names: dict[str, str]) -> None:
    if not any((text or "").strip() for text in names.values()):
        raise DomainError(_("A body needs a name in at least one language."), code="name_missing")
    if any(len(text or "") > 250 for text in names.values()):
        raise DomainError(_("A name is longer than 250 characters."), code="name_too_long")


def _check_facts(*, body: Body | None, kind: str, parent: Body | None, website: str) -> None:
    if kind not in BodyKind.values:
        raise DomainError(_("Unknown kind of body."), code="kind_invalid")
    if website:
        try:
            URLValidator(schemes=["https", "http"])(website)
        except ValidationError as exc:
            raise DomainError(_("The web page is not a web address."), code="website_invalid") from exc
    ancestor = parent
    while ancestor is not None:
        if body is not None and ancestor.pk == body.pk:
            raise DomainError(_("A body cannot report to itself or to a body below it."), code="parent_cycle")
        ancestor = ancestor.parent
    if parent is not None and parent.retired_at is not None:
        raise DomainError(_("%(body)s is retired.") % {"body": parent.acronym}, code="body_retired")


def _values(body: Body) -> dict[str, Any]:
    return {**audit.snapshot(body, BODY_FIELDS), "names": {k: v for k, v in _names(body).items() if v}}


def _names(body: Body) -> dict[str, str]:
    return {code: getattr(body, f"name_{field_suffix(code)}", "") or "" for code in LANGUAGE_ORDER}


@transaction.atomic
def create_body(
    *,
    actor: Actor,
    acronym: str,
    names: dict[str, str],
    kind: str,
    parent: Body | None = None,
    website: str = "",
    symbol_prefix: str = "",
) -> Body:
    """Create a body (platform administrators only). Its acronym, and the slug made from it, are unique."""
    if not actor_may(actor, "bodies.create_body"):
        raise PermissionDenied
    acronym = (acronym or "").strip()
    if not acronym:
        raise DomainError(_("A body needs an acronym."), code="acronym_missing")
    if len(acronym) > 40:
        raise DomainError(_("The acronym is longer than 40 characters."), code="acronym_too_long")
    slug = slugify(acronym)[:40]
    if not slug:
        raise DomainError(_("The acronym needs at least one letter or digit."), code="acronym_invalid")
    if Body.objects.filter(acronym__iexact=acronym).exists() or Body.objects.filter(slug=slug).exists():
        raise DomainError(_("There already is a body %(acronym)s.") % {"acronym": acronym}, code="acronym_taken")
    _check_names(names)
    website = (website or "").strip()
    _check_facts(body=None, kind=kind, parent=parent, website=website)
    body = Body(
        acronym=acronym,
        slug=slug,
        kind=kind,
        parent=parent,
        website=website,
        symbol_prefix=(symbol_prefix or "").strip()[:40],
    )
    set_translations(body, "name", names, replace=True)
    body.save()
    audit.record(actor=actor, action=BodyAction.CREATE, instance=body, after=_values(body))
    bump_archive_generation()
    return body


@transaction.atomic
def update_body(
    *,
    actor: Actor,
    body: Body,
    names: dict[str, str],
    kind: str,
    parent: Body | None,
    website: str,
) -> Body:
    """Change a body's names (every language given replaces the one stored), kind, parent and web page.

    For the body's own secretariat (or a platform administrator): the secretariat of another body is refused.
    """
    if not actor_may(actor, "bodies.edit_body", body):
        raise PermissionDenied
    body = Body.objects.select_for_update().get(pk=body.pk)
    _check_names(names)
    website = (website or "").strip()
    _check_facts(body=body, kind=kind, parent=parent, website=website)
    before = _values(body)
    body.kind, body.parent, body.website = kind, parent, website
    set_translations(body, "name", names, replace=True)
    body.save()
    audit.record(actor=actor, action=BodyAction.UPDATE, instance=body, before=before, after=_values(body))
    bump_archive_generation()
    return body


@transaction.atomic
def retire_body(*, actor: Actor, body: Body) -> Body:
    """Retire a body: it keeps its meetings and documents but is offered for nothing new. Not while a body
    still reports to it."""
    if not actor_may(actor, "bodies.retire_body", body):
        raise PermissionDenied
    body = Body.objects.select_for_update().get(pk=body.pk)
    if body.retired_at is not None:
        raise DomainError(_("%(body)s is retired.") % {"body": body.acronym}, code="body_retired")
    if body.children.filter(retired_at__isnull=True).exists():
        raise DomainError(
            _("Bodies still report to %(body)s: retire them or move them first.") % {"body": body.acronym},
            code="body_has_children",
        )
    before = _values(body)
    body.retired_at = timezone.now()
    body.save(update_fields=["retired_at"])
    audit.record(actor=actor, action=BodyAction.RETIRE, instance=body, before=before, after=_values(body))
    bump_archive_generation()
    return body
