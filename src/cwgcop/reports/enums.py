from django.db import models
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


class GoverningTextKind(models.TextChoices):
    """The standing texts a report cites, in the order its introduction follows."""

    ESTABLISHING = "establishing", _("Establishing resolution or decision")
    TERMS_OF_REFERENCE = "terms_of_reference", _("Terms of reference")
    GOVERNING = "governing", _("Governing resolution")
