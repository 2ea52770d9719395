"""What the search keeps beside the archive: one entry per language version of each published document, and
the outcome of extracting the text of each file."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cwgcop.core.languages import Language
from cwgcop.documents.models import Document, DocumentFile


class SearchEntry(models.Model):
    """One language version of a published document, as indexed.

    The engine's own structures hang off this row: the SQLite FTS5 table ``search_fts`` shares its id (a
    trigger removes the FTS row with it), and on PostgreSQL the ``vector`` column (a ``tsvector`` added by
    the search migration's SQL) lives on this table. Deleting a document deletes its entries, and so its index rows.
    """

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="search_entries")
    language = models.CharField(max_length=7, choices=Language.choices)
    file = models.ForeignKey(DocumentFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(max_length=500, blank=True)

    class Meta:
        db_table = "search_entry"
        constraints = [
            models.UniqueConstraint(fields=["document", "language"], name="search_entry_unique_document_language")
        ]

    def __str__(self) -> str:
        return f"{self.document_id} [{self.language}]"


class SearchWord(models.Model):
    """A word of the indexed texts, for spelling suggestions (``cwgcop.search.spelling``): its folded form (case,
    accents and letter variants removed), how it is written (lowercase, with its accents) and the number of
    language versions that held it at the last rebuild (a word first indexed since counts one). Words of a
    withdrawn document stay until the next rebuild: a suggestion is offered only when its search finds documents."""

    word = models.CharField(max_length=40, unique=True)
    display = models.CharField(max_length=40)
    length = models.PositiveSmallIntegerField()
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "search_word"

    def __str__(self) -> str:
        return self.display


class ExtractionStatus(models.TextChoices):
    DONE = "done", _("Text extracted")
    EMPTY = "empty", _("No text found")
    FAILED = "failed", _("Extraction failed")
    SUSPECT = "suspect", _("Text looks wrong")


class FileExtraction(models.Model):
    """The result of extracting the text of one published file. The text itself is ``DocumentFile.extracted_text``."""

    file = models.OneToOneField(DocumentFile, on_delete=models.CASCADE, related_name="extraction")
    status = models.CharField(_("status"), max_length=10, choices=ExtractionStatus.choices)
    error = models.TextField(_("error"), blank=True)
    characters = models.PositiveIntegerField(_("characters"), default=0)
    extracted_at = models.DateTimeField(_("extracted"), auto_now=True)

    class Meta:
        verbose_name = _("text extraction")
        verbose_name_plural = _("text extractions")

    def __str__(self) -> str:
        return f"{self.file_id}: {self.status}"

    @property
    def is_problem(self) -> bool:
        return self.status != ExtractionStatus.DONE
