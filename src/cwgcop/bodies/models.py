"""Bodies (the groups whose work the platform records), organisations, and people's roles in bodies."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cwgcop.bodies.enums import BodyKind, Region, RoleKind, StakeholderKind
from cwgcop.bodies.regions import region_of
from cwgcop.core.languages import translated
from cwgcop.core.references import optional_reference


class Body(models.Model):
    """A group whose meetings and documents the platform keeps (CWG-COP, ITU-T SG17, …)."""

    acronym = models.CharField(_("acronym"), max_length=40, unique=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    # Translated through django-modeltranslation: name_en, name_zh_hans, …
    name = models.CharField(_("name"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=BodyKind.choices, default=BodyKind.OTHER)
    parent = optional_reference("self", _("parent"), related_name="children")
    symbol_prefix = models.CharField(
        _("document symbol prefix"),
        max_length=40,
        blank=True,
        help_text=_("The start of this body's document symbols, e.g. CWG-COP."),
    )
    website = models.URLField(_("web page"), blank=True)
    # A retired body keeps its meetings and documents but is no longer offered for new ones.
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        verbose_name = _("body")
        verbose_name_plural = _("bodies")
        ordering = ["acronym"]

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("bodies:detail", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return translated(self, "name")

    def name_on(self, day: datetime.date | None) -> Body | BodyName:
        """The name and acronym the body bore on ``day``: a former name, or itself when none applied then."""
        if day is None:
            return self
        former = self.former_names.filter(valid_from__lte=day, valid_until__gte=day).first()
        return former or self


class BodyName(models.Model):
    """A name and acronym a body bore from ``valid_from`` to ``valid_until`` (both days included)."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="former_names")
    acronym = models.CharField(_("acronym"), max_length=40)
    # Translated through django-modeltranslation: name_en, name_zh_hans, …
    name = models.CharField(_("name"), max_length=250)
    valid_from = models.DateField(_("in use from"))
    valid_until = models.DateField(_("in use until"))

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["body", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["body", "valid_from"], name="bodyname_unique_body_from"),
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")), name="bodyname_until_not_before_from"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.acronym} ({self.valid_from:%Y}–{self.valid_until:%Y})"

    def get_absolute_url(self) -> str:
        return self.body.get_absolute_url()

    @property
    def display_name(self) -> str:
        return translated(self, "name")


class Organization(models.Model):
    """A Member State, company, university or other organisation that takes part in the work."""

    name = models.CharField(_("name"), max_length=250)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    country = CountryField(verbose_name=_("country"), blank=True)
    region = models.CharField(_("ITU region"), max_length=20, choices=Region.choices, blank=True, editable=False)
    stakeholder_kind = models.CharField(
        _("stakeholder kind"), max_length=20, choices=StakeholderKind.choices, default=StakeholderKind.OTHER
    )
    # A retired organisation keeps what refers to it but is no longer offered in forms.
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["name", "country"], name="organization_unique_name_country")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        # The region is derived from the country, never chosen, so the two cannot disagree.
        region = region_of(str(self.country) if self.country else None)
        self.region = region.value if region else ""
        update_fields = kwargs.get("update_fields")
        if isinstance(update_fields, list | tuple | set) and "country" in update_fields:
            kwargs["update_fields"] = {*update_fields, "region"}
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Role(models.Model):
    """A person's role in a body: chair, vice-chair, secretariat, member or moderator."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="body_roles",
    )
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [models.UniqueConstraint(fields=["user", "body", "kind"], name="role_unique_user_body_kind")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()} ({self.body})"
