from __future__ import annotations

import datetime
from typing import Any
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command

from cwgcop.bodies.enums import RoleKind
from cwgcop.liaisons import queries, services
from cwgcop.liaisons.models import LiaisonStatement
from cwgcop.liaisons.tasks import send_liaison_reminders
from tests.factories import MeetingFactory
from tests.liaisons.factories import Bodies, bodies, incoming, person

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 3, 10)


@pytest.fixture
def frozen_today() -> Any:
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield TODAY


def _for_action(b: Bodies, title: str, deadline: datetime.date) -> LiaisonStatement:
    return incoming(
        sender=b.sg2,
        addressee=b.cwg,
        title=title,
        purpose="action",
        sent_on=datetime.date(2025, 1, 10),
        deadline=deadline,
    )


def _run(capture: Any, *args: str) -> None:
    with capture(execute=True):
        call_command("send_liaison_reminders", *args, stdout=mock.MagicMock())


def test_deadlines_lists_open_statements_for_action_near_or_passed(frozen_today: datetime.date) -> None:
    b = bodies()
    passed = _for_action(b, "Passed", datetime.date(2025, 3, 1))
    near = _for_action(b, "Near", datetime.date(2025, 3, 20))
    _for_action(b, "Far", datetime.date(2025, 6, 1))
    answered = _for_action(b, "Noted", datetime.date(2025, 3, 12))
    services.consider_statement(actor=None, statement=answered, meeting=MeetingFactory(body=b.cwg, number=22))
    services.note_statement(actor=None, statement=answered)
    incoming(sender=b.sg2, addressee=b.cwg, title="For information", deadline=datetime.date(2025, 3, 12))
    assert [s.display_title for s in queries.deadlines(days=14)] == ["Passed", "Near"]
    assert [s.pk for s in queries.deadlines(days=5)] == [passed.pk]
    assert near.pk in {s.pk for s in queries.deadlines()}


def test_reminder_command_emails_each_statement_once(
    frozen_today: datetime.date, django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.CWGCOP_LIAISON_REMINDER_EMAILS = ["liaisons@example.org"]
    b = bodies()
    person(b.cwg, RoleKind.SECRETARIAT, "sec", "sec@example.org")
    person(b.cwg, RoleKind.CHAIR, "chair", "chair@example.org")
    _for_action(b, "Near", datetime.date(2025, 3, 20))
    _for_action(b, "Far", datetime.date(2025, 6, 1))
    _run(django_capture_on_commit_callbacks)
    _run(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Liaison deadline near: Near"
    assert message.to == ["liaisons@example.org", "sec@example.org"]
    assert "asks for action by March 20, 2025" in message.body
    assert "/en/staff/liaisons/" in message.body


def test_reminder_for_a_passed_deadline_says_so(
    frozen_today: datetime.date, django_capture_on_commit_callbacks: Any
) -> None:
    b = bodies()
    person(b.cwg, RoleKind.SECRETARIAT, "sec", "sec@example.org")
    _for_action(b, "Late", datetime.date(2025, 3, 1))
    _run(django_capture_on_commit_callbacks)
    assert [m.subject for m in mail.outbox] == ["Liaison deadline passed: Late"]


def test_a_new_deadline_is_reminded_again(frozen_today: datetime.date, django_capture_on_commit_callbacks: Any) -> None:
    b = bodies()
    person(b.cwg, RoleKind.SECRETARIAT, "sec", "sec@example.org")
    statement = _for_action(b, "Moved", datetime.date(2025, 3, 15))
    _run(django_capture_on_commit_callbacks)
    services.update_statement(actor=None, statement=statement, deadline=datetime.date(2025, 3, 18))
    _run(django_capture_on_commit_callbacks)
    _run(django_capture_on_commit_callbacks)
    assert [m.subject for m in mail.outbox] == ["Liaison deadline near: Moved", "Liaison deadline near: Moved"]


def test_statement_without_anyone_to_remind_is_left_for_the_next_run(
    frozen_today: datetime.date, django_capture_on_commit_callbacks: Any
) -> None:
    b = bodies()
    statement = _for_action(b, "Orphan", datetime.date(2025, 3, 15))
    _run(django_capture_on_commit_callbacks)
    statement.refresh_from_db()
    assert (len(mail.outbox), statement.reminder_sent_at) == (0, None)


def test_undelivered_reminder_is_tried_again(
    frozen_today: datetime.date, django_capture_on_commit_callbacks: Any
) -> None:
    b = bodies()
    person(b.cwg, RoleKind.SECRETARIAT, "sec", "sec@example.org")
    statement = _for_action(b, "Bounce", datetime.date(2025, 3, 15))
    with mock.patch("cwgcop.liaisons.services.reminders.send_mail", side_effect=OSError("no mail server")):
        _run(django_capture_on_commit_callbacks)
    statement.refresh_from_db()
    assert statement.reminder_sent_at is None
    _run(django_capture_on_commit_callbacks)
    assert [m.subject for m in mail.outbox] == ["Liaison deadline near: Bounce"]


def test_the_task_worker_sends_the_same_reminders_once(
    frozen_today: datetime.date, django_capture_on_commit_callbacks: Any
) -> None:
    b = bodies()
    person(b.cwg, RoleKind.SECRETARIAT, "sec", "sec@example.org")
    _for_action(b, "By the worker", datetime.date(2025, 3, 15))
    with django_capture_on_commit_callbacks(execute=True):
        first = send_liaison_reminders.enqueue()
        second = send_liaison_reminders.enqueue()
    assert (first.return_value, second.return_value) == (1, 0)
    assert [m.subject for m in mail.outbox] == ["Liaison deadline near: By the worker"]
