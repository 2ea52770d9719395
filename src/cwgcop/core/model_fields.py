"""Two kinds of foreign key that recur across the apps, named for what they mean.

Each returns an ordinary ``models.ForeignKey``: a migration sees exactly the field it would see written out, so
using one changes no table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, overload

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


_M = TypeVar("_M", bound=models.Model)


def _named(verbose_name: StrOrPromise | None) -> dict[str, Any]:
    return {} if verbose_name is None else {"verbose_name": verbose_name}


def optional_account(verbose_name: StrOrPromise | None = None) -> models.ForeignKey[Any, Any]:
    """The account of a person a record names (who created, closed or adopted it; a meeting's officer).

    The record outlives the account: deleting the account leaves NULL. The user model gets no reverse accessor.
    """
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **_named(verbose_name),
    )


@overload
def optional_reference(
    to: type[_M], verbose_name: StrOrPromise, *, related_name: str = ..., on_delete: Any = ...
) -> models.ForeignKey[_M | None, _M | None]: ...


@overload
def optional_reference(
    to: str, verbose_name: StrOrPromise, *, related_name: str = ..., on_delete: Any = ...
) -> models.ForeignKey[Any, Any]: ...


def optional_reference(
    to: Any,
    verbose_name: StrOrPromise,
    *,
    related_name: str = "+",
    on_delete: Any = models.PROTECT,
) -> models.ForeignKey[Any, Any]:
    """An optional link to another record (a parent body, the meeting a document was submitted to, an evidence
    document). By default the other record cannot be deleted while this one names it."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name=related_name,
    )
