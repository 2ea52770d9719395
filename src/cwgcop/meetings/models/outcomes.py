"""What each meeting agreed, requested, welcomed…, and the action items that follow from it."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body, Organization
from cwgcop.core.formatting import long_date
from cwgcop.core.languages import translated
from cwgcop.core.references import optional_reference, person_reference
from cwgcop.meetings.enums import ActionOwnerKind, ActionStatus, OutcomeKind
from cwgcop.meetings.models.meeting import Meeting


class Outcome(models.Model):
    """One outcome of a meeting, in the order the meeting's summary gives them."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="outcomes")
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    # Translated through django-modeltranslation: text_en, text_zh_hans, …
    text = models.TextField(_("text"))
    documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("documents"), blank=True, related_name="outcomes"
    )
    bodies = models.ManyToManyField(Body, verbose_name=_("bodies"), blank=True, related_name="outcomes")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.position}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#outcome-{self.position}"

    @property
    def display_text(self) -> str:
        return translated(self, "text", fallback="en")


class ActionItem(models.Model):
    """Something a meeting asked someone to do, raised from one of its outcomes.

    It is due at the body's next meeting unless it has a date. While open it is carried forward to every
    meeting that opens (:func:`cwgcop.meetings.services.actions.carry_forward_open_actions`); closing it
    records the document or outcome that shows it was done (or why it was dropped).
    """

    outcome = models.ForeignKey(
        Outcome, verbose_name=_("outcome"), on_delete=models.PROTECT, related_name="action_items"
    )
    # The meeting that raised it (the outcome's meeting, kept here for the register's filters).
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("raised at"), on_delete=models.PROTECT, related_name="action_items"
    )
    number = models.PositiveIntegerField(_("number"))
    # Translated through django-modeltranslation: description_en, description_zh_hans, …
    description = models.TextField(_("what is to be done"))
    owner_kind = models.CharField(_("owner"), max_length=20, choices=ActionOwnerKind.choices)
    owner_organization = optional_reference(Organization, _("owner organisation"), related_name="action_items")
    owner_body = optional_reference(Body, _("owner body"), related_name="+")
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN, db_index=True
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = person_reference()
    closed_at_meeting = optional_reference(Meeting, _("closed at"), related_name="closed_action_items")
    evidence_document = optional_reference(
        "documents.Document", _("evidence document"), related_name="closed_action_items"
    )
    evidence_outcome = optional_reference(Outcome, _("evidence outcome"), related_name="closed_action_items")
    closing_note = models.TextField(_("closing note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["meeting__start_date", "number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="action_item_unique_meeting_number"),
            models.CheckConstraint(
                condition=(
                    Q(owner_kind=ActionOwnerKind.SECRETARIAT, owner_organization__isnull=True, owner_body__isnull=True)
                    | Q(
                        owner_kind=ActionOwnerKind.ORGANIZATION,
                        owner_organization__isnull=False,
                        owner_body__isnull=True,
                    )
                    | Q(owner_kind=ActionOwnerKind.BODY, owner_organization__isnull=True, owner_body__isnull=False)
                ),
                name="action_item_owner_consistent",
            ),
            models.CheckConstraint(
                condition=Q(status=ActionStatus.OPEN, closed_at__isnull=True)
                | (~Q(status=ActionStatus.OPEN) & Q(closed_at__isnull=False)),
                name="action_item_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("meetings:action", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        """A short, stable name: ``CWG-COP-21/A1`` is the first action item raised at the 21st meeting."""
        return f"{self.meeting.code}/A{self.number}"

    @property
    def display_description(self) -> str:
        return translated(self, "description", fallback="en")

    @property
    def due_label(self) -> str:
        """When it is due: its date, or the body's next meeting (named without a query)."""
        if self.due_date is not None:
            return long_date(self.due_date)
        prefix = self.meeting.body.symbol_prefix or self.meeting.body.acronym
        return str(_("the next meeting (%(meeting)s)") % {"meeting": f"{prefix}-{self.meeting.number + 1}"})

    @property
    def is_open(self) -> bool:
        return self.status == ActionStatus.OPEN

    @property
    def owner_name(self) -> str:
        if self.owner_kind == ActionOwnerKind.ORGANIZATION and self.owner_organization is not None:
            return self.owner_organization.name
        if self.owner_kind == ActionOwnerKind.BODY and self.owner_body is not None:
            return self.owner_body.acronym
        return str(ActionOwnerKind.SECRETARIAT.label)


class CarriedAction(models.Model):
    """An open action item put on a later meeting's table when that meeting opened.

    Kept as a row rather than computed, so a meeting's page shows what was on its table at the time,
    however the item ended later.
    """

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="carried_actions"
    )
    action_item = models.ForeignKey(
        ActionItem, verbose_name=_("action item"), on_delete=models.CASCADE, related_name="carried_to"
    )
    carried_at = models.DateTimeField(_("carried forward"), auto_now_add=True)

    class Meta:
        verbose_name = _("carried-forward action item")
        verbose_name_plural = _("carried-forward action items")
        ordering = ["action_item__meeting__start_date", "action_item__number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "action_item"], name="carried_action_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.action_item} → {self.meeting}"
