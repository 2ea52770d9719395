"""What a report to the Council is made of: the body's governing texts (versioned by the dates they are in force),
and the report itself with what belongs to its period and its versioned drafts."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.core.references import optional_reference, person_reference
from cwgcop.documents.models import Document
from cwgcop.reports.enums import GoverningTextKind, ReportStatus
from cwgcop.reports.validators import council_number


class GoverningText(models.Model):
    """One version of a standing text of a body, with the dates it is in force.

    A body is established by one text (a Council resolution or decision), works under terms of reference, and is
    governed by a resolution that a later conference may revise (Resolution 179 as revised at Dubai, 2018, then
    at Bucharest, 2022). Each revision is a new version with its own dates; a report uses the versions in force in
    its period. ``valid_from`` empty: in force since before any date the platform knows; ``valid_until`` empty: still
    in force. Citation and texts are translated (django-modeltranslation); items are one per line.
    """

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="governing_texts")
    kind = models.CharField(_("kind"), max_length=30, choices=GoverningTextKind.choices)
    citation = models.CharField(_("citation"), max_length=300, blank=True)
    text = models.TextField(_("what it says of the body"), blank=True)
    items = models.TextField(_("items it lists (one per line)"), blank=True)
    url = models.URLField(_("web address of the text"), blank=True)
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_until = models.DateField(_("in force until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("governing text")
        verbose_name_plural = _("governing texts")
        ordering = ["body", "kind", "valid_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_until__isnull=True)
                | Q(valid_until__gte=F("valid_from")),
                name="governing_text_until_not_before_from",
            )
        ]

    def __str__(self) -> str:
        return f"{self.body.acronym}: {self.citation or self.get_kind_display()}"

    def in_force_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or self.valid_until >= day
        )


class CouncilReport(models.Model):
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="council_reports")
    start = models.DateField(_("period from"))
    end = models.DateField(_("period to"))
    languages = models.JSONField(_("languages"), default=list)
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    approved_version = models.PositiveIntegerField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = person_reference()
    document = optional_reference(Document, related_name="council_reports")
    # What belongs to the period, entered by the secretariat (translated: council_session_en, …).
    council_session = models.CharField(_("Council session"), max_length=200, blank=True)
    council_document = models.CharField(
        _("Council document number"), max_length=40, null=True, blank=True, unique=True, validators=[council_number]
    )
    focus_areas = models.TextField(_("focus areas of the period (one per line)"), blank=True)
    financial_implications = models.TextField(_("financial implications"), blank=True)
    action_required = models.TextField(_("action required by the Council"), blank=True)
    strategic_plan = models.TextField(_("link to the strategic plan"), blank=True)
    history_chart = models.BooleanField(_("include the chart of all the body's meetings"), default=False)
    # Why the background publication stopped ({"language", "format", "error"}); empty while it runs or succeeded.
    publication_failure = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report to the Council")
        verbose_name_plural = _("reports to the Council")
        ordering = ["-end", "-id"]

    def __str__(self) -> str:
        return f"{self.body} {self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"

    @property
    def latest(self) -> ReportVersion:
        return self.versions.order_by("-number").first()  # type: ignore[return-value]


class ReportVersion(models.Model):
    """One saved state of a draft: its sections per language, as edited text. Never changed, only added."""

    report = models.ForeignKey(CouncilReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    sections = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = person_reference()

    class Meta:
        ordering = ["report", "number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="report_version_unique_number")]

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"


def default_period_start(body: Body, today: datetime.date) -> datetime.date:
    """ "Since the last report": the day after the end of the body's last published report."""
    last = CouncilReport.objects.filter(body=body, status=ReportStatus.PUBLISHED).order_by("-end").first()
    if last is not None:
        return last.end + datetime.timedelta(days=1)
    return today.replace(year=today.year - 1)


class Rendition(models.Model):
    """A published report in one language and one format, stored content-addressed like archive files."""

    report = models.ForeignKey(CouncilReport, on_delete=models.CASCADE, related_name="renditions")
    language = models.CharField(max_length=7)
    format = models.CharField(max_length=5)
    storage_key = models.CharField(max_length=200)
    sha256 = models.CharField(max_length=64)
    size = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "language", "format"], name="rendition_unique_language_format")
        ]

    def __str__(self) -> str:
        return f"{self.report} [{self.language}] {self.format}"
