"""Child-facing pages: no account, no tracking, no script from anywhere else, and help one click away."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cwgcop.consultations import helplines, queries, results, services
from cwgcop.consultations.forms import ReceiptForm, ResponseForm
from cwgcop.consultations.models import Consultation
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import current_language


def _consultation(slug: str) -> Consultation:
    found = queries.public_consultation(slug)
    if found is None:
        raise Http404
    return found


def _private(response: HttpResponse) -> HttpResponse:
    # Answers and receipts are one child's own: never stored by a shared cache or the browser's history cache.
    response["Cache-Control"] = "private, no-store"
    return response


def _page(request: HttpRequest, consultation: Consultation, form: ResponseForm, status: int = 200) -> HttpResponse:
    country = request.POST.get("country") or request.GET.get("country")
    context = {
        "consultation": consultation,
        "form": form,
        "open": consultation.is_open(),
        "helpline": helplines.helpline_for(country),
        "language_offered": current_language() in consultation.languages,
    }
    return _private(render(request, "consultations/take_part.html", context, status=status))


@require_safe
def take_part(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    return _page(request, consultation, ResponseForm(consultation=consultation, language=current_language()))


@sensitive_post_parameters()  # error reports never carry what a child wrote
@require_POST
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    form = ResponseForm(request.POST, consultation=consultation, language=current_language())
    if form.is_valid():
        try:
            submitted = services.submit_response(consultation=consultation, submission=form.submission())
        except DomainError as error:
            form.add_error(None, error)
        else:
            helpline = helplines.helpline_for(submitted.response.country.code)
            template = "consultations/help_now.html" if submitted.at_risk else "consultations/receipt.html"
            context = {"consultation": consultation, "receipt": submitted.receipt, "helpline": helpline}
            return _private(render(request, template, context))
    # The form is shown again with the child's own words so nothing is lost; it is not cached anywhere.
    return _page(request, consultation, form, status=400)


@require_safe
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "consultations/help.html", {"helpline": helplines.helpline_for(request.GET.get("country"))})


@require_safe
def results_page(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    context = {
        "consultation": consultation,
        "results": results.results(consultation),
        "quotes": results.quotes(consultation) if consultation.has_closed() else [],
        "k": results.public_k(),
        "closed": consultation.has_closed(),
        "responses": results.counted_responses(consultation).count(),
    }
    return render(request, "consultations/results.html", context)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest, slug: str) -> HttpResponse:
    """A receipt code opens the "you said, we did" page, or withdraws the answers it belongs to."""
    consultation = _consultation(slug)
    form = ReceiptForm(request.POST or None)
    context: dict[str, object] = {"consultation": consultation, "form": form}
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["receipt"]
        try:
            if request.POST.get("action") == "withdraw":
                services.withdraw(consultation=consultation, receipt=code)
                context["withdrawn"] = True
            else:
                services.response_for_receipt(consultation, code)
                context["feedback_open"] = True
        except DomainError as error:
            form.add_error("receipt", error)
            return _private(render(request, "consultations/receipt_lookup.html", context, status=400))
    return _private(render(request, "consultations/receipt_lookup.html", context))
