"""Reports in the API: the secretariat requests a draft for a period; anyone downloads a published report."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from cwgcop.accounts.api_auth import api_token_auth, api_user
from cwgcop.bodies.models import Body
from cwgcop.core.errors import DomainError
from cwgcop.reports import services, views
from cwgcop.reports.models import CouncilReport

router = Router(tags=["reports"])


class DraftIn(Schema):
    body: str
    start: datetime.date
    end: datetime.date
    languages: list[str] = ["zh-hans", "en"]


class SectionOut(Schema):
    key: str
    title: str
    text: str


class ReportOut(Schema):
    id: int
    body: str
    start: datetime.date
    end: datetime.date
    status: str
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
        "version": latest.number,
        "languages": report.languages,
        "sections": latest.sections,
        "document": report.document.symbol if report.document else None,
        "downloads": downloads,
    }


@router.post("/", response={201: ReportOut}, auth=api_token_auth)
def request_draft(request: HttpRequest, payload: DraftIn) -> Status[dict[str, Any]]:
    """Assemble a draft report for a body and a period (the body's secretariat only)."""
    user = api_user(request)
    body = Body.objects.filter(acronym=payload.body).first()
    if body is None or not user.has_perm("reports.draft", body):
        raise Http404
    try:
        report = services.create_draft(
            actor=user, body=body, start=payload.start, end=payload.end, languages=payload.languages
        )
    except DomainError as error:
        raise HttpError(400, " ".join(str(m) for m in error.messages)) from error
    return Status(201, _data(request, report))


@router.get("/{report_id}", response=ReportOut)
def get_report(request: HttpRequest, report_id: int) -> dict[str, Any]:
    """A published report (drafts answer 404 to everyone here; staff read drafts on their pages)."""
    report = CouncilReport.objects.filter(pk=report_id, status="published").select_related("body", "document").first()
    if report is None:
        raise Http404
    return _data(request, report)


@router.get("/{report_id}/download", response={200: None})
def download(request: HttpRequest, report_id: int, language: str = "en", format: str = "pdf") -> HttpResponse:
    """The published report as DOCX, PDF or HTML in one of its languages."""
    if format not in services.FORMATS:
        raise HttpError(400, _("Unknown format: %(format)s.") % {"format": format})
    return views.download(request, report_id, language, format)
