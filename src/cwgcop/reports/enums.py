from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved by the chair")
    PUBLISHED = "published", _("Published")


class OutputFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    PDF = "pdf", "PDF"
    HTML = "html", "HTML"


class ReportAction(StrEnum):
    """Changes to reports to the Council.

    Each value is stored in ``AuditEntry.action``: never change one, or old entries lose their name.
    """

    APPROVE = "report.approve"
    DRAFT = "report.draft"
    EDIT = "report.edit"
    PUBLISH = "report.publish"
