"""Documents of the archive and their revisions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body, Organization
from cwgcop.core.languages import LANGUAGE_ORDER, Language, translated
from cwgcop.core.references import optional_reference, person_reference
from cwgcop.documents.enums import DocumentKind, DocumentStatus
from cwgcop.meetings.models import Meeting

if TYPE_CHECKING:
    from cwgcop.documents.models.file import DocumentFile


# Submissions hold a provisional, never public symbol until the secretariat publishes them.
PROVISIONAL_SYMBOL_PREFIX = "PENDING-"


class Document(models.Model):
    """A document with a symbol (``CWG-COP-21/5``); its files live in numbered revisions."""

    symbol = models.CharField(_("symbol"), max_length=80, unique=True)
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="documents")
    meeting = optional_reference(Meeting, _("meeting"), related_name="documents")
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    sources = models.ManyToManyField(Organization, verbose_name=_("sources"), blank=True, related_name="documents")
    # Translated through django-modeltranslation: title_en, title_zh_hans, …
    title = models.CharField(_("title"), max_length=500)
    original_language = models.CharField(
        _("original language"), max_length=7, choices=Language.choices, default=Language.ENGLISH
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DocumentStatus.choices,
        default=DocumentStatus.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    # Submission by a member (contributions and information documents): when it reached the secretariat,
    # whether it came after the meeting's deadline, and why the secretariat last returned it.
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    late = models.BooleanField(_("late"), default=False)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    created_by = person_reference()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "kind", "published_at"])]

    def __str__(self) -> str:
        return self.symbol

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", kwargs={"symbol": self.symbol})

    @property
    def display_title(self) -> str:
        """The title in the reader's language, falling back to the document's original language."""
        return translated(self, "title", fallback=self.original_language)

    @property
    def is_numbered(self) -> bool:
        """False while a submission waits for its symbol (it holds a provisional one until publication)."""
        return not self.symbol.startswith(PROVISIONAL_SYMBOL_PREFIX)

    @property
    def is_public(self) -> bool:
        return self.status in {DocumentStatus.PUBLISHED, DocumentStatus.WITHDRAWN}

    def published_revisions(self) -> list[DocumentRevision]:
        """Published revisions, newest first (uses prefetched revisions when present)."""
        revisions = [r for r in self.revisions.all() if r.published_at is not None]
        return sorted(revisions, key=lambda r: r.number, reverse=True)

    @property
    def current_revision(self) -> DocumentRevision | None:
        revisions = self.published_revisions()
        return revisions[0] if revisions else None

    @property
    def current_symbol(self) -> str:
        revision = self.current_revision
        return revision.symbol if revision else self.symbol

    def available_languages(self) -> list[str]:
        revision = self.current_revision
        return revision.languages() if revision else []


class DocumentRevision(models.Model):
    """Revision ``number`` of a document (0 is the original). Published revisions never change."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    note = models.CharField(_("what changed"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="revision_unique_document_number")]

    def __str__(self) -> str:
        return self.symbol

    @property
    def symbol(self) -> str:
        return revision_symbol(self.document.symbol, self.number)

    def ordered_files(self) -> list[DocumentFile]:
        files = list(self.files.all())
        return sorted(files, key=lambda f: LANGUAGE_ORDER.index(f.language))

    def languages(self) -> list[str]:
        return [f.language for f in self.ordered_files()]


def revision_symbol(symbol: str, number: int) -> str:
    """``CWG-COP-21/5`` for the original, ``CWG-COP-21/5(Rev.1)`` for the first revision."""
    return symbol if number == 0 else f"{symbol}(Rev.{number})"


class SymbolCounter(models.Model):
    """The last number given in one series of a meeting (``CWG-COP-22/`` or ``CWG-COP-22/INF/``).

    It only ever grows, so a number is never given twice, even after a document is withdrawn or a draft
    deleted; publishing locks the row, so concurrent publications cannot take the same number.
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="symbol_counters")
    series = models.CharField(max_length=20, blank=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("symbol counter")
        verbose_name_plural = _("symbol counters")
        constraints = [models.UniqueConstraint(fields=["meeting", "series"], name="symbol_counter_unique_series")]

    def __str__(self) -> str:
        return f"{self.meeting.code}/{self.series}{self.last_number}"
