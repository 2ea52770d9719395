"""Recording and changing liaison statements (their changes of state are in ``transitions.py``).

Views, the API, commands and the demo loader call these functions.
Each runs in one transaction, records an audit entry, and makes cached public pages stale when what the
public sees changes. Incoming statements are public from the moment they are recorded; outgoing ones
once they are sent.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cwgcop.bodies.models import Body
from cwgcop.core import audit
from cwgcop.core.actors import Actor, signed_in_or_none
from cwgcop.core.cache import bump_archive_generation
from cwgcop.core.errors import DomainError
from cwgcop.core.formatting import long_date
from cwgcop.core.languages import LANGUAGE_ORDER
from cwgcop.core.translated_fields import set_translations
from cwgcop.documents.models import Document
from cwgcop.liaisons.enums import Direction, LiaisonAction, LiaisonState, Purpose
from cwgcop.liaisons.models import LiaisonContact, LiaisonStatement
from cwgcop.liaisons.services._common import TITLE_MISSING, check_publishable_document
from cwgcop.meetings.models import Meeting

AUDITED = (
    "direction",
    "purpose",
    "state",
    "title",
    "reference",
    "sent_on",
    "deadline",
    "meeting_id",
    "reply_to_id",
    "approved_at",
    "published_at",
)


@dataclass(frozen=True)
class Contact:
    """A person named on a statement, as a form or the API gives them."""

    name: str
    email: str = ""


def _snapshot(statement: LiaisonStatement) -> dict[str, Any]:
    data = audit.snapshot(statement, AUDITED)
    if statement.pk:
        data["from"] = sorted(b.acronym for b in statement.from_bodies.all())
        data["to"] = sorted(b.acronym for b in statement.to_bodies.all())
        data["attachments"] = sorted(d.symbol for d in statement.attachments.all())
        data["contacts"] = [str(c) for c in statement.contacts.all()]
    return data


def _check_sides(from_bodies: Sequence[Body], to_bodies: Sequence[Body]) -> None:
    if not from_bodies:
        raise DomainError(_("Name the body or bodies the statement is from."), code="from_missing")
    if not to_bodies:
        raise DomainError(_("Name the body or bodies the statement is addressed to."), code="to_missing")
    both = sorted({b.acronym for b in from_bodies} & {b.acronym for b in to_bodies})
    if both:
        raise DomainError(
            _("%(bodies)s cannot be both sender and addressee.") % {"bodies": ", ".join(both)},
            code="sides_overlap",
        )


def check_dates(purpose: str, sent_on: datetime.date | None, deadline: datetime.date | None) -> None:
    if purpose == Purpose.ACTION and deadline is None:
        raise DomainError(_("A statement for action needs a deadline."), code="deadline_missing")
    if deadline is not None and sent_on is not None and deadline < sent_on:
        raise DomainError(
            _("The deadline (%(deadline)s) cannot be before the date the statement was sent (%(sent)s).")
            % {"deadline": long_date(deadline), "sent": long_date(sent_on)},
            code="deadline_before_sent",
        )


def _check_contacts(contacts: Iterable[Contact]) -> list[Contact]:
    checked = []
    for contact in contacts:
        name, email = contact.name.strip(), contact.email.strip()
        if not name:
            raise DomainError(_("Each contact needs a name."), code="contact_name_missing")
        if email:
            try:
                validate_email(email)
            except ValidationError as exc:
                raise DomainError(
                    _("“%(email)s” is not a valid e-mail address.") % {"email": email[:200]},
                    code="contact_email_invalid",
                ) from exc
        checked.append(Contact(name=name[:200], email=email))
    return checked


def _reply_target(reply_to_id: int | None) -> LiaisonStatement | None:
    if reply_to_id is None:
        return None
    target = LiaisonStatement.objects.filter(pk=reply_to_id).first()
    if target is None:
        raise DomainError(
            _("There is no liaison statement number %(number)s to reply to.") % {"number": reply_to_id},
            code="reply_to_missing",
        )
    if not target.is_public:
        raise DomainError(
            _("Statement %(number)s has not been sent: a reply can only answer a statement sent or received.")
            % {"number": reply_to_id},
            code="reply_to_not_sent",
        )
    return target


def _check_meeting(direction: str, meeting: Meeting | None, from_bodies: Sequence[Body]) -> None:
    if meeting is None:
        return
    if direction == Direction.INCOMING:
        raise DomainError(
            _("An incoming statement is linked to a meeting when the meeting considers it."),
            code="meeting_not_yet",
        )
    if meeting.body_id not in {b.pk for b in from_bodies}:
        raise DomainError(
            _("%(meeting)s is a meeting of a body that does not send this statement.") % {"meeting": meeting},
            code="meeting_body_mismatch",
        )


def _store_relations(
    statement: LiaisonStatement,
    *,
    from_bodies: Sequence[Body] | None,
    to_bodies: Sequence[Body] | None,
    attachments: Sequence[Document] | None,
    contacts: Sequence[Contact] | None,
) -> None:
    if from_bodies is not None:
        statement.from_bodies.set(from_bodies)
    if to_bodies is not None:
        statement.to_bodies.set(to_bodies)
    if attachments is not None:
        statement.attachments.set(attachments)
    if contacts is not None:
        statement.contacts.all().delete()
        LiaisonContact.objects.bulk_create(
            LiaisonContact(statement=statement, position=i, name=c.name, email=c.email) for i, c in enumerate(contacts)
        )


@transaction.atomic
def create_statement(
    *,
    actor: Actor,
    direction: str,
    purpose: str,
    titles: dict[str, str],
    from_bodies: Iterable[Body],
    to_bodies: Iterable[Body],
    texts: dict[str, str] | None = None,
    original_language: str = "en",
    reference: str = "",
    attachments: Iterable[Document] = (),
    contacts: Iterable[Contact] = (),
    sent_on: datetime.date | None = None,
    deadline: datetime.date | None = None,
    meeting: Meeting | None = None,
    reply_to_id: int | None = None,
) -> LiaisonStatement:
    """Record an incoming statement (state *received*, public at once) or draft an outgoing one (*draft*).

    An incoming statement needs the date it was sent; an outgoing one gets its date when it is sent. A
    reply names the statement it answers (``reply_to_id``) and joins that statement's thread.
    """
    if direction not in Direction.values:
        raise DomainError(_("Unknown direction."), code="direction_invalid")
    if purpose not in Purpose.values:
        raise DomainError(_("Unknown purpose."), code="purpose_invalid")
    if original_language not in LANGUAGE_ORDER:
        raise DomainError(_("Unknown language: %(codes)s.") % {"codes": original_language}, code="language_invalid")
    from_list, to_list, documents = list(from_bodies), list(to_bodies), list(attachments)
    incoming = direction == Direction.INCOMING
    if incoming and sent_on is None:
        raise DomainError(_("Give the date the statement was sent."), code="sent_on_missing")
    if not incoming and sent_on is not None:
        raise DomainError(_("An outgoing statement gets its date when it is sent."), code="sent_on_early")
    _check_sides(from_list, to_list)
    check_dates(purpose, sent_on, deadline)
    _check_meeting(direction, meeting, from_list)
    for document in documents:
        check_publishable_document(document)
    checked_contacts = _check_contacts(contacts)
    target = _reply_target(reply_to_id)
    statement = LiaisonStatement(
        direction=direction,
        purpose=purpose,
        state=LiaisonState.RECEIVED if incoming else LiaisonState.DRAFT,
        original_language=original_language,
        reference=reference.strip()[:120],
        sent_on=sent_on,
        deadline=deadline,
        meeting=meeting,
        reply_to=target,
        thread_root_id=(target.root_id if target else None),
        published_at=timezone.now() if incoming else None,
        created_by=signed_in_or_none(actor),
    )
    set_translations(statement, "title", titles, required=True, refusal=TITLE_MISSING)
    set_translations(statement, "text", texts or {})
    statement.save()
    _store_relations(
        statement, from_bodies=from_list, to_bodies=to_list, attachments=documents, contacts=checked_contacts
    )
    audit.record(actor=actor, action=LiaisonAction.CREATE, instance=statement, after=_snapshot(statement))
    if statement.is_public:
        bump_archive_generation()
    return statement


def locked(statement: LiaisonStatement) -> LiaisonStatement:
    return LiaisonStatement.objects.select_for_update().get(pk=statement.pk)


def _apply_timing(
    statement: LiaisonStatement, purpose: str | None, sent_on: datetime.date | None, deadline: datetime.date | None
) -> None:
    """Set purpose, sent date and deadline together, since each rule involves the others."""
    if purpose is not None:
        if purpose not in Purpose.values:
            raise DomainError(_("Unknown purpose."), code="purpose_invalid")
        statement.purpose = purpose
    if sent_on is not None:
        if statement.direction == Direction.OUTGOING:
            raise DomainError(_("An outgoing statement gets its date when it is sent."), code="sent_on_early")
        statement.sent_on = sent_on
    if deadline != statement.deadline:
        # A new deadline deserves its own reminder.
        statement.reminder_sent_at = None
    statement.deadline = deadline
    check_dates(statement.purpose, statement.sent_on, statement.deadline)


@transaction.atomic
def update_statement(
    *,
    actor: Actor,
    statement: LiaisonStatement,
    purpose: str | None = None,
    titles: dict[str, str] | None = None,
    texts: dict[str, str] | None = None,
    reference: str | None = None,
    from_bodies: Iterable[Body] | None = None,
    to_bodies: Iterable[Body] | None = None,
    attachments: Iterable[Document] | None = None,
    contacts: Iterable[Contact] | None = None,
    sent_on: datetime.date | None = None,
    deadline: datetime.date | None = None,
    clear_deadline: bool = False,
    meeting: Meeting | None = None,
) -> LiaisonStatement:
    """Change what a statement says or whom it concerns; ``None`` keeps a value.

    An outgoing statement can change only while it is a draft (an approved one goes back to draft first,
    so the chair approves what is sent). A changed deadline makes the deadline reminder due again.
    """
    statement = locked(statement)
    if statement.direction == Direction.OUTGOING and statement.state != LiaisonState.DRAFT:
        raise DomainError(
            _("Only a draft can be changed: return the statement to draft first.")
            if statement.state == LiaisonState.APPROVED
            else _("A sent statement cannot be changed."),
            code="statement_locked",
        )
    before = _snapshot(statement)
    from_list = list(from_bodies) if from_bodies is not None else list(statement.from_bodies.all())
    to_list = list(to_bodies) if to_bodies is not None else list(statement.to_bodies.all())
    _check_sides(from_list, to_list)
    _apply_timing(
        statement, purpose, sent_on, deadline if (clear_deadline or deadline is not None) else statement.deadline
    )
    if meeting is not None:
        _check_meeting(statement.direction, meeting, from_list)
        statement.meeting = meeting
    if reference is not None:
        statement.reference = reference.strip()[:120]
    documents = list(attachments) if attachments is not None else None
    for document in documents or ():
        check_publishable_document(document)
    checked_contacts = _check_contacts(contacts) if contacts is not None else None
    if titles is not None:
        set_translations(statement, "title", titles, required=True, refusal=TITLE_MISSING)
    if texts is not None:
        set_translations(statement, "text", texts)
    statement.save()
    _store_relations(
        statement,
        from_bodies=from_list if from_bodies is not None else None,
        to_bodies=to_list if to_bodies is not None else None,
        attachments=documents,
        contacts=checked_contacts,
    )
    audit.record(
        actor=actor, action=LiaisonAction.UPDATE, instance=statement, before=before, after=_snapshot(statement)
    )
    if statement.is_public:
        bump_archive_generation()
    return statement
