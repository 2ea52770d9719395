"""The secretariat's pages for a body's governing texts and a report's particulars, draft previews, and the
public list of reports to the Council and participation history chart."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cwgcop.bodies.models import Body
from cwgcop.core.languages import current_language
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import form_status, refusal_on_form
from cwgcop.reports import chart, services
from cwgcop.reports.enums import ReportStatus
from cwgcop.reports.forms import GoverningTextForm, ParticularsForm
from cwgcop.reports.models import CouncilReport, GoverningText


@require_permission("reports.view_drafts")
def governing_texts(request: HttpRequest, slug: str) -> HttpResponse:
    """A body's governing texts, every version with its dates; the secretariat adds a version here."""
    body = get_object_or_404(Body, slug=slug)
    check_object_permission(request, "reports.draft", body)
    form = GoverningTextForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.add_governing_text(
                actor=request.user,
                body=body,
                kind=form.cleaned_data["kind"],
                texts=form.texts(),
                valid_from=form.cleaned_data["valid_from"],
                valid_until=form.cleaned_data["valid_until"],
                url=form.cleaned_data["url"],
            )
            messages.success(request, _("Governing text saved."))
            return redirect("staff:reports:governing_texts", slug=body.slug)
    texts = GoverningText.objects.filter(body=body).order_by("kind", "-valid_from")
    return render(
        request,
        "reports/staff/governing_texts.html",
        {"body": body, "texts": texts, "form": form},
        status=form_status(form),
    )


@require_permission("reports.view_drafts")
def governing_text_edit(request: HttpRequest, pk: int) -> HttpResponse:
    text: GoverningText = get_object_or_404(GoverningText.objects.select_related("body"), pk=pk)
    check_object_permission(request, "reports.draft", text.body)
    form = GoverningTextForm(request.POST or None, instance=text)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.change_governing_text(
                actor=request.user,
                text=text,
                texts=form.texts(),
                valid_from=form.cleaned_data["valid_from"],
                valid_until=form.cleaned_data["valid_until"],
                url=form.cleaned_data["url"],
            )
            messages.success(request, _("Governing text saved."))
            return redirect("staff:reports:governing_texts", slug=text.body.slug)
    return render(
        request, "reports/staff/governing_text_edit.html", {"text": text, "form": form}, status=form_status(form)
    )


@require_permission("reports.view_drafts")
def report_particulars(request: HttpRequest, pk: int) -> HttpResponse:
    """What the secretariat enters for the report's period; saving writes a new version."""
    report: CouncilReport = get_object_or_404(CouncilReport.objects.select_related("body"), pk=pk)
    check_object_permission(request, "reports.draft", report.body)
    form = ParticularsForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.set_particulars(
                actor=request.user,
                report=report,
                based_on=form.cleaned_data["version"],
                council_document=form.cleaned_data["council_document"],
                texts=form.texts(),
                history_chart=form.cleaned_data["history_chart"],
            )
            messages.success(request, _("Saved as a new version."))
            return redirect("staff:reports:detail", pk=report.pk)
    return render(request, "reports/staff/particulars.html", {"report": report, "form": form}, status=form_status(form))


@require_safe
@require_permission("reports.view_drafts")
def report_preview(request: HttpRequest, pk: int, number: int, language: str, fmt: str) -> HttpResponse:
    """One version of a draft as DOCX, PDF or HTML, for the secretariat and the chair before approval; sections
    with content not yet written in the language say so."""
    report: CouncilReport = get_object_or_404(CouncilReport.objects.select_related("body", "document"), pk=pk)
    check_object_permission(request, "reports.view_drafts", report.body)
    version = report.versions.filter(number=number).first()
    if version is None or language not in version.sections or fmt not in services.FORMATS:
        raise Http404
    data = services.render_report(report, language, fmt, version.sections[language], preview=True)
    response = HttpResponse(data, content_type=services.MEDIA[fmt])
    response["Content-Disposition"] = f'attachment; filename="draft-{pk}-v{number}-{language}.{fmt}"'
    return response


@require_safe
def council_reports(request: HttpRequest) -> HttpResponse:
    """Every published report to the Council, any body, with its Council document number."""
    reports = (
        CouncilReport.objects.filter(status=ReportStatus.PUBLISHED)
        .select_related("body", "document")
        .order_by("-end", "council_document")
    )
    return render(request, "reports/council_reports.html", {"reports": reports})


@require_safe
def history_chart(request: HttpRequest, slug: str) -> HttpResponse:
    """The body's participation at every meeting, by year (PNG), for its public page."""
    body = get_object_or_404(Body, slug=slug)
    data = chart.history(body)
    if not data:
        raise Http404
    response = HttpResponse(chart.history_image(data, language=current_language()), content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response
