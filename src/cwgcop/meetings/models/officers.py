"""The officers who chaired a meeting: its chair and vice-chairs."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from cwgcop.bodies.models import Organization
from cwgcop.core.references import optional_reference, person_reference
from cwgcop.meetings.enums import OfficerRole
from cwgcop.meetings.models.meeting import Meeting


class MeetingOfficer(models.Model):
    """The chair or a vice-chair of one meeting: a person with an account, or a name as the record gives it.

    A historic meeting's officers often have no account here, so a free name is as good as a person; the country
    and organisation say whom they came from (shown on the meeting page and in the report to the Council).
    """

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="officers")
    role = models.CharField(_("role"), max_length=20, choices=OfficerRole.choices)
    user = person_reference(verbose_name=_("person"))
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200, blank=True)
    country = CountryField(verbose_name=_("country"), blank=True)
    organization = optional_reference(Organization, _("organisation"), related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["meeting", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(user__isnull=False) | ~Q(name=""), name="officer_person_or_name"),
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(role="chair"), name="officer_one_chair_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.get_role_display()})"

    @property
    def display_name(self) -> str:
        """The name the record gives, else the person's own name (profile), e-mail address or user name."""
        if self.name:
            return self.name
        if self.user is None:
            return ""
        profile = getattr(self.user, "profile", None)
        return str((profile.full_name if profile else "") or self.user.email or self.user.get_username())
