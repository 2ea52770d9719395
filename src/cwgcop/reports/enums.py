from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved by the chair")
    PUBLISHING = "publishing", _("Being published")
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
    GOVERNING_TEXT_ADD = "report.governing_text.add"
    GOVERNING_TEXT_CHANGE = "report.governing_text.change"
    GOVERNING_TEXT_CLOSE = "report.governing_text.close"
    PARTICULARS = "report.particulars"
    PUBLICATION_FAILED = "report.publication_failed"
    PUBLICATION_REQUESTED = "report.publication_requested"
    PUBLICATION_RETRIED = "report.publication_retried"
    PUBLISH = "report.publish"


class GoverningTextKind(models.TextChoices):
    """The standing texts a report cites, in the order its introduction follows."""

    ESTABLISHING = "establishing", _("Establishing resolution or decision")
    TERMS_OF_REFERENCE = "terms_of_reference", _("Terms of reference")
    GOVERNING = "governing", _("Governing resolution")


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    ReportAction.APPROVE: _("Report approved"),
    ReportAction.DRAFT: _("Draft report created"),
    ReportAction.EDIT: _("Report edited"),
    ReportAction.GOVERNING_TEXT_ADD: _("Governing text added"),
    ReportAction.GOVERNING_TEXT_CHANGE: _("Governing text changed"),
    ReportAction.GOVERNING_TEXT_CLOSE: _("Governing text no longer in force"),
    ReportAction.PARTICULARS: _("Report particulars changed"),
    ReportAction.PUBLICATION_REQUESTED: _("Publication requested"),
    ReportAction.PUBLISH: _("Report published"),
    ReportAction.PUBLICATION_FAILED: _("Publication failed"),
    ReportAction.PUBLICATION_RETRIED: _("Publication retried"),
}
