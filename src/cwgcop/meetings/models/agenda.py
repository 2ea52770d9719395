"""The items of a meeting's agenda, each with the documents considered under it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cwgcop.core.languages import translated
from cwgcop.meetings.models.meeting import Meeting


class AgendaItem(models.Model):
    """One numbered item of the agenda. The agenda as a whole is draft or adopted (on :class:`Meeting`)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    position = models.PositiveIntegerField(_("number"))
    # Translated through django-modeltranslation: title_en, title_zh_hans, …
    title = models.CharField(_("title"), max_length=500)
    documents = models.ManyToManyField(
        "documents.Document", verbose_name=_("documents"), blank=True, related_name="agenda_items"
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.meeting} — {self.position}. {self.title}"

    @property
    def display_title(self) -> str:
        return translated(self, "title", fallback="en")
