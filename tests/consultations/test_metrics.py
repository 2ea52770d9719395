"""The secretariat's metrics, to the exact figure."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation

from cwgcop.consultations import metrics, services
from cwgcop.consultations.models import Answer, Consultation, SafeguardingCase
from cwgcop.consultations.templatetags.consultations import duration
from tests.consultations.factories import consultation, lead, secretariat, text_answer

pytestmark = pytest.mark.django_db


def _submit(found: Consultation, values: dict[int, Any], **profile: str) -> services.Submitted:
    questions = {q.order: q for q in found.questions.all()}
    answers = {questions[order].pk: value for order, value in values.items()}
    defaults = {"language": "en", "age_band": "13-15", "country": "KE"}
    submission = services.Submission(answers=answers, **{**defaults, **profile})
    return services.submit_response(consultation=found, submission=submission)


def _stamp(answer: Answer, now: datetime.datetime, *, received_ago: int, moderated_after: int | None = None) -> None:
    received = now - datetime.timedelta(minutes=received_ago)
    moderated = received + datetime.timedelta(minutes=moderated_after) if moderated_after is not None else None
    Answer.objects.filter(pk=answer.pk).update(received_at=received, moderated_at=moderated)


@pytest.fixture
def now() -> datetime.datetime:
    return timezone.now().replace(microsecond=0)


@pytest.fixture
def measured(now: datetime.datetime) -> Consultation:
    """Seven responses; see each line for what it contributes."""
    found = consultation()
    lead(found)
    yes = str(found.questions.get(order=1).choices.get(label_en="Yes").pk)
    # 1: complete; its text had an e-mail address removed; approved 10 minutes after it arrived.
    first = _submit(found, {1: yes, 2: 4, 3: "write to kid@example.org"})
    services.moderate(actor=None, answer=text_answer(first), approve=True)
    _stamp(text_answer(first), now, received_ago=120, moderated_after=10)
    # 2: skipped the open question.  3: answered the first question only.
    _submit(found, {1: yes, 2: 3})
    _submit(found, {1: yes})
    # 4: complete, a disclosure; the lead acted 45 minutes after the case opened.
    risky = _submit(found, {1: yes, 2: 1, 3: "he hits me"})
    case = SafeguardingCase.objects.get(answer=text_answer(risky))
    services.act_on_case(actor=None, case=case, status="in-progress", notes="Called the helpline")
    SafeguardingCase.objects.filter(pk=case.pk).update(
        opened_at=now - datetime.timedelta(minutes=90), first_action_at=now - datetime.timedelta(minutes=45)
    )
    # 5: in Chinese, from China, aged 9–12; rejected 30 minutes after it arrived.
    fifth = _submit(found, {1: yes, 2: 5, 3: "多一些海报"}, language="zh-hans", country="CN", age_band="9-12")
    services.moderate(actor=None, answer=text_answer(fifth), approve=False, reason="off-topic")
    _stamp(text_answer(fifth), now, received_ago=60, moderated_after=30)
    # 6: from France, aged 16–17; its text waits, received 3 hours ago.
    sixth = _submit(found, {1: yes, 2: 2, 3: "more chat"}, country="FR", age_band="16-17")
    _stamp(text_answer(sixth), now, received_ago=180)
    # 7: a second disclosure nobody has acted on yet; skipped the scale.
    _submit(found, {1: yes, 3: "I want to die"})
    return found


def test_metrics_count_exactly(measured: Consultation, now: datetime.datetime) -> None:
    m = metrics.metrics(measured, now=now)
    assert m.responses == 7
    assert dict(m.by_age_band) == {"9–12 years": 1, "13–15 years": 5, "16–17 years": 1, "18–24 years": 0}
    assert {k: v for k, v in m.by_region if v} == {"Africa": 5, "Asia-Pacific": 1, "Europe": 1}
    assert {k: v for k, v in m.by_language if v} == {"English": 6, "Chinese": 1}
    assert (m.complete, m.completion_rate) == (4, 4 / 7)
    assert [(q.number, q.answered, q.skipped) for q in m.questions] == [(1, 7, 0), (2, 5, 2), (3, 5, 2)]
    assert m.questions[2].answered_share == 5 / 7
    assert (m.text_answers, m.redacted_answers, m.redacted_share) == (5, 1, 0.2)
    assert (m.backlog, m.oldest_waiting) == (1, datetime.timedelta(hours=3))
    assert (m.moderated, m.median_time_to_moderate) == (2, datetime.timedelta(minutes=20))
    assert (m.escalations, m.cases_without_action) == (2, 1)
    assert m.median_time_to_first_action == datetime.timedelta(minutes=45)


def test_metrics_page_shows_the_figures_to_the_secretariat(measured: Consultation) -> None:
    client = Client()
    client.force_login(secretariat(measured))
    page = client.get(f"/en/staff/consultations/{measured.slug}/metrics/")
    body = page.content.decode()
    assert page["Cache-Control"] == "private, no-store"
    assert '<dd id="m-responses">7</dd>' in body
    assert "4 answered every question (57%)" in body
    assert "1 / 5 (20%)" in body
    assert '<dd id="m-backlog">1 · oldest waiting for 3 hours</dd>' in body
    assert '<dd id="m-moderate">20 minutes (2 answers)</dd>' in body
    assert '<dd id="m-escalations">2 · 1 without action yet</dd>' in body
    assert '<dd id="m-first-action">45 minutes</dd>' in body
    assert "kid@example.org" not in body
    assert "he hits me" not in body


def test_metrics_of_an_empty_consultation_are_zero() -> None:
    m = metrics.metrics(consultation(), now=timezone.now())
    assert (m.responses, m.completion_rate, m.redacted_share, m.backlog) == (0, 0.0, 0.0, 0)
    assert (m.median_time_to_moderate, m.median_time_to_first_action, m.oldest_waiting) == (None, None, None)


@pytest.mark.parametrize(
    ("language", "two_units", "one_unit"),
    [
        ("en", "2 days and 3 hours", "5 minutes"),
        ("fr", "2 jours et 3 heures", "5 minutes"),
        ("es", "2 días y 3 horas", "5 minutos"),
        ("ru", "2 дня и 3 часа", "5 минут"),
        ("ar", "2 يومين و3 ساعات", "5 دقائق"),
        ("zh-hans", "2 日和3 小时", "5 分钟"),
    ],
)
def test_durations_join_their_units_by_the_languages_list_pattern(language: str, two_units: str, one_unit: str) -> None:
    # Django's own unit translations (the Arabic dual "يومين" comes with its figure from Django's catalogue).
    with translation.override(language):
        assert duration(datetime.timedelta(days=2, hours=3, minutes=5)) == two_units  # the two largest units only
        assert duration(datetime.timedelta(minutes=5)) == one_unit
