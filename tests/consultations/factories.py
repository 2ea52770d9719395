from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Role
from cwgcop.consultations import services
from cwgcop.consultations.models import Answer, Choice, Consultation, Question, SharingPackage
from tests.factories import BodyFactory, UserFactory

# The questions of every test consultation, in order: a choice (yes or no), a scale and an open text.
QUESTIONS = [
    ("single", "Have you heard of a child helpline?", "你听说过儿童求助热线吗？"),
    ("scale", "How much do you trust them?", "你有多信任它们？"),
    ("text", "What would make them better?", "怎样才能让它们更好？"),
]


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
    for order, (kind, en, zh) in enumerate(QUESTIONS, start=1):
        Question.objects.create(consultation=found, order=order, kind=kind, text=en, text_en=en, text_zh_hans=zh)
    single = found.questions.get(order=1)
    for order, (en, zh) in enumerate([("Yes", "是"), ("No", "否")], start=1):
        Choice.objects.create(question=single, order=order, label=en, label_en=en, label_zh_hans=zh)
    return found


def staff(found: Consultation, kind: RoleKind, username: str, *, totp: bool = True) -> Any:
    """A person with ``kind`` in the consultation's body, a verified address and (by default) an authenticator."""
    from tests.accounts.factories import give_totp, verify_email

    user = UserFactory(username=username)
    Role.objects.get_or_create(user=user, body=found.body, kind=kind)
    verify_email(user)
    if totp:
        give_totp(user)
    return user


def lead(found: Consultation, username: str = "lead") -> Any:
    return staff(found, RoleKind.SAFEGUARDING_LEAD, username)


def moderator(found: Consultation, username: str = "moderator") -> Any:
    return staff(found, RoleKind.MODERATOR, username)


def secretariat(found: Consultation, username: str = "sec") -> Any:
    return staff(found, RoleKind.SECRETARIAT, username)


def close(found: Consultation) -> Consultation:
    """Move the consultation's window into the past (answers already given keep counting)."""
    now = timezone.now()
    found.opens_at = now - datetime.timedelta(days=10)
    found.closes_at = now - datetime.timedelta(seconds=1)
    found.live_opens_at = found.live_closes_at = None
    found.save(update_fields=["opens_at", "closes_at", "live_opens_at", "live_closes_at"])
    return found


def text_answer(submitted: services.Submitted) -> Answer:
    """The answer a submitted response gave to the consultation's open-text question."""
    return submitted.response.answers.get(question__kind="text")


def approve_text(submitted: services.Submitted, actor: Any = None) -> None:
    services.moderate(actor=actor, answer=text_answer(submitted), approve=True)


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


def send_package(
    found: Consultation,
    *,
    recipient: str = "Focal point",
    email: str = "f@example.org",
    kind: str = "focal-point",
    actor: Any = None,
    language: str = "en",
) -> tuple[SharingPackage, str]:
    """Share the approved answers of a closed consultation with ``recipient`` (an organisation of ``kind``) at
    ``email``, through the service. Returns the package and the link e-mailed to the recipient."""
    return services.create_package(
        actor=actor,
        consultation=found,
        recipient=recipient,
        recipient_email=email,
        recipient_kind=kind,
        language=language,
    )
