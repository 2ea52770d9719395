"""Public event pages and registration without an account."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cwgcop.core import ratelimit
from cwgcop.core.cache import public_page
from cwgcop.core.confirmation import is_confirmed
from cwgcop.core.errors import DomainError
from cwgcop.core.languages import current_language
from cwgcop.core.refusals import refusal_as_response, refusal_on_form
from cwgcop.events import calendar, queries, services
from cwgcop.events.forms import RegistrationForm
from cwgcop.events.models import Event, Registration

# Counted per client (core.ratelimit), only for forms that pass validation; shared with the API.
RATE_GROUP = "events.register"


@require_safe
@public_page
def series_index(request: HttpRequest) -> HttpResponse:
    return render(request, "events/index.html", {"series_list": queries.public_series()})


@require_safe
@public_page
def series_detail(request: HttpRequest, series: str) -> HttpResponse:
    found = queries.series(series)
    if found is None:
        raise Http404
    events = list(queries.events_of(found))
    return render(
        request,
        "events/series.html",
        {"series": found, "events": events, "figures": queries.figures(events)},
    )


@require_safe
@public_page
def series_ics(request: HttpRequest, series: str) -> HttpResponse:
    found = queries.series(series)
    if found is None:
        raise Http404
    response = HttpResponse(calendar.series_calendar(found, queries.events_of(found)), content_type="text/calendar")
    response["Content-Disposition"] = f'inline; filename="{found.slug}.ics"'
    return response


def _event_or_404(series: str, event: str) -> Event:
    found = queries.event(series, event)
    if found is None:
        raise Http404
    return found


def _event_page(request: HttpRequest, event: Event, form: RegistrationForm, status: int = 200) -> HttpResponse:
    figures = queries.figures([event])[event.pk]
    context = {"event": event, "form": form, "figures": figures, "retention_days": settings.CWGCOP_EVENT_RETENTION_DAYS}
    return render(request, "events/event.html", context, status=status)


@require_safe
def event_detail(request: HttpRequest, series: str, event: str) -> HttpResponse:
    found = _event_or_404(series, event)
    return _event_page(request, found, RegistrationForm(event=found))


@require_POST
def register(request: HttpRequest, series: str, event: str) -> HttpResponse:
    found = _event_or_404(series, event)
    form = RegistrationForm(request.POST, event=found)
    if form.is_valid() and ratelimit.hit(request, group=RATE_GROUP, rate=settings.CWGCOP_EVENT_RATE_LIMIT):
        form.add_error(None, _("Too many registrations from your network in a short time. Please try again later."))
        return _event_page(request, found, form, status=429)
    if form.is_valid():
        with refusal_on_form(form):
            registration, _secret = services.register(event=found, applicant=form.applicant(current_language()))
            return render(request, "events/check_email.html", {"event": found, "registration": registration})
    return _event_page(request, found, form, status=400)


def _registration(public_id: str, secret: str) -> Registration:
    return services.registration_for_link(public_id, secret)


def _link_error(request: HttpRequest, error: DomainError) -> HttpResponse:
    status = 404 if error.code in {"link_invalid", "registration_erased"} else 409
    return render(request, "events/link_error.html", {"error": error}, status=status)


@require_safe
@refusal_as_response(_link_error)
def registration_confirm(request: HttpRequest, public_id: str, secret: str) -> HttpResponse:
    registration = _registration(public_id, secret)
    registration = services.confirm_email(registration=registration)
    return redirect("events:registration-manage", public_id=public_id, secret=secret)


@require_safe
@refusal_as_response(_link_error)
def registration_manage(request: HttpRequest, public_id: str, secret: str) -> HttpResponse:
    registration = _registration(public_id, secret)
    response = render(
        request, "events/manage.html", {"registration": registration, "event": registration.event, "secret": secret}
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _confirmation(request: HttpRequest, registration: Registration, secret: str, action: str) -> HttpResponse:
    """The second step of cancelling or erasing: it names what will happen; nothing is written until confirmed."""
    context = {"registration": registration, "event": registration.event, "secret": secret, "action": action}
    response = render(request, "events/confirm_registration.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@refusal_as_response(_link_error)
def registration_cancel(request: HttpRequest, public_id: str, secret: str) -> HttpResponse:
    registration = _registration(public_id, secret)
    if not is_confirmed(request):
        return _confirmation(request, registration, secret, "cancel")
    services.cancel(registration=registration)
    return redirect("events:registration-manage", public_id=public_id, secret=secret)


@require_http_methods(["GET", "HEAD", "POST"])
@refusal_as_response(_link_error)
def registration_erase(request: HttpRequest, public_id: str, secret: str) -> HttpResponse:
    registration = _registration(public_id, secret)
    if not is_confirmed(request):
        return _confirmation(request, registration, secret, "erase")
    services.erase_own(registration=registration)
    return render(request, "events/erased.html", {"event": registration.event})
