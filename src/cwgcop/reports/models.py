"""What a report to the Council is made of: the body's standing mandate, and versioned drafts of a report."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.documents.models import Document
from cwgcop.reports.enums import ReportStatus


class Mandate(models.Model):
    """The standing facts a body's reports repeat: how it was established, its terms of reference, its mandate.

    Every text field is translated (django-modeltranslation). Lists are one item per line.
    """

    body = models.OneToOneField(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="mandate")
    establishment = models.TextField(_("how the body was established"), blank=True)
    terms_of_reference = models.TextField(_("terms of reference"), blank=True)
    mandate_intro = models.TextField(_("introduction to the mandate items"), blank=True)
    mandate_items = models.TextField(_("mandate items (one per line)"), blank=True)
    resolutions = models.TextField(_("governing resolutions (one per line)"), blank=True)
    purpose_basis = models.TextField(_("legal basis named in the purpose"), blank=True)
    action_required = models.TextField(_("action required by the Council"), blank=True)
    strategic_plan = models.TextField(_("link to the strategic plan"), blank=True)
    financial_implications = models.TextField(_("financial implications"), blank=True)
    focus_areas = models.TextField(_("focus areas of the period (one per line)"), blank=True)
    web_page = models.URLField(_("the group's web page"), blank=True)

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self) -> str:
        return f"{self.body}"


class CouncilReport(models.Model):
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="council_reports")
    start = models.DateField(_("period from"))
    end = models.DateField(_("period to"))
    languages = models.JSONField(_("languages"), default=list)
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    approved_version = models.PositiveIntegerField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document = models.ForeignKey(
        Document, null=True, blank=True, on_delete=models.PROTECT, related_name="council_reports"
    )
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
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

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
