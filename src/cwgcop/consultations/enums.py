from enum import StrEnum

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AgeBand(models.TextChoices):
    AGE_9_12 = "9-12", _("9–12 years")
    AGE_13_15 = "13-15", _("13–15 years")
    AGE_16_17 = "16-17", _("16–17 years")
    AGE_18_24 = "18-24", _("18–24 years")

    @property
    def youngest(self) -> int:
        """The age of the youngest children of the group."""
        return int(self.value.split("-")[0])


class Gender(models.TextChoices):
    GIRL = "girl", _("Girl or young woman")
    BOY = "boy", _("Boy or young man")
    OTHER = "other", pgettext_lazy("gender", "In another way")
    UNSAID = "unsaid", _("Prefer not to say")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    SCALE = "scale", _("Scale from 1 to 5")
    TEXT = "text", _("Open text")


class ModerationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SAFEGUARDING = "safeguarding", _("Held for safeguarding")


class RejectionReason(models.TextChoices):
    PERSONAL_DATA = "personal-data", _("Could identify someone")
    OFF_TOPIC = "off-topic", _("Not about the question")
    OFFENSIVE = "offensive", _("Hurtful or offensive")
    SPAM = "spam", _("Spam or nonsense")
    DUPLICATE = "duplicate", _("Said already in the same words")


class CaseStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("case", "Open")
    IN_PROGRESS = "in-progress", _("Being handled")
    CLOSED = "closed", pgettext_lazy("case", "Closed")


class RiskCategory(models.TextChoices):
    """What the safeguarding check looks for (the sections of its lexicons)."""

    SELF_HARM = "self_harm", _("Self-harm")
    SUICIDE = "suicide", _("Suicide")
    SEXUAL_ABUSE = "sexual_abuse", _("Sexual abuse")
    PHYSICAL_ABUSE = "physical_abuse", _("Physical abuse")
    GROOMING = "grooming", _("Grooming")
    BULLYING = "bullying", _("Bullying")
    EXPLOITATION = "exploitation", _("Exploitation")
    RUNNING_AWAY = "running_away", _("Running away")


class CaseSource(models.TextChoices):
    DETECTED = "detected", _("Found by the safeguarding check")
    ESCALATED = "escalated", _("Escalated by a moderator")


class RecipientKind(models.TextChoices):
    FOCAL_POINT = "focal-point", _("Focal-point organisation")
    GCI_EXPERTS = "gci-experts", _("GCI expert group")
    OTHER = "other", pgettext_lazy("recipient", "Other")


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("consultation", "Draft")
    SCHEDULED = "scheduled", pgettext_lazy("consultation", "Scheduled")
    OPEN = "open", pgettext_lazy("consultation", "Open for answers")
    CLOSED = "closed", pgettext_lazy("consultation", "Closed")
    ARCHIVED = "archived", pgettext_lazy("consultation", "Archived")


class ConsultationAction(StrEnum):
    """Changes to consultations, and reads of children's raw answers.

    Each value is stored in ``AuditEntry.action``: never change one, or old entries lose their name.
    """

    ARCHIVE = "consultation.archive"
    CASE = "consultation.case"
    CREATE = "consultation.create"
    DELETE_ANSWERS = "consultation.delete_answers"
    ESCALATE = "consultation.escalate"
    FEEDBACK = "consultation.feedback"
    GROUP_CODE = "consultation.group_code"
    GROUP_CODE_OFF = "consultation.group_code_off"
    MODERATE = "consultation.moderate"
    PACKAGE = "consultation.package"
    PACKAGE_DOWNLOAD = "consultation.package_download"
    PACKAGE_REVOKE = "consultation.package_revoke"
    PUBLISH = "consultation.publish"
    QUESTION_ADD = "consultation.question_add"
    QUESTION_DELETE = "consultation.question_delete"
    QUESTION_UPDATE = "consultation.question_update"
    REDACT = "consultation.redact"
    RESPOND = "consultation.respond"
    UPDATE = "consultation.update"
    VIEW_CASES = "consultation.view_cases"
    VIEW_RAW = "consultation.view_raw"
    WITHDRAW = "consultation.withdraw"


# What each action means to a reader of a history page (``core.audit.action_label``): every action has one.
ACTION_LABELS: dict[str, Promise] = {
    ConsultationAction.ARCHIVE: _("Consultation archived"),
    ConsultationAction.CASE: _("Safeguarding case updated"),
    ConsultationAction.CREATE: _("Consultation created"),
    ConsultationAction.DELETE_ANSWERS: _("Raw answers deleted"),
    ConsultationAction.ESCALATE: _("Answer sent to the safeguarding lead"),
    ConsultationAction.FEEDBACK: _("Feedback published"),
    ConsultationAction.GROUP_CODE: _("Group code created"),
    ConsultationAction.GROUP_CODE_OFF: _("Group code deactivated"),
    ConsultationAction.MODERATE: _("Answer moderated"),
    ConsultationAction.PACKAGE: _("Sharing package sent"),
    ConsultationAction.PACKAGE_DOWNLOAD: _("Sharing package downloaded"),
    ConsultationAction.PUBLISH: _("Consultation published"),
    ConsultationAction.QUESTION_ADD: _("Question added"),
    ConsultationAction.QUESTION_DELETE: _("Question deleted"),
    ConsultationAction.QUESTION_UPDATE: _("Question changed"),
    ConsultationAction.REDACT: _("Personal data removed from an answer"),
    ConsultationAction.RESPOND: _("Answers received"),
    ConsultationAction.UPDATE: _("Consultation changed"),
    ConsultationAction.VIEW_CASES: _("Safeguarding cases viewed"),
    ConsultationAction.VIEW_RAW: _("Raw answers viewed"),
    ConsultationAction.WITHDRAW: _("Answers withdrawn"),
    ConsultationAction.PACKAGE_REVOKE: _("Sharing package revoked"),
}
