"""/api/v1/consultations/: consultations with children and their results (aggregates only).

Results are the public page's, to the figure: suppressed below ``CWGCOP_CONSULTATION_PUBLIC_K``, breakdowns
and quotes only once the consultation has closed, and never any text a moderator did not approve (quotes keep
the attribution rule). Nothing here can submit answers: children answer on the pages.
"""
# No `from __future__ import annotations` here: django-ninja reads the parameter annotations at import.

import datetime
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from cwgcop.consultations import queries, results
from cwgcop.consultations.models import Consultation
from cwgcop.core.api.errors import NotFoundError
from cwgcop.core.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.core.api.schemas import ErrorSchema
from cwgcop.core.api.serializers import translations

router = Router(tags=["consultations"])


class ConsultationSchema(Schema):
    slug: str = Field(description="Identifies the consultation: /api/v1/consultations/{slug}.")
    title: str = Field(description="The title in the reader's language (Accept-Language), else in English.")
    titles: dict[str, str] = Field(description="The title in every language it has, by language code.")
    body: str = Field(description="The acronym of the body that consults.")
    meeting: str | None = Field(description="The code of the meeting it belongs to (CWG-COP-21), if any.")
    status: str = Field(description="scheduled, open, closed or archived.")
    languages: list[str] = Field(description="The languages children can answer in.")
    age_bands: list[str] = Field(description="The age groups it is for: 9-12, 13-15, 16-17, 18-24.")
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    live_opens_at: datetime.datetime | None = Field(description="The live window during the meeting, if any.")
    live_closes_at: datetime.datetime | None
    feedback_published: bool = Field(description="Whether “you said, we did” is published.")
    url: str = Field(description="The consultation's public page (where children take part).")
    results_url: str = Field(description="The public results page.")
    results: str = Field(description="The API address of its results.")


class QuestionSchema(Schema):
    number: int
    kind: str = Field(description="single, multiple, scale (1–5) or text.")
    text: str
    required: bool
    choices: list[str] = Field(description="The choices of a single or multiple choice question.")


class ConsultationDetailSchema(ConsultationSchema):
    introduction: str
    privacy_notice: str
    questions: list[QuestionSchema]
    feedback: str | None = Field(description="“You said, we did”, once published.")


class GroupSchema(Schema):
    group: str
    counts: list[int | None] = Field(description="One figure per column; null when hidden to protect a small group.")


class QuestionResultSchema(Schema):
    number: int
    question: str
    kind: str
    columns: list[str] = Field(description="The answers: the choices, or 1 to 5.")
    overall: list[int | None] = Field(description="Everyone: one figure per column; null when hidden.")
    breakdowns: dict[str, list[GroupSchema]] = Field(
        description="By age_band, region and gender, once the consultation has closed."
    )


class QuoteSchema(Schema):
    question: str
    text: str = Field(description="An answer a moderator approved, with personal details already removed.")
    attribution: list[str] = Field(description="Age group and region, only as far as the group is not smaller than k.")


class ResultsSchema(Schema):
    consultation: str
    k: int = Field(description="Figures for fewer than k people are hidden (null), with those that would reveal them.")
    closed: bool
    responses: int
    answers_deleted: bool = Field(description="The answers were deleted after the retention period; figures kept.")
    questions: list[QuestionResultSchema]
    quotes: list[QuoteSchema] = Field(description="Approved answers to open questions, once it has closed.")
    url: str = Field(description="The public results page.")


def _status(consultation: Consultation) -> str:
    return str(consultation.status.value)


def consultation_data(request: HttpRequest, consultation: Consultation) -> dict[str, Any]:
    slug = consultation.slug
    return {
        "slug": slug,
        "title": consultation.display_title,
        "titles": translations(consultation, "title"),
        "body": consultation.body.acronym,
        "meeting": consultation.meeting.code if consultation.meeting else None,
        "status": _status(consultation),
        "languages": list(consultation.languages),
        "age_bands": list(consultation.age_bands),
        "opens_at": consultation.opens_at,
        "closes_at": consultation.closes_at,
        "live_opens_at": consultation.live_opens_at,
        "live_closes_at": consultation.live_closes_at,
        "feedback_published": consultation.feedback_published_at is not None,
        "url": request.build_absolute_uri(consultation.get_absolute_url()),
        "results_url": request.build_absolute_uri(reverse("consultations:results", kwargs={"slug": slug})),
        "results": request.build_absolute_uri(reverse("api:consultation_results", kwargs={"slug": slug})),
    }


def _found(slug: str) -> Consultation:
    consultation = queries.public_consultation(slug)
    if consultation is None:
        raise NotFoundError(_("There is no consultation “%(slug)s”.") % {"slug": slug[:80]})
    return consultation


@router.get("/", response={200: list[ConsultationSchema], 400: ErrorSchema}, summary="List consultations")
@paginate(LimitOffsetPagination)
def list_consultations(request: HttpRequest) -> LazyPage:
    """Published consultations with children and young people, newest first."""
    queryset = queries.public_consultations().select_related("meeting__body")
    return LazyPage(queryset, lambda consultation: consultation_data(request, consultation))


@router.get("/{slug}", response={200: ConsultationDetailSchema, 404: ErrorSchema}, summary="One consultation")
def get_consultation(request: HttpRequest, slug: str) -> dict[str, Any]:
    consultation = _found(slug)
    questions = consultation.questions.prefetch_related("choices")
    return {
        **consultation_data(request, consultation),
        "introduction": consultation.display_introduction,
        "privacy_notice": consultation.display_privacy_notice,
        "questions": [
            {
                "number": q.order,
                "kind": q.kind,
                "text": q.display_text,
                "required": q.required,
                "choices": [c.display_label for c in q.choices.all()],
            }
            for q in questions
        ],
        "feedback": consultation.display_feedback if consultation.feedback_published_at else None,
    }


@router.get(
    "/{slug}/results",
    response={200: ResultsSchema, 404: ErrorSchema},
    summary="A consultation's results",
    url_name="consultation_results",
)
def get_results(request: HttpRequest, slug: str) -> dict[str, Any]:
    """Aggregates only, suppressed exactly as on the public results page."""
    consultation = _found(slug)
    data = results.public_results(consultation)
    return {
        "consultation": consultation.slug,
        **{key: data[key] for key in ("k", "closed", "responses", "answers_deleted", "questions", "quotes")},
        "url": request.build_absolute_uri(reverse("consultations:results", kwargs={"slug": consultation.slug})),
    }
