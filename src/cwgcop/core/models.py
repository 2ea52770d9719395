"""The audit log: who changed what, and when, with the values before and after."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cwgcop.core.references import person_reference


class AuditEntry(models.Model):
    """One change of state, written by the service that made it, in the same transaction."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = person_reference(verbose_name=_("who"))
    action = models.CharField(_("action"), max_length=80)
    object_type = models.CharField(_("object type"), max_length=80)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    before = models.JSONField(_("before"), default=dict, blank=True)
    after = models.JSONField(_("after"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"
