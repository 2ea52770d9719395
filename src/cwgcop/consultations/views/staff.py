"""Moderation and safeguarding queues. Every view of children's raw text is written to the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cwgcop.consultations import queries, redaction, services
from cwgcop.consultations.enums import CaseStatus, ConsultationAction
from cwgcop.consultations.forms import EscalateForm, RejectForm
from cwgcop.consultations.models import Answer, Consultation, SafeguardingCase
from cwgcop.core import audit
from cwgcop.core.permissions import check_object_permission
from cwgcop.core.refusals import form_status, refusal_as_messages, refusal_on_form


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
        action=ConsultationAction.VIEW_RAW,
        instance=consultation,
        after={"answers": [a.pk for a in queue]},
    )
    items = [_item(answer) for answer in queue]
    return _no_store(
        render(
            request,
            "consultations/staff/moderation.html",
            {
                "consultation": consultation,
                "items": items,
                "reject_form": RejectForm(),
                # What a moderator removes by hand is most often a name: first in the list.
                "categories": [
                    (c.value, c.placeholder)
                    for c in sorted(redaction.Category, key=lambda c: c != redaction.Category.NAME)
                ],
            },
        )
    )


def _item(answer: Answer) -> dict[str, object]:
    """An answer in the queue with what still looks personal in it, cut into pieces for the template."""
    found = redaction.highlights(answer.text) if answer.text else []
    pieces: list[tuple[str, redaction.Finding | None]] = []
    position = 0
    for finding in found:
        pieces.append((answer.text[position : finding.start], None))
        pieces.append((answer.text[finding.start : finding.end], finding))
        position = finding.end
    pieces.append((answer.text[position:], None))
    return {
        "answer": answer,
        "pieces": [(text, finding) for text, finding in pieces if text],
        "highlighted": len(found),
        "digest": services.text_digest(answer.text),
    }


def _answer_to_moderate(request: HttpRequest, slug: str, pk: int) -> Answer:
    """Answer ``pk`` of the consultation, for its moderators: 404 when it has no such answer, 403 for others."""
    consultation = _consultation(request, slug, "consultations.moderate")
    return get_object_or_404(Answer, pk=pk, response__consultation=consultation)


@require_POST
def moderate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    answer = _answer_to_moderate(request, slug, pk)
    approve = request.POST.get("decision") == "approve"
    form = RejectForm(request.POST)
    reason = form.data.get("reason", "") if not approve else ""
    with refusal_as_messages(request):
        services.moderate(
            actor=request.user,
            answer=answer,
            approve=approve,
            reason=str(reason),
            keep_highlighted=request.POST.get("keep_highlighted") == "yes",
        )
    return redirect("staff:consultations:moderation", slug=slug)


def _number(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return -1


@require_POST
def remove_span(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    answer = _answer_to_moderate(request, slug, pk)
    with refusal_as_messages(request):
        services.remove_span(
            actor=request.user,
            answer=answer,
            start=_number(request.POST.get("start")),
            end=_number(request.POST.get("end")),
            category=request.POST.get("category", ""),
            digest=request.POST.get("digest", ""),
        )
    return redirect("staff:consultations:moderation", slug=slug)


@require_POST
def remove_words(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    answer = _answer_to_moderate(request, slug, pk)
    with refusal_as_messages(request):
        services.remove_words(
            actor=request.user,
            answer=answer,
            words=request.POST.get("words", ""),
            category=request.POST.get("category", ""),
        )
    return redirect("staff:consultations:moderation", slug=slug)


@require_safe
def safeguarding(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(request, slug, "consultations.safeguard")
    cases = list(queries.safeguarding_cases(consultation))
    audit.record(
        actor=request.user,
        action=ConsultationAction.VIEW_CASES,
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


@require_http_methods(["GET", "POST"])
def escalate(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The second step of "Escalate to safeguarding": the answer again, and why it worries the moderator."""
    consultation = _consultation(request, slug, "consultations.escalate")
    answer = get_object_or_404(
        Answer.objects.select_related("question", "response"), pk=pk, response__consultation=consultation
    )
    form = EscalateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.escalate_answer(actor=request.user, answer=answer, reason=form.cleaned_data["reason"])
            messages.success(request, _("The answer is with the safeguarding lead."))
            return redirect("staff:consultations:moderation", slug=slug)
    # The page shows the child's words (again, after a refused reason): each showing is audited, like the queue.
    audit.record(actor=request.user, action=ConsultationAction.VIEW_RAW, instance=consultation, after={"answers": [pk]})
    context = {"consultation": consultation, "answer": answer, "form": form}
    return _no_store(render(request, "consultations/staff/escalate.html", context, status=form_status(form)))
