"""Recording what a meeting agreed, requested, welcomed, approved, noted or reaffirmed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.translated_fields import set_translations
from cwgcop.meetings.citations import CitedDocument
from cwgcop.meetings.enums import MeetingAction, MeetingStatus, OutcomeKind
from cwgcop.meetings.models import Meeting, Outcome


def outcome_state(outcome: Outcome) -> dict[str, Any]:
    """An outcome's fields with its linked documents and bodies, for the audit log."""
    return {
        **audit.snapshot(outcome),
        "documents": sorted(d.pk for d in outcome.documents.all()),
        "bodies": sorted(b.pk for b in outcome.bodies.all()),
    }


def _check(kind: str, texts: dict[str, str] | None) -> None:
    if kind not in OutcomeKind.values:
        raise DomainError({"kind": _("Choose what the meeting did: agreed, requested, welcomed…")}, code="kind_invalid")
    if texts is not None and not any((t or "").strip() for t in texts.values()):
        raise DomainError(_("An outcome needs its text in at least one language."), code="text_missing")


def _lock(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise DomainError(
            _("%(meeting)s was cancelled: it has no outcomes.") % {"meeting": meeting.code}, code="meeting_cancelled"
        )
    return meeting


@transaction.atomic
def record_outcome(
    *,
    actor: Actor,
    meeting: Meeting,
    kind: str,
    texts: dict[str, str],
    documents: Iterable[CitedDocument] = (),
    bodies: Iterable[Body] = (),
    position: int | None = None,
) -> Outcome:
    """Add an outcome to ``meeting``: at the end, or at ``position`` (the outcomes after it move down)."""
    meeting = _lock(meeting)
    _check(kind, texts)
    last = Outcome.objects.filter(meeting=meeting).aggregate(last=Max("position"))["last"] or 0
    if position is None or position > last:
        position = last + 1
    elif position < 1:
        raise DomainError(_("Positions start at 1."), code="position_invalid")
    else:
        Outcome.objects.filter(meeting=meeting, position__gte=position).update(position=F("position") + 1)
    outcome = Outcome(meeting=meeting, kind=kind, position=position)
    set_translations(outcome, "text", texts)
    outcome.save()
    outcome.documents.set(list(documents))
    outcome.bodies.set(list(bodies))
    audit.record(actor=actor, action=MeetingAction.OUTCOME_CREATE, instance=outcome, after=outcome_state(outcome))
    bump_archive_generation()
    return outcome


@transaction.atomic
def update_outcome(
    *,
    actor: Actor,
    outcome: Outcome,
    kind: str | None = None,
    texts: dict[str, str] | None = None,
    documents: Iterable[CitedDocument] | None = None,
    bodies: Iterable[Body] | None = None,
) -> Outcome:
    """Change an outcome's kind, text (per language), documents or bodies; what is not given stays."""
    _lock(outcome.meeting)
    outcome = Outcome.objects.select_related("meeting").get(pk=outcome.pk)
    before = outcome_state(outcome)
    _check(kind or outcome.kind, texts)
    outcome.kind = kind or outcome.kind
    set_translations(outcome, "text", texts)
    outcome.save()
    if documents is not None:
        outcome.documents.set(list(documents))
    if bodies is not None:
        outcome.bodies.set(list(bodies))
    audit.record(
        actor=actor, action=MeetingAction.OUTCOME_UPDATE, instance=outcome, before=before, after=outcome_state(outcome)
    )
    bump_archive_generation()
    return outcome


@transaction.atomic
def move_outcome(*, actor: Actor, outcome: Outcome, direction: Literal["up", "down"]) -> Outcome:
    """Swap an outcome with the one before (``up``) or after it (``down``)."""
    meeting = _lock(outcome.meeting)
    outcomes = list(Outcome.objects.filter(meeting=meeting).order_by("position", "id"))
    for number, other in enumerate(outcomes, start=1):
        other.position = number
    index = next(i for i, other in enumerate(outcomes) if other.pk == outcome.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(outcomes):
        outcomes[index].position, outcomes[target].position = outcomes[target].position, outcomes[index].position
    Outcome.objects.bulk_update(outcomes, ["position"])
    moved = outcomes[index]
    audit.record(
        actor=actor,
        action=MeetingAction.OUTCOME_MOVE,
        instance=moved,
        before={"position": index + 1},
        after={"position": moved.position},
    )
    bump_archive_generation()
    return moved


@transaction.atomic
def remove_outcome(*, actor: Actor, outcome: Outcome) -> None:
    """Delete an outcome recorded by mistake. One that raised or closed an action item stays."""
    meeting = _lock(outcome.meeting)
    if outcome.action_items.exists() or outcome.closed_action_items.exists():
        raise DomainError(
            _("This outcome raised or closed an action item; change its text instead of deleting it."),
            code="outcome_in_use",
        )
    audit.record(
        actor=actor, action=MeetingAction.OUTCOME_DELETE, instance=outcome, before=outcome_state(outcome), after={}
    )
    outcome.delete()
    remaining = list(Outcome.objects.filter(meeting=meeting).order_by("position", "id"))
    for number, other in enumerate(remaining, start=1):
        other.position = number
    Outcome.objects.bulk_update(remaining, ["position"])
    bump_archive_generation()
