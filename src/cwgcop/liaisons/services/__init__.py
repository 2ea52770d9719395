"""The liaison domain's write path: every change of state is one of these functions."""

from cwgcop.liaisons.services.deliverables import (
    add_milestone,
    create_deliverable,
    update_deliverable,
    update_milestone,
)
from cwgcop.liaisons.services.reminders import reminder_recipients, send_deadline_reminder, send_due_reminders
from cwgcop.liaisons.services.statements import Contact, create_statement, update_statement
from cwgcop.liaisons.services.transitions import (
    approve_statement,
    consider_statement,
    mark_answered,
    note_statement,
    return_to_draft,
    send_statement,
)

__all__ = [
    "Contact",
    "add_milestone",
    "approve_statement",
    "consider_statement",
    "create_deliverable",
    "create_statement",
    "mark_answered",
    "note_statement",
    "reminder_recipients",
    "return_to_draft",
    "send_deadline_reminder",
    "send_due_reminders",
    "send_statement",
    "update_deliverable",
    "update_milestone",
    "update_statement",
]
