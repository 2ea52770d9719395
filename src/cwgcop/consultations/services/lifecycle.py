"""The secretariat's side of a consultation: writing it, opening it, writing back, archiving, forgetting.

A consultation is written while it is a draft (texts in every language it offers, questions and their
choices); it opens only when every offered language is complete and a safeguarding lead is named; once
open, its questions never change (answers already given refer to them). After it closes the secretariat
publishes "you said, we did"; only then may it be archived. The raw answers are hard-deleted a fixed number
of days after it closed; the public, suppressed results are kept.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from cwgcop.bodies.models import Body
from cwgcop.consultations.enums import AgeBand, CaseStatus, ConsultationAction, QuestionKind
from cwgcop.consultations.models import Choice, Consultation, GroupCode, Question, Response
from cwgcop.consultations.services.responses import RECEIPT_ALPHABET, hash_code, safeguarding_lead
from cwgcop.core import audit, formatting
from cwgcop.core.actors import Actor
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import Language, field_suffix
from cwgcop.core.translated_fields import set_translations
from cwgcop.meetings.models import Meeting

TEXT_FIELDS = ("title", "introduction", "privacy_notice")
# Addresses under /consult/ and /staff/consultations/ that are not consultations.
RESERVED_SLUGS = frozenset({"help", "new", "package", "staff"})
SETTINGS_FIELDS = ("languages", "age_bands", "consent_required_bands")
# The fields a consultation takes from its details as they are (the texts, translated, aside): the form shows them.
DETAIL_FIELDS = (
    "slug",
    "body",
    "meeting",
    *SETTINGS_FIELDS,
    "opens_at",
    "closes_at",
    "live_opens_at",
    "live_closes_at",
)


@dataclass
class ConsultationDetails:
    """What the secretariat writes about a consultation. ``texts`` maps a field to its text per language."""

    slug: str
    body: Body
    languages: list[str]
    age_bands: list[str]
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    meeting: Meeting | None = None
    consent_required_bands: list[str] = field(default_factory=list)
    live_opens_at: datetime.datetime | None = None
    live_closes_at: datetime.datetime | None = None
    texts: dict[str, dict[str, str]] = field(default_factory=dict)


def _check_details(details: ConsultationDetails, consultation: Consultation | None) -> None:
    if not details.languages or not set(details.languages) <= set(Language.values):
        raise DomainError(_("Choose at least one language."), code="languages_invalid")
    if not details.age_bands or not set(details.age_bands) <= set(AgeBand.values):
        raise DomainError(_("Choose at least one age group."), code="age_bands_invalid")
    if not set(details.consent_required_bands) <= set(details.age_bands):
        raise DomainError(
            _("A group code can only be required for age groups the consultation is for."), code="consent_invalid"
        )
    _check_consent_route(details.age_bands, details.consent_required_bands)
    if details.closes_at <= details.opens_at:
        raise DomainError(_("The consultation must close after it opens."), code="dates_invalid")
    if (details.live_opens_at is None) != (details.live_closes_at is None):
        raise DomainError(_("Give both the start and the end of the live window, or neither."), code="live_invalid")
    if details.live_opens_at and details.live_closes_at and details.live_closes_at <= details.live_opens_at:
        raise DomainError(_("The live window must end after it starts."), code="live_invalid")
    _check_links(details, consultation)


def bands_needing_consent(age_bands: list[str]) -> list[str]:
    """The age groups whose youngest children are under ``CWGCOP_CONSULTATION_CONSENT_AGE``."""
    age = int(settings.CWGCOP_CONSULTATION_CONSENT_AGE)
    return [band for band in age_bands if band in AgeBand.values and AgeBand(band).youngest < age]


def _check_consent_route(age_bands: list[str], consent_required_bands: list[str]) -> None:
    """Children under the age of digital consent answer only through a group code: a session run by a school, a
    helpline or a youth organisation that has their parents' or carers' consent. It is not optional."""
    missing = [band for band in bands_needing_consent(age_bands) if band not in consent_required_bands]
    if missing:
        raise DomainError(
            _(
                "Children in %(bands)s are under %(age)s: they may answer only with a group code from a session "
                "that has their parents' or carers' consent. Require a group code for these age groups."
            )
            % {
                "bands": formatting.join_list([str(AgeBand(band).label) for band in missing]),
                "age": settings.CWGCOP_CONSULTATION_CONSENT_AGE,
            },
            code="consent_route_missing",
        )


def _check_links(details: ConsultationDetails, consultation: Consultation | None) -> None:
    """The meeting, the short name, and what may no longer change once children answer."""
    if details.meeting is not None and details.meeting.body_id != details.body.pk:
        raise DomainError(_("Choose a meeting of the same body."), code="meeting_invalid")
    if details.slug in RESERVED_SLUGS:
        raise DomainError(_("This short name is reserved: choose another one."), code="slug_reserved")
    taken = Consultation.objects.filter(slug=details.slug)
    if consultation is not None:
        taken = taken.exclude(pk=consultation.pk)
    if taken.exists():
        raise DomainError(_("Another consultation already has this short name."), code="slug_taken")
    if consultation is not None and consultation.published_at is not None:
        for name in SETTINGS_FIELDS:
            if sorted(getattr(details, name)) != sorted(getattr(consultation, name)):
                raise DomainError(
                    _("Languages and age groups cannot change once the consultation is open."), code="published"
                )


def _apply(consultation: Consultation, details: ConsultationDetails) -> None:
    for name in DETAIL_FIELDS:
        setattr(consultation, name, getattr(details, name))
    for name in TEXT_FIELDS:
        set_translations(consultation, name, details.texts.get(name), replace=True)


@transaction.atomic
def create_consultation(*, actor: Actor, details: ConsultationDetails) -> Consultation:
    """A draft consultation: nobody sees it until it is published."""
    _check_details(details, None)
    consultation = Consultation()
    _apply(consultation, details)
    consultation.save()
    audit.record(actor=actor, action=ConsultationAction.CREATE, instance=consultation)
    return consultation


@transaction.atomic
def update_consultation(*, actor: Actor, consultation: Consultation, details: ConsultationDetails) -> Consultation:
    """Change what the secretariat wrote. Once open, languages and age groups stay, and texts stay complete."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.archived_at is not None:
        raise DomainError(_("An archived consultation cannot change."), code="archived")
    _check_details(details, consultation)
    before = audit.snapshot(consultation)
    _apply(consultation, details)
    if consultation.published_at is not None:
        _require_complete(consultation)
    consultation.save()
    audit.record(actor=actor, action=ConsultationAction.UPDATE, instance=consultation, before=before)
    bump_archive_generation()
    return consultation


def _editable(consultation: Consultation) -> None:
    if consultation.published_at is not None:
        raise DomainError(
            _("Questions cannot change once the consultation is published: answers refer to them."),
            code="published",
        )


def _check_question(kind: str, texts: dict[str, str], choices: list[dict[str, str]]) -> None:
    if kind not in QuestionKind.values:
        raise DomainError(_("Choose the kind of question."), code="kind_invalid")
    if not any((t or "").strip() for t in texts.values()):
        raise DomainError(_("Write the question."), code="question_missing")
    needs_choices = kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE}
    if needs_choices and len(choices) < 2:
        raise DomainError(_("A choice question needs at least two choices."), code="choices_missing")
    if not needs_choices and choices:
        raise DomainError(_("Only choice questions have choices."), code="choices_invalid")


def _replace_choices(question: Question, choices: list[dict[str, str]]) -> None:
    question.choices.all().delete()
    for order, labels in enumerate(choices, start=1):
        choice = Choice(question=question, order=order)
        set_translations(choice, "label", labels, replace=True)
        choice.save()


@transaction.atomic
def add_question(
    *,
    actor: Actor,
    consultation: Consultation,
    kind: str,
    texts: dict[str, str],
    choices: list[dict[str, str]] | None = None,
    required: bool = False,
) -> Question:
    """A question at the end of the list; ``choices`` gives each choice's label per language."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    _editable(consultation)
    choices = choices or []
    _check_question(kind, texts, choices)
    last = consultation.questions.aggregate(last=Max("order"))["last"] or 0
    question = Question(consultation=consultation, order=last + 1, kind=kind, required=required)
    set_translations(question, "text", texts, replace=True)
    question.save()
    _replace_choices(question, choices)
    audit.record(actor=actor, action=ConsultationAction.QUESTION_ADD, instance=question)
    return question


@transaction.atomic
def update_question(
    *,
    actor: Actor,
    question: Question,
    kind: str,
    texts: dict[str, str],
    choices: list[dict[str, str]] | None = None,
    required: bool = False,
) -> Question:
    _editable(question.consultation)
    choices = choices or []
    _check_question(kind, texts, choices)
    before = audit.snapshot(question)
    question.kind = kind
    question.required = required
    set_translations(question, "text", texts, replace=True)
    question.save()
    _replace_choices(question, choices)
    audit.record(actor=actor, action=ConsultationAction.QUESTION_UPDATE, instance=question, before=before)
    return question


@transaction.atomic
def delete_question(*, actor: Actor, question: Question) -> None:
    _editable(question.consultation)
    audit.record(actor=actor, action=ConsultationAction.QUESTION_DELETE, instance=question)
    consultation = question.consultation
    question.delete()
    for order, remaining in enumerate(consultation.questions.order_by("order"), start=1):
        if remaining.order != order:
            remaining.order = order
            remaining.save(update_fields=["order"])


@transaction.atomic
def create_group_code(
    *, actor: Actor, consultation: Consultation, label: str, facilitator: str = "", facilitator_contact: str = ""
) -> tuple[GroupCode, str]:
    """A code for a school or helpline that runs a session. Returned once; only its hash is kept.

    The facilitator's name and contact are what the safeguarding lead uses to reach a child of the group; only
    the lead sees them (on a case), and the audit entry keeps the label only.
    """
    if not label.strip():
        raise DomainError(_("Say who runs the session."), code="label_missing")
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _unused in range(8))
    code = f"{raw[:4]}-{raw[4:]}"
    group = GroupCode.objects.create(
        consultation=consultation,
        label=label.strip(),
        facilitator=facilitator.strip(),
        facilitator_contact=facilitator_contact.strip(),
        code_hash=hash_code(code),
    )
    audit.record(actor=actor, action=ConsultationAction.GROUP_CODE, instance=group, after={"label": group.label})
    return group, code


@transaction.atomic
def deactivate_group_code(*, actor: Actor, group: GroupCode) -> GroupCode:
    """Answers already given with the code still count; new ones with it are refused."""
    group.active = False
    group.save(update_fields=["active"])
    audit.record(actor=actor, action=ConsultationAction.GROUP_CODE_OFF, instance=group, after={"active": False})
    return group


def missing_translations(consultation: Consultation) -> list[str]:
    """What still needs writing before the consultation may open, per enabled language."""
    missing: list[str] = []
    labels = {"title": _("title"), "introduction": _("introduction"), "privacy_notice": _("privacy notice")}
    questions = list(consultation.questions.prefetch_related("choices"))
    for language in consultation.languages:
        suffix = field_suffix(language)
        found = [
            labels[name] for name in TEXT_FIELDS if not (getattr(consultation, f"{name}_{suffix}", "") or "").strip()
        ]
        for question in questions:
            if not (getattr(question, f"text_{suffix}", "") or "").strip():
                found.append(_("question %(number)s") % {"number": question.order})
            for choice in question.choices.all():
                if not (getattr(choice, f"label_{suffix}", "") or "").strip():
                    found.append(
                        _("question %(number)s, choice %(choice)s") % {"number": question.order, "choice": choice.order}
                    )
        missing.extend(f"{language}: {item}" for item in found)
    return missing


def _require_complete(consultation: Consultation) -> None:
    missing = missing_translations(consultation)
    if missing:
        shown = "; ".join(missing[:12]) + ("; …" if len(missing) > 12 else "")
        raise DomainError(
            _("The consultation cannot open before every language is complete. Missing: %(missing)s.")
            % {"missing": shown},
            code="translations_missing",
        )


@transaction.atomic
def publish(*, actor: Actor, consultation: Consultation) -> Consultation:
    """Open the consultation for answers in its windows.

    Every enabled language must be complete, and the body must have a named safeguarding lead: a child who
    discloses harm is never left without someone to act.
    """
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.published_at is not None:
        raise DomainError(_("The consultation is already published."), code="published")
    if not consultation.questions.exists():
        raise DomainError(_("Add at least one question first."), code="no_questions")
    _require_complete(consultation)
    _check_consent_route(consultation.age_bands, consultation.consent_required_bands)
    if consultation.consent_required_bands and not consultation.group_codes.filter(active=True).exists():
        raise DomainError(
            _(
                "Some age groups answer only with a group code: create the group code of at least one session "
                "with consent (a school, a helpline) before the consultation opens."
            ),
            code="consent_route_missing",
        )
    if safeguarding_lead(consultation) is None:
        raise DomainError(
            _("Name a safeguarding lead for this body before the consultation opens (Roles page)."),
            code="no_safeguarding_lead",
        )
    consultation.published_at = timezone.now()
    consultation.save(update_fields=["published_at"])
    audit.record(actor=actor, action=ConsultationAction.PUBLISH, instance=consultation, after={"published": True})
    bump_archive_generation()
    return consultation


@transaction.atomic
def publish_feedback(*, actor: Actor, consultation: Consultation, texts: dict[str, str]) -> Consultation:
    """Publish (or correct) "you said, we did": what the group did with the views, in every offered language.

    Receipt codes open it, and it is public.
    """
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.published_at is None or not consultation.has_closed():
        raise DomainError(
            _("Write back to the children once the consultation has closed."), code="consultation_not_closed"
        )
    missing = [code for code in consultation.languages if not (texts.get(code) or "").strip()]
    if missing:
        raise DomainError(
            _("Write what the group did with the views in every language of the consultation. Missing: %(missing)s.")
            % {"missing": ", ".join(missing)},
            code="feedback_missing",
        )
    set_translations(consultation, "feedback", texts)
    consultation.feedback_published_at = consultation.feedback_published_at or timezone.now()
    fields = [f"feedback_{field_suffix(code)}" for code in Language.values] + ["feedback_published_at"]
    consultation.save(update_fields=fields)
    audit.record(actor=actor, action=ConsultationAction.FEEDBACK, instance=consultation, after={"feedback": True})
    bump_archive_generation()
    return consultation


@transaction.atomic
def archive(*, actor: Actor, consultation: Consultation) -> Consultation:
    """Take the consultation off the secretariat's working list. Its public pages stay."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.feedback_published_at is None:
        raise DomainError(
            _("Publish the “you said, we did” page before archiving: the children who took part are waiting for it."),
            code="feedback_missing",
        )
    if consultation.archived_at is not None:
        raise DomainError(_("The consultation is already archived."), code="archived")
    consultation.archived_at = timezone.now()
    consultation.save(update_fields=["archived_at"])
    audit.record(actor=actor, action=ConsultationAction.ARCHIVE, instance=consultation, after={"archived": True})
    bump_archive_generation()
    return consultation


def _kept_results(consultation: Consultation) -> dict[str, Any]:
    from cwgcop.consultations import results

    kept = {}
    for language in consultation.languages:
        with override(language):
            data = results.public_results(consultation)
        data["quotes"] = []
        kept[language] = data
    return kept


@transaction.atomic
def delete_expired_answers(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Hard-delete the raw answers of consultations that closed more than ``days`` ago.

    The period runs from the close (the later of the main and the live window), whether or not "you said, we
    did" is written yet. The public results (suppressed aggregates, no quotes) are kept first; the answers'
    words leave every sharing package with them (a package quotes answers, it holds no copy). An answer whose
    safeguarding case is still open is kept until the lead closes the case; the next run deletes it. Sharing
    packages whose link has expired lose their content too. Returns how many responses were deleted. Run
    daily: ``cwgcop delete_expired_consultation_answers``.
    """
    from cwgcop.consultations.services.sharing import purge_expired_packages

    now = now or timezone.now()
    days = settings.CWGCOP_CONSULTATION_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    due = Consultation.objects.select_for_update().filter(
        Q(live_closes_at__isnull=True) | Q(live_closes_at__lt=cutoff),
        published_at__isnull=False,
        closes_at__lt=cutoff,
        answers_deleted_at__isnull=True,
    )
    count = 0
    for consultation in due:
        if not consultation.kept_results:
            consultation.kept_results = _kept_results(consultation)
        open_cases = Response.objects.filter(
            consultation=consultation, answers__case__isnull=False, answers__case__status__in=CASE_STILL_OPEN
        )
        expired = Response.objects.filter(consultation=consultation).exclude(pk__in=open_cases)
        deleted = expired.count()
        expired.delete()
        count += deleted
        if not open_cases.exists():
            consultation.answers_deleted_at = now
        consultation.save(update_fields=["kept_results", "answers_deleted_at"])
        audit.record(
            actor=None, action=ConsultationAction.DELETE_ANSWERS, instance=consultation, after={"deleted": deleted}
        )
    purge_expired_packages(now=now)
    if count:
        bump_archive_generation()
    return count


CASE_STILL_OPEN = [CaseStatus.OPEN, CaseStatus.IN_PROGRESS]
