"""Child-facing pages: no account, no tracking, no script from anywhere else, and help one click away.

Every page here extends ``consultations/child_base.html``, which shows "Need help now?" with the helpline of
the chosen country (``?country=KE``; a global list when none is chosen) and a way to report a problem.
Pages with a child's own words or receipt code are ``private, no-store``; error reports never carry what a
child wrote (``sensitive_post_parameters`` and ``sensitive_variables``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import translate_url
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django_countries import countries

from cwgcop.consultations import form_tokens, helplines, queries, ratelimit, results, services
from cwgcop.consultations.forms import ReceiptForm, ResponseForm
from cwgcop.consultations.models import Consultation
from cwgcop.core.confirmation import is_confirmed
from cwgcop.core.languages import LANGUAGE_ORDER, current_language, native_name
from cwgcop.core.refusals import form_status, refusal_on_form


def _consultation(slug: str) -> Consultation:
    found = queries.public_consultation(slug)
    if found is None:
        raise Http404
    return found


def _country(request: HttpRequest) -> str:
    code = str(request.POST.get("country") or request.GET.get("country") or "").upper()[:2]
    return code if code in countries else ""


def child_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    status: int = 200,
    private: bool = False,
    country: str | None = None,
) -> HttpResponse:
    """Render a child-facing page with the helpline of the chosen country and the report-a-problem link."""
    country = _country(request) if country is None else country
    context = {
        "helpline": helplines.helpline_for(country),
        "country": country,
        "report_email": settings.CWGCOP_CONSULTATION_REPORT_EMAIL,
        **context,
    }
    response = render(request, template, context, status=status)
    if private:
        # A child's own words or receipt code: never kept by a shared cache or the browser's history cache.
        response["Cache-Control"] = "private, no-store"
    return response


def _other_languages(request: HttpRequest, consultation: Consultation) -> list[tuple[str, str, str]]:
    path = request.get_full_path()
    return [
        (code, native_name(code), translate_url(path, code))
        for code in LANGUAGE_ORDER
        if code in consultation.languages
    ]


def _page(request: HttpRequest, consultation: Consultation, form: ResponseForm, status: int = 200) -> HttpResponse:
    context = {
        "consultation": consultation,
        "form": form,
        "open": consultation.is_open(),
        "language_offered": current_language() in consultation.languages,
        "languages": _other_languages(request, consultation),
        "retention_days": settings.CWGCOP_CONSULTATION_RETENTION_DAYS,
        "form_token": form_tokens.issue(consultation),
    }
    return child_page(request, "consultations/take_part.html", context, status=status, private=True)


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    consultations = list(queries.public_consultations().filter(archived_at__isnull=True))
    return child_page(request, "consultations/index.html", {"consultations": consultations})


@require_safe
def take_part(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    return _page(request, consultation, ResponseForm(consultation=consultation, language=current_language()))


@sensitive_variables()
@sensitive_post_parameters()  # error reports never carry what a child wrote
@csrf_exempt  # no cookie needed: the form's signed token and the origin headers stand in (form_tokens)
@require_POST
def answer(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    form = ResponseForm(request.POST, consultation=consultation, language=current_language())
    with refusal_on_form(form):
        form_tokens.spend(request, consultation)
        return _submit(request, consultation, form)
    # Another site's post, a changed or used token: the child's words are shown again, with a new token.
    form.is_valid()
    return _page(request, consultation, form, status=403)


@sensitive_variables()
def _submit(request: HttpRequest, consultation: Consultation, form: ResponseForm) -> HttpResponse:
    group = ratelimit.live_group(consultation, form.cleaned_data.get("group_code") or "") if form.is_valid() else None
    if form.is_valid() and ratelimit.over_limit(request, group=group):  # a form with errors is not counted
        form.add_error(None, _("Many answers came from your network just now. Please wait a little and try again."))
        return _page(request, consultation, form, status=429)
    if form.is_valid():
        with refusal_on_form(form):
            submitted = services.submit_response(consultation=consultation, submission=form.submission())
            template = "consultations/help_now.html" if submitted.at_risk else "consultations/receipt.html"
            context = {"consultation": consultation, "receipt": submitted.receipt}
            return child_page(request, template, context, private=True, country=submitted.response.country.code)
    # The form is shown again with the child's own words so nothing is lost; it is not cached anywhere.
    return _page(request, consultation, form, status=400)


@require_safe
def help_page(request: HttpRequest) -> HttpResponse:
    return child_page(request, "consultations/help.html", {"countries": list(countries)})


@require_safe
def results_page(request: HttpRequest, slug: str) -> HttpResponse:
    consultation = _consultation(slug)
    data = results.public_results(consultation)
    questions = [{**question, "chart": results.chart(question)} for question in data["questions"]]
    context = {"consultation": consultation, "data": data, "questions": questions}
    return child_page(request, "consultations/results.html", context)


@require_safe
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    """ "You said, we did": public once written; a receipt code leads here too."""
    consultation = _consultation(slug)
    return child_page(request, "consultations/feedback.html", {"consultation": consultation})


@sensitive_variables()
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def receipt(request: HttpRequest, slug: str) -> HttpResponse:
    """A receipt code opens the "you said, we did" page, or withdraws the answers it belongs to."""
    consultation = _consultation(slug)
    form = ReceiptForm(request.POST or None)
    context: dict[str, object] = {"consultation": consultation, "form": form}
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["receipt"]
        with refusal_on_form(form, "receipt"):
            if request.POST.get("action") == "withdraw" and not is_confirmed(request):
                # The second step: the code is checked, nothing is deleted until the child says yes.
                services.response_for_receipt(consultation, code)
                context["confirm_withdraw"] = code
            elif request.POST.get("action") == "withdraw":
                context["kept_for_safeguarding"] = services.withdraw(consultation=consultation, receipt=code)
                context["withdrawn"] = True
            else:
                services.response_for_receipt(consultation, code)
                context["feedback_open"] = True
    status = form_status(form)
    return child_page(request, "consultations/receipt_lookup.html", context, status=status, private=True)


ERROR_TITLES = {
    403: gettext_lazy("This page is not for you"),
    404: gettext_lazy("We could not find this page"),
    429: gettext_lazy("Too many tries just now"),
    500: gettext_lazy("Something went wrong on our side"),
}
ERROR_TEXTS = {
    403: gettext_lazy("You can't open this page. If you were sending your answers, go back and send them again."),
    404: gettext_lazy("The address may be wrong, or the consultation may have ended."),
    429: gettext_lazy("Many answers came from your network just now. Please wait a little and try again."),
    500: gettext_lazy("Please try again in a moment. Nothing you did caused this."),
}


def error_page(request: HttpRequest, status: int) -> HttpResponse:
    """The children's page for a refusal or an error under /consult/ (see ``consultations.middleware``)."""
    context = {"title": ERROR_TITLES[status], "text": ERROR_TEXTS[status], "status": status}
    return child_page(request, "consultations/error.html", context, status=status, private=True)
