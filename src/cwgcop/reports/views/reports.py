"""The secretariat drafts and edits, the chair approves, anyone downloads what is published."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form
from cwgcop.documents.downloads import serve_blob
from cwgcop.reports import services
from cwgcop.reports.enums import ReportStatus
from cwgcop.reports.forms import DraftForm
from cwgcop.reports.models import CouncilReport, Rendition, default_period_start


@require_permission("reports.view_drafts")
def report_list(request: HttpRequest) -> HttpResponse:
    form = DraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        check_object_permission(request, "reports.draft", body)
        start = (
            default_period_start(body, timezone.localdate())
            if form.cleaned_data["since_last_report"]
            else form.cleaned_data["start"]
        )
        with refusal_on_form(form):
            report = services.create_draft(
                actor=request.user,
                body=body,
                start=start,
                end=form.cleaned_data["end"],
                languages=form.cleaned_data["languages"],
                council_document=form.cleaned_data["council_document"] or None,
            )
            messages.success(request, _("Draft created from the platform's data."))
            return redirect("staff:reports:detail", pk=report.pk)
    reports = CouncilReport.objects.select_related("body", "document").order_by("-created_at")[:50]
    return render(
        request, "reports/staff/list.html", {"form": form, "reports": reports}, status=400 if form.errors else 200
    )


def _report(request: HttpRequest, pk: int) -> CouncilReport:
    report: CouncilReport = get_object_or_404(CouncilReport.objects.select_related("body"), pk=pk)
    check_object_permission(request, "reports.view_drafts", report.body)
    return report


@require_permission("reports.view_drafts")
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    latest = report.latest
    return render(
        request,
        "reports/staff/detail.html",
        {
            "report": report,
            "version": latest,
            "sections": latest.sections,
            "versions": report.versions.select_related("created_by").order_by("-number"),
            "can_draft": request.user.has_perm("reports.draft", report.body),
            "can_approve": request.user.has_perm("reports.approve", report.body),
            "progress": services.publication_progress(report) if report.status == ReportStatus.PUBLISHING else None,
            "failure": report.publication_failure if report.status == ReportStatus.PUBLISHING else None,
        },
    )


def _version(request: HttpRequest) -> int:
    """The version the reader had open. Versions count from 1, so a missing or garbled one (0) is refused by the
    service as stale, with its message asking to reload."""
    value = request.POST.get("version", "")
    return int(value) if value.isdigit() else 0


@require_POST
@require_permission("reports.view_drafts")
def report_edit(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    report = _report(request, pk)
    check_object_permission(request, "reports.draft", report.body)
    texts = {
        key.removeprefix("section-"): str(value) for key, value in request.POST.items() if key.startswith("section-")
    }
    with refusal_as_messages(request):
        services.edit(actor=request.user, report=report, language=language, texts=texts, based_on=_version(request))
        messages.success(request, _("Saved as a new version."))
    return redirect("staff:reports:detail", pk=pk)


@require_POST
@require_permission("reports.view_drafts")
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    if not request.user.has_perm("reports.approve", report.body):
        raise PermissionDenied
    with refusal_as_messages(request):
        services.approve(actor=request.user, report=report, version=_version(request))
        messages.success(request, _("Approved."))
    return redirect("staff:reports:detail", pk=pk)


@require_POST
@require_permission("reports.view_drafts")
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    started = _("Publication started: the files are being made.")
    return _start_publication(request, pk, services.request_publication, started)


@require_POST
@require_permission("reports.view_drafts")
def report_retry_publication(request: HttpRequest, pk: int) -> HttpResponse:
    started = _("Publication started again: the files not made yet are being made.")
    return _start_publication(request, pk, services.retry_publication, started)


def _start_publication(request: HttpRequest, pk: int, start: Callable[..., object], started: str) -> HttpResponse:
    """A drafter starts making the report's files (``start`` is the service); a refusal is shown on the report."""
    report = _report(request, pk)
    check_object_permission(request, "reports.draft", report.body)
    with refusal_as_messages(request):
        start(actor=request.user, report=report)
        messages.success(request, started)
    return redirect("staff:reports:detail", pk=pk)


@require_safe
def download(request: HttpRequest, pk: int, language: str, fmt: str) -> HttpResponseBase:
    """A published report's rendition; drafts do not exist for the public (404)."""
    rendition = (
        Rendition.objects.filter(report_id=pk, report__status=ReportStatus.PUBLISHED, language=language, format=fmt)
        .select_related("report", "report__document")
        .first()
    )
    if rendition is None:
        raise Http404
    symbol = rendition.report.document.symbol if rendition.report.document else f"report-{pk}"
    report = rendition.report
    return serve_blob(
        request,
        key=rendition.storage_key,
        sha256=rendition.sha256,
        size=rendition.size,
        filename=f"{symbol.replace('/', '-')}-{language}.{fmt}",
        content_type=services.MEDIA[fmt],
        last_modified=(report.approved_at or report.created_at).timestamp(),
    )
