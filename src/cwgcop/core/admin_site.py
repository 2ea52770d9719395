"""The Django admin as a read-only window on the data: every write goes through a service.

Services own the transaction, the audit entry and the side effects (cache, search index, e-mail); an admin form
that saved a model would skip all of them. ``ReadOnlyAdminSite`` makes every registration read-only as it is
registered (ours and those of Django, allauth and django-tasks alike), so a new ``admin.py`` cannot forget it:
no add, change or delete permission and no bulk actions, while lists and change pages still show every field.
``INSTALLED_APPS`` names ``ReadOnlyAdminConfig`` instead of ``django.contrib.admin``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.db.models import Model
from django.http import HttpRequest


class ReadOnlyModelAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Shows rows and their fields; adds, changes and deletes nothing."""

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        return {}


class ReadOnlyAdminSite(admin.AdminSite):
    def register(
        self,
        model_or_iterable: type[Model] | Iterable[type[Model]],
        admin_class: type[admin.ModelAdmin] | None = None,  # type: ignore[type-arg]
        **options: Any,
    ) -> None:
        base = admin_class or admin.ModelAdmin
        read_only = type(f"ReadOnly{base.__name__}", (ReadOnlyModelAdmin, base), {"__module__": base.__module__})
        super().register(model_or_iterable, read_only, **options)


class ReadOnlyAdminConfig(AdminConfig):
    default_site = "cwgcop.core.admin_site.ReadOnlyAdminSite"
