"""Numbered meetings of a body, with their participant figures."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.core.languages import translated
from cwgcop.core.references import person_reference
from cwgcop.meetings.enums import AgendaStatus, MeetingFormat, MeetingStatus


class Meeting(models.Model):
    """The N-th meeting of a body. Historic meetings may hold only participant totals."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    number = models.PositiveIntegerField(_("number"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    # Translated through django-modeltranslation: venue_en, venue_zh_hans, …
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    format = models.CharField(_("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.HYBRID)
    remote_link = models.URLField(_("remote participation link"), blank=True)
    remote_link_private = models.BooleanField(
        _("remote link for registered participants only"),
        default=False,
        help_text=_("When ticked, only people registered for the meeting see the remote participation link."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Registration closes at this moment; without one it stays open until the meeting ends."),
    )
    contribution_deadline = models.DateTimeField(_("contribution deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED)
    participants_total = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    participants_onsite = models.PositiveIntegerField(_("participants on site"), null=True, blank=True)
    participants_remote = models.PositiveIntegerField(_("remote participants"), null=True, blank=True)
    # Translated through django-modeltranslation. Themes: one per line; summary: what was discussed.
    themes = models.TextField(_("themes"), blank=True)
    summary = models.TextField(_("summary of the discussions"), blank=True)
    agenda_status = models.CharField(
        _("agenda status"), max_length=20, choices=AgendaStatus.choices, default=AgendaStatus.DRAFT
    )
    agenda_adopted_at = models.DateTimeField(_("agenda adopted"), null=True, blank=True)
    agenda_adopted_by = person_reference(verbose_name=_("agenda adopted by"))
    # The calendar revision (iCalendar SEQUENCE): raised by every change the meeting's calendar entry shows (dates,
    # venue, format, remote link, cancellation), so a calendar app replaces the entry it holds instead of ignoring
    # the newer file. As Event.sequence in the events app.
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_date", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["body", "number"], name="meeting_unique_body_number"),
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="meeting_end_not_before_start"),
            models.CheckConstraint(condition=Q(number__gte=1), name="meeting_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.body.acronym}-{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", kwargs={"body": self.body.slug, "number": self.number})

    @property
    def code(self) -> str:
        """The meeting's short code, used in document symbols: ``CWG-COP-21``."""
        prefix = self.body.symbol_prefix or self.body.acronym
        return f"{prefix}-{self.number}"

    @property
    def display_venue(self) -> str:
        return translated(self, "venue")

    @property
    def participants(self) -> int | None:
        """The number of participants: the recorded total, else on-site plus remote when both are known."""
        if self.participants_total is not None:
            return self.participants_total
        if self.participants_onsite is not None and self.participants_remote is not None:
            return self.participants_onsite + self.participants_remote
        return None

    @property
    def display_themes(self) -> list[str]:
        """The themes in the reader's language, one per line of the stored text."""
        return [line.strip() for line in translated(self, "themes", fallback="en").splitlines() if line.strip()]

    @property
    def display_summary(self) -> str:
        return translated(self, "summary", fallback="en")

    @property
    def agenda_is_adopted(self) -> bool:
        return self.agenda_status == AgendaStatus.ADOPTED

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The meeting cannot end before it starts.")})
        parts = (self.participants_onsite, self.participants_remote)
        if (
            self.participants_total is not None
            and all(p is not None for p in parts)
            and sum(p for p in parts if p is not None) != self.participants_total
        ):
            raise ValidationError(
                {"participants_total": _("On-site and remote participants must add up to the total.")}
            )
