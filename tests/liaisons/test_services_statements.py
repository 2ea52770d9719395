from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils.translation import override

from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.documents import services as document_services
from cwgcop.liaisons import queries, services
from cwgcop.liaisons.models import LiaisonContact, LiaisonStatement
from tests.factories import MeetingFactory, published_document
from tests.liaisons.factories import bodies, incoming, outgoing, sent

pytestmark = pytest.mark.django_db


def _actions(statement: LiaisonStatement) -> list[str]:
    entries = AuditEntry.objects.filter(object_type="liaisons.liaisonstatement", object_id=str(statement.pk))
    return list(entries.order_by("id").values_list("action", flat=True))


def _nothing_written() -> tuple[int, int, int]:
    return (LiaisonStatement.objects.count(), AuditEntry.objects.count(), LiaisonContact.objects.count())


def test_record_incoming_statement_is_received_public_and_audited() -> None:
    b = bodies()
    document = published_document(body=b.cwg, symbol="CWG-COP-21/LS/1", languages=("en", "zh-hans"))
    statement = incoming(
        sender=b.sg2,
        addressee=b.cwg,
        attachments=[document],
        contacts=[services.Contact(name="Rapporteur Q3/2", email="q3@example.org")],
        reference="SG2-LS12",
    )
    assert statement.state == "received"
    assert statement.is_public is True
    assert statement.published_at is not None
    assert [d.symbol for d in statement.attachments.all()] == ["CWG-COP-21/LS/1"]
    assert [str(c) for c in statement.contacts.all()] == ["Rapporteur Q3/2 <q3@example.org>"]
    assert _actions(statement) == ["liaison.create"]
    entry = AuditEntry.objects.get(action="liaison.create")
    assert entry.after["from"] == ["ITU-D SG2 Q3/2"]
    assert entry.after["attachments"] == ["CWG-COP-21/LS/1"]


def test_outgoing_statement_goes_draft_approved_sent() -> None:
    b = bodies()
    statement = outgoing(sender=b.cwg, addressee=b.sg2)
    assert (statement.state, statement.is_public, statement.sent_on) == ("draft", False, None)
    approved = services.approve_statement(actor=None, statement=statement)
    assert approved.state == "approved"
    assert approved.approved_at is not None
    done = services.send_statement(actor=None, statement=approved, sent_on=datetime.date(2024, 10, 15))
    assert (done.state, done.sent_on, done.is_public) == ("sent", datetime.date(2024, 10, 15), True)
    assert done.published_at is not None
    assert _actions(done) == ["liaison.create", "liaison.approve", "liaison.send"]


def test_sending_a_reply_marks_the_answered_statement_answered() -> None:
    b = bodies()
    meeting = MeetingFactory(body=b.cwg, number=21)
    question = incoming(sender=b.sg2, addressee=b.cwg)
    services.consider_statement(actor=None, statement=question, meeting=meeting)
    reply = sent(outgoing(sender=b.cwg, addressee=b.sg2, reply_to=question))
    question.refresh_from_db()
    assert question.state == "answered"
    assert question.meeting == meeting
    assert reply.reply_to == question
    assert reply.thread_root == question
    assert _actions(question) == ["liaison.create", "liaison.consider", "liaison.answer"]


def test_thread_holds_the_whole_conversation_in_order() -> None:
    b = bodies()
    first = incoming(sender=b.sg2, addressee=b.cwg, title="Question", sent_on=datetime.date(2024, 9, 1))
    answer = sent(outgoing(sender=b.cwg, addressee=b.sg2, title="Answer", reply_to=first), datetime.date(2024, 10, 1))
    follow_up = incoming(
        sender=b.sg2, addressee=b.cwg, title="Follow-up", reply_to=answer, sent_on=datetime.date(2024, 11, 1)
    )
    draft = outgoing(sender=b.cwg, addressee=b.sg2, title="Second answer", reply_to=follow_up)
    unrelated = incoming(sender=b.sg17, addressee=b.cwg, title="Other")
    assert follow_up.thread_root == first
    assert [s.display_title for s in queries.thread(answer)] == ["Question", "Answer", "Follow-up"]
    assert [s.display_title for s in queries.thread(first, public_only=False)] == [
        "Question",
        "Answer",
        "Follow-up",
        "Second answer",
    ]
    assert draft.thread_root == first
    assert [s.display_title for s in queries.thread(unrelated)] == ["Other"]


def test_reply_to_a_statement_that_does_not_exist_is_refused_and_nothing_written() -> None:
    b = bodies()
    before = _nothing_written()
    with pytest.raises(DomainError) as error:
        services.create_statement(
            actor=None,
            direction="outgoing",
            purpose="comment",
            titles={"en": "Reply"},
            from_bodies=[b.cwg],
            to_bodies=[b.sg2],
            contacts=[services.Contact(name="A")],
            reply_to_id=9999,
        )
    assert error.value.code == "reply_to_missing"
    assert error.value.messages == ["There is no liaison statement number 9999 to reply to."]
    assert _nothing_written() == before


def test_reply_to_a_draft_that_was_never_sent_is_refused() -> None:
    b = bodies()
    draft = outgoing(sender=b.cwg, addressee=b.sg2)
    with pytest.raises(DomainError) as error:
        incoming(sender=b.sg2, addressee=b.cwg, reply_to=draft)
    assert error.value.code == "reply_to_not_sent"
    assert LiaisonStatement.objects.count() == 1


def test_deadline_before_the_sent_date_is_refused() -> None:
    b = bodies()
    before = _nothing_written()
    with pytest.raises(DomainError) as error:
        incoming(
            sender=b.sg2,
            addressee=b.cwg,
            purpose="action",
            sent_on=datetime.date(2024, 9, 16),
            deadline=datetime.date(2024, 9, 1),
        )
    assert error.value.code == "deadline_before_sent"
    assert error.value.messages == [
        "The deadline (1 September 2024) cannot be before the date the statement was sent (16 September 2024)."
    ]
    assert _nothing_written() == before


def test_deadline_before_the_sent_date_is_refused_when_sending() -> None:
    b = bodies()
    statement = outgoing(sender=b.cwg, addressee=b.sg2, purpose="action", deadline=datetime.date(2024, 10, 1))
    services.approve_statement(actor=None, statement=statement)
    audit_count = AuditEntry.objects.count()
    with pytest.raises(DomainError) as error:
        services.send_statement(actor=None, statement=statement, sent_on=datetime.date(2024, 10, 15))
    assert error.value.code == "deadline_before_sent"
    statement.refresh_from_db()
    assert (statement.state, statement.sent_on, statement.published_at) == ("approved", None, None)
    assert AuditEntry.objects.count() == audit_count


def test_sending_a_statement_that_is_not_approved_is_refused() -> None:
    b = bodies()
    statement = outgoing(sender=b.cwg, addressee=b.sg2)
    audit_count = AuditEntry.objects.count()
    with pytest.raises(DomainError) as error:
        services.send_statement(actor=None, statement=statement)
    assert error.value.code == "not_approved"
    assert error.value.messages == ["Only an approved statement can be sent: the chair approves it first."]
    statement.refresh_from_db()
    assert (statement.state, statement.sent_on) == ("draft", None)
    assert AuditEntry.objects.count() == audit_count


def test_refusals_are_translated_into_chinese() -> None:
    b = bodies()
    statement = outgoing(sender=b.cwg, addressee=b.sg2)
    with override("zh-hans"), pytest.raises(DomainError) as error:
        services.send_statement(actor=None, statement=statement)
    assert error.value.messages == ["只有已核准的声明才能发送：须先由主席核准。"]


def test_attachment_that_is_a_draft_document_is_refused() -> None:
    b = bodies()
    draft = document_services.create_document(
        actor=None, body=b.cwg, kind="liaison-statement", symbol="CWG-COP-21/LS/9", titles={"en": "Draft LS"}
    )
    before = _nothing_written()
    with pytest.raises(DomainError) as error:
        incoming(sender=b.sg2, addressee=b.cwg, attachments=[draft])
    assert error.value.code == "document_not_published"
    assert error.value.messages == [
        "CWG-COP-21/LS/9 is not published yet: only published documents of the archive can be used here."
    ]
    assert _nothing_written() == before


def test_attachment_change_to_a_draft_document_leaves_the_statement_unchanged() -> None:
    b = bodies()
    published = published_document(body=b.cwg, symbol="CWG-COP-21/LS/1")
    draft = document_services.create_document(
        actor=None, body=b.cwg, kind="liaison-statement", symbol="CWG-COP-21/LS/2", titles={"en": "Draft LS"}
    )
    statement = incoming(sender=b.sg2, addressee=b.cwg, attachments=[published])
    with pytest.raises(DomainError):
        services.update_statement(actor=None, statement=statement, attachments=[published, draft], titles={"en": "X"})
    statement.refresh_from_db()
    assert statement.title == "Statement from SG2"
    assert [d.symbol for d in statement.attachments.all()] == ["CWG-COP-21/LS/1"]


def test_withdrawn_document_cannot_be_attached() -> None:
    b = bodies()
    document = published_document(body=b.cwg, symbol="CWG-COP-21/LS/1")
    document_services.withdraw_document(actor=None, document=document, reason="Sent twice")
    document.refresh_from_db()
    with pytest.raises(DomainError) as error:
        incoming(sender=b.sg2, addressee=b.cwg, attachments=[document])
    assert error.value.code == "document_withdrawn"


def test_statement_for_action_needs_a_deadline() -> None:
    b = bodies()
    with pytest.raises(DomainError) as error:
        incoming(sender=b.sg2, addressee=b.cwg, purpose="action")
    assert error.value.messages == ["A statement for action needs a deadline."]


SENT = datetime.date(2024, 9, 1)


def refused_incoming(**values: Any) -> DomainError:
    """The refusal of an incoming statement for information made of ``values``."""
    with pytest.raises(DomainError) as error:
        services.create_statement(actor=None, direction="incoming", purpose="information", **values)
    return error.value


def test_a_body_cannot_be_both_sender_and_addressee() -> None:
    b = bodies()
    error = refused_incoming(titles={"en": "Loop"}, from_bodies=[b.sg2, b.cwg], to_bodies=[b.cwg], sent_on=SENT)
    assert error.messages == ["CWG-COP cannot be both sender and addressee."]


def test_incoming_statement_needs_its_sent_date() -> None:
    b = bodies()
    assert refused_incoming(titles={"en": "Undated"}, from_bodies=[b.sg2], to_bodies=[b.cwg]).code == "sent_on_missing"


def test_meeting_of_a_body_the_statement_is_not_addressed_to_cannot_consider_it() -> None:
    b = bodies()
    statement = incoming(sender=b.sg2, addressee=b.cwg)
    sg17_meeting = MeetingFactory(body=b.sg17, number=4)
    with pytest.raises(DomainError) as error:
        services.consider_statement(actor=None, statement=statement, meeting=sg17_meeting)
    assert error.value.code == "meeting_body_mismatch"
    statement.refresh_from_db()
    assert (statement.state, statement.meeting) == ("received", None)


def test_state_cannot_skip_consideration() -> None:
    b = bodies()
    statement = incoming(sender=b.sg2, addressee=b.cwg)
    with pytest.raises(DomainError) as error:
        services.note_statement(actor=None, statement=statement)
    assert error.value.messages == ["A statement that is “Received” cannot become “Noted”."]
    meeting = MeetingFactory(body=b.cwg, number=21)
    services.consider_statement(actor=None, statement=statement, meeting=meeting)
    noted = services.note_statement(actor=None, statement=statement)
    assert noted.state == "noted"


def test_approved_statement_cannot_change_until_returned_to_draft() -> None:
    b = bodies()
    statement = outgoing(sender=b.cwg, addressee=b.sg2)
    services.approve_statement(actor=None, statement=statement)
    with pytest.raises(DomainError) as error:
        services.update_statement(actor=None, statement=statement, titles={"en": "Changed"})
    assert error.value.code == "statement_locked"
    services.return_to_draft(actor=None, statement=statement)
    changed = services.update_statement(actor=None, statement=statement, titles={"en": "Changed"})
    assert (changed.state, changed.title, changed.approved_at) == ("draft", "Changed", None)


def test_sent_statement_cannot_change() -> None:
    b = bodies()
    statement = sent(outgoing(sender=b.cwg, addressee=b.sg2))
    with pytest.raises(DomainError) as error:
        services.update_statement(actor=None, statement=statement, reference="X")
    assert error.value.messages == ["A sent statement cannot be changed."]


def test_outgoing_meeting_must_belong_to_a_sending_body() -> None:
    b = bodies()
    with pytest.raises(DomainError) as error:
        outgoing(sender=b.cwg, addressee=b.sg2, meeting=MeetingFactory(body=b.sg17, number=2))
    assert error.value.code == "meeting_body_mismatch"


def test_contact_with_an_invalid_email_is_refused() -> None:
    b = bodies()
    before = _nothing_written()
    with pytest.raises(DomainError) as error:
        incoming(sender=b.sg2, addressee=b.cwg, contacts=[services.Contact(name="A", email="not-an-address")])
    assert error.value.messages == ["“not-an-address” is not a valid e-mail address."]
    assert _nothing_written() == before


def test_public_changes_make_cached_pages_stale(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    b = bodies()
    with django_capture_on_commit_callbacks() as callbacks:
        draft = outgoing(sender=b.cwg, addressee=b.sg2)
    assert len(callbacks) == 0
    with django_capture_on_commit_callbacks() as callbacks:
        sent(draft)
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks() as callbacks:
        incoming(sender=b.sg2, addressee=b.cwg)
    assert len(callbacks) == 1
