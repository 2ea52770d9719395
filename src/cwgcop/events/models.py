"""Event series (ITU Industry Connect), their events, and registrations that never overbook."""

from __future__ import annotations

import uuid
import zoneinfo

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from cwgcop.bodies.enums import Region, StakeholderKind
from cwgcop.bodies.models import Body
from cwgcop.core.references import optional_reference
from cwgcop.core.translated_display import TranslatedDisplay
from cwgcop.documents.models import Document
from cwgcop.events.enums import (
    ACTIVE_STATUSES,
    AttendanceMode,
    Cadence,
    EventFormat,
    EventStatus,
    RegistrationStatus,
)


class EventSeries(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    body = optional_reference(Body, _("body"))
    # Translated through django-modeltranslation: title_en, title_zh_hans, …
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    cadence = models.CharField(_("cadence"), max_length=20, choices=Cadence.choices, default=Cadence.QUARTERLY)
    # A retired series keeps its events and pages but takes no new event and leaves the list of series.
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:series", kwargs={"series": self.slug})

    display_title = TranslatedDisplay("title")

    display_description = TranslatedDisplay("description")


class Event(models.Model):
    """One event of a series. ``confirmed_count`` is kept by the services and bounded by the database."""

    series = models.ForeignKey(EventSeries, verbose_name=_("series"), on_delete=models.PROTECT, related_name="events")
    slug = models.SlugField(_("slug"), max_length=80)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Zurich")
    format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.ONLINE)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"))
    confirmed_count = models.PositiveIntegerField(_("confirmed"), default=0, editable=False)
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    concept_note = optional_reference(Document, _("concept note"), related_name="events")
    sign_languages = models.JSONField(_("sign-language interpretation"), default=list, blank=True)
    live_captions = models.BooleanField(_("live captions"), default=False)
    interpretation_languages = models.JSONField(_("interpretation languages"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.SCHEDULED)
    # The first start announced, kept when the event is postponed so that pages can say "postponed from …".
    postponed_from = models.DateTimeField(_("postponed from"), null=True, blank=True)
    # The calendar revision (iCalendar SEQUENCE): raised by every change a registrant's calendar must follow, so a
    # calendar app replaces the entry it holds instead of ignoring the newer file.
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["series", "slug"], name="event_unique_series_slug"),
            # The database itself refuses a confirmed count above capacity: no overbooking, whatever the code.
            models.CheckConstraint(condition=Q(confirmed_count__lte=F("capacity")), name="event_not_overbooked"),
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(registration_closes_at__gt=F("registration_opens_at")),
                name="event_registration_window_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"series": self.series.slug, "event": self.slug})

    display_title = TranslatedDisplay("title")

    display_description = TranslatedDisplay("description")

    display_venue = TranslatedDisplay("venue")

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    def registration_is_open(self, now: object = None) -> bool:
        moment = now or timezone.now()
        return (
            self.status == EventStatus.SCHEDULED and self.registration_opens_at <= moment < self.registration_closes_at  # type: ignore[operator]
        )


class Registration(models.Model):
    """A person's registration. Personal fields are blanked when the data is erased; counts stay."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.PROTECT, related_name="registrations")
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    organization = models.CharField(_("organisation"), max_length=250, blank=True)
    country = CountryField(verbose_name=_("country"), blank=True)
    region = models.CharField(_("ITU region"), max_length=20, choices=Region.choices, blank=True)
    stakeholder_kind = models.CharField(_("stakeholder kind"), max_length=20, choices=StakeholderKind.choices)
    attendance_mode = models.CharField(
        pgettext_lazy("attendance mode", "attendance"), max_length=20, choices=AttendanceMode.choices
    )
    needs_sign_language = models.BooleanField(_("needs sign-language interpretation"), default=False)
    sign_language = models.CharField(_("which sign language"), max_length=100, blank=True)
    needs_captions = models.BooleanField(_("needs live captions"), default=False)
    accessibility_other = models.TextField(_("other accessibility needs"), blank=True, max_length=1000)
    language = models.CharField(_("language"), max_length=7, default="en")
    consented_at = models.DateTimeField(_("consent to the privacy notice"))
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    # The cancel link carries a secret; only its hash is kept (a leaked database cannot cancel anyone).
    secret_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    email_confirmed_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_STATUSES) & Q(erased_at__isnull=True),
                name="registration_one_active_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.name} — {self.event}"
