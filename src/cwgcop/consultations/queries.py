from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from cwgcop.bodies.models import Body, Role
from cwgcop.consultations.enums import CaseStatus, ModerationStatus
from cwgcop.consultations.models import Answer, Consultation, GroupCode, SafeguardingCase, SharingPackage
from cwgcop.consultations.rules import CONSULTATION_ROLES


def public_consultation(slug: str) -> Consultation | None:
    return Consultation.objects.filter(slug=slug, published_at__isnull=False).select_related("meeting", "body").first()


def public_consultations() -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(published_at__isnull=False).select_related("meeting", "body").order_by("-opens_at")
    )


def open_consultations(now: datetime.datetime | None = None) -> QuerySet[Consultation]:
    """Published consultations taking answers now (main window or live session), the soonest closing first."""
    moment = now or timezone.now()
    main = Q(opens_at__lte=moment, closes_at__gt=moment)
    live = Q(live_opens_at__lte=moment, live_closes_at__gt=moment)
    return (
        Consultation.objects.filter(main | live, published_at__isnull=False, archived_at__isnull=True)
        .select_related("body")
        .order_by("closes_at", "pk")
    )


def staff_consultation(slug: str) -> Consultation | None:
    return Consultation.objects.filter(slug=slug).select_related("meeting", "meeting__body", "body").first()


def staff_bodies(user: Any, kinds: set[Any] | None = None) -> QuerySet[Body]:
    """The bodies in which ``user`` holds one of ``kinds`` (every body for a superuser)."""
    if getattr(user, "is_superuser", False):
        return Body.objects.order_by("acronym")
    kinds = kinds or CONSULTATION_ROLES
    return (
        Body.objects.filter(roles__user=user, roles__kind__in=[k.value for k in kinds]).distinct().order_by("acronym")
    )


def roles_by_body(user: Any) -> dict[int, set[str]]:
    """The kinds of role ``user`` holds in each body, by body id."""
    found: dict[int, set[str]] = {}
    for body_id, kind in Role.objects.filter(user=user).values_list("body_id", "kind"):
        found.setdefault(body_id, set()).add(kind)
    return found


def staff_consultations(user: Any) -> QuerySet[Consultation]:
    """The consultations of the bodies where ``user`` has a consultation role, with their queue sizes."""
    return (
        Consultation.objects.filter(body__in=staff_bodies(user))
        .select_related("body", "meeting", "meeting__body")
        .annotate(
            response_count=Count("responses", filter=Q(responses__counted=True), distinct=True),
            waiting_count=Count(
                "responses__answers",
                filter=Q(responses__answers__moderation=ModerationStatus.PENDING) & ~Q(responses__answers__text=""),
                distinct=True,
            ),
            open_case_count=Count(
                "cases", filter=Q(cases__status__in=[CaseStatus.OPEN, CaseStatus.IN_PROGRESS]), distinct=True
            ),
        )
        .order_by("archived_at", "-opens_at", "pk")
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
        "answer", "answer__question", "answer__response", "answer__response__group_code", "lead", "escalated_by"
    )


def group_codes(consultation: Consultation) -> QuerySet[GroupCode]:
    return consultation.group_codes.annotate(used=Count("response")).order_by("created_at", "pk")


def packages(consultation: Consultation) -> QuerySet[SharingPackage]:
    return (
        SharingPackage.objects.filter(consultation=consultation)
        .select_related("created_by")
        .annotate(download_count=Count("downloads"))
        .order_by("-created_at", "-pk")
    )
