"""An archive given on the staff page, from its upload through its dry run to its import."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cwgcop.core.references import person_reference
from cwgcop.history.enums import ImportStage


class ArchiveImport(models.Model):
    name = models.CharField(_("file name"), max_length=255)
    # The uploaded ZIP, relative to CWGCOP_IMPORT_DIR; removed once the archive is imported or refused.
    stored_as = models.CharField(max_length=255)
    language = models.CharField(max_length=10)
    stage = models.CharField(_("stage"), max_length=20, choices=ImportStage.choices, default=ImportStage.CHECKING)
    # The last run's report, one [section, key, action, reason] per row (reasons in ``language``).
    rows = models.JSONField(default=list)
    # Why the archive as a whole was refused (no manifest, a ZIP bomb …) or the run stopped.
    message = models.TextField(blank=True)
    created_by = person_reference()
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("archive import")
        verbose_name_plural = _("archive imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row[2] == action)
