from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    CONTRIBUTION = "contribution", _("Contribution")
    INFORMATION = "information", _("Information document")
    AGENDA = "agenda", _("Agenda")
    LIAISON_STATEMENT = "liaison-statement", _("Liaison statement")
    CHAIRS_SUMMARY = "chairs-summary", _("Chair's summary")
    OUTCOME = "outcome", _("Outcome")
    CONCEPT_NOTE = "concept-note", _("Concept note")
    REPORT = "report", _("Report")
    ADMINISTRATIVE = "administrative", _("Administrative document")


def kind_label(kind: str) -> str:
    """The name of a document kind in the reader's language (an unknown kind as it is)."""
    try:
        return str(DocumentKind(kind).label)
    except ValueError:
        return kind


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Kinds whose symbols carry a series letter after the meeting code, as ITU numbers them:
# contributions are CWG-COP-21/5, information documents CWG-COP-21/INF/2, and so on.
SYMBOL_SERIES: dict[str, str] = {
    DocumentKind.CONTRIBUTION: "",
    DocumentKind.INFORMATION: "INF/",
    DocumentKind.ADMINISTRATIVE: "ADM/",
    DocumentKind.AGENDA: "ADM/",
    DocumentKind.LIAISON_STATEMENT: "LS/",
    DocumentKind.CHAIRS_SUMMARY: "ADM/",
    DocumentKind.OUTCOME: "OUT/",
    DocumentKind.CONCEPT_NOTE: "INF/",
    DocumentKind.REPORT: "REP/",
}


class DocumentAction(StrEnum):
    """Changes to documents and contributions.

    Each value is stored in ``AuditEntry.action``: never change one, or old entries lose their name.
    """

    CREATE = "document.create"
    FILE_ADD = "document.file.add"
    NUMBER = "document.number"
    PUBLISH = "document.publish"
    RESUBMIT = "document.resubmit"
    RETURN = "document.return"
    REVISION_START = "document.revision.start"
    SUBMIT = "document.submit"
    UPDATE = "document.update"
    WITHDRAW = "document.withdraw"


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    DocumentAction.CREATE: _("Document created"),
    DocumentAction.FILE_ADD: _("File added"),
    DocumentAction.NUMBER: _("Document numbered"),
    DocumentAction.PUBLISH: _("Document published"),
    DocumentAction.RESUBMIT: _("Submitted again"),
    DocumentAction.RETURN: _("Returned to the submitter"),
    DocumentAction.REVISION_START: _("Revision started"),
    DocumentAction.SUBMIT: _("Submitted"),
    DocumentAction.UPDATE: _("Document changed"),
    DocumentAction.WITHDRAW: _("Document withdrawn"),
}
