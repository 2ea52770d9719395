"""Liaison statements between bodies, threaded by the statement each one answers."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwgcop.bodies.models import Body
from cwgcop.core.languages import Language
from cwgcop.core.references import optional_reference, person_reference
from cwgcop.core.translated_display import TranslatedDisplay
from cwgcop.documents.models import Document
from cwgcop.liaisons.enums import INCOMING_STATES, OUTGOING_STATES, Direction, LiaisonState, Purpose
from cwgcop.meetings.models import Meeting


class LiaisonStatement(models.Model):
    """A statement one body sends another. Incoming ones are public once recorded, outgoing ones once sent."""

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    state = models.CharField(_("state"), max_length=20, choices=LiaisonState.choices, db_index=True)
    # Translated through django-modeltranslation: title_en, title_zh_hans, … and text_en, …
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(_("text"), blank=True)
    original_language = models.CharField(
        _("original language"), max_length=7, choices=Language.choices, default=Language.ENGLISH
    )
    reference = models.CharField(
        _("sender's reference"),
        max_length=120,
        blank=True,
        help_text=_("The number the sending body gave the statement, e.g. SG2-LS12."),
    )
    from_bodies: models.ManyToManyField[Body, Any] = models.ManyToManyField(
        Body, verbose_name=_("from"), related_name="liaisons_sent"
    )
    to_bodies: models.ManyToManyField[Body, Any] = models.ManyToManyField(
        Body, verbose_name=_("to"), related_name="liaisons_received"
    )
    attachments: models.ManyToManyField[Document, Any] = models.ManyToManyField(
        Document, verbose_name=_("attachments"), blank=True, related_name="liaison_statements"
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True, db_index=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True, db_index=True)
    meeting = optional_reference(
        Meeting,
        _("meeting"),
        related_name="liaison_statements",
        help_text=_("The meeting that considered an incoming statement or agreed an outgoing one."),
    )
    reply_to = optional_reference("self", _("reply to"), related_name="replies")
    # The first statement of the conversation (empty on that first statement itself), so that a whole
    # thread is one query whatever its depth.
    thread_root = optional_reference("self", related_name="thread_members", editable=False)
    approved_by = person_reference()
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    published_at = models.DateTimeField(_("public since"), null=True, blank=True, db_index=True)
    reminder_sent_at = models.DateTimeField(_("deadline reminder sent"), null=True, blank=True)
    created_by = person_reference()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("liaison statement")
        verbose_name_plural = _("liaison statements")
        ordering = ["-sent_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(direction=Direction.INCOMING, state__in=[s.value for s in INCOMING_STATES])
                | Q(direction=Direction.OUTGOING, state__in=[s.value for s in OUTGOING_STATES]),
                name="liaison_state_matches_direction",
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(sent_on__isnull=True) | Q(deadline__gte=F("sent_on")),
                name="liaison_deadline_not_before_sent",
            ),
            models.CheckConstraint(condition=~Q(reply_to=F("id")), name="liaison_not_reply_to_itself"),
        ]

    def __str__(self) -> str:
        return f"LS {self.pk}: {self.title[:80]}"

    def get_absolute_url(self) -> str:
        return reverse("liaisons:detail", kwargs={"pk": self.pk})

    display_title = TranslatedDisplay("title", fallback_from="original_language")
    display_text = TranslatedDisplay("text", fallback_from="original_language")

    @property
    def is_public(self) -> bool:
        return self.direction == Direction.INCOMING or self.state == LiaisonState.SENT

    @property
    def is_incoming(self) -> bool:
        return self.direction == Direction.INCOMING

    @property
    def root_id(self) -> int:
        return self.thread_root_id or self.pk


class LiaisonContact(models.Model):
    """A person to contact about a statement, as the statement names them."""

    statement = models.ForeignKey(LiaisonStatement, on_delete=models.CASCADE, related_name="contacts")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["statement", "position", "id"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name
