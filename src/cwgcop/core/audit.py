"""Recording changes in the audit log. Services call :func:`record` inside their transaction.

Each app names its actions in a ``StrEnum`` of its ``enums.py`` (``MeetingAction.CREATE = "meeting.create"``):
``record`` takes only such a member, so a misspelt free string cannot enter the log, and the names a reader of
the log may find are listed in one place per app.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import importlib
import uuid
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models

from cwgcop.core.actors import Actor
from cwgcop.core.models import AuditEntry


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool | dict):
        return value
    # Field values of other types (a django-countries Country, …) are kept as their text.
    return str(value)


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of ``instance`` as JSON-ready data (foreign keys as ids)."""
    names = list(fields) if fields is not None else [f.attname for f in instance._meta.concrete_fields]
    return {name: _plain(getattr(instance, name)) for name in names}


def record(
    *,
    actor: Actor,
    action: StrEnum,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    fields: Iterable[str] | None = None,
    day_only: bool = False,
) -> AuditEntry:
    """Write one audit entry for ``action`` on ``instance``; only the fields that changed are kept.

    ``after`` is, unless given, the snapshot of ``instance`` now: of its ``fields``, or of all its fields.
    ``day_only`` keeps the day and not the time of day (the start of the day, UTC): for entries about what a
    child did, whose exact time could be matched to a web server's log of addresses.
    """
    entry = unsaved(actor=actor, action=action, instance=instance, before=before, after=after, fields=fields)
    entry.save()
    if day_only:  # the field is set on creation whatever it is given: correct it in the same transaction
        entry.created_at = entry.created_at.replace(hour=0, minute=0, second=0, microsecond=0)
        AuditEntry.objects.filter(pk=entry.pk).update(created_at=entry.created_at)
    return entry


def unsaved(
    *,
    actor: Actor,
    action: StrEnum,
    instance: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    fields: Iterable[str] | None = None,
) -> AuditEntry:
    """The entry :func:`record` writes, not yet saved: a bulk write saves many with ``bulk_create``."""
    if not isinstance(action, StrEnum):
        raise TypeError(f"audit actions are members of an app's action enum, not {action!r}")
    before = before or {}
    after = after if after is not None else snapshot(instance, fields)
    if before:
        changed = {k for k in after if before.get(k) != after.get(k)} | (set(before) - set(after))
        before = {k: v for k, v in before.items() if k in changed}
        after = {k: v for k, v in after.items() if k in changed}
    user: Any = actor if isinstance(actor, AbstractBaseUser) else None
    return AuditEntry(
        actor=user,
        action=action.value,
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        before=before,
        after=after,
    )


def history(instance: models.Model) -> models.QuerySet[AuditEntry]:
    """The audit entries of ``instance``, newest first."""
    return AuditEntry.objects.filter(
        object_type=instance._meta.label_lower,
        object_id=str(instance.pk),
    ).select_related("actor")


def action_label(code: str) -> str:
    """What the audit action ``code`` (``meeting.create``) means, in the reader's language (``Meeting created``).

    Each app names its actions' meanings in ``ACTION_LABELS`` of its ``enums.py``, beside the actions; a code no
    app names is shown as it is (``tests/core/test_audit_labels.py`` keeps that from happening).
    """
    return str(_action_labels().get(code, code))


@functools.cache
def _action_labels() -> dict[str, Any]:
    from django.apps import apps

    labels: dict[str, Any] = {}
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.enums")
        except ModuleNotFoundError:
            continue
        labels.update({str(code): label for code, label in getattr(module, "ACTION_LABELS", {}).items()})
    return labels
