"""Who registered for a meeting, and who attended it (on site or remotely)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from cwgcop.bodies.enums import Region, StakeholderKind
from cwgcop.bodies.regions import region_of
from cwgcop.meetings.enums import AttendanceMode, RegistrationStatus
from cwgcop.meetings.models.meeting import Meeting


class ParticipantFacts(models.Model):
    """The facts the participant figures are counted by: organisation, country → region, stakeholder kind."""

    organization_name = models.CharField(_("organisation"), max_length=250)
    country = CountryField(verbose_name=_("country"))
    region = models.CharField(_("ITU region"), max_length=20, choices=Region.choices, blank=True, editable=False)
    stakeholder_kind = models.CharField(_("stakeholder kind"), max_length=20, choices=StakeholderKind.choices)
    mode = models.CharField(_("participation"), max_length=10, choices=AttendanceMode.choices)

    class Meta:
        abstract = True

    def derive_region(self) -> None:
        """The region follows the country, never chosen, so the two cannot disagree."""
        region = region_of(str(self.country) if self.country else None)
        self.region = region.value if region else ""


class Registration(ParticipantFacts):
    """A signed-in person's registration for a meeting. One per person and meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="meeting_registrations",
    )
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.REGISTERED
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="registration_unique_meeting_user"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.user}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:registration", kwargs={"pk": self.pk})

    @property
    def is_active(self) -> bool:
        return self.status == RegistrationStatus.REGISTERED

    @property
    def person_name(self) -> str:
        return str(self.user.get_full_name() or self.user.get_username())


class Attendance(ParticipantFacts):
    """One person who took part in a meeting. Ticked from a registration, or imported from a list.

    The attendance list is personal data: only its counts are public (see :mod:`cwgcop.meetings.figures`).
    """

    class Source(models.TextChoices):
        TICK = "tick", _("Ticked from a registration")
        IMPORT = "import", _("Imported from a file")

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance")
    registration = models.OneToOneField(
        Registration,
        verbose_name=_("registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attendance",
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.TICK)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.name}"
