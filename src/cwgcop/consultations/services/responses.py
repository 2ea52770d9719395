"""A child's answers: submitting, withdrawing, moderating, and the safeguarding lead's actions.

The original words a child typed exist only in memory, inside :func:`submit_response`: they are checked
against the safeguarding lists, redacted, and dropped. Nothing logs them, and an error report shows neither
them nor the receipt code (``sensitive_variables``).
"""

from __future__ import annotations

import datetime
import hashlib
import re
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
    CaseSource,
    CaseStatus,
    ConsultationAction,
    Gender,
    ModerationStatus,
    QuestionKind,
    RejectionReason,
)
from cwgcop.consultations.models import Answer, Consultation, GroupCode, Question, Response, SafeguardingCase
from cwgcop.core import audit, formatting
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


def group_for(consultation: Consultation, code: str) -> GroupCode | None:
    """The consultation's active group whose code the child typed, if any (whatever the age group: where a code was
    used, the safeguarding lead sees the group's facilitator, and a live session has its own rate limit)."""
    if not code.strip():
        return None
    return consultation.group_codes.filter(code_hash=hash_code(code), active=True).first()


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
    code = group_for(consultation, submission.group_code)
    if code is None and submission.age_band in consultation.consent_required_bands:
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
                % {"limit": formatting.number(settings.CWGCOP_CONSULTATION_MAX_ANSWER_CHARS)},
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
def _read(original: str, *, country: str) -> tuple[safeguarding.Finding, redaction.Redacted]:
    """What the safeguarding check finds in ``original`` (in all six languages), and its redacted form.

    A failure in here (a bug in a pattern, in the phone-number library…) is raised again as
    :class:`UnreadableAnswer` without its cause: the cause's message and the local variables of the frames below
    would carry the original words into the error report and the log.
    """
    try:
        return safeguarding.assess(original), redaction.redact(original, country=country)
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
    hour = now.replace(minute=0, second=0, microsecond=0)  # stored times of answers: the hour, no closer
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
        finding = safeguarding.Finding()
        if original is not None:
            finding, cleaned = _read(original, country=submission.country)
            values.update(text=cleaned.text, redactions=cleaned.replacements, doubted=sorted(finding.doubted))
            del original, cleaned
        risky = bool(finding)
        answer = Answer.objects.create(
            response=response,
            question=questions[pk],
            received_at=hour,
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
            case = SafeguardingCase.objects.create(
                answer=answer,
                consultation=consultation,
                lead=lead,
                categories=sorted(finding.categories),
                opened_at=hour,
            )
            transaction.on_commit(partial(notifications.send_new_case, case.pk))
    audit.record(
        actor=None,
        action=ConsultationAction.RESPOND,
        instance=response,
        after={"consultation": consultation.pk, "age_band": response.age_band, "region": response.region},
        day_only=True,
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
        actor=None,
        action=ConsultationAction.WITHDRAW,
        instance=response,
        after={"consultation": consultation.pk},
        day_only=True,
    )
    response.answers.filter(case__isnull=True).delete()
    kept = response.answers.exists()
    response.withdrawn_at = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    response.counted = False
    response.save(update_fields=["withdrawn_at", "counted"])
    bump_archive_generation()
    return kept


def text_digest(text: str) -> str:
    """A short fingerprint of an answer's text: a removal names the text it was chosen on."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _pending(answer: Answer) -> Answer:
    answer = Answer.objects.select_for_update().get(pk=answer.pk)
    if answer.moderation != ModerationStatus.PENDING or answer.response.withdrawn_at is not None:
        raise DomainError(_("This answer has already been moderated."), code="already_moderated")
    return answer


@transaction.atomic
def moderate(
    *, actor: Actor, answer: Answer, approve: bool, reason: str = "", keep_highlighted: bool = False
) -> Answer:
    """Approve or reject an answer waiting for moderation (rejections name a reason from the fixed list).

    Approving an answer in which something still looks personal (:func:`redaction.highlights`) is a second,
    explicit step: it is refused unless ``keep_highlighted`` says the moderator checked and keeps those words.
    """
    answer = _pending(answer)
    if not approve and reason not in RejectionReason.values:
        raise DomainError(_("Choose the reason for rejecting the answer."), code="reason_missing")
    highlighted = len(redaction.highlights(answer.text)) if approve else 0
    if highlighted and not keep_highlighted:
        raise DomainError(
            _(
                "Something in this answer still looks personal (highlighted). Remove it, or confirm that it "
                "can be published as it is."
            ),
            code="highlights_open",
        )
    answer.moderation = ModerationStatus.APPROVED if approve else ModerationStatus.REJECTED
    answer.rejection_reason = "" if approve else reason
    answer.moderated_at = timezone.now()
    answer.moderated_by = signed_in_or_none(actor)
    answer.save(update_fields=["moderation", "rejection_reason", "moderated_at", "moderated_by"])
    after: dict[str, Any] = {"moderation": answer.moderation, "reason": answer.rejection_reason}
    if highlighted:
        after["kept_highlighted"] = highlighted
    audit.record(actor=actor, action=ConsultationAction.MODERATE, instance=answer, after=after)
    bump_archive_generation()
    return answer


def _remove(answer: Answer, spans: list[tuple[int, int]], category: redaction.Category, actor: Actor) -> Answer:
    text = answer.text
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + category.placeholder + text[end:]
    answer.text = text
    answer.redactions += len(spans)
    answer.save(update_fields=["text", "redactions"])
    # Neither the words removed nor the text: what was done and how much.
    audit.record(
        actor=actor,
        action=ConsultationAction.REDACT,
        instance=answer,
        after={"category": category.value, "spans": len(spans), "characters": sum(e - s for s, e in spans)},
    )
    return answer


def _category(value: str) -> redaction.Category:
    try:
        return redaction.Category(value)
    except ValueError:
        raise DomainError(_("Choose what kind of detail this is."), code="category_invalid") from None


@sensitive_variables("text")
@transaction.atomic
def remove_span(*, actor: Actor, answer: Answer, start: int, end: int, category: str, digest: str) -> Answer:
    """Replace ``answer.text[start:end]`` with the placeholder of ``category``, before moderation.

    ``digest`` is :func:`text_digest` of the text the moderator saw: if the answer changed since (another
    moderator removed something), nothing is removed. The removed words are kept nowhere, not even in the audit
    entry, which records the category and the number of characters.
    """
    answer = _pending(answer)
    kind = _category(category)
    if digest != text_digest(answer.text):
        raise DomainError(
            _("This answer was changed while you were reading it. Look at it again."), code="answer_changed"
        )
    if not 0 <= start < end <= len(answer.text) or not answer.text[start:end].strip():
        raise DomainError(_("Choose words of the answer to remove."), code="span_invalid")
    return _remove(answer, [(start, end)], kind, actor)


@sensitive_variables("words", "text")
@transaction.atomic
def remove_words(*, actor: Actor, answer: Answer, words: str, category: str) -> Answer:
    """Replace every occurrence of ``words`` (as the moderator typed them, case and spacing aside) in the
    answer with the placeholder of ``category``, before moderation. Nothing that was typed is stored or logged."""
    answer = _pending(answer)
    kind = _category(category)
    wanted = " ".join(words.split())
    if not wanted:
        raise DomainError(_("Type the words to remove, as they are written in the answer."), code="words_missing")
    pattern = re.compile(r"\s+".join(re.escape(part) for part in wanted.split(" ")), re.IGNORECASE)
    spans = [(m.start(), m.end()) for m in pattern.finditer(answer.text)]
    if not spans:
        raise DomainError(
            _("These words are not in the answer. Type them as they are written in it."), code="words_not_found"
        )
    return _remove(answer, spans, kind, actor)


REASON_LIMIT = 1000


@transaction.atomic
def escalate_answer(*, actor: Actor, answer: Answer, reason: str) -> SafeguardingCase:
    """Send an answer the safeguarding check missed to the safeguarding lead, whatever its moderation state.

    The answer is held (out of publication and of the moderation queue) and a case opens for the body's
    safeguarding lead, who is e-mailed (without the words) once committed. The audit entry names the answer and
    the moderation state it came from, never its words. Refused: no reason, a reason over 1,000 characters, an
    answer with no text, an answer that already has a case, an answer of a withdrawn response.
    """
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Say why this answer worries you."), code="reason_missing")
    if len(reason) > REASON_LIMIT:
        raise DomainError(
            _("Please keep the reason under %(limit)s characters.") % {"limit": formatting.number(REASON_LIMIT)},
            code="reason_too_long",
        )
    answer = Answer.objects.select_for_update().select_related("response", "response__consultation").get(pk=answer.pk)
    if not answer.text:
        raise DomainError(_("Only a written answer can be escalated."), code="answer_without_text")
    if SafeguardingCase.objects.filter(answer=answer).exists():
        raise DomainError(_("This answer is already with the safeguarding lead."), code="already_escalated")
    if answer.response.withdrawn_at is not None:
        raise DomainError(_("The child has taken this answer back."), code="answer_withdrawn")
    consultation = answer.response.consultation
    previous = answer.moderation
    answer.moderation = ModerationStatus.SAFEGUARDING
    answer.save(update_fields=["moderation"])
    case = SafeguardingCase.objects.create(
        answer=answer,
        consultation=consultation,
        lead=safeguarding_lead(consultation),
        source=CaseSource.ESCALATED,
        escalated_by=signed_in_or_none(actor),
        reason=reason,
    )
    audit.record(
        actor=actor,
        action=ConsultationAction.ESCALATE,
        instance=case,
        after={"answer": answer.pk, "moderation_before": previous},
    )
    transaction.on_commit(partial(notifications.send_new_case, case.pk))
    bump_archive_generation()
    return case


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
