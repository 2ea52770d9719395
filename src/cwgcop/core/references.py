"""The two kinds of optional reference the models keep, each declared in one line.

``optional_reference``: a link to another record that may be empty and that keeps the record it points to from
being deleted (a liaison statement's meeting, a report's document). ``person_reference``: who did something
(approved, created, moderated); the record stays, with the reference emptied, when that account is deleted.
Both declare the same columns as the ``ForeignKey`` written out, so migrations do not change.
"""

from __future__ import annotations

from typing import Any, TypeVar, overload

from django.conf import settings
from django.db import models
from django.utils.functional import Promise

_Model = TypeVar("_Model", bound=models.Model)


@overload
def optional_reference(
    to: type[_Model], verbose_name: str | Promise | None = None, **options: Any
) -> models.ForeignKey[_Model | None, _Model | None]: ...


@overload
def optional_reference(
    to: str, verbose_name: str | Promise | None = None, **options: Any
) -> models.ForeignKey[Any, Any]: ...


def optional_reference(
    to: type[models.Model] | str, verbose_name: str | Promise | None = None, **options: Any
) -> models.ForeignKey[Any, Any]:
    """A reference to ``to`` that may be empty and protects what it points to; ``options`` as for ``ForeignKey``
    (``related_name``, ``help_text``, or ``on_delete`` where emptying the reference is right …)."""
    if verbose_name is not None:
        options["verbose_name"] = verbose_name
    options.setdefault("on_delete", models.PROTECT)
    return models.ForeignKey(to, null=True, blank=True, **options)


def person_reference(**options: Any) -> models.ForeignKey[Any, Any]:
    """The account that did something, emptied (not deleted with it) when the account goes; no reverse accessor."""
    options.setdefault("blank", True)
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", **options
    )
