"""Bad input through the pages and the API: a clear message in the reader's language, and nothing written."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from cwgcop.consultations.models import Answer, Response
from cwgcop.core.models import AuditEntry
from tests.consultations.factories import approve_text, close, consultation, moderator, submit
from tests.consultations.test_child_pages import form_data

pytestmark = pytest.mark.django_db


def _nothing_written() -> None:
    assert (Response.objects.count(), Answer.objects.count(), AuditEntry.objects.count()) == (0, 0, 0)


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("en", "This consultation is closed. Thank you for wanting to take part!"),
        ("zh-hans", "这次征求意见已经结束了。谢谢你想参加！"),
    ],
)
def test_answers_after_closing_are_refused_on_the_page(client: Client, language: str, refusal: str) -> None:
    found = consultation()
    data = form_data(found)
    close(found)
    response = client.post(f"/{language}/consult/{found.slug}/answer/", data)
    assert response.status_code == 400
    assert refusal in response.content.decode()
    _nothing_written()


def test_a_100_kb_answer_is_refused_and_kept_in_the_form(client: Client) -> None:
    found = consultation()
    huge = "a" * 100_000
    response = client.post(f"/en/consult/{found.slug}/answer/", form_data(found, huge))
    body = response.content.decode()
    assert response.status_code == 400
    assert "Your answer is too long: please keep it under 2,000 characters." in body
    _nothing_written()


def test_an_answer_in_a_language_the_consultation_does_not_offer_is_refused(client: Client) -> None:
    found = consultation()
    response = client.post(f"/fr/consult/{found.slug}/answer/", form_data(found))
    assert response.status_code == 400
    assert "Cette consultation n’est pas disponible dans cette langue." in response.content.decode()
    _nothing_written()


def test_a_choice_from_another_question_or_a_bad_scale_is_refused(client: Client) -> None:
    found = consultation()
    questions = {q.order: q for q in found.questions.all()}
    other = consultation(slug="other")
    stray = other.questions.get(order=1).choices.first().pk  # type: ignore[union-attr]
    response = client.post(f"/en/consult/{found.slug}/answer/", form_data(found, **{f"q{questions[1].pk}": str(stray)}))
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    scale = client.post(f"/en/consult/{found.slug}/answer/", form_data(found, **{f"q{questions[2].pk}": "9"}))
    assert scale.status_code == 400
    _nothing_written()


def test_a_forged_receipt_opens_nothing(client: Client) -> None:
    found = consultation()
    response = client.post(f"/en/consult/{found.slug}/receipt/", {"receipt": "FORG-EDCO-DE22", "action": "feedback"})
    assert response.status_code == 400
    assert "We could not find answers with this receipt code. Check the code and try again." in (
        response.content.decode()
    )
    withdraw = client.post(f"/en/consult/{found.slug}/receipt/", {"receipt": "FORG-EDCO-DE22", "action": "withdraw"})
    assert withdraw.status_code == 400
    _nothing_written()


def test_a_reused_receipt_is_refused_after_withdrawal(client: Client) -> None:
    found = consultation()
    code = submit(found, text="posters").receipt
    answers = Answer.objects.count()
    asked = client.post(f"/en/consult/{found.slug}/receipt/", {"receipt": code, "action": "withdraw"})
    assert "will be deleted for good. You cannot get them back" in asked.content.decode()
    assert Answer.objects.count() == answers > 0  # nothing is deleted before the child says yes
    confirmed = {"receipt": code, "action": "withdraw", "confirm": "yes"}
    first = client.post(f"/en/consult/{found.slug}/receipt/", confirmed)
    assert "Your answers have been deleted. Thank you for taking part." in first.content.decode()
    assert Answer.objects.count() == 0
    again = client.post(f"/en/consult/{found.slug}/receipt/", confirmed)
    assert again.status_code == 400
    assert "We could not find answers with this receipt code." in again.content.decode()
    assert client.post(f"/en/consult/{found.slug}/receipt/", {"receipt": code}).status_code == 400
    assert AuditEntry.objects.filter(action="consultation.withdraw").count() == 1


def test_the_receipt_opens_the_feedback_page(client: Client) -> None:
    from cwgcop.consultations import services

    found = consultation()
    code = submit(found).receipt
    waiting = client.post(f"/en/consult/{found.slug}/receipt/", {"receipt": code.lower(), "action": "feedback"})
    assert "The group has not written back yet." in waiting.content.decode()
    close(found)
    services.publish_feedback(
        actor=None,
        consultation=found,
        texts={"en": "We asked ITU to list helplines.", "zh-hans": "我们请国际电联列出求助热线。"},
    )
    page = client.post(f"/zh-hans/consult/{found.slug}/receipt/", {"receipt": code, "action": "feedback"})
    assert page.status_code == 200
    assert "我们请国际电联列出求助热线。" in page.content.decode()


def test_html_and_script_in_answers_are_shown_as_text_everywhere(client: Client) -> None:
    found = consultation()
    for _ in range(10):
        submit(found)
    submitted = submit(found, text='<script>alert("x")</script><img src=x onerror=alert(1)> <b>bold</b>')
    staff = Client()
    staff.force_login(moderator(found))
    queue = staff.get(f"/en/staff/consultations/{found.slug}/moderation/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in queue
    assert "<script" not in queue
    approve_text(submitted)
    close(found)
    page = client.get(f"/en/consult/{found.slug}/results/").content.decode()
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &lt;b&gt;bold&lt;/b&gt;"
        in page
    )
    assert "<script" not in page
    assert "<img src=x" not in page
    api = client.get(f"/api/v1/consultations/{found.slug}/results")
    assert api["Content-Type"] == "application/json; charset=utf-8"
    [quote] = api.json()["quotes"]
    assert quote["text"] == '<script>alert("x")</script><img src=x onerror=alert(1)> <b>bold</b>'


def test_the_api_refuses_an_unknown_or_draft_consultation_in_the_readers_language(client: Client) -> None:
    draft = consultation(published_at=None)
    for path in ("", "/results"):
        response = client.get(f"/api/v1/consultations/{draft.slug}{path}")
        assert response.status_code == 404
        assert response.json() == {"detail": f"There is no consultation “{draft.slug}”.", "code": "not_found"}
    chinese = client.get("/api/v1/consultations/nothing", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert chinese.json() == {"detail": "没有叫“nothing”的征求意见。", "code": "not_found"}


def test_a_consultation_that_has_not_opened_yet_refuses_answers(client: Client) -> None:
    now = timezone.now()
    found = consultation(opens_at=now + datetime.timedelta(days=2), closes_at=now + datetime.timedelta(days=9))
    page = client.get(f"/en/consult/{found.slug}/").content.decode()
    assert "This consultation is not open right now." in page
    response = client.post(f"/en/consult/{found.slug}/answer/", form_data(found))
    assert response.status_code == 400
    assert "This consultation has not opened yet. Please come back later!" in response.content.decode()
    _nothing_written()
