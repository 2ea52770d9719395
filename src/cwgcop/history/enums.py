from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class ImportStage(models.TextChoices):
    """Where an archive given on the staff page is: checked (a dry run) in the background, then imported."""

    CHECKING = "checking", _("Being checked")
    CHECKED = "checked", _("Checked: ready to import")
    REFUSED = "refused", _("Refused")
    IMPORTING = "importing", _("Being imported")
    IMPORTED = "imported", _("Imported")
    FAILED = "failed", _("Stopped by an error")


RUNNING_STAGES = (ImportStage.CHECKING, ImportStage.IMPORTING)


class HistoryAction(StrEnum):
    """Imports of a group's history.

    Each value is stored in ``AuditEntry.action``: never change one, or old entries lose their name.
    """

    IMPORT_CHECK = "history.import_check"
    IMPORT_RUN = "history.import_run"


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    HistoryAction.IMPORT_CHECK: _("Archive checked (dry run)"),
    HistoryAction.IMPORT_RUN: _("Archive imported"),
}
