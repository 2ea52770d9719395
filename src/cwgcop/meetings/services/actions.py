"""Action items: raised from an outcome, carried forward while open, closed with their evidence."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body, Organization
from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.translated_fields import set_translations
from cwgcop.meetings.citations import CitedDocument, archive
from cwgcop.meetings.enums import OPEN_MEETING_STATUSES, ActionOwnerKind, ActionStatus, MeetingAction, MeetingStatus
from cwgcop.meetings.models import ActionItem, CarriedAction, Meeting, Outcome


def _owner(
    owner_kind: str, organization: Organization | None, body: Body | None
) -> tuple[Organization | None, Body | None]:
    if owner_kind == ActionOwnerKind.SECRETARIAT:
        return None, None
    if owner_kind == ActionOwnerKind.ORGANIZATION:
        if organization is None:
            raise DomainError({"owner_organization": _("Choose the organisation that owns the action.")})
        return organization, None
    if owner_kind == ActionOwnerKind.BODY:
        if body is None:
            raise DomainError({"owner_body": _("Choose the body that owns the action.")})
        return None, body
    raise DomainError({"owner_kind": _("Choose who owns the action.")}, code="owner_invalid")


def _check_descriptions(descriptions: dict[str, str]) -> None:
    if not any((t or "").strip() for t in descriptions.values()):
        raise DomainError(_("Say what is to be done, in at least one language."), code="description_missing")


def _carry_to_open_meetings(actor: Actor, item: ActionItem) -> None:
    """An item raised (or recorded late) after a later meeting already opened goes onto that meeting too."""
    later = Meeting.objects.filter(
        body_id=item.meeting.body_id, number__gt=item.meeting.number, status__in=OPEN_MEETING_STATUSES
    )
    for meeting in later:
        carry_forward_open_actions(actor=actor, meeting=meeting)


@transaction.atomic
def raise_action_item(
    *,
    actor: Actor,
    outcome: Outcome,
    descriptions: dict[str, str],
    owner_kind: str = ActionOwnerKind.SECRETARIAT,
    owner_organization: Organization | None = None,
    owner_body: Body | None = None,
    due_date: datetime.date | None = None,
) -> ActionItem:
    """Raise an action item from ``outcome``. Without ``due_date`` it is due at the body's next meeting.

    Items are numbered per meeting (``CWG-COP-21/A1``, ``/A2``…). If a later meeting of the body is
    already open, the new item is carried forward to it at once.
    """
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=outcome.meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(_("%(meeting)s was cancelled.") % {"meeting": meeting.code}, code="meeting_cancelled")
    _check_descriptions(descriptions)
    organization, body = _owner(owner_kind, owner_organization, owner_body)
    last = ActionItem.objects.filter(meeting=meeting).aggregate(last=Max("number"))["last"] or 0
    item = ActionItem(
        outcome=outcome,
        meeting=meeting,
        number=last + 1,
        owner_kind=owner_kind,
        owner_organization=organization,
        owner_body=body,
        due_date=due_date,
    )
    set_translations(item, "description", descriptions)
    item.save()
    audit.record(actor=actor, action=MeetingAction.ACTION_ITEM_CREATE, instance=item)
    _carry_to_open_meetings(actor, item)
    bump_archive_generation()
    return item


@transaction.atomic
def update_action_item(
    *,
    actor: Actor,
    item: ActionItem,
    descriptions: dict[str, str] | None = None,
    owner_kind: str | None = None,
    owner_organization: Organization | None = None,
    owner_body: Body | None = None,
    due_date: datetime.date | None = None,
) -> ActionItem:
    """Change an open item's description, owner or due date (``due_date=None`` means the next meeting)."""
    item = ActionItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    if not item.is_open:
        raise DomainError(_("%(item)s is closed.") % {"item": item.reference}, code="action_closed")
    before = audit.snapshot(item)
    if descriptions is not None:
        _check_descriptions(descriptions)
        set_translations(item, "description", descriptions)
    if owner_kind is not None:
        item.owner_kind = owner_kind
        item.owner_organization, item.owner_body = _owner(owner_kind, owner_organization, owner_body)
    item.due_date = due_date
    item.save()
    audit.record(actor=actor, action=MeetingAction.ACTION_ITEM_UPDATE, instance=item, before=before)
    bump_archive_generation()
    return item


def _check_evidence(item: ActionItem, document: CitedDocument | None, outcome: Outcome | None) -> Meeting | None:
    """The meeting the evidence belongs to (where the item was closed), after checking the evidence."""
    if document is not None and not archive().is_published(document):
        raise DomainError(
            {"evidence_document": _("The evidence must be a published document.")}, code="evidence_unpublished"
        )
    if outcome is not None:
        if outcome.pk == item.outcome_id:
            raise DomainError(
                {"evidence_outcome": _("The outcome that raised the item cannot also close it.")},
                code="evidence_invalid",
            )
        if outcome.meeting.body_id != item.meeting.body_id:
            raise DomainError(
                {"evidence_outcome": _("The evidence outcome must be one of the same body's meetings.")},
                code="evidence_invalid",
            )
        return outcome.meeting
    meeting: Meeting | None = document.meeting if document is not None else None
    if meeting is not None and meeting.body_id == item.meeting.body_id:
        return meeting
    return None


@transaction.atomic
def close_action_item(
    *,
    actor: Actor,
    item: ActionItem,
    status: str,
    evidence_document: CitedDocument | None = None,
    evidence_outcome: Outcome | None = None,
    note: str = "",
) -> ActionItem:
    """Close an open item as done or dropped, with its evidence.

    Done needs evidence: the published document or the outcome that shows it was done. Dropped needs
    evidence or a note saying why. The meeting of the evidence is recorded as where the item was closed.
    """
    item = ActionItem.objects.select_for_update().select_related("meeting", "meeting__body").get(pk=item.pk)
    if not item.is_open:
        raise DomainError(_("%(item)s is already closed.") % {"item": item.reference}, code="action_closed")
    if status not in {ActionStatus.DONE, ActionStatus.DROPPED}:
        raise DomainError({"status": _("An item is closed as done or dropped.")}, code="status_invalid")
    note = (note or "").strip()
    has_evidence = evidence_document is not None or evidence_outcome is not None
    if status == ActionStatus.DONE and not has_evidence:
        raise DomainError(
            _("Closing an item as done needs its evidence: a document or an outcome."), code="evidence_missing"
        )
    if status == ActionStatus.DROPPED and not has_evidence and not note:
        raise DomainError(_("Say why the item is dropped, or give the outcome that dropped it."), code="reason_missing")
    before = audit.snapshot(item)
    item.closed_at_meeting = _check_evidence(item, evidence_document, evidence_outcome)
    item.status = status
    item.evidence_document = evidence_document
    item.evidence_outcome = evidence_outcome
    item.closing_note = note
    item.closed_at = timezone.now()
    item.closed_by = signed_in_or_none(actor)
    item.save()
    audit.record(actor=actor, action=MeetingAction.ACTION_ITEM_CLOSE, instance=item, before=before)
    bump_archive_generation()
    return item


@transaction.atomic
def reopen_action_item(*, actor: Actor, item: ActionItem) -> ActionItem:
    """Reopen an item closed by mistake; its evidence is cleared (the audit log keeps it)."""
    item = ActionItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    if item.is_open:
        raise DomainError(_("%(item)s is open.") % {"item": item.reference}, code="action_open")
    before = audit.snapshot(item)
    item.status = ActionStatus.OPEN
    item.closed_at = item.closed_by = item.closed_at_meeting = None
    item.evidence_document = item.evidence_outcome = None
    item.closing_note = ""
    item.save()
    audit.record(actor=actor, action=MeetingAction.ACTION_ITEM_REOPEN, instance=item, before=before)
    _carry_to_open_meetings(actor, item)
    bump_archive_generation()
    return item


@transaction.atomic
def carry_forward_open_actions(*, actor: Actor, meeting: Meeting) -> list[ActionItem]:
    """Put every action item still open from the body's earlier meetings on ``meeting``'s table.

    Called when a meeting opens (:func:`update_meeting` moving it to open or in session), and safe to
    call again: an item already carried to the meeting is not carried twice. Returns the items newly
    carried. The carried list is kept, so a meeting's page later shows what was on its table.
    """
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(_("%(meeting)s was cancelled.") % {"meeting": meeting.code}, code="meeting_cancelled")
    already = CarriedAction.objects.filter(meeting=meeting).values_list("action_item_id", flat=True)
    items = list(
        ActionItem.objects.filter(
            meeting__body_id=meeting.body_id, meeting__number__lt=meeting.number, status=ActionStatus.OPEN
        )
        .exclude(pk__in=already)
        .select_related("meeting", "meeting__body")
        .order_by("meeting__number", "number")
    )
    if not items:
        return []
    CarriedAction.objects.bulk_create([CarriedAction(meeting=meeting, action_item=item) for item in items])
    audit.record(
        actor=actor,
        action=MeetingAction.ACTIONS_CARRY_FORWARD,
        instance=meeting,
        before={"carried": []},
        after={"carried": [item.reference for item in items]},
    )
    bump_archive_generation()
    return items
