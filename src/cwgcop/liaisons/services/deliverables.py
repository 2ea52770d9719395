"""Every change to deliverables and their milestones (the workplan is public: each change bumps the cache)."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import translated
from cwgcop.core.translated_fields import set_translations
from cwgcop.documents.models import Document
from cwgcop.liaisons.enums import LiaisonAction, MilestoneStatus
from cwgcop.liaisons.models import Deliverable, Milestone
from cwgcop.liaisons.services._common import TITLE_MISSING, check_publishable_document
from cwgcop.meetings.models import Meeting

MILESTONE_FIELDS = ("position", "title", "body_id", "meeting_id", "due_date", "status", "document_id", "achieved_on")


@transaction.atomic
def create_deliverable(
    *,
    actor: Actor,
    owner: Body,
    titles: dict[str, str],
    descriptions: dict[str, str] | None = None,
    slug: str = "",
) -> Deliverable:
    """A new tracked deliverable owned by ``owner``; its address is ``slug`` (made from the title if empty)."""
    deliverable = Deliverable(owner=owner)
    set_translations(deliverable, "title", titles, required=True, refusal=TITLE_MISSING)
    set_translations(deliverable, "description", descriptions or {})
    # From the English title (else another), whatever language the page is in: addresses stay in Latin letters.
    deliverable.slug = slugify(slug or translated(deliverable, "title", "en"))[:80]
    if not deliverable.slug:
        raise DomainError(_("Give the deliverable a short address in Latin letters."), code="slug_missing")
    if Deliverable.objects.filter(slug=deliverable.slug).exists():
        raise DomainError(
            _("A deliverable with the address “%(slug)s” already exists.") % {"slug": deliverable.slug},
            code="slug_taken",
        )
    try:
        with transaction.atomic():
            deliverable.save()
    except IntegrityError as exc:
        raise DomainError(
            _("A deliverable with the address “%(slug)s” already exists.") % {"slug": deliverable.slug},
            code="slug_taken",
        ) from exc
    audit.record(actor=actor, action=LiaisonAction.DELIVERABLE_CREATE, instance=deliverable)
    bump_archive_generation()
    return deliverable


@transaction.atomic
def update_deliverable(
    *,
    actor: Actor,
    deliverable: Deliverable,
    titles: dict[str, str] | None = None,
    descriptions: dict[str, str] | None = None,
    owner: Body | None = None,
) -> Deliverable:
    deliverable = Deliverable.objects.select_for_update().get(pk=deliverable.pk)
    before = audit.snapshot(deliverable)
    if titles is not None:
        set_translations(deliverable, "title", titles, required=True, refusal=TITLE_MISSING)
    if descriptions is not None:
        set_translations(deliverable, "description", descriptions)
    if owner is not None:
        deliverable.owner = owner
    deliverable.save()
    audit.record(actor=actor, action=LiaisonAction.DELIVERABLE_UPDATE, instance=deliverable, before=before)
    bump_archive_generation()
    return deliverable


def _check_milestone(milestone: Milestone) -> None:
    if milestone.status not in MilestoneStatus.values:
        raise DomainError(_("Unknown milestone status."), code="status_invalid")
    meeting = milestone.meeting
    if meeting is not None and meeting.body_id != milestone.body_id:
        raise DomainError(
            _("%(meeting)s is not a meeting of %(body)s.") % {"meeting": meeting, "body": milestone.body},
            code="meeting_body_mismatch",
        )
    if milestone.document is not None:
        check_publishable_document(milestone.document)
    if milestone.status == MilestoneStatus.ACHIEVED and milestone.achieved_on is None:
        milestone.achieved_on = timezone.localdate()
    if milestone.status != MilestoneStatus.ACHIEVED:
        milestone.achieved_on = None
    if milestone.due_date is None and meeting is not None:
        milestone.due_date = meeting.start_date


@transaction.atomic
def add_milestone(
    *,
    actor: Actor,
    deliverable: Deliverable,
    titles: dict[str, str],
    body: Body,
    meeting: Meeting | None = None,
    due_date: datetime.date | None = None,
    status: str = MilestoneStatus.PLANNED,
    document: Document | None = None,
    achieved_on: datetime.date | None = None,
) -> Milestone:
    """Append a stop to the deliverable's route. A meeting must belong to the milestone's body."""
    deliverable = Deliverable.objects.select_for_update().get(pk=deliverable.pk)
    last = deliverable.milestones.aggregate(last=Max("position"))["last"] or 0
    milestone = Milestone(
        deliverable=deliverable,
        position=last + 1,
        body=body,
        meeting=meeting,
        due_date=due_date,
        status=status,
        document=document,
        achieved_on=achieved_on,
    )
    set_translations(milestone, "title", titles, required=True, refusal=TITLE_MISSING)
    _check_milestone(milestone)
    milestone.save()
    audit.record(actor=actor, action=LiaisonAction.MILESTONE_CREATE, instance=milestone, fields=MILESTONE_FIELDS)
    bump_archive_generation()
    return milestone


_UNSET: Any = object()


@transaction.atomic
def update_milestone(
    *,
    actor: Actor,
    milestone: Milestone,
    titles: dict[str, str] | None = None,
    body: Body | None = None,
    meeting: Meeting | None = _UNSET,
    due_date: datetime.date | None = _UNSET,
    status: str | None = None,
    document: Document | None = _UNSET,
    achieved_on: datetime.date | None = _UNSET,
) -> Milestone:
    """Change a milestone; arguments left out keep their value (``None`` clears a meeting, date or document).

    Marking it *achieved* records the day (today unless given) and, usually, the document that fulfilled it,
    which must be a published document of the archive.
    """
    milestone = (
        Milestone.objects.select_for_update(of=("self",)).select_related("meeting", "document").get(pk=milestone.pk)
    )
    before = audit.snapshot(milestone, MILESTONE_FIELDS)
    if titles is not None:
        set_translations(milestone, "title", titles, required=True, refusal=TITLE_MISSING)
    if body is not None:
        milestone.body = body
    if meeting is not _UNSET:
        milestone.meeting = meeting
    if due_date is not _UNSET:
        milestone.due_date = due_date
    if status is not None:
        milestone.status = status
    if document is not _UNSET:
        milestone.document = document
    if achieved_on is not _UNSET:
        milestone.achieved_on = achieved_on
    _check_milestone(milestone)
    milestone.save()
    audit.record(
        actor=actor, action=LiaisonAction.MILESTONE_UPDATE, instance=milestone, before=before, fields=MILESTONE_FIELDS
    )
    bump_archive_generation()
    return milestone
