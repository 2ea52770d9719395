from __future__ import annotations

from django.db.models import QuerySet

from cwgcop.consultations.enums import ModerationStatus
from cwgcop.consultations.models import Answer, Consultation, SafeguardingCase


def public_consultation(slug: str) -> Consultation | None:
    return Consultation.objects.filter(slug=slug, published_at__isnull=False).select_related("meeting", "body").first()


def public_consultations() -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(published_at__isnull=False).select_related("meeting", "body").order_by("-opens_at")
    )


def moderation_queue(consultation: Consultation) -> QuerySet[Answer]:
    return (
        Answer.objects.filter(response__consultation=consultation, moderation=ModerationStatus.PENDING)
        .exclude(text="")
        .select_related("question", "response")
        .order_by("received_at", "pk")
    )


def safeguarding_cases(consultation: Consultation) -> QuerySet[SafeguardingCase]:
    return SafeguardingCase.objects.filter(consultation=consultation).select_related(
        "answer", "answer__question", "lead"
    )
