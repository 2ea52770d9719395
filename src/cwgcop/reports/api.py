"""Reports in the API: the secretariat requests a draft for a period; anyone downloads a published report."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from cwgcop.accounts.api_auth import api_token_auth, api_user
from cwgcop.bodies.models import Body
from cwgcop.core.api.errors import plain_refusal_codes
from cwgcop.core.languages import LANGUAGE_ORDER, field_suffix
from cwgcop.reports import services
from cwgcop.reports.models import CouncilReport, GoverningText
from cwgcop.reports.views import reports as views

router = Router(tags=["reports"])


Translations = dict[str, str]


class ParticularsIn(Schema):
    """What the secretariat enters for the period; each text per language (``{"en": …, "zh-hans": …}``)."""

    council_document: str | None = None
    council_session: Translations | None = None
    focus_areas: Translations | None = None
    financial_implications: Translations | None = None
    action_required: Translations | None = None
    strategic_plan: Translations | None = None
    history_chart: bool | None = None

    def texts(self) -> dict[str, dict[str, str]]:
        return {name: value for name in services.PARTICULAR_FIELDS if (value := getattr(self, name)) is not None}


class DraftIn(ParticularsIn):
    body: str
    start: datetime.date
    end: datetime.date
    languages: list[str] = ["zh-hans", "en"]


class ParticularsChangeIn(ParticularsIn):
    based_on: int


class GoverningTextIn(Schema):
    body: str
    kind: str
    citation: Translations = {}
    text: Translations = {}
    items: Translations = {}
    url: str = ""
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None


class GoverningTextOut(Schema):
    id: int
    body: str
    kind: str
    citation: Translations
    text: Translations
    items: Translations
    url: str
    valid_from: datetime.date | None
    valid_until: datetime.date | None


class SectionOut(Schema):
    key: str
    title: str
    text: str
    # What the section took from another language because it is not written in the report's language yet.
    missing: list[str] = []


class ReportOut(Schema):
    id: int
    body: str
    start: datetime.date
    end: datetime.date
    status: str
    council_document: str | None
    version: int
    languages: list[str]
    sections: dict[str, list[SectionOut]]
    document: str | None
    downloads: dict[str, dict[str, str]]


def _data(request: HttpRequest, report: CouncilReport) -> dict[str, Any]:
    latest = report.latest
    downloads = {}
    if report.status == "published":
        downloads = {
            language: {
                fmt: request.build_absolute_uri(
                    reverse("reports:download", kwargs={"pk": report.pk, "language": language, "fmt": fmt})
                )
                for fmt in services.FORMATS
            }
            for language in report.languages
        }
    return {
        "id": report.pk,
        "body": report.body.acronym,
        "start": report.start,
        "end": report.end,
        "status": report.status,
        "council_document": report.council_document,
        "version": latest.number,
        "languages": report.languages,
        "sections": latest.sections,
        "document": report.document.symbol if report.document else None,
        "downloads": downloads,
    }


@router.post("/", response={201: ReportOut}, auth=api_token_auth)
@plain_refusal_codes()
def request_draft(request: HttpRequest, payload: DraftIn) -> Status[dict[str, Any]]:
    """Assemble a draft report for a body and a period (the body's secretariat only)."""
    user = api_user(request)
    body = Body.objects.filter(acronym=payload.body).first()
    if body is None or not user.has_perm("reports.draft", body):
        raise Http404
    report = services.create_draft(
        actor=user,
        body=body,
        start=payload.start,
        end=payload.end,
        languages=payload.languages,
        council_document=payload.council_document,
        particulars=payload.texts(),
        history_chart=bool(payload.history_chart),
    )
    return Status(201, _data(request, report))


@router.put("/{report_id}/particulars", response=ReportOut, auth=api_token_auth)
@plain_refusal_codes()
def change_particulars(request: HttpRequest, report_id: int, payload: ParticularsChangeIn) -> dict[str, Any]:
    """Change what the secretariat entered for the period of a draft; the sections made from it are rewritten
    in a new version (``based_on``: the version you read)."""
    user = api_user(request)
    report = CouncilReport.objects.filter(pk=report_id).select_related("body", "document").first()
    if report is None or not user.has_perm("reports.draft", report.body):
        raise Http404
    services.set_particulars(
        actor=user,
        report=report,
        based_on=payload.based_on,
        council_document=payload.council_document,
        texts=payload.texts(),
        history_chart=payload.history_chart,
    )
    report.refresh_from_db()
    return _data(request, report)


def _text_data(text: GoverningText) -> dict[str, Any]:
    def values(name: str) -> dict[str, str]:
        return {code: value for code in LANGUAGE_ORDER if (value := getattr(text, f"{name}_{field_suffix(code)}"))}

    return {
        "id": text.pk,
        "body": text.body.acronym,
        "kind": text.kind,
        "citation": values("citation"),
        "text": values("text"),
        "items": values("items"),
        "url": text.url,
        "valid_from": text.valid_from,
        "valid_until": text.valid_until,
    }


def _payload_texts(payload: GoverningTextIn) -> dict[str, dict[str, str]]:
    return {name: value for name in ("citation", "text", "items") if (value := getattr(payload, name))}


@router.get("/governing-texts/", response=list[GoverningTextOut])
def governing_texts(request: HttpRequest, body: str) -> list[dict[str, Any]]:
    """Every version of a body's governing texts, with the dates each is in force (public)."""
    texts = GoverningText.objects.filter(body__acronym=body).select_related("body")
    return [_text_data(text) for text in texts]


@router.post("/governing-texts/", response={201: GoverningTextOut}, auth=api_token_auth)
@plain_refusal_codes()
def add_governing_text(request: HttpRequest, payload: GoverningTextIn) -> Status[dict[str, Any]]:
    """Add a version of a body's governing text (the body's secretariat only); a revision in force from a date
    closes the open-ended version before it."""
    user = api_user(request)
    body = Body.objects.filter(acronym=payload.body).first()
    if body is None or not user.has_perm("reports.draft", body):
        raise Http404
    text = services.add_governing_text(
        actor=user,
        body=body,
        kind=payload.kind,
        texts=_payload_texts(payload),
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        url=payload.url,
    )
    return Status(201, _text_data(text))


@router.put("/governing-texts/{text_id}", response=GoverningTextOut, auth=api_token_auth)
@plain_refusal_codes()
def change_governing_text(request: HttpRequest, text_id: int, payload: GoverningTextIn) -> dict[str, Any]:
    """Correct a version of a governing text: texts in any language, dates (no overlap)."""
    user = api_user(request)
    text = GoverningText.objects.filter(pk=text_id, body__acronym=payload.body).select_related("body").first()
    if text is None or not user.has_perm("reports.draft", text.body):
        raise Http404
    text = services.change_governing_text(
        actor=user,
        text=text,
        texts=_payload_texts(payload),
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
        url=payload.url,
    )
    return _text_data(text)


class PublicationFailureOut(Schema):
    language: str
    format: str
    error: str


class PublicationOut(Schema):
    """How far the background publication of a report is, and why it stopped if it failed."""

    id: int
    status: str
    made: int
    total: int
    failure: PublicationFailureOut | None


def _publishing_report(request: HttpRequest, report_id: int) -> CouncilReport:
    user = api_user(request)
    report = CouncilReport.objects.filter(pk=report_id).select_related("body").first()
    if report is None or not user.has_perm("reports.draft", report.body):
        raise Http404
    return report


def _publication(report: CouncilReport) -> dict[str, Any]:
    made, total = services.publication_progress(report)
    failure = report.publication_failure or None
    return {"id": report.pk, "status": report.status, "made": made, "total": total, "failure": failure}


@router.get("/{report_id}/publication", response=PublicationOut, auth=api_token_auth)
def publication(request: HttpRequest, report_id: int) -> dict[str, Any]:
    """The publication's progress (files made of files to make) and, if it stopped, which file failed and why
    (the body's secretariat only)."""
    return _publication(_publishing_report(request, report_id))


@router.post("/{report_id}/publication/retry", response=PublicationOut, auth=api_token_auth)
@plain_refusal_codes()
def retry_publication(request: HttpRequest, report_id: int) -> dict[str, Any]:
    """Start a failed publication again; it resumes with the files not made yet."""
    report = _publishing_report(request, report_id)
    return _publication(services.retry_publication(actor=api_user(request), report=report))


@router.get("/{report_id}", response=ReportOut)
def get_report(request: HttpRequest, report_id: int) -> dict[str, Any]:
    """A published report (drafts answer 404 to everyone here; staff read drafts on their pages)."""
    report = CouncilReport.objects.filter(pk=report_id, status="published").select_related("body", "document").first()
    if report is None:
        raise Http404
    return _data(request, report)


@router.get("/{report_id}/download", response={200: None})
def download(request: HttpRequest, report_id: int, language: str = "en", format: str = "pdf") -> HttpResponseBase:
    """The published report as DOCX, PDF or HTML in one of its languages."""
    if format not in services.FORMATS:
        raise HttpError(400, _("Unknown format: %(format)s.") % {"format": format})
    return views.download(request, report_id, language, format)
