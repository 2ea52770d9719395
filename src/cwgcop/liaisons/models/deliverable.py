"""Deliverables that travel between bodies and meetings, with the milestones of their route."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.core.references import optional_reference
from cwgcop.core.translated_display import TranslatedDisplay
from cwgcop.documents.models import Document
from cwgcop.liaisons.enums import DeliverableStatus, MilestoneStatus
from cwgcop.meetings.models import Meeting

CLOSED_MILESTONES = (MilestoneStatus.ACHIEVED, MilestoneStatus.CANCELLED)


class Deliverable(models.Model):
    """A piece of work owned by one body that goes to others (the CG-COP gap-analysis report)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    # Translated through django-modeltranslation: title_en, title_zh_hans, … and description_en, …
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(Body, verbose_name=_("owner"), on_delete=models.PROTECT, related_name="deliverables")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("liaisons:deliverable", kwargs={"slug": self.slug})

    display_title = TranslatedDisplay("title")

    display_description = TranslatedDisplay("description")

    def route(self) -> list[Milestone]:
        """The milestones in order (uses prefetched milestones when present)."""
        return sorted(self.milestones.all(), key=lambda m: (m.position, m.pk))

    @property
    def next_milestone(self) -> Milestone | None:
        return next((m for m in self.route() if m.status not in CLOSED_MILESTONES), None)

    @property
    def status(self) -> str:
        """Completed when every milestone is achieved or cancelled; planned while none has started."""
        route = self.route()
        if route and all(m.status in CLOSED_MILESTONES for m in route):
            return DeliverableStatus.COMPLETED
        if any(m.status in (MilestoneStatus.ACHIEVED, MilestoneStatus.IN_PROGRESS) for m in route):
            return DeliverableStatus.IN_PROGRESS
        return DeliverableStatus.PLANNED

    def get_status_display(self) -> str:
        return str(DeliverableStatus(self.status).label)


class Milestone(models.Model):
    """One stop on a deliverable's route: a body (and perhaps its meeting) that should receive or do it."""

    deliverable = models.ForeignKey(Deliverable, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField(_("position"))
    # Translated through django-modeltranslation: title_en, title_zh_hans, …
    title = models.CharField(_("what happens"), max_length=300)
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="milestones")
    meeting = optional_reference(Meeting, _("meeting"), related_name="milestones")
    due_date = models.DateField(_("expected"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    document = optional_reference(Document, _("fulfilled by"), related_name="milestones")
    achieved_on = models.DateField(_("achieved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["deliverable", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["deliverable", "position"], name="milestone_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.deliverable} · {self.position}. {self.title}"

    display_title = TranslatedDisplay("title")
