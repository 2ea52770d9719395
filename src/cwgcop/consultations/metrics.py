"""Figures for the secretariat about how a consultation is going. Counts only: no text, no receipt.

These are exact (not suppressed): they are shown to staff only, and they describe the running of the
consultation (who answered, what waits for moderation, how quickly cases are handled), not the children.
"""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from cwgcop.bodies.enums import Region
from cwgcop.consultations.enums import AgeBand, ModerationStatus, QuestionKind
from cwgcop.consultations.models import Answer, Consultation, SafeguardingCase
from cwgcop.consultations.results import counted_responses
from cwgcop.core.languages import Language


@dataclass(frozen=True)
class QuestionFlow:
    number: int
    text: str
    answered: int
    skipped: int
    answered_share: float  # 0–1 of all responses


@dataclass(frozen=True)
class Metrics:
    responses: int
    by_age_band: list[tuple[str, int]]
    by_region: list[tuple[str, int]]
    by_language: list[tuple[str, int]]
    complete: int
    completion_rate: float  # 0–1
    questions: list[QuestionFlow]
    text_answers: int
    redacted_answers: int
    redacted_share: float  # 0–1 of free-text answers
    backlog: int
    oldest_waiting: datetime.timedelta | None
    moderated: int
    median_time_to_moderate: datetime.timedelta | None
    escalations: int
    cases_without_action: int
    median_time_to_first_action: datetime.timedelta | None


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _median(deltas: list[datetime.timedelta]) -> datetime.timedelta | None:
    if not deltas:
        return None
    return datetime.timedelta(seconds=statistics.median(d.total_seconds() for d in deltas))


def _labelled(counts: Counter[str], choices: list[tuple[str, Any]]) -> list[tuple[str, int]]:
    return [(str(label), counts.get(value, 0)) for value, label in choices]


def metrics(consultation: Consultation, *, now: datetime.datetime) -> Metrics:
    """Every figure of the metrics page, in a fixed number of queries."""
    responses = counted_responses(consultation)
    profiles = list(responses.values_list("pk", "age_band", "region", "language"))
    total = len(profiles)
    questions = list(consultation.questions.order_by("order"))
    answers = Answer.objects.filter(response__in=responses)
    per_question = dict(answers.values_list("question").annotate(n=Count("id")).order_by())
    per_response = Counter(answers.values_list("response", flat=True))
    complete = sum(1 for pk, *_rest in profiles if per_response.get(pk, 0) >= len(questions) > 0)
    text = Answer.objects.filter(response__consultation=consultation, question__kind=QuestionKind.TEXT)
    text_counts = text.aggregate(
        all=Count("id"),
        redacted=Count("id", filter=Q(redactions__gt=0)),
        pending=Count("id", filter=Q(moderation=ModerationStatus.PENDING)),
    )
    waiting = list(text.filter(moderation=ModerationStatus.PENDING).values_list("received_at", flat=True))
    moderated: list[datetime.timedelta] = []
    for received, done in text.filter(
        moderation__in=[ModerationStatus.APPROVED, ModerationStatus.REJECTED]
    ).values_list("received_at", "moderated_at"):
        if received is not None and done is not None:
            moderated.append(done - received)
    cases = list(SafeguardingCase.objects.filter(consultation=consultation).values_list("opened_at", "first_action_at"))
    return Metrics(
        responses=total,
        by_age_band=_labelled(Counter(p[1] for p in profiles), AgeBand.choices),
        by_region=_labelled(Counter(p[2] for p in profiles), Region.choices),
        by_language=_labelled(Counter(p[3] for p in profiles), Language.choices),
        complete=complete,
        completion_rate=_share(complete, total),
        questions=[
            QuestionFlow(
                number=q.order,
                text=q.display_text,
                answered=per_question.get(q.pk, 0),
                skipped=total - per_question.get(q.pk, 0),
                answered_share=_share(per_question.get(q.pk, 0), total),
            )
            for q in questions
        ],
        text_answers=text_counts["all"],
        redacted_answers=text_counts["redacted"],
        redacted_share=_share(text_counts["redacted"], text_counts["all"]),
        backlog=text_counts["pending"],
        oldest_waiting=now - min(waiting) if waiting else None,
        moderated=len(moderated),
        median_time_to_moderate=_median(moderated),
        escalations=len(cases),
        cases_without_action=sum(1 for _opened, first in cases if first is None),
        median_time_to_first_action=_median([first - opened for opened, first in cases if first is not None]),
    )
