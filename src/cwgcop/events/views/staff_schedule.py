"""Secretariat pages to create, edit and retire event series, and to create, edit, postpone and cancel events."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body
from cwgcop.core.formatting import number
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import form_status, refusal_on_form
from cwgcop.events import queries
from cwgcop.events.models import Event, EventSeries
from cwgcop.events.services import schedule
from cwgcop.events.staff_forms import (
    CancelEventForm,
    EventForm,
    PostponeForm,
    RetireSeriesForm,
    SeriesForm,
    event_initial,
    series_initial,
)

GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def _posted(request: HttpRequest) -> QueryDict | None:
    """The POST data, even when empty (an empty confirmation form is bound, and refused)."""
    return request.POST if request.method == "POST" else None


def _series(request: HttpRequest, slug: str) -> EventSeries:
    found = queries.series(slug)
    if found is None:
        raise Http404
    check_object_permission(request, "events.manage_series", found)
    return found


def _event(request: HttpRequest, series: str, event: str) -> Event:
    found = queries.event(series, event)
    if found is None:
        raise Http404
    check_object_permission(request, "events.manage_series", found.series)
    return found


def _managed_bodies(request: HttpRequest) -> QuerySet[Body]:
    """The bodies whose secretariat the person is: where they may create a series."""
    bodies = Body.objects.order_by("acronym")
    if request.user.is_superuser:
        return bodies
    return bodies.filter(roles__user_id=request.user.pk or 0, roles__kind=RoleKind.SECRETARIAT).distinct()


@require_permission("bodies.use_staff_pages")
def index(request: HttpRequest) -> HttpResponse:
    """Every series and its events; the actions only where the person is the series' secretariat."""
    series_list = list(queries.staff_series())
    managed_bodies = set(_managed_bodies(request).values_list("pk", flat=True))
    managed = {s.pk for s in series_list if s.body_id in managed_bodies}
    return render(request, "events/staff/index.html", {"series_list": series_list, "managed": managed})


@GET_POST
@require_permission("bodies.use_staff_pages")
def series_create(request: HttpRequest) -> HttpResponse:
    form = SeriesForm(_posted(request), bodies=_managed_bodies(request))
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        check_object_permission(request, "events.create_series", body)
        with refusal_on_form(form):
            schedule.create_series(
                actor=request.user,
                body=body,
                slug=form.cleaned_data["slug"],
                titles=form.translations("title"),
                descriptions=form.translations("description"),
                cadence=form.cleaned_data["cadence"],
            )
            messages.success(request, _("Series created."))
            return redirect("staff:events:index")
    return render(request, "events/staff/series_form.html", {"form": form}, status=form_status(form))


@GET_POST
@require_permission("bodies.use_staff_pages")
def series_edit(request: HttpRequest, series: str) -> HttpResponse:
    found = _series(request, series)
    form = SeriesForm(_posted(request), initial=series_initial(found), editing=True)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            schedule.update_series(
                actor=request.user,
                series=found,
                titles=form.translations("title"),
                descriptions=form.translations("description"),
                cadence=form.cleaned_data["cadence"],
            )
            messages.success(request, _("Series saved."))
            return redirect("staff:events:index")
    return render(request, "events/staff/series_form.html", {"form": form, "series": found}, status=form_status(form))


@GET_POST
@require_permission("bodies.use_staff_pages")
def series_retire(request: HttpRequest, series: str) -> HttpResponse:
    found = _series(request, series)
    form = RetireSeriesForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            schedule.retire_series(actor=request.user, series=found)
            messages.success(request, _("Series retired."))
            return redirect("staff:events:index")
    return render(request, "events/staff/series_retire.html", {"form": form, "series": found}, status=form_status(form))


@GET_POST
@require_permission("bodies.use_staff_pages")
def event_create(request: HttpRequest, series: str) -> HttpResponse:
    found = _series(request, series)
    form = EventForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            event = schedule.create_event(
                actor=request.user, series=found, slug=form.cleaned_data["slug"], details=form.details()
            )
            messages.success(request, _("Event created."))
            return redirect("staff:events:registrations", series=found.slug, event=event.slug)
    return render(request, "events/staff/event_form.html", {"form": form, "series": found}, status=form_status(form))


@GET_POST
@require_permission("bodies.use_staff_pages")
def event_edit(request: HttpRequest, series: str, event: str) -> HttpResponse:
    found = _event(request, series, event)
    form = EventForm(_posted(request), initial=event_initial(found), editing=True)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            schedule.update_event(actor=request.user, event=found, details=form.details())
            messages.success(request, _("Event saved."))
            return redirect("staff:events:registrations", series=series, event=event)
    context = {"form": form, "series": found.series, "event": found}
    return render(request, "events/staff/event_form.html", context, status=form_status(form))


@GET_POST
@require_permission("bodies.use_staff_pages")
def event_postpone(request: HttpRequest, series: str, event: str) -> HttpResponse:
    found = _event(request, series, event)
    form = PostponeForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            _event_after, told = schedule.postpone_event(actor=request.user, event=found, **form.values())
            messages.success(
                request,
                ngettext(
                    "Event postponed. %(count)s registrant is told by e-mail.",
                    "Event postponed. %(count)s registrants are told by e-mail.",
                    told,
                )
                % {"count": number(told)},
            )
            return redirect("staff:events:registrations", series=series, event=event)
    context = {"form": form, "event": found, "registrants": queries.active_registrants(found)}
    return render(request, "events/staff/event_postpone.html", context, status=form_status(form))


@GET_POST
@require_permission("bodies.use_staff_pages")
def event_cancel(request: HttpRequest, series: str, event: str) -> HttpResponse:
    found = _event(request, series, event)
    form = CancelEventForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            _event_after, told = schedule.cancel_event(
                actor=request.user, event=found, reason=form.cleaned_data["reason"]
            )
            messages.success(
                request,
                ngettext(
                    "Event cancelled. %(count)s registrant is told by e-mail.",
                    "Event cancelled. %(count)s registrants are told by e-mail.",
                    told,
                )
                % {"count": number(told)},
            )
            return redirect("staff:events:registrations", series=series, event=event)
    context = {"form": form, "event": found, "registrants": queries.active_registrants(found)}
    return render(request, "events/staff/event_cancel.html", context, status=form_status(form))
