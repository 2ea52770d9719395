"""Secretariat pages for an event: registrations, capacity, check-in, exports, e-mail to all."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core.formatting import number
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form
from cwgcop.events import exports, queries, services
from cwgcop.events.forms import CapacityForm, EmailAllForm, RegistrationFilterForm
from cwgcop.events.models import Event, Registration


def _managed(request: HttpRequest, series: str, event: str) -> Event:
    found = queries.event(series, event)
    if found is None:
        raise Http404
    check_object_permission(request, "events.manage_series", found.series)
    return found


def _filtered(event: Event, form: RegistrationFilterForm) -> QuerySet[Registration]:
    registrations = queries.registrations(event)
    if not form.is_valid():
        return registrations
    data = form.cleaned_data
    if data.get("status"):
        registrations = registrations.filter(status=data["status"])
    if data.get("attendance_mode"):
        registrations = registrations.filter(attendance_mode=data["attendance_mode"])
    needs = data.get("needs")
    if needs == "sign-language":
        registrations = registrations.filter(needs_sign_language=True)
    elif needs == "captions":
        registrations = registrations.filter(needs_captions=True)
    elif needs == "other":
        registrations = registrations.exclude(accessibility_other="")
    if data.get("q"):
        q = data["q"].strip()
        registrations = registrations.filter(
            Q(name__icontains=q) | Q(email__icontains=q) | Q(organization__icontains=q)
        )
    return registrations


def _page(request: HttpRequest, event: Event, status: int = 200, **forms: object) -> HttpResponse:
    filters = RegistrationFilterForm(request.GET or None)
    context = {
        "event": event,
        "filters": filters,
        "registrations": _filtered(event, filters),
        "summary": queries.accessibility_summary(event),
        "capacity_form": CapacityForm(initial={"capacity": event.capacity}),
        "email_form": EmailAllForm(),
        "query": request.GET.urlencode(),
    }
    context.update(forms)
    return render(request, "events/staff/registrations.html", context, status=status)


@require_permission("bodies.use_staff_pages")
def registrations(request: HttpRequest, series: str, event: str) -> HttpResponse:
    return _page(request, _managed(request, series, event))


@require_permission("bodies.use_staff_pages")
def export(request: HttpRequest, series: str, event: str, fmt: str) -> HttpResponse:
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    found = _managed(request, series, event)
    rows = _filtered(found, RegistrationFilterForm(request.GET or None))
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.as_xlsx(rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="{found.series.slug}-{found.slug}-registrations.{fmt}"'
    return response


@require_POST
@require_permission("bodies.use_staff_pages")
def check_in(request: HttpRequest, series: str, event: str, public_id: str) -> HttpResponse:
    found = _managed(request, series, event)
    registration = Registration.objects.filter(event=found, public_id=public_id).first()
    if registration is None:
        raise Http404
    with refusal_as_messages(request):
        services.check_in(actor=request.user, registration=registration, present=request.POST.get("present") != "0")
    return redirect(request.POST.get("next") or found.get_absolute_url())


@require_POST
@require_permission("bodies.use_staff_pages")
def capacity(request: HttpRequest, series: str, event: str) -> HttpResponse:
    found = _managed(request, series, event)
    form = CapacityForm(request.POST)
    if form.is_valid():
        with refusal_on_form(form, "capacity"):
            services.set_capacity(actor=request.user, event=found, capacity=form.cleaned_data["capacity"])
            messages.success(request, _("Capacity saved."))
            return redirect("staff:events:registrations", series=series, event=event)
    return _page(request, found, status=400, capacity_form=form)


@require_POST
@require_permission("bodies.use_staff_pages")
def email_all(request: HttpRequest, series: str, event: str) -> HttpResponse:
    found = _managed(request, series, event)
    form = EmailAllForm(request.POST)
    if form.is_valid():
        with refusal_on_form(form):
            count = services.email_registrants(
                actor=request.user,
                event=found,
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
                statuses=form.cleaned_data["statuses"],
            )
            messages.success(request, _("Message sent to %(count)s people.") % {"count": number(count)})
            return redirect("staff:events:registrations", series=series, event=event)
    return _page(request, found, status=400, email_form=form)
