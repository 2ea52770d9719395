"""Consultations with children and young people: questions, anonymous responses, moderation, safeguarding.

Nothing here identifies a child: a response holds an age band, a country (and its region), an optional
gender, the language, the day it was given and the hash of a random receipt code. Free text is redacted
before it reaches these models.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from cwgcop.bodies.enums import Region
from cwgcop.bodies.models import Body
from cwgcop.consultations.enums import (
    AgeBand,
    CaseSource,
    CaseStatus,
    ConsultationStatus,
    Gender,
    ModerationStatus,
    QuestionKind,
    RecipientKind,
    RejectionReason,
    RiskCategory,
)
from cwgcop.core.languages import Language
from cwgcop.core.references import optional_reference, person_reference
from cwgcop.core.translated_display import TranslatedDisplay
from cwgcop.meetings.models import Meeting


def this_hour() -> datetime.datetime:
    """Now, to the hour: what is stored of the time a child answered."""
    return timezone.now().replace(minute=0, second=0, microsecond=0)


class Consultation(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="consultations")
    meeting = optional_reference(Meeting, _("meeting"), related_name="consultations")
    # Translated through django-modeltranslation: title_en, title_zh_hans, …
    title = models.CharField(_("title"), max_length=250)
    introduction = models.TextField(_("introduction"), blank=True)
    privacy_notice = models.TextField(_("privacy notice for children"), blank=True)
    feedback = models.TextField(_("you said, we did"), blank=True)
    languages = models.JSONField(_("languages"), default=list)
    age_bands = models.JSONField(_("age bands"), default=list)
    consent_required_bands = models.JSONField(_("age bands that need a group code"), default=list, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    live_opens_at = models.DateTimeField(_("live window opens"), null=True, blank=True)
    live_closes_at = models.DateTimeField(_("live window closes"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    feedback_published_at = models.DateTimeField(_("feedback published"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    answers_deleted_at = models.DateTimeField(_("raw answers deleted"), null=True, blank=True)
    # The public results (aggregates only, suppressed), by language, kept when the raw answers are deleted.
    kept_results = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", kwargs={"slug": self.slug})

    display_title = TranslatedDisplay("title")

    display_introduction = TranslatedDisplay("introduction")

    display_privacy_notice = TranslatedDisplay("privacy_notice")

    display_feedback = TranslatedDisplay("feedback")

    def is_open(self, now: object = None) -> bool:
        moment = now or timezone.now()
        if self.published_at is None or self.archived_at is not None:
            return False
        windows = [(self.opens_at, self.closes_at)]
        if self.live_opens_at and self.live_closes_at:
            windows.append((self.live_opens_at, self.live_closes_at))
        return any(start <= moment < end for start, end in windows)  # type: ignore[operator]

    def is_live(self, now: object = None) -> bool:
        """Whether ``now`` is in the live window (a session run by schools or helplines with group codes)."""
        moment = now or timezone.now()
        if self.live_opens_at is None or self.live_closes_at is None:
            return False
        return bool(self.live_opens_at <= moment < self.live_closes_at)  # type: ignore[operator]

    def has_closed(self, now: object = None) -> bool:
        moment = now or timezone.now()
        return bool(moment >= self.last_closes_at)  # type: ignore[operator]

    @property
    def last_closes_at(self) -> datetime.datetime:
        return max(d for d in (self.closes_at, self.live_closes_at) if d is not None)

    @property
    def status(self) -> ConsultationStatus:
        """Draft, scheduled, open, closed or archived: what the secretariat sees in its list."""
        if self.archived_at is not None:
            return ConsultationStatus.ARCHIVED
        if self.published_at is None:
            return ConsultationStatus.DRAFT
        if self.is_open():
            return ConsultationStatus.OPEN
        if self.has_closed():
            return ConsultationStatus.CLOSED
        return ConsultationStatus.SCHEDULED


class Question(models.Model):
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["consultation", "order"]
        constraints = [models.UniqueConstraint(fields=["consultation", "order"], name="question_unique_order")]

    def __str__(self) -> str:
        return self.text

    display_text = TranslatedDisplay("text")


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveIntegerField(_("order"))
    label = models.CharField(_("label"), max_length=200)

    class Meta:
        ordering = ["question", "order"]
        constraints = [models.UniqueConstraint(fields=["question", "order"], name="choice_unique_order")]

    def __str__(self) -> str:
        return self.label

    display_label = TranslatedDisplay("label")


class GroupCode(models.Model):
    """A code given to a school or helpline that runs a session: its answers count as consented."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="group_codes")
    label = models.CharField(_("who runs the session"), max_length=200)
    # Who to call when a child in this group may be at risk: shown to the safeguarding lead only.
    facilitator = models.CharField(_("facilitator"), max_length=200, blank=True)
    facilitator_contact = models.CharField(_("facilitator's phone or e-mail"), max_length=200, blank=True)
    code_hash = models.CharField(max_length=64, unique=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["consultation", "created_at", "pk"]

    def __str__(self) -> str:
        return self.label


class Response(models.Model):
    """One child's submission. No name, contact, birth date, address or IP address: ever."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="responses")
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    country = CountryField(verbose_name=_("country"))
    region = models.CharField(_("ITU region"), max_length=20, choices=Region.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, default=Gender.UNSAID)
    language = models.CharField(_("language"), max_length=7, choices=Language.choices)
    submitted_on = models.DateField(_("day"))
    receipt_hash = models.CharField(max_length=64, unique=True)
    group_code = models.ForeignKey(GroupCode, null=True, blank=True, on_delete=models.SET_NULL)
    counted = models.BooleanField(_("counts in results"), default=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["consultation", "counted"])]

    def __str__(self) -> str:
        return f"{self.consultation.slug} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choices = models.ManyToManyField(Choice, blank=True, related_name="answers")
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    # Already redacted: the original words never reach the database.
    text = models.TextField(blank=True)
    redactions = models.PositiveIntegerField(default=0)
    moderation = models.CharField(
        _("moderation"), max_length=15, choices=ModerationStatus.choices, default=ModerationStatus.PENDING
    )
    rejection_reason = models.CharField(_("reason"), max_length=20, choices=RejectionReason.choices, blank=True)
    # The hour only: an exact time could be matched to a web server's log of addresses.
    received_at = models.DateTimeField(default=this_hour)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = person_reference()
    # What the safeguarding word lists found and the learned check set aside (``safeguarding.Finding.doubted``): the
    # moderator is told to read the answer closely. Categories only, never the words that matched.
    doubted = models.JSONField(_("set aside by the safeguarding check"), default=list, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_one_per_question"),
            models.CheckConstraint(
                condition=Q(scale__isnull=True) | Q(scale__gte=1, scale__lte=5), name="answer_scale_1_5"
            ),
        ]
        indexes = [models.Index(fields=["moderation", "received_at"])]

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"

    @property
    def doubted_labels(self) -> list[str]:
        return [str(RiskCategory(value).label) for value in self.doubted if value in RiskCategory.values]


class SafeguardingCase(models.Model):
    """An answer that suggests a child may be at risk, for the named safeguarding lead."""

    answer = models.OneToOneField(Answer, on_delete=models.CASCADE, related_name="case")
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="cases")
    lead = person_reference()
    status = models.CharField(_("status"), max_length=15, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    source = models.CharField(_("source"), max_length=10, choices=CaseSource.choices, default=CaseSource.DETECTED)
    # What the safeguarding check found (its categories), or why a moderator escalated the answer.
    categories = models.JSONField(_("categories"), default=list, blank=True)
    escalated_by = person_reference()
    reason = models.TextField(_("why it was escalated"), blank=True)
    # For a case the check opened, the answer's hour (see ``Answer.received_at``).
    opened_at = models.DateTimeField(default=timezone.now)
    first_action_at = models.DateTimeField(_("first action"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["opened_at"]

    def __str__(self) -> str:
        return f"case {self.pk}"

    @property
    def category_labels(self) -> list[str]:
        return [str(RiskCategory(value).label) for value in self.categories if value in RiskCategory.values]


class SharingPackage(models.Model):
    """Aggregates and approved quotes sent to a named recipient through a signed, expiring, revocable link.

    ``content`` is frozen when the package is made: figures suppressed at the focal-point threshold, dates and
    never times, no receipt hash. The quotes are not copied into it: :class:`PackageQuote` names the approved
    answers it quotes, and their words are read from the answer each time the package is opened, so an answer
    deleted at the end of the retention period, or taken back by the child, leaves every package at once. A
    revoked or expired package keeps no content at all.
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="packages")
    recipient = models.CharField(_("recipient"), max_length=250)
    recipient_kind = models.CharField(_("kind of recipient"), max_length=20, choices=RecipientKind.choices)
    recipient_email = models.EmailField(_("recipient's e-mail"))
    language = models.CharField(_("language"), max_length=7, choices=Language.choices, default=Language.ENGLISH)
    k = models.PositiveSmallIntegerField(_("smallest group shown"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = person_reference(blank=False)
    expires_at = models.DateTimeField(_("link expires"))
    revoked_at = models.DateTimeField(_("link revoked"), null=True, blank=True)
    revoked_by = person_reference()
    content = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.consultation.slug} → {self.recipient}"


class PackageQuote(models.Model):
    """An approved answer a sharing package quotes, with the question and attribution in the package's language.

    The words themselves stay in the answer only: deleting the answer deletes this row with it.
    """

    package = models.ForeignKey(SharingPackage, on_delete=models.CASCADE, related_name="quotes")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveIntegerField()
    question = models.CharField(max_length=500)
    attribution = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["package", "answer"], name="package_quote_once")]

    def __str__(self) -> str:
        return f"{self.package} #{self.order}"


class PackageDownload(models.Model):
    """One opening or download of a sharing package by its named recipient (the link is theirs alone)."""

    package = models.ForeignKey(SharingPackage, on_delete=models.CASCADE, related_name="downloads")
    recipient = models.CharField(_("recipient"), max_length=250, blank=True)
    recipient_email = models.EmailField(_("recipient's e-mail"), blank=True)
    format = models.CharField(pgettext_lazy("file", "format"), max_length=5)
    downloaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-downloaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.package} ({self.format})"
