"""The body's governing texts, each version with the dates it is in force."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import translated_fields
from cwgcop.core.translated_fields import set_translations
from cwgcop.reports.enums import GoverningTextKind, ReportAction
from cwgcop.reports.models import GoverningText

TEXT_FIELDS = ("citation", "text", "items")


def _check(
    *, body: Body, kind: str, valid_from: datetime.date | None, valid_until: datetime.date | None, exclude: int | None
) -> None:
    if kind not in GoverningTextKind.values:
        raise DomainError(_("Unknown kind of governing text."), code="kind_invalid")
    if valid_from and valid_until and valid_until < valid_from:
        raise DomainError(_("A text cannot cease to be in force before it comes into force."), code="dates_invalid")
    others = GoverningText.objects.filter(body=body, kind=kind)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    low, high = valid_from or datetime.date.min, valid_until or datetime.date.max
    for other in others:
        if (other.valid_from or datetime.date.min) <= high and (other.valid_until or datetime.date.max) >= low:
            raise DomainError(
                _("%(other)s is in force in part of the same dates: change its dates first.") % {"other": str(other)},
                code="dates_overlap",
            )


def _write(text: GoverningText, texts: dict[str, dict[str, str]]) -> None:
    unknown = sorted(set(texts) - set(TEXT_FIELDS))
    if unknown:
        raise DomainError(_("Unknown field: %(fields)s.") % {"fields": ", ".join(unknown)}, code="field_invalid")
    for name, values in texts.items():
        set_translations(text, name, values)
    if text.kind != GoverningTextKind.TERMS_OF_REFERENCE and not any(
        getattr(text, name) for name in translated_fields("citation")
    ):
        raise DomainError(_("Give the text's citation in at least one language."), code="citation_missing")


@transaction.atomic
def add_governing_text(
    *,
    actor: Actor,
    body: Body,
    kind: str,
    texts: dict[str, dict[str, str]],
    valid_from: datetime.date | None,
    valid_until: datetime.date | None = None,
    url: str = "",
) -> GoverningText:
    """Add a version of one of the body's standing texts (``texts``: citation, text and items per language).

    A revision that comes into force while the previous version is still open-ended closes that version the
    day before (a conference revises a resolution: the old revision ceases to apply when the new one starts);
    any other overlap with a version of the same kind is refused.
    """
    previous = (
        GoverningText.objects.select_for_update()
        .filter(body=body, kind=kind, valid_until__isnull=True)
        .exclude(valid_from__gte=valid_from)
        .first()
        if valid_from is not None
        else None
    )
    if previous is not None and valid_from is not None:
        before = audit.snapshot(previous)
        previous.valid_until = valid_from - datetime.timedelta(days=1)
        previous.save(update_fields=["valid_until"])
        audit.record(actor=actor, action=ReportAction.GOVERNING_TEXT_CLOSE, instance=previous, before=before)
    _check(body=body, kind=kind, valid_from=valid_from, valid_until=valid_until, exclude=None)
    text = GoverningText(body=body, kind=kind, valid_from=valid_from, valid_until=valid_until, url=url)
    _write(text, texts)
    text.save()
    audit.record(actor=actor, action=ReportAction.GOVERNING_TEXT_ADD, instance=text)
    return text


@transaction.atomic
def change_governing_text(
    *,
    actor: Actor,
    text: GoverningText,
    texts: dict[str, dict[str, str]],
    valid_from: datetime.date | None,
    valid_until: datetime.date | None,
    url: str = "",
) -> GoverningText:
    """Correct a version: its texts in any language, its dates (no overlap with another version of its kind)."""
    text = GoverningText.objects.select_for_update().get(pk=text.pk)
    before = audit.snapshot(text)
    _check(body=text.body, kind=text.kind, valid_from=valid_from, valid_until=valid_until, exclude=text.pk)
    text.valid_from, text.valid_until, text.url = valid_from, valid_until, url
    _write(text, texts)
    text.save()
    audit.record(actor=actor, action=ReportAction.GOVERNING_TEXT_CHANGE, instance=text, before=before)
    return text
