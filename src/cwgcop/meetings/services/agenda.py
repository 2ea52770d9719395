"""The agenda of a meeting: the secretariat drafts its items, the chair adopts it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.translated_fields import set_translations
from cwgcop.meetings.citations import CitedDocument
from cwgcop.meetings.enums import AgendaStatus, MeetingAction, MeetingStatus
from cwgcop.meetings.models import AgendaItem, Meeting


def _lock_draft(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    if meeting.agenda_status == AgendaStatus.ADOPTED:
        raise DomainError(
            _("The agenda of %(meeting)s is adopted: the chair must reopen it before it changes.")
            % {"meeting": meeting.code},
            code="agenda_adopted",
        )
    return meeting


def _item_state(item: AgendaItem) -> dict[str, Any]:
    return {**audit.snapshot(item), "documents": sorted(d.pk for d in item.documents.all())}


def _set_documents(item: AgendaItem, documents: Iterable[CitedDocument]) -> None:
    documents = list(documents)
    if any(d.body_id != item.meeting.body_id for d in documents):
        raise DomainError(_("An agenda item can only list documents of its own body."), code="document_body_mismatch")
    item.documents.set(documents)


def _check_titles(titles: dict[str, str]) -> None:
    if not any((t or "").strip() for t in titles.values()):
        raise DomainError(_("An agenda item needs a title in at least one language."), code="title_missing")


@transaction.atomic
def add_agenda_item(
    *, actor: Actor, meeting: Meeting, titles: dict[str, str], documents: Iterable[CitedDocument] = ()
) -> AgendaItem:
    """Append an item to a draft agenda."""
    meeting = _lock_draft(meeting)
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(_("%(meeting)s was cancelled.") % {"meeting": meeting.code}, code="meeting_cancelled")
    _check_titles(titles)
    last = AgendaItem.objects.filter(meeting=meeting).aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem(meeting=meeting, position=last + 1)
    set_translations(item, "title", titles)
    item.save()
    _set_documents(item, documents)
    audit.record(actor=actor, action=MeetingAction.AGENDA_ITEM_CREATE, instance=item, after=_item_state(item))
    bump_archive_generation()
    return item


@transaction.atomic
def update_agenda_item(
    *,
    actor: Actor,
    item: AgendaItem,
    titles: dict[str, str] | None = None,
    documents: Iterable[CitedDocument] | None = None,
) -> AgendaItem:
    """Change an item of a draft agenda: its titles and the documents it lists."""
    _lock_draft(item.meeting)
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    before = _item_state(item)
    if titles is not None:
        _check_titles(titles)
        set_translations(item, "title", titles)
        item.save()
    if documents is not None:
        _set_documents(item, documents)
    audit.record(
        actor=actor, action=MeetingAction.AGENDA_ITEM_UPDATE, instance=item, before=before, after=_item_state(item)
    )
    bump_archive_generation()
    return item


def _renumber(meeting: Meeting) -> None:
    for position, item in enumerate(AgendaItem.objects.filter(meeting=meeting).order_by("position", "id"), start=1):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def remove_agenda_item(*, actor: Actor, item: AgendaItem) -> None:
    """Take an item off a draft agenda; the items after it move up."""
    meeting = _lock_draft(item.meeting)
    before = _item_state(item)
    audit.record(actor=actor, action=MeetingAction.AGENDA_ITEM_DELETE, instance=item, before=before, after={})
    item.delete()
    _renumber(meeting)
    bump_archive_generation()


@transaction.atomic
def move_agenda_item(*, actor: Actor, item: AgendaItem, direction: Literal["up", "down"]) -> AgendaItem:
    """Swap an item with the one before (``up``) or after it (``down``)."""
    meeting = _lock_draft(item.meeting)
    _renumber(meeting)
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if direction == "up" else index + 1
    if not 0 <= target < len(items):
        return items[index]
    moved, other = items[index], items[target]
    moved.position, other.position = other.position, moved.position
    moved.save(update_fields=["position"])
    other.save(update_fields=["position"])
    audit.record(
        actor=actor,
        action=MeetingAction.AGENDA_ITEM_MOVE,
        instance=moved,
        before={"position": other.position},
        after={"position": moved.position},
    )
    bump_archive_generation()
    return moved


@transaction.atomic
def adopt_agenda(*, actor: Actor, meeting: Meeting) -> Meeting:
    """The chair adopts the meeting's agenda; its items are frozen until it is reopened."""
    meeting = _lock_draft(meeting)
    if not AgendaItem.objects.filter(meeting=meeting).exists():
        raise DomainError(_("An agenda needs at least one item before it is adopted."), code="agenda_empty")
    before = audit.snapshot(meeting, ["agenda_status", "agenda_adopted_at", "agenda_adopted_by_id"])
    meeting.agenda_status = AgendaStatus.ADOPTED
    meeting.agenda_adopted_at = timezone.now()
    meeting.agenda_adopted_by = signed_in_or_none(actor)
    meeting.save(update_fields=["agenda_status", "agenda_adopted_at", "agenda_adopted_by", "updated_at"])
    after = audit.snapshot(meeting, ["agenda_status", "agenda_adopted_at", "agenda_adopted_by_id"])
    audit.record(actor=actor, action=MeetingAction.AGENDA_ADOPT, instance=meeting, before=before, after=after)
    bump_archive_generation()
    return meeting


@transaction.atomic
def reopen_agenda(*, actor: Actor, meeting: Meeting) -> Meeting:
    """The chair puts an adopted agenda back to draft so that it can be amended."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.agenda_status != AgendaStatus.ADOPTED:
        raise DomainError(_("The agenda is still a draft."), code="agenda_draft")
    before = audit.snapshot(meeting, ["agenda_status", "agenda_adopted_at", "agenda_adopted_by_id"])
    meeting.agenda_status = AgendaStatus.DRAFT
    meeting.agenda_adopted_at = None
    meeting.agenda_adopted_by = None
    meeting.save(update_fields=["agenda_status", "agenda_adopted_at", "agenda_adopted_by", "updated_at"])
    after = audit.snapshot(meeting, ["agenda_status", "agenda_adopted_at", "agenda_adopted_by_id"])
    audit.record(actor=actor, action=MeetingAction.AGENDA_REOPEN, instance=meeting, before=before, after=after)
    bump_archive_generation()
    return meeting
