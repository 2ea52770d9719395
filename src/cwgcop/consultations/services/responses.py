"""A child's answers: submitting, withdrawing, moderating, and the safeguarding lead's actions.

The original words a child typed exist only in memory, inside :func:`submit_response`: they are checked
against the safeguarding lists, redacted, and dropped. Nothing logs them, and an error report shows neither
them nor the receipt code (``sensitive_variables``).
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.bodies.regions import region_of
from cwgcop.consultations import notifications, redaction, safeguarding
from cwgcop.consultations.enums import (
    AgeBand,
    CaseStatus,
    ConsultationAction,
    Gender,
    ModerationStatus,
    QuestionKind,
    RejectionReason,
)
from cwgcop.consultations.models import Answer, Consultation, GroupCode, Question, Response, SafeguardingCase
from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to copy by hand


def hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


def new_receipt() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


@dataclass
class Submission:
    """What a child sends: profile fields and answers keyed by question id."""

    language: str
    age_band: str
    country: str
    gender: str = Gender.UNSAID
    group_code: str = ""
    answers: dict[int, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Submitted:
    response: Response
    receipt: str
    at_risk: bool


def _check_profile(consultation: Consultation, submission: Submission, now: datetime.datetime) -> GroupCode | None:
    if not consultation.is_open(now):
        if consultation.has_closed(now) or consultation.published_at is None:
            raise DomainError(
                _("This consultation is closed. Thank you for wanting to take part!"), code="consultation_closed"
            )
        raise DomainError(
            _("This consultation has not opened yet. Please come back later!"), code="consultation_not_open"
        )
    if submission.language not in consultation.languages:
        raise DomainError(_("This consultation is not available in that language."), code="language_not_offered")
    if submission.age_band not in consultation.age_bands or submission.age_band not in AgeBand.values:
        raise DomainError(_("Please choose your age group from the list."), code="age_band_invalid")
    if region_of(submission.country) is None:
        raise DomainError(_("Please choose your country from the list."), code="country_invalid")
    if submission.gender not in Gender.values:
        raise DomainError(_("Please choose an answer from the list."), code="gender_invalid")
    if submission.age_band not in consultation.consent_required_bands:
        return None
    code = consultation.group_codes.filter(code_hash=hash_code(submission.group_code or ""), active=True).first()
    if code is None:
        raise DomainError(
            _("For your age group, please take part with your school or helpline: ask them for the group code."),
            code="group_code_required",
        )
    return code


def _answer_values(question: Question, value: Any) -> dict[str, Any]:
    """Validate one answer; returns the fields to store (text still unredacted — the caller redacts)."""
    if value in (None, "", []):
        if question.required:
            raise DomainError(
                _("Please answer: %(question)s") % {"question": question.display_text}, code="answer_missing"
            )
        return {}
    if question.kind == QuestionKind.TEXT:
        text = str(value).strip()
        if len(text) > settings.CWGCOP_CONSULTATION_MAX_ANSWER_CHARS:
            raise DomainError(
                _("Your answer is too long: please keep it under %(limit)s characters.")
                % {"limit": settings.CWGCOP_CONSULTATION_MAX_ANSWER_CHARS},
                code="answer_too_long",
            )
        return {"text": text} if text else {}
    if question.kind == QuestionKind.SCALE:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= 5:
            raise DomainError(_("Please choose a number from 1 to 5."), code="scale_invalid")
        return {"scale": number}
    ids = [value] if question.kind == QuestionKind.SINGLE or isinstance(value, str | int) else list(value)
    try:
        wanted = {int(v) for v in ids}
    except (TypeError, ValueError) as exc:
        raise DomainError(_("Please choose an answer from the list."), code="choice_invalid") from exc
    known = {c.pk for c in question.choices.all()}
    if not wanted <= known or (question.kind == QuestionKind.SINGLE and len(wanted) != 1):
        raise DomainError(_("Please choose an answer from the list."), code="choice_invalid")
    return {"choices": sorted(wanted)}


def safeguarding_lead(consultation: Consultation) -> Any:
    """The named safeguarding lead of the consultation's body (the first one named, if there are several)."""
    role = (
        Role.objects.filter(body=consultation.body, kind=RoleKind.SAFEGUARDING_LEAD)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return role.user if role else None


class UnreadableAnswer(RuntimeError):  # noqa: N818 - what the administrators read in the error report
    """Redaction or the safeguarding check failed on a child's words; the words are not in the report."""


@sensitive_variables()
def _read(original: str, *, language: str, country: str) -> tuple[bool, redaction.Redacted]:
    """Whether ``original`` suggests risk, and its redacted form.

    A failure in here (a bug in a pattern, in the phone-number library…) is raised again as
    :class:`UnreadableAnswer` without its cause: the cause's message and the local variables of the frames below
    would carry the original words into the error report and the log.
    """
    try:
        return safeguarding.suggests_risk(original, language), redaction.redact(original, country=country)
    except Exception:
        raise UnreadableAnswer("The answer could not be read; its words are left out of this report.") from None


@sensitive_variables()  # every local: the child's words, the receipt code
@transaction.atomic
def submit_response(
    *, consultation: Consultation, submission: Submission, now: datetime.datetime | None = None
) -> Submitted:
    """Store one child's answers, redacted, waiting for moderation; return the receipt code (shown once).

    An answer that suggests risk is held for the safeguarding lead and never published; the lead is e-mailed
    (without the words) once the answer is committed. Nothing is written when any answer is refused.
    """
    now = now or timezone.now()
    group_code = _check_profile(consultation, submission, now)
    questions = {q.pk: q for q in consultation.questions.prefetch_related("choices")}
    unknown = set(submission.answers) - set(questions)
    if unknown:
        raise DomainError(_("Please answer the questions of this consultation only."), code="question_unknown")
    prepared = {pk: _answer_values(q, submission.answers.get(pk)) for pk, q in questions.items()}
    receipt = new_receipt()
    region = region_of(submission.country)
    response = Response.objects.create(
        consultation=consultation,
        age_band=submission.age_band,
        country=submission.country,
        region=region.value if region else "",
        gender=submission.gender,
        language=submission.language,
        submitted_on=timezone.localdate(now),
        receipt_hash=hash_code(receipt),
        group_code=group_code,
    )
    at_risk = False
    lead = None
    for pk, values in prepared.items():
        if not values:
            continue
        choices = values.pop("choices", None)
        original = values.pop("text", None)
        risky = False
        if original is not None:
            risky, cleaned = _read(original, language=submission.language, country=submission.country)
            values.update(text=cleaned.text, redactions=cleaned.replacements)
            del original, cleaned
        answer = Answer.objects.create(
            response=response,
            question=questions[pk],
            # Only free text needs a moderator; a choice or a number has nothing personal in it.
            moderation=(
                ModerationStatus.SAFEGUARDING
                if risky
                else ModerationStatus.PENDING
                if "text" in values
                else ModerationStatus.APPROVED
            ),
            **values,
        )
        if choices:
            answer.choices.set(choices)
        if risky:
            at_risk = True
            lead = lead or safeguarding_lead(consultation)
            case = SafeguardingCase.objects.create(answer=answer, consultation=consultation, lead=lead)
            transaction.on_commit(partial(notifications.send_new_case, case.pk))
    audit.record(
        actor=None,
        action=ConsultationAction.RESPOND,
        instance=response,
        after={"consultation": consultation.pk, "age_band": response.age_band, "region": response.region},
    )
    return Submitted(response=response, receipt=receipt, at_risk=at_risk)


def response_for_receipt(consultation: Consultation, receipt: str) -> Response:
    response = Response.objects.filter(consultation=consultation, receipt_hash=hash_code(receipt or "")).first()
    if response is None or response.withdrawn_at is not None:
        raise DomainError(
            _("We could not find answers with this receipt code. Check the code and try again."), code="receipt_unknown"
        )
    return response


@sensitive_variables("receipt")
@transaction.atomic
def withdraw(*, consultation: Consultation, receipt: str) -> bool:
    """Delete a child's answers for good; the receipt code then opens nothing (a reused code is refused).

    An answer held for the safeguarding lead is the one exception: it stays, out of every count, until the
    retention period ends, so that a child who told us they are in danger still gets help. Returns whether
    such an answer was kept (the child is told so).
    """
    response = response_for_receipt(consultation, receipt)
    audit.record(
        actor=None, action=ConsultationAction.WITHDRAW, instance=response, after={"consultation": consultation.pk}
    )
    response.answers.filter(case__isnull=True).delete()
    kept = response.answers.exists()
    response.withdrawn_at = timezone.now()
    response.counted = False
    response.save(update_fields=["withdrawn_at", "counted"])
    bump_archive_generation()
    return kept


@transaction.atomic
def moderate(*, actor: Actor, answer: Answer, approve: bool, reason: str = "") -> Answer:
    """Approve or reject an answer waiting for moderation (rejections name a reason from the fixed list)."""
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.moderation != ModerationStatus.PENDING or answer.response.withdrawn_at is not None:
        raise DomainError(_("This answer has already been moderated."), code="already_moderated")
    if not approve and reason not in RejectionReason.values:
        raise DomainError(_("Choose the reason for rejecting the answer."), code="reason_missing")
    answer.moderation = ModerationStatus.APPROVED if approve else ModerationStatus.REJECTED
    answer.rejection_reason = "" if approve else reason
    answer.moderated_at = timezone.now()
    answer.moderated_by = signed_in_or_none(actor)
    answer.save(update_fields=["moderation", "rejection_reason", "moderated_at", "moderated_by"])
    audit.record(
        actor=actor,
        action=ConsultationAction.MODERATE,
        instance=answer,
        after={"moderation": answer.moderation, "reason": answer.rejection_reason},
    )
    bump_archive_generation()
    return answer


@transaction.atomic
def act_on_case(*, actor: Actor, case: SafeguardingCase, status: str, notes: str = "") -> SafeguardingCase:
    """Record the safeguarding lead's action; the first one stamps the time to first action, which the audit
    entry also logs (in whole seconds since the case opened)."""
    if status not in CaseStatus.values:
        raise DomainError(_("Unknown case status."), code="status_invalid")
    case = SafeguardingCase.objects.select_for_update().get(pk=case.pk)
    now = timezone.now()
    logged: dict[str, Any] = {"status": status}
    if case.first_action_at is None:
        case.first_action_at = now
        logged["seconds_to_first_action"] = int((now - case.opened_at).total_seconds())
    case.status = status
    if notes.strip():
        case.notes = (case.notes + f"\n[{now:%Y-%m-%d %H:%M}] {notes.strip()}").strip()
    case.lead = case.lead or signed_in_or_none(actor)
    case.save(update_fields=["first_action_at", "status", "notes", "lead"])
    audit.record(actor=actor, action=ConsultationAction.CASE, instance=case, after=logged)
    return case
