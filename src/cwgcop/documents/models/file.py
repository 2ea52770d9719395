"""One stored file: a language version of one revision of a document."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cwgcop.core.languages import Language
from cwgcop.documents.models.document import DocumentRevision


class DocumentFile(models.Model):
    """The file of one language of one revision. Content-addressed by SHA-256; never overwritten."""

    revision = models.ForeignKey(DocumentRevision, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=7, choices=Language.choices)
    original_name = models.CharField(_("file name"), max_length=255)
    storage_key = models.CharField(max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("size"))
    media_type = models.CharField(_("media type"), max_length=150)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    extracted_text = models.TextField(blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        constraints = [models.UniqueConstraint(fields=["revision", "language"], name="file_unique_revision_language")]

    def __str__(self) -> str:
        return f"{self.revision.symbol} [{self.language}] {self.original_name}"

    def get_absolute_url(self) -> str:
        return reverse(
            "download",
            kwargs={
                "symbol": self.revision.document.symbol,
                "revision": self.revision.number,
                "language": self.language,
            },
        )
