"""The words of an import report, shared by the command line and the staff page."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def action_label(action: str) -> str:
    return {
        "create": pgettext("import action", "create"),
        "update": pgettext("import action", "update"),
        "unchanged": pgettext("import action", "unchanged"),
        "refused": pgettext("import action", "refused"),
    }[action]


def section_label(section: str) -> str:
    return {
        "former_name": pgettext("import row", "former name"),
        "meeting": pgettext("import row", "meeting"),
        "document": pgettext("import row", "document"),
    }[section]


def summary(counts: dict[str, int]) -> str:
    """``counts``: rows per action (create, update, unchanged, refused)."""
    return _("%(create)s to create, %(update)s to update, %(unchanged)s unchanged, %(refused)s refused.") % counts
