"""Moderation and safeguarding queues. Every view of children's raw text is written to the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cwgcop.consultations import queries, services
from cwgcop.consultations.enums import CaseStatus
from cwgcop.consultations.forms import RejectForm
from cwgcop.consultations.models import Answer, Consultation, SafeguardingCase
from cwgcop.core import audit
from cwgcop.core.permissions import check_object_permission
from cwgcop.core.refusals import refusal_as_messages


def _consultation(request: HttpRequest, slug: str, permission: str) -> Consultation:
    consultation = Consultation.objects.filter(slug=slug).select_related("body").first()
    if consultation is None:
        raise Http404
    check_object_permission(request, permission, consultation)
    return consultation


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def moderation(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(request, slug, "consultations.moderate")
    queue = list(queries.moderation_queue(consultation)[:100])
    audit.record(
        actor=request.user,
        action="consultation.view_raw",
        instance=consultation,
        after={"answers": [a.pk for a in queue]},
    )
    now = timezone.now()
    items = [(answer, now - answer.received_at) for answer in queue]
    return _no_store(
        render(
            request,
            "consultations/staff/moderation.html",
            {"consultation": consultation, "items": items, "reject_form": RejectForm()},
        )
    )


@require_POST
def moderate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    consultation = _consultation(request, slug, "consultations.moderate")
    answer = get_object_or_404(Answer, pk=pk, response__consultation=consultation)
    approve = request.POST.get("decision") == "approve"
    form = RejectForm(request.POST)
    reason = form.data.get("reason", "") if not approve else ""
    with refusal_as_messages(request):
        services.moderate(actor=request.user, answer=answer, approve=approve, reason=str(reason))
    return redirect("staff:consultations:moderation", slug=slug)


@require_safe
def safeguarding(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(request, slug, "consultations.safeguard")
    cases = list(queries.safeguarding_cases(consultation))
    audit.record(
        actor=request.user,
        action="consultation.view_cases",
        instance=consultation,
        after={"cases": [c.pk for c in cases]},
    )
    return _no_store(
        render(
            request,
            "consultations/staff/safeguarding.html",
            {"consultation": consultation, "cases": cases, "statuses": CaseStatus.choices, "now": timezone.now()},
        )
    )


@require_POST
def act(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    consultation = _consultation(request, slug, "consultations.safeguard")
    case = get_object_or_404(SafeguardingCase, pk=pk, consultation=consultation)
    with refusal_as_messages(request):
        services.act_on_case(
            actor=request.user, case=case, status=request.POST.get("status", ""), notes=request.POST.get("notes", "")
        )
        messages.success(request, _("Saved."))
    return redirect("staff:consultations:safeguarding", slug=slug)
