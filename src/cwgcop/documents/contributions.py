"""Contributions and information documents that members submit, and the secretariat's queue.

A member submits to a meeting that accepts contributions; before the meeting's deadline the submission is
accepted (status *submitted*), after it only the meeting body's secretariat may still submit (marked
*late*). The secretariat publishes a submission — it then gets the next symbol of its meeting's series —
or returns it with a reason; a returned submission is a draft again that its submitter may correct and
submit again. The submitter is e-mailed at each step, in their own language.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Organization
from cwgcop.core import audit
from cwgcop.core.actors import Actor, actor_may, is_signed_in
from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import long_date
from cwgcop.core.languages import LANGUAGE_ORDER
from cwgcop.documents import notifications, services, storage
from cwgcop.documents.enums import DocumentAction, DocumentKind, DocumentStatus
from cwgcop.documents.models import Document, DocumentFile, DocumentRevision
from cwgcop.documents.symbols import allocate_symbol, provisional_symbol
from cwgcop.documents.validators import check_upload
from cwgcop.meetings.enums import MeetingStatus
from cwgcop.meetings.models import Meeting

SUBMITTABLE_KINDS = (DocumentKind.CONTRIBUTION, DocumentKind.INFORMATION)
ACCEPTING_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.OPEN)
SUBMISSION_FIELDS = ["symbol", "status", "submitted_at", "late", "returned_at", "return_reason"]


@dataclass(frozen=True)
class LanguageVersion:
    """One uploaded file and the language it is written in."""

    language: str
    name: str
    size: int
    stream: IO[bytes]


def accepts_contributions(meeting: Meeting, today: datetime.date | None = None) -> bool:
    """Whether ``meeting`` is still ahead and open: planned or open for contributions, not yet over."""
    today = today or timezone.localdate()
    return meeting.status in ACCEPTING_STATUSES and meeting.end_date >= today


def deadline_passed(meeting: Meeting, now: datetime.datetime | None = None) -> bool:
    deadline = meeting.contribution_deadline
    return deadline is not None and (now or timezone.now()) > deadline


def _check_meeting(actor: Actor, meeting: Meeting) -> None:
    """Members submit to a meeting still ahead; the body's secretariat files documents for any meeting it held
    or will hold (a past meeting's papers are entered after it), never for a cancelled one."""
    if actor_may(actor, "documents.accept_late_submission", meeting.body):
        accepted = meeting.status != MeetingStatus.CANCELLED
    else:
        accepted = accepts_contributions(meeting)
    if not accepted:
        raise DomainError(
            _("%(meeting)s does not accept contributions: it is over, cancelled or closed.")
            % {"meeting": meeting.code},
            code="meeting_closed",
        )


def _moment(value: datetime.datetime) -> str:
    """``15 September 2025 23:59 CEST``: the day, time and time zone of the platform (Geneva)."""
    local = timezone.localtime(value)
    return f"{long_date(local.date())} {local:%H:%M} {local.tzname() or ''}".strip()


def _lateness(actor: Actor, meeting: Meeting) -> bool:
    """Whether a submission now is late; refuses it when the actor may not submit late."""
    deadline = meeting.contribution_deadline
    if deadline is None or not deadline_passed(meeting):
        return False
    if actor_may(actor, "documents.accept_late_submission", meeting.body):
        return True
    raise DomainError(
        _(
            "The deadline for contributions to %(meeting)s was %(deadline)s. It has passed, so the platform "
            "cannot accept your submission. Only the secretariat can still accept a late contribution: "
            "write to it if yours cannot wait."
        )
        % {"meeting": meeting.code, "deadline": _moment(deadline)},
        code="deadline_passed",
    )


def _check_versions(versions: Sequence[LanguageVersion]) -> None:
    if not versions:
        raise DomainError(
            _("A submission needs at least one file: upload the document in at least one language."),
            code="files_missing",
        )
    languages = [v.language for v in versions]
    unknown = sorted(set(languages) - set(LANGUAGE_ORDER))
    if unknown:
        raise DomainError(_("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)}, code="language_invalid")
    if len(set(languages)) != len(languages):
        raise DomainError(_("Upload one file per language."), code="language_repeated")
    # Every file is checked before anything is stored, so a bad second file leaves nothing behind.
    for version in versions:
        check_upload(version.name, version.size, version.stream)


def submit_contribution(
    *,
    actor: Actor,
    meeting: Meeting,
    kind: str,
    titles: dict[str, str],
    original_language: str,
    versions: Sequence[LanguageVersion],
    sources: Iterable[Organization] = (),
) -> Document:
    """Submit a contribution or information document with its language versions to ``meeting``.

    All-or-nothing: every file is checked first; any refusal leaves no document, file or audit entry.
    Side effect after commit: the submitter is e-mailed that the secretariat received it.
    """
    if not actor_may(actor, "documents.submit_contribution", meeting):
        raise PermissionDenied
    if kind not in SUBMITTABLE_KINDS:
        raise DomainError(_("Members submit contributions and information documents only."), code="kind_invalid")
    _check_meeting(actor, meeting)
    late = _lateness(actor, meeting)
    _check_versions(versions)
    with storage.swept(), transaction.atomic():
        document = services.create_document(
            actor=actor,
            body=meeting.body,
            meeting=meeting,
            kind=kind,
            titles=titles,
            original_language=original_language,
            symbol=provisional_symbol(),
            sources=sources,
        )
        for version in versions:
            services.add_file(
                actor=actor,
                document=document,
                language=version.language,
                name=version.name,
                size=version.size,
                stream=version.stream,
            )
        _mark_submitted(actor=actor, document=document, late=late, action=DocumentAction.SUBMIT)
    return document


def _mark_submitted(*, actor: Actor, document: Document, late: bool, action: DocumentAction) -> None:
    before = audit.snapshot(document, SUBMISSION_FIELDS)
    document.status = DocumentStatus.SUBMITTED
    document.submitted_at = timezone.now()
    document.late = late
    document.save(update_fields=["status", "submitted_at", "late", "updated_at"])
    audit.record(actor=actor, action=action, instance=document, before=before, fields=SUBMISSION_FIELDS)
    notifications.on_commit(notifications.SUBMISSION_RECEIVED, document.pk)


@transaction.atomic
def change_returned_file(
    *, actor: Actor, document: Document, language: str, name: str, size: int, stream: IO[bytes]
) -> DocumentFile:
    """Add or replace a language version of a returned submission (its submitter, before submitting it again).

    The document is locked first, so a submission that the secretariat is publishing or that its submitter is
    sending again at the same moment cannot change under them. The upload is checked and stored as
    ``services.add_file`` does, which leaves nothing behind when it refuses.
    """
    with transaction.atomic():
        document = Document.objects.select_for_update(of=("self",)).get(pk=document.pk)
        if not is_signed_in(actor) or document.created_by_id != actor.pk:
            raise PermissionDenied
        if document.status != DocumentStatus.DRAFT or document.returned_at is None:
            raise DomainError(_("Only a returned submission can be changed."), code="not_returned")
        return services.add_file(actor=actor, document=document, language=language, name=name, size=size, stream=stream)


def resubmit_contribution(*, actor: Actor, document: Document) -> Document:
    """Submit again a returned submission (its submitter, after correcting it). The deadline applies again."""
    document = Document.objects.select_for_update(of=("self",)).select_related("meeting", "body").get(pk=document.pk)
    if not is_signed_in(actor) or document.created_by_id != actor.pk:
        raise PermissionDenied
    if document.status != DocumentStatus.DRAFT or document.meeting is None:
        raise DomainError(_("Only a returned submission can be submitted again."), code="not_returned")
    _check_meeting(actor, document.meeting)
    late = _lateness(actor, document.meeting)
    pending = document.revisions.filter(published_at__isnull=True).first()
    if pending is None or not pending.files.exists():
        raise DomainError(
            _("A submission needs at least one file: upload the document in at least one language."),
            code="files_missing",
        )
    _mark_submitted(actor=actor, document=document, late=late, action=DocumentAction.RESUBMIT)
    return document


def _reviewable(actor: Actor, document: Document) -> Document:
    document = (
        Document.objects.select_for_update(of=("self",))
        .select_related("meeting", "meeting__body", "body")
        .get(pk=document.pk)
    )
    if not actor_may(actor, "documents.review_submissions", document.body):
        raise PermissionDenied
    if document.status != DocumentStatus.SUBMITTED:
        raise DomainError(
            _("This submission is no longer waiting: it was already published, returned or withdrawn."),
            code="not_submitted",
        )
    return document


@transaction.atomic
def publish_submission(*, actor: Actor, document: Document) -> DocumentRevision:
    """Give the submission the next symbol of its meeting's series and publish it.

    Safe under concurrency: the document row and the series counter are locked until commit. Side effects
    after commit: public pages go stale, search indexes it, the submitter is e-mailed.
    """
    document = _reviewable(actor, document)
    if document.meeting is None:
        raise DomainError(_("A submission belongs to a meeting."), code="meeting_missing")
    before = audit.snapshot(document, SUBMISSION_FIELDS)
    document.symbol = allocate_symbol(meeting=document.meeting, kind=document.kind)
    document.save(update_fields=["symbol", "updated_at"])
    audit.record(actor=actor, action=DocumentAction.NUMBER, instance=document, before=before, fields=SUBMISSION_FIELDS)
    revision = services.publish_document(actor=actor, document=document)
    notifications.on_commit(notifications.SUBMISSION_PUBLISHED, document.pk)
    return revision


@transaction.atomic
def return_submission(*, actor: Actor, document: Document, reason: str) -> Document:
    """Send a submission back to its submitter with a reason; it becomes a draft they can correct."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Say why the submission is returned: the submitter reads it."), code="reason_missing")
    document = _reviewable(actor, document)
    before = audit.snapshot(document, SUBMISSION_FIELDS)
    document.status = DocumentStatus.DRAFT
    document.returned_at = timezone.now()
    document.return_reason = reason[:2000]
    document.save(update_fields=["status", "returned_at", "return_reason", "updated_at"])
    audit.record(actor=actor, action=DocumentAction.RETURN, instance=document, before=before, fields=SUBMISSION_FIELDS)
    notifications.on_commit(notifications.SUBMISSION_RETURNED, document.pk)
    return document
