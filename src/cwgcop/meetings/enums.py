from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    HYBRID = "hybrid", _("Hybrid")
    VIRTUAL = "virtual", _("Virtual")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open for contributions")
    IN_SESSION = "in-session", _("In session")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class OfficerRole(models.TextChoices):
    CHAIR = "chair", pgettext_lazy("meeting officer", "Chair")
    VICE_CHAIR = "vice-chair", pgettext_lazy("meeting officer", "Vice-chair")


class AttendanceMode(models.TextChoices):
    ONSITE = "onsite", _("On site")
    REMOTE = "remote", _("Remote")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


class AgendaStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("agenda status", "Draft")
    ADOPTED = "adopted", pgettext_lazy("agenda status", "Adopted")


class OutcomeKind(models.TextChoices):
    """What a meeting did with a matter, in the verbs its summary uses."""

    AGREED = "agreed", pgettext_lazy("outcome kind", "Agreed")
    REQUESTED = "requested", pgettext_lazy("outcome kind", "Requested")
    WELCOMED = "welcomed", pgettext_lazy("outcome kind", "Welcomed")
    APPROVED = "approved", pgettext_lazy("outcome kind", "Approved")
    NOTED = "noted", pgettext_lazy("outcome kind", "Noted")
    REAFFIRMED = "reaffirmed", pgettext_lazy("outcome kind", "Reaffirmed")


class ActionOwnerKind(models.TextChoices):
    SECRETARIAT = "secretariat", pgettext_lazy("action owner", "The secretariat")
    ORGANIZATION = "organization", pgettext_lazy("action owner", "A member organisation")
    BODY = "body", pgettext_lazy("action owner", "Another body")


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("action status", "Open")
    DONE = "done", pgettext_lazy("action status", "Done")
    DROPPED = "dropped", pgettext_lazy("action status", "Dropped")


# A meeting "opens" when it starts taking contributions or sits: open action items are carried to it then.
OPEN_MEETING_STATUSES = frozenset({MeetingStatus.OPEN, MeetingStatus.IN_SESSION})
# Registration is possible only while a meeting is still ahead or sitting.
REGISTRABLE_MEETING_STATUSES = frozenset({MeetingStatus.PLANNED, MeetingStatus.OPEN, MeetingStatus.IN_SESSION})


class MeetingAction(StrEnum):
    """Changes to meetings, their agenda, outcomes, action items, attendance and registrations.

    Each value is stored in ``AuditEntry.action``: never change one, or old entries lose their name.
    """

    ACTIONS_CARRY_FORWARD = "meeting.actions.carry_forward"
    ACTION_ITEM_CLOSE = "action_item.close"
    ACTION_ITEM_CREATE = "action_item.create"
    ACTION_ITEM_REOPEN = "action_item.reopen"
    ACTION_ITEM_UPDATE = "action_item.update"
    AGENDA_ADOPT = "meeting.agenda.adopt"
    AGENDA_ITEM_CREATE = "agenda_item.create"
    AGENDA_ITEM_DELETE = "agenda_item.delete"
    AGENDA_ITEM_MOVE = "agenda_item.move"
    AGENDA_ITEM_UPDATE = "agenda_item.update"
    AGENDA_REOPEN = "meeting.agenda.reopen"
    ATTENDANCE_IMPORT = "meeting.attendance.import"
    ATTENDANCE_REMOVE = "meeting.attendance.remove"
    ATTENDANCE_TICK = "meeting.attendance.tick"
    CREATE = "meeting.create"
    OFFICERS_SET = "meeting.officers.set"
    OUTCOME_CREATE = "outcome.create"
    OUTCOME_DELETE = "outcome.delete"
    OUTCOME_MOVE = "outcome.move"
    OUTCOME_UPDATE = "outcome.update"
    REGISTRATION_CANCEL = "registration.cancel"
    REGISTRATION_CREATE = "registration.create"
    REGISTRATION_RENEW = "registration.renew"
    UPDATE = "meeting.update"


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    MeetingAction.ACTIONS_CARRY_FORWARD: _("Open action items carried forward"),
    MeetingAction.ACTION_ITEM_CLOSE: _("Action item closed"),
    MeetingAction.ACTION_ITEM_CREATE: _("Action item raised"),
    MeetingAction.ACTION_ITEM_REOPEN: _("Action item reopened"),
    MeetingAction.ACTION_ITEM_UPDATE: _("Action item changed"),
    MeetingAction.AGENDA_ADOPT: _("Agenda adopted"),
    MeetingAction.AGENDA_ITEM_CREATE: _("Agenda item added"),
    MeetingAction.AGENDA_ITEM_DELETE: _("Agenda item removed"),
    MeetingAction.AGENDA_ITEM_MOVE: _("Agenda item moved"),
    MeetingAction.AGENDA_ITEM_UPDATE: _("Agenda item changed"),
    MeetingAction.AGENDA_REOPEN: _("Agenda reopened"),
    MeetingAction.ATTENDANCE_IMPORT: _("Attendance list imported"),
    MeetingAction.ATTENDANCE_REMOVE: _("Attendance removed"),
    MeetingAction.ATTENDANCE_TICK: _("Attendance recorded"),
    MeetingAction.CREATE: _("Meeting created"),
    MeetingAction.OUTCOME_CREATE: _("Outcome recorded"),
    MeetingAction.OUTCOME_DELETE: _("Outcome removed"),
    MeetingAction.OUTCOME_MOVE: _("Outcome moved"),
    MeetingAction.OUTCOME_UPDATE: _("Outcome changed"),
    MeetingAction.REGISTRATION_CANCEL: _("Registration cancelled"),
    MeetingAction.REGISTRATION_CREATE: _("Registered"),
    MeetingAction.REGISTRATION_RENEW: _("Registration renewed"),
    MeetingAction.UPDATE: _("Meeting changed"),
    MeetingAction.OFFICERS_SET: _("Officers set"),
}
