"""Any moderator can send an answer the safeguarding check missed to the safeguarding lead (issue 13), in two
steps that work without JavaScript; the lead sees which group (and its facilitator) the child answered with."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from cwgcop.consultations import services
from cwgcop.consultations.models import Answer, Consultation, SafeguardingCase
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import approve_text, consultation, lead, moderator, secretariat, submit, text_answer
from tests.factories import BodyFactory, UserFactory, signed_in

pytestmark = pytest.mark.django_db

WORRY = "He says a man from the game waits for him at the bus stop."
TEXT = "The man from the game is nice, he waits at the bus stop after football"


@pytest.fixture
def found() -> Consultation:
    return consultation(slug="safe-online-2027", languages=["en", "zh-hans"])


def _escalation(found: Consultation, answer: Answer) -> str:
    return f"/en/staff/consultations/{found.slug}/moderation/{answer.pk}/escalate/"


def test_the_moderation_page_offers_a_second_step_for_each_answer(found: Consultation) -> None:
    answer = text_answer(submit(found, text=TEXT))
    client = signed_in(moderator(found))
    queue = client.get(f"/en/staff/consultations/{found.slug}/moderation/").content.decode()
    assert f'<a href="{_escalation(found, answer)}">Escalate to safeguarding…</a>' in queue
    step = client.get(_escalation(found, answer))
    body = step.content.decode()
    assert (step.status_code, step["Cache-Control"]) == (200, "private, no-store")
    assert f"<blockquote><p>{TEXT}</p></blockquote>" in body
    assert 'name="reason"' in body
    assert SafeguardingCase.objects.count() == 0  # the first step changes nothing
    seen = AuditEntry.objects.filter(action="consultation.view_raw").order_by("pk")
    assert [entry.after for entry in seen] == [{"answers": [answer.pk]}, {"answers": [answer.pk]}]  # queue, step


def test_a_moderator_escalates_an_answer_the_check_missed(
    found: Consultation, django_capture_on_commit_callbacks: Any
) -> None:
    the_lead = lead(found, "lead-amina")
    answer = text_answer(submit(found, text=TEXT))
    user = moderator(found, "mod-ivan")
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(user).post(_escalation(found, answer), {"reason": WORRY})
    assert (response.status_code, response["Location"]) == (302, f"/en/staff/consultations/{found.slug}/moderation/")
    case = SafeguardingCase.objects.get()
    assert (case.answer, case.lead, case.source, case.escalated_by, case.reason, case.categories) == (
        answer,
        the_lead,
        "escalated",
        user,
        WORRY,
        [],
    )
    assert Answer.objects.get(pk=answer.pk).moderation == "safeguarding"
    [entry] = AuditEntry.objects.filter(action="consultation.escalate")
    assert (entry.actor, entry.after) == (user, {"answer": answer.pk, "moderation_before": "pending"})
    assert WORRY not in str(entry.after)
    assert TEXT not in str(entry.after)
    [sent] = mail.outbox
    assert sent.to == [the_lead.email]
    assert TEXT not in sent.body
    assert WORRY not in sent.body
    queue = signed_in(user).get(f"/en/staff/consultations/{found.slug}/moderation/").content.decode()
    assert "0 answers waiting." in queue


def test_an_approved_answer_escalated_leaves_the_public_results(found: Consultation) -> None:
    submitted = submit(found, text=TEXT)
    approve_text(submitted)
    answer = text_answer(submitted)
    case = services.escalate_answer(actor=secretariat(found), answer=answer, reason=WORRY)
    assert Answer.objects.get(pk=answer.pk).moderation == "safeguarding"
    assert AuditEntry.objects.get(action="consultation.escalate").after == {
        "answer": answer.pk,
        "moderation_before": "approved",
    }
    assert case.source == "escalated"
    assert TEXT not in Client().get(f"/en/consult/{found.slug}/results/").content.decode()


@pytest.mark.parametrize(
    ("reason", "message"),
    [
        ("", "This field is required."),
        ("   ", "This field is required."),
        ("x" * 1001, "Ensure this value has at most 1000 characters (it has 1001)."),
    ],
)
def test_an_escalation_without_a_usable_reason_is_refused_and_writes_nothing(
    found: Consultation, reason: str, message: str
) -> None:
    answer = text_answer(submit(found, text=TEXT))
    response = signed_in(moderator(found)).post(_escalation(found, answer), {"reason": reason})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert TEXT in response.content.decode()  # the answer is still shown beside the form, and that is audited
    assert AuditEntry.objects.filter(action="consultation.view_raw").count() == 1
    assert SafeguardingCase.objects.count() == 0
    assert Answer.objects.get(pk=answer.pk).moderation == "pending"
    assert not AuditEntry.objects.filter(action="consultation.escalate").exists()


def test_an_answer_already_with_the_lead_is_not_escalated_twice(found: Consultation) -> None:
    answer = text_answer(submit(found, text="I want to die"))  # found by the check
    assert SafeguardingCase.objects.get().source == "detected"
    assert SafeguardingCase.objects.get().categories == ["suicide"]
    response = signed_in(moderator(found)).post(_escalation(found, answer), {"reason": WORRY})
    assert response.status_code == 400
    assert "This answer is already with the safeguarding lead." in response.content.decode()
    assert SafeguardingCase.objects.count() == 1


def test_the_service_refuses_what_the_form_cannot_see(found: Consultation) -> None:
    user = moderator(found)
    choices_only = submit(found).response.answers.get(question__kind="single")
    withdrawn = submit(found, text=TEXT)
    services.withdraw(consultation=found, receipt=withdrawn.receipt)
    kept = text_answer(submit(found, text="Posters at school"))
    for answer, reason, code in [
        (choices_only, WORRY, "answer_without_text"),
        (kept, "  ", "reason_missing"),
        (kept, "y" * 1001, "reason_too_long"),
    ]:
        with pytest.raises(DomainError) as refused:
            services.escalate_answer(actor=user, answer=answer, reason=reason)
        assert refused.value.code == code
    assert SafeguardingCase.objects.count() == 0
    assert not AuditEntry.objects.filter(action="consultation.escalate").exists()


@pytest.mark.parametrize("who", ["member", "moderator elsewhere", "secretariat elsewhere"])
def test_a_person_who_is_not_a_moderator_here_is_refused_and_nothing_is_written(found: Consultation, who: str) -> None:
    answer = text_answer(submit(found, text=TEXT))
    if who == "member":
        user = UserFactory(username="member")
    else:
        other = consultation(slug="elsewhere", body=BodyFactory())
        user = moderator(other, "mod-elsewhere") if who == "moderator elsewhere" else secretariat(other, "sec-else")
    client = signed_in(user)
    assert client.get(_escalation(found, answer)).status_code == 403
    assert client.post(_escalation(found, answer), {"reason": WORRY}).status_code == 403
    assert SafeguardingCase.objects.count() == 0
    assert Answer.objects.get(pk=answer.pk).moderation == "pending"
    assert not AuditEntry.objects.filter(actor=user).exists()
    assert Client().post(_escalation(found, answer), {"reason": WORRY}).status_code == 403  # anonymous
    assert SafeguardingCase.objects.count() == 0


def test_the_lead_sees_the_group_and_its_facilitator_so_the_child_can_be_reached() -> None:
    found = consultation(slug="live-session-lagos", consent_required_bands=["9-12"])
    the_lead = lead(found, "lead-chioma")
    _group, code = services.create_group_code(
        actor=None,
        consultation=found,
        label="Lagos Model School, JSS1",
        facilitator="Mrs Adaeze Okafor",
        facilitator_contact="+234 803 000 1111",
    )
    answer = text_answer(submit(found, text=TEXT, age_band="9-12", country="NG", group_code=code))
    services.escalate_answer(actor=moderator(found, "mod-tunde"), answer=answer, reason=WORRY)
    submit(found, text="my uncle hits me when i cry", age_band="13-15", country="NG")  # detected, no group
    page = signed_in(the_lead).get(f"/en/staff/consultations/{found.slug}/safeguarding/").content.decode()
    groups = re.findall(r'<p class="group-code">(.*?)</p>', page)
    assert groups == [
        "Answered with the group code of Lagos Model School, JSS1. Facilitator: Mrs Adaeze Okafor, +234 803 000 1111"
    ]
    assert f"Why: {WORRY}" in page
    assert "Escalated by mod-tunde" in page
    assert "Found by the safeguarding check · Physical abuse" in page
    # The facilitator's contact is for the lead only: not on the moderation page.
    moderation = (
        signed_in(moderator(found, "mod-2")).get(f"/en/staff/consultations/{found.slug}/moderation/").content.decode()
    )
    assert "+234 803 000 1111" not in moderation


DOUBTED = "I have written the letters and I am ready"  # a concept rule's suicide finding, scored 0.243: set aside


def test_what_the_learned_check_set_aside_is_pointed_out_to_the_moderator(found: Consultation) -> None:
    """A rule finding the learned detector sets aside (under its veto) opens no case, but the answer keeps the
    categories (never the matched words) and the moderation page asks the moderator to read it closely."""
    answer = text_answer(submit(found, text=DOUBTED))
    assert SafeguardingCase.objects.count() == 0
    assert (answer.moderation, answer.doubted, answer.text) == ("pending", ["suicide"], DOUBTED)
    plain = text_answer(submit(found, text=TEXT))
    assert plain.doubted == []
    client = signed_in(moderator(found))
    queue = client.get(f"/en/staff/consultations/{found.slug}/moderation/").content.decode()
    note = (
        '<p class="safeguarding-note" role="note">The safeguarding word lists matched words about: Suicide. The '
        "learned check read the answer as no disclosure, so no case was opened. Read it closely, and escalate it if "
        "in doubt.</p>"
    )
    assert queue.count(note) == 1
    french = client.get(f"/fr/staff/consultations/{found.slug}/moderation/").content.decode()
    assert "Les listes de mots du contrôle de protection ont reconnu des mots liés à : " in french
