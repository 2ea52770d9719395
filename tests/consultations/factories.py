from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from cwgcop.consultations import services
from cwgcop.consultations.models import Choice, Consultation, Question
from tests.factories import BodyFactory


def consultation(**overrides: Any) -> Consultation:
    now = timezone.now()
    values: dict[str, Any] = {
        "slug": "helplines",
        "body": overrides.pop("body", None) or BodyFactory(),
        "title": "Child helplines",
        "title_en": "Child helplines",
        "title_zh_hans": "儿童求助热线",
        "introduction_en": "Tell us about helplines.",
        "introduction_zh_hans": "请告诉我们您对求助热线的看法。",
        "privacy_notice_en": "Your answers are anonymous.",
        "privacy_notice_zh_hans": "您的回答是匿名的。",
        "languages": ["en", "zh-hans"],
        "age_bands": ["9-12", "13-15", "16-17", "18-24"],
        "opens_at": now - datetime.timedelta(days=1),
        "closes_at": now + datetime.timedelta(days=7),
        "published_at": now - datetime.timedelta(days=1),
    }
    values.update(overrides)
    found = Consultation.objects.create(**values)
    single = Question.objects.create(
        consultation=found,
        order=1,
        kind="single",
        text="Have you heard of a child helpline?",
        text_en="Have you heard of a child helpline?",
        text_zh_hans="你听说过儿童求助热线吗？",
    )
    for order, (en, zh) in enumerate([("Yes", "是"), ("No", "否")], start=1):
        Choice.objects.create(question=single, order=order, label=en, label_en=en, label_zh_hans=zh)
    Question.objects.create(
        consultation=found,
        order=2,
        kind="scale",
        text="How much do you trust them?",
        text_en="How much do you trust them?",
        text_zh_hans="你有多信任它们？",
    )
    Question.objects.create(
        consultation=found,
        order=3,
        kind="text",
        text="What would make them better?",
        text_en="What would make them better?",
        text_zh_hans="怎样才能让它们更好？",
    )
    return found


def answers(found: Consultation, *, choice: str = "Yes", scale: int | None = 4, text: str = "") -> dict[int, Any]:
    questions = {q.order: q for q in found.questions.all()}
    return {
        questions[1].pk: str(questions[1].choices.get(label=choice).pk),
        questions[2].pk: scale,
        questions[3].pk: text,
    }


def submit(found: Consultation, **overrides: Any) -> services.Submitted:
    text = overrides.pop("text", "")
    choice = overrides.pop("choice", "Yes")
    values: dict[str, Any] = {"language": "en", "age_band": "13-15", "country": "KE", "gender": "unsaid"}
    values.update(overrides)
    submission = services.Submission(answers=answers(found, choice=choice, text=text), **values)
    return services.submit_response(consultation=found, submission=submission)
