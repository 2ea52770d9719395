from django.db import models
from django.utils.translation import gettext_lazy as _


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
