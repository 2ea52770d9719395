from django.db import models
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
