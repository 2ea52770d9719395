"""The moderation queue and the safeguarding queue, endpoint by endpoint: what each shows (waiting time, time to
first action), what each POST changes and logs, and what each refuses."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from cwgcop.consultations import services
from cwgcop.consultations.models import Answer, Consultation, SafeguardingCase
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import consultation, lead, moderator, submit, text_answer
from tests.factories import signed_in

pytestmark = pytest.mark.django_db


def _received(answer: Answer, minutes_ago: int) -> None:
    Answer.objects.filter(pk=answer.pk).update(received_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))


@pytest.fixture
def found() -> Consultation:
    return consultation()


def _queue(found: Consultation) -> str:
    return f"/en/staff/consultations/{found.slug}/moderation/"


def test_the_queue_shows_the_oldest_answer_first_with_its_waiting_time(found: Consultation) -> None:
    newer = text_answer(submit(found, text="Chat at night please"))
    older = text_answer(submit(found, text="Write to me at kid@example.org"))
    submit(found)  # choices and a number only: nothing to moderate
    _received(older, 185)
    _received(newer, 20)
    user = moderator(found)
    page = signed_in(user).get(_queue(found))
    body = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert "2 answers waiting." in body
    items = re.findall(r'<p class="meta">(.*?)</p>\s*<blockquote><p>(.*?)</p>', body)
    assert items == [
        (
            "What would make them better? · waiting for 3\xa0hours, 5\xa0minutes · 1 detail removed",
            "Write to me at [e-mail]",
        ),
        ("What would make them better? · waiting for 20\xa0minutes", "Chat at night please"),
    ]
    [seen] = AuditEntry.objects.filter(action="consultation.view_raw")
    assert (seen.actor, seen.after) == (user, {"answers": [older.pk, newer.pk]})


def test_the_queue_is_empty_when_nothing_waits(found: Consultation) -> None:
    submit(found)
    body = signed_in(moderator(found)).get(_queue(found)).content.decode()
    assert "0 answers waiting." in body
    assert "No answer is waiting." in body


def test_approving_through_the_page_publishes_the_answer_and_logs_who(found: Consultation) -> None:
    answer = text_answer(submit(found, text="Posters at school"))
    user = moderator(found)
    response = signed_in(user).post(f"{_queue(found)}{answer.pk}/", {"decision": "approve"})
    assert (response.status_code, response["Location"]) == (302, _queue(found))
    answer.refresh_from_db()
    assert (answer.moderation, answer.rejection_reason, answer.moderated_by) == ("approved", "", user)
    assert answer.moderated_at is not None
    [logged] = AuditEntry.objects.filter(action="consultation.moderate")
    assert (logged.actor, logged.object_id, logged.after) == (
        user,
        str(answer.pk),
        {"moderation": "approved", "reason": ""},
    )


@pytest.mark.parametrize("reason", ["personal-data", "off-topic", "offensive", "spam", "duplicate"])
def test_rejecting_through_the_page_keeps_the_reason_from_the_fixed_list(found: Consultation, reason: str) -> None:
    answer = text_answer(submit(found, text="buy cheap phones"))
    user = moderator(found)
    signed_in(user).post(f"{_queue(found)}{answer.pk}/", {"decision": "reject", "reason": reason})
    answer.refresh_from_db()
    assert (answer.moderation, answer.rejection_reason, answer.moderated_by) == ("rejected", reason, user)
    assert AuditEntry.objects.get(action="consultation.moderate").after == {"moderation": "rejected", "reason": reason}


@pytest.mark.parametrize("reason", ["", "I did not like it"])
def test_rejecting_without_a_reason_from_the_list_is_refused(found: Consultation, reason: str) -> None:
    answer = text_answer(submit(found, text="buy cheap phones"))
    client = signed_in(moderator(found))
    page = client.post(f"{_queue(found)}{answer.pk}/", {"decision": "reject", "reason": reason}, follow=True)
    assert "Choose the reason for rejecting the answer." in page.content.decode()
    assert Answer.objects.get(pk=answer.pk).moderation == "pending"
    assert AuditEntry.objects.filter(action="consultation.moderate").count() == 0


def test_an_answer_is_moderated_once(found: Consultation) -> None:
    answer = text_answer(submit(found, text="Posters at school"))
    client = signed_in(moderator(found))
    client.post(f"{_queue(found)}{answer.pk}/", {"decision": "approve"})
    again = client.post(f"{_queue(found)}{answer.pk}/", {"decision": "reject", "reason": "spam"}, follow=True)
    assert "This answer has already been moderated." in again.content.decode()
    assert Answer.objects.get(pk=answer.pk).moderation == "approved"
    assert AuditEntry.objects.filter(action="consultation.moderate").count() == 1


def test_an_answer_held_for_safeguarding_cannot_be_approved_through_the_queue(found: Consultation) -> None:
    lead(found)
    held = text_answer(submit(found, text="I want to die"))
    page = signed_in(moderator(found)).post(f"{_queue(found)}{held.pk}/", {"decision": "approve"}, follow=True)
    assert "This answer has already been moderated." in page.content.decode()
    assert Answer.objects.get(pk=held.pk).moderation == "safeguarding"


def test_a_withdrawn_answer_leaves_the_queue_and_cannot_be_moderated(found: Consultation) -> None:
    submitted = submit(found, text="Posters at school")
    answer = text_answer(submitted)
    services.withdraw(consultation=found, receipt=submitted.receipt)
    client = signed_in(moderator(found))
    assert "No answer is waiting." in client.get(_queue(found)).content.decode()
    assert client.post(f"{_queue(found)}{answer.pk}/", {"decision": "approve"}).status_code == 404


def test_an_answer_of_another_consultation_is_not_found_through_this_one(found: Consultation) -> None:
    other = consultation(slug="other", body=found.body)
    stray = text_answer(submit(other, text="Posters at school"))
    response = signed_in(moderator(found)).post(f"{_queue(found)}{stray.pk}/", {"decision": "approve"})
    assert response.status_code == 404
    assert Answer.objects.get(pk=stray.pk).moderation == "pending"


def test_each_queue_endpoint_takes_only_its_method(found: Consultation) -> None:
    lead_user = lead(found)
    answer = text_answer(submit(found, text="Posters at school"))
    submit(found, text="he hits me")
    risky = SafeguardingCase.objects.get()
    client = signed_in(moderator(found))
    assert client.post(_queue(found)).status_code == 405
    assert client.get(f"{_queue(found)}{answer.pk}/").status_code == 405
    as_lead = signed_in(lead_user)
    assert as_lead.post(f"/en/staff/consultations/{found.slug}/safeguarding/").status_code == 405
    assert as_lead.get(f"/en/staff/consultations/{found.slug}/safeguarding/{risky.pk}/").status_code == 405


# Safeguarding: the named lead's queue.


def _cases(found: Consultation) -> str:
    return f"/en/staff/consultations/{found.slug}/safeguarding/"


def test_a_case_goes_to_the_first_named_lead_and_logs_the_time_to_first_action(found: Consultation) -> None:
    named = lead(found)
    lead(found, "second-lead")
    case = SafeguardingCase.objects.get(answer=text_answer(submit(found, text="my uncle hurts me")))
    assert (case.lead, case.status, case.first_action_at) == (named, "open", None)
    SafeguardingCase.objects.filter(pk=case.pk).update(opened_at=timezone.now() - datetime.timedelta(minutes=90))
    client = signed_in(named)
    waiting = client.get(_cases(found)).content.decode()
    assert "no action yet" in waiting
    assert "my uncle hurts me" in waiting
    done = client.post(f"{_cases(found)}{case.pk}/", {"status": "in-progress", "notes": "Called the helpline"})
    assert (done.status_code, done["Location"]) == (302, _cases(found))
    case.refresh_from_db()
    assert case.status == "in-progress"
    assert case.notes.endswith("] Called the helpline")
    elapsed = int((case.first_action_at - case.opened_at).total_seconds())  # type: ignore[operator]
    assert 5400 <= elapsed < 5460
    [first] = AuditEntry.objects.filter(action="consultation.case")
    assert (first.actor, first.after) == (named, {"status": "in-progress", "seconds_to_first_action": elapsed})
    shown = client.get(_cases(found)).content.decode()
    assert "first action after 1\xa0hour, 30\xa0minutes" in shown
    # A later action changes the status, never the time to first action.
    stamped = case.first_action_at
    client.post(f"{_cases(found)}{case.pk}/", {"status": "closed", "notes": "Referred to the school counsellor"})
    case.refresh_from_db()
    assert (case.status, case.first_action_at) == ("closed", stamped)
    assert list(
        AuditEntry.objects.filter(action="consultation.case").order_by("pk").values_list("after", flat=True)
    ) == [
        {"status": "in-progress", "seconds_to_first_action": elapsed},
        {"status": "closed"},
    ]
    assert [entry.after for entry in AuditEntry.objects.filter(action="consultation.view_cases").order_by("pk")] == [
        {"cases": [case.pk]},
        {"cases": [case.pk]},
    ]


def test_an_unknown_case_status_is_refused_and_stamps_nothing(found: Consultation) -> None:
    named = lead(found)
    case = SafeguardingCase.objects.get(answer=text_answer(submit(found, text="I want to die")))
    page = signed_in(named).post(f"{_cases(found)}{case.pk}/", {"status": "forgotten"}, follow=True)
    assert "Unknown case status." in page.content.decode()
    case.refresh_from_db()
    assert (case.status, case.first_action_at) == ("open", None)
    assert AuditEntry.objects.filter(action="consultation.case").count() == 0


def test_a_case_of_another_consultation_is_not_found_through_this_one(found: Consultation) -> None:
    named = lead(found)
    other = consultation(slug="other", body=found.body)
    stray = SafeguardingCase.objects.get(answer=text_answer(submit(other, text="I want to die")))
    assert signed_in(named).post(f"{_cases(found)}{stray.pk}/", {"status": "closed"}).status_code == 404
    assert SafeguardingCase.objects.get(pk=stray.pk).status == "open"
