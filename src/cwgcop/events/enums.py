from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Cadence(models.TextChoices):
    QUARTERLY = "quarterly", _("Quarterly")
    MONTHLY = "monthly", _("Monthly")
    YEARLY = "yearly", _("Yearly")
    AD_HOC = "ad-hoc", _("When needed")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")
    IN_PERSON = "in-person", _("In person")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("event", "Cancelled")


class AttendanceMode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in-person", pgettext_lazy("attendance mode", "In person")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


# Statuses that hold (or wait for) a place: an address can have only one such registration per event.
ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class EventAction(StrEnum):
    """Changes to events and their registrations.

    Each value is stored in ``AuditEntry.action``: never change one, or old entries lose their name.
    """

    CAPACITY = "event.capacity"
    CANCEL = "event.cancel"
    CREATE = "event.create"
    POSTPONE = "event.postpone"
    UPDATE = "event.update"
    SERIES_CREATE = "event.series.create"
    SERIES_RETIRE = "event.series.retire"
    SERIES_UPDATE = "event.series.update"
    EMAIL_ALL = "event.email_all"
    REGISTER = "event.register"
    CONFIRMATION_RESENT = "event.confirmation_resent"
    REGISTRATION_CANCEL = "event.registration.cancel"
    REGISTRATION_CHECK_IN = "event.registration.check_in"
    REGISTRATION_CONFIRM = "event.registration.confirm"
    REGISTRATION_ERASE = "event.registration.erase"
    REGISTRATION_PROMOTE = "event.registration.promote"


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    EventAction.CAPACITY: _("Capacity changed"),
    EventAction.EMAIL_ALL: _("E-mail sent to all participants"),
    EventAction.REGISTER: _("Registered"),
    EventAction.CONFIRMATION_RESENT: _("Confirmation link sent again"),
    EventAction.REGISTRATION_CANCEL: _("Registration cancelled"),
    EventAction.REGISTRATION_CHECK_IN: _("Checked in"),
    EventAction.REGISTRATION_CONFIRM: _("Registration confirmed"),
    EventAction.REGISTRATION_ERASE: _("Registration erased"),
    EventAction.REGISTRATION_PROMOTE: _("Moved from the waiting list"),
    EventAction.CANCEL: _("Event cancelled"),
    EventAction.CREATE: _("Event created"),
    EventAction.POSTPONE: _("Event postponed"),
    EventAction.UPDATE: _("Event changed"),
    EventAction.SERIES_CREATE: _("Event series created"),
    EventAction.SERIES_RETIRE: _("Event series retired"),
    EventAction.SERIES_UPDATE: _("Event series changed"),
}
