"""Results with small groups suppressed, so that no child can be singled out.

Any figure for a group of fewer than ``k`` people shows as "fewer than k". A suppressed cell could be worked
out from its row or column total when it is alone, so a second cell is suppressed in every row and column
with exactly one (the smallest other non-zero figure): *complementary suppression*, repeated until stable.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from cwgcop.bodies.enums import Region
from cwgcop.consultations.enums import AgeBand, Gender, ModerationStatus, QuestionKind
from cwgcop.consultations.models import Answer, Consultation, Question, Response
from cwgcop.core.languages import current_language

DIMENSIONS: dict[str, type[models.TextChoices]] = {"age_band": AgeBand, "region": Region, "gender": Gender}


@dataclass
class Cell:
    count: int
    suppressed: bool = False


@dataclass
class Table:
    """Counts of one question: rows are groups (or one "overall" row), columns are the answer options."""

    columns: list[str]
    rows: list[tuple[str, list[Cell]]]
    totals: list[Cell] = field(default_factory=list)


@dataclass
class QuestionResult:
    question: Question
    overall: Table
    breakdowns: dict[str, Table]


def public_k() -> int:
    return int(settings.CWGCOP_CONSULTATION_PUBLIC_K)


def suppress(matrix: list[list[Cell]], k: int) -> bool:
    """Suppress cells below ``k`` (above zero), then complements, until every row and column of ``matrix``
    has zero or at least two hidden cells. Only ever adds suppression; returns whether anything changed."""
    changed_any = False
    for row in matrix:
        for cell in row:
            if not cell.suppressed and 0 < cell.count < k:
                cell.suppressed = changed_any = True
    changed = True
    while changed:
        changed = False
        lines = [list(row) for row in matrix] + [list(column) for column in zip(*matrix, strict=False)]
        for line in lines:
            hidden = [c for c in line if c.suppressed]
            if len(hidden) == 1:
                others = sorted((c for c in line if not c.suppressed and c.count > 0), key=lambda c: c.count)
                if others:
                    others[0].suppressed = changed = changed_any = True
    return changed_any


def suppress_together(matrices: list[list[list[Cell]]], k: int) -> None:
    """Suppress several tables that share cells (the overall row is the total of every breakdown)."""
    while any([suppress(matrix, k) for matrix in matrices]):  # noqa: C419 - every table must be processed
        pass


def counted_responses(consultation: Consultation) -> QuerySet[Response]:
    return Response.objects.filter(consultation=consultation, counted=True, withdrawn_at__isnull=True)


def _options(question: Question) -> list[tuple[object, str]]:
    if question.kind == QuestionKind.SCALE:
        return [(n, str(n)) for n in range(1, 6)]
    return [(c.pk, c.display_label) for c in question.choices.all()]


def _answers(question: Question) -> list[tuple[dict[str, Any], object]]:
    """(profile, option) for every counted choice/scale answer to ``question``."""
    answers = (
        Answer.objects.filter(question=question, response__counted=True, response__withdrawn_at__isnull=True)
        .select_related("response")
        .prefetch_related("choices")
    )
    pairs: list[tuple[dict[str, Any], object]] = []
    for answer in answers:
        profile = {name: getattr(answer.response, name) for name in DIMENSIONS}
        if question.kind == QuestionKind.SCALE:
            if answer.scale:
                pairs.append((profile, answer.scale))
        else:
            pairs.extend((profile, choice.pk) for choice in answer.choices.all())
    return pairs


def question_result(question: Question, *, k: int, breakdowns: bool) -> QuestionResult:
    options = _options(question)
    keys = [key for key, _ in options]
    pairs = _answers(question)
    overall_counts = Counter(option for _, option in pairs)
    overall = [[Cell(overall_counts[key]) for key in keys]]
    result = QuestionResult(
        question=question,
        overall=Table(columns=[label for _, label in options], rows=[("", overall[0])]),
        breakdowns={},
    )
    if not breakdowns:
        suppress(overall, k)
        return result
    # Each breakdown's columns add up to the overall row, so the overall row is part of every table.
    matrices = [overall]
    for name, enum in DIMENSIONS.items():
        groups: list[tuple[str, str]] = [(str(value), str(label)) for value, label in enum.choices]
        counts = {value: Counter() for value, _ in groups}  # type: ignore[var-annotated]
        for profile, option in pairs:
            if profile[name] in counts:
                counts[profile[name]][option] += 1
        matrix = [[Cell(counts[value][key]) for key in keys] for value, _ in groups]
        matrices.append([*matrix, overall[0]])
        result.breakdowns[name] = Table(
            columns=[label for _, label in options],
            rows=[(label, matrix[i]) for i, (_, label) in enumerate(groups)],
        )
    suppress_together(matrices, k)
    return result


def results(consultation: Consultation, *, k: int | None = None, now: object = None) -> list[QuestionResult]:
    """Every choice and scale question's results; breakdowns only once the consultation has closed."""
    k = public_k() if k is None else k
    closed = consultation.has_closed(now)
    questions = consultation.questions.exclude(kind=QuestionKind.TEXT).prefetch_related("choices")
    return [question_result(q, k=k, breakdowns=closed) for q in questions]


@dataclass
class Quote:
    question: str
    text: str
    attribution: list[str]


def quotes(consultation: Consultation, *, k: int | None = None) -> list[Quote]:
    """Approved answers to open questions. A quote names its age band and region together only when that
    group has at least ``k`` people; otherwise at most the one of the two whose own group is large enough."""
    k = public_k() if k is None else k
    responses = counted_responses(consultation)
    by_pair = Counter(responses.values_list("age_band", "region"))
    by_band = Counter(responses.values_list("age_band", flat=True))
    by_region = Counter(responses.values_list("region", flat=True))
    approved = (
        Answer.objects.filter(
            response__in=responses, question__kind=QuestionKind.TEXT, moderation=ModerationStatus.APPROVED
        )
        .select_related("response", "question")
        .order_by("question__order", "moderated_at", "pk")
    )
    found = []
    for answer in approved:
        band, region = answer.response.age_band, answer.response.region
        attribution: list[str] = []
        if by_pair[(band, region)] >= k:
            attribution = [str(AgeBand(band).label), str(Region(region).label)]
        elif by_band[band] >= k:
            attribution = [str(AgeBand(band).label)]
        elif region and by_region[region] >= k:
            attribution = [str(Region(region).label)]
        found.append(Quote(question=answer.question.display_text, text=answer.text, attribution=attribution))
    return found


# What the page, the API and sharing packages show: plain data, a hidden figure as None.


def _counts(cells: list[Cell]) -> list[int | None]:
    return [None if cell.suppressed else cell.count for cell in cells]


def question_data(result: QuestionResult) -> dict[str, Any]:
    return {
        "number": result.question.order,
        "question": result.question.display_text,
        "kind": result.question.kind,
        "columns": list(result.overall.columns),
        "overall": _counts(result.overall.rows[0][1]),
        "breakdowns": {
            name: [{"group": label, "counts": _counts(cells)} for label, cells in table.rows]
            for name, table in result.breakdowns.items()
        },
    }


def quote_data(quote: Quote) -> dict[str, Any]:
    return {"question": quote.question, "text": quote.text, "attribution": list(quote.attribution)}


def public_results(consultation: Consultation, *, k: int | None = None, now: object = None) -> dict[str, Any]:
    """The results as the public sees them, in the active language: figures suppressed at ``k`` (public by
    default), breakdowns and quotes only once the consultation has closed. After the raw answers are deleted,
    the figures kept at that moment (without quotes)."""
    if consultation.kept_results:
        kept = consultation.kept_results
        data = kept.get(current_language()) or next(iter(kept.values()))
        return {**data, "answers_deleted": True}
    k = public_k() if k is None else k
    closed = consultation.has_closed(now)
    return {
        "k": k,
        "closed": closed,
        "responses": counted_responses(consultation).count(),
        "questions": [question_data(result) for result in results(consultation, k=k, now=now)],
        "quotes": [quote_data(quote) for quote in quotes(consultation, k=k)] if closed else [],
        "answers_deleted": False,
    }


def package_content(consultation: Consultation, *, k: int) -> dict[str, Any]:
    """A sharing package's frozen content: dates only, no receipt hash, no text that was not approved."""
    data = public_results(consultation, k=k)
    meeting = consultation.meeting
    return {
        "consultation": {
            "title": consultation.display_title,
            "slug": consultation.slug,
            "meeting": meeting.code if meeting else None,
            "opens_on": timezone.localdate(consultation.opens_at).isoformat(),
            "closes_on": timezone.localdate(consultation.last_closes_at).isoformat(),
            "languages": list(consultation.languages),
            "age_bands": list(consultation.age_bands),
        },
        "prepared_on": timezone.localdate().isoformat(),
        "language": current_language(),
        "k": k,
        "responses": data["responses"],
        "questions": data["questions"],
        "quotes": data["quotes"],
    }


def chart(question: dict[str, Any]) -> list[dict[str, Any]]:
    """Bars for a question's overall figures: width as a share of the largest figure shown (hidden: no bar)."""
    shown = [count for count in question["overall"] if count is not None]
    largest = max(shown, default=0) or 1
    return [
        {"label": label, "count": count, "width": 0 if count is None else round(100 * count / largest, 1)}
        for label, count in zip(question["columns"], question["overall"], strict=True)
    ]
