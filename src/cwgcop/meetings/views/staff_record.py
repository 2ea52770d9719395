"""Secretariat and chair pages for a meeting's record: agenda items and the chair's adoption of the agenda,
outcomes and action items."""

from __future__ import annotations

from typing import Any, Literal

from django.contrib import messages
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core import audit
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import form_status, refusal_as_messages, refusal_on_form
from cwgcop.meetings import queries
from cwgcop.meetings.forms import ActionItemForm, AgendaItemForm, CloseActionForm, OutcomeForm
from cwgcop.meetings.models import ActionItem, AgendaItem, Meeting, Outcome
from cwgcop.meetings.services import actions as action_services
from cwgcop.meetings.services import agenda as agenda_services
from cwgcop.meetings.services import outcomes as outcome_services
from cwgcop.meetings.views import managed_meeting


def _direction(request: HttpRequest) -> Literal["up", "down"]:
    return "up" if request.POST.get("direction") == "up" else "down"


def _record_form_page(
    request: HttpRequest, meeting: Meeting, form: BaseForm, heading: str, **extra: Any
) -> HttpResponse:
    """The page that edits one entry of the meeting's record (or raises an action item from an outcome)."""
    context = {"meeting": meeting, "form": form, "heading": heading, **extra}
    return render(request, "meetings/staff/record_form.html", context, status=form_status(form))


# --- Agenda ---------------------------------------------------------------------------------------------------


@require_permission("bodies.use_staff_pages")
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk, "meetings.manage_agenda")
    form = AgendaItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            agenda_services.add_agenda_item(actor=request.user, meeting=meeting, **form.service_values())
            messages.success(request, _("Agenda item added."))
            return redirect("staff:meetings:meeting-agenda", pk=meeting.pk)
    items = AgendaItem.objects.filter(meeting=meeting).prefetch_related("documents").order_by("position")
    return render(
        request,
        "meetings/staff/agenda.html",
        {"meeting": meeting, "form": form, "items": items},
        status=form_status(form),
    )


def _agenda_item(request: HttpRequest, pk: int) -> AgendaItem:
    item: AgendaItem = get_object_or_404(AgendaItem.objects.select_related("meeting", "meeting__body"), pk=pk)
    check_object_permission(request, "meetings.manage_agenda", item.meeting)
    return item


@require_permission("bodies.use_staff_pages")
def agenda_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    form = AgendaItemForm(request.POST or None, meeting=item.meeting, item=item)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            agenda_services.update_agenda_item(actor=request.user, item=item, **form.service_values())
            messages.success(request, _("Agenda item saved."))
            return redirect("staff:meetings:meeting-agenda", pk=item.meeting_id)
    heading = _("Edit agenda item %(number)s") % {"number": item.position}
    return _record_form_page(request, item.meeting, form, heading)


@require_POST
@require_permission("bodies.use_staff_pages")
def agenda_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    with refusal_as_messages(request):
        agenda_services.move_agenda_item(actor=request.user, item=item, direction=_direction(request))
    return redirect("staff:meetings:meeting-agenda", pk=item.meeting_id)


@require_POST
@require_permission("bodies.use_staff_pages")
def agenda_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    with refusal_as_messages(request):
        agenda_services.remove_agenda_item(actor=request.user, item=item)
        messages.success(request, _("Agenda item removed."))
    return redirect("staff:meetings:meeting-agenda", pk=item.meeting_id)


# --- Outcomes -------------------------------------------------------------------------------------------------


@require_permission("bodies.use_staff_pages")
def outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk, "meetings.record_outcomes")
    form = OutcomeForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            outcome_services.record_outcome(actor=request.user, meeting=meeting, **form.service_values())
            messages.success(request, _("Outcome recorded."))
            return redirect("staff:meetings:meeting-outcomes", pk=meeting.pk)
    return render(
        request,
        "meetings/staff/outcomes.html",
        {"meeting": meeting, "form": form, "outcomes": list(queries.outcomes(meeting))},
        status=form_status(form),
    )


def _outcome(request: HttpRequest, pk: int, permission: str = "meetings.record_outcomes") -> Outcome:
    outcome: Outcome = get_object_or_404(Outcome.objects.select_related("meeting", "meeting__body"), pk=pk)
    check_object_permission(request, permission, outcome.meeting)
    return outcome


@require_permission("bodies.use_staff_pages")
def outcome_edit(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = _outcome(request, pk)
    form = OutcomeForm(request.POST or None, meeting=outcome.meeting, outcome=outcome)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            outcome_services.update_outcome(actor=request.user, outcome=outcome, **form.service_values())
            messages.success(request, _("Outcome saved."))
            return redirect("staff:meetings:meeting-outcomes", pk=outcome.meeting_id)
    heading = _("Edit outcome %(number)s") % {"number": outcome.position}
    return _record_form_page(request, outcome.meeting, form, heading, history=audit.history(outcome)[:20])


@require_POST
@require_permission("bodies.use_staff_pages")
def outcome_move(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = _outcome(request, pk)
    with refusal_as_messages(request):
        outcome_services.move_outcome(actor=request.user, outcome=outcome, direction=_direction(request))
    return redirect("staff:meetings:meeting-outcomes", pk=outcome.meeting_id)


@require_POST
@require_permission("bodies.use_staff_pages")
def outcome_remove(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = _outcome(request, pk)
    with refusal_as_messages(request):
        outcome_services.remove_outcome(actor=request.user, outcome=outcome)
        messages.success(request, _("Outcome deleted."))
    return redirect("staff:meetings:meeting-outcomes", pk=outcome.meeting_id)


# --- Action items ---------------------------------------------------------------------------------------------


@require_permission("bodies.use_staff_pages")
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action item from the outcome ``pk``."""
    outcome = _outcome(request, pk, "meetings.manage_actions")
    form = ActionItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            item = action_services.raise_action_item(actor=request.user, outcome=outcome, **form.service_values())
            messages.success(request, _("Action item %(item)s raised.") % {"item": item.reference})
            return redirect("staff:meetings:meeting-outcomes", pk=outcome.meeting_id)
    heading = _("Raise an action item from outcome %(number)s") % {"number": outcome.position}
    return _record_form_page(request, outcome.meeting, form, heading, outcome=outcome)


def _action(request: HttpRequest, pk: int) -> ActionItem:
    item = get_object_or_404(queries.action_items(), pk=pk)
    check_object_permission(request, "meetings.manage_actions", item)
    return item


@require_permission("bodies.use_staff_pages")
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _action(request, pk)
    form = ActionItemForm(request.POST or None, item=item)
    close_form = CloseActionForm(item=item)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            action_services.update_action_item(actor=request.user, item=item, **form.service_values())
            messages.success(request, _("Action item %(item)s saved.") % {"item": item.reference})
            return redirect("staff:meetings:action-edit", pk=item.pk)
    return _action_page(request, item, form, close_form, status=form_status(form))


def _action_page(
    request: HttpRequest, item: ActionItem, form: ActionItemForm, close_form: CloseActionForm, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "meetings/staff/action.html",
        {"item": item, "form": form, "close_form": close_form, "history": audit.history(item)[:30]},
        status=status,
    )


@require_POST
@require_permission("bodies.use_staff_pages")
def action_close(request: HttpRequest, pk: int) -> HttpResponse:
    item = _action(request, pk)
    close_form = CloseActionForm(request.POST, item=item)
    if close_form.is_valid():
        with refusal_on_form(close_form):
            action_services.close_action_item(
                actor=request.user,
                item=item,
                status=close_form.cleaned_data["status"],
                evidence_document=close_form.cleaned_data["evidence_document"],
                evidence_outcome=close_form.cleaned_data["evidence_outcome"],
                note=close_form.cleaned_data["note"],
            )
            messages.success(request, _("Action item %(item)s closed.") % {"item": item.reference})
            return redirect("staff:meetings:action-edit", pk=item.pk)
    return _action_page(request, item, ActionItemForm(item=item), close_form, status=400)


@require_POST
@require_permission("bodies.use_staff_pages")
def action_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    item = _action(request, pk)
    with refusal_as_messages(request):
        action_services.reopen_action_item(actor=request.user, item=item)
        messages.success(request, _("Action item %(item)s reopened.") % {"item": item.reference})
    return redirect("staff:meetings:action-edit", pk=item.pk)


def _meeting(body: str, number: int) -> Meeting:
    meeting = queries.meeting(body, number)
    if meeting is None:
        raise Http404
    return meeting


@require_POST
@require_permission("meetings.adopt_agenda")
def agenda_adopt(request: HttpRequest, body: str, number: int) -> HttpResponse:
    meeting = _meeting(body, number)
    check_object_permission(request, "meetings.adopt_agenda", meeting)
    with refusal_as_messages(request):
        agenda_services.adopt_agenda(actor=request.user, meeting=meeting)
        messages.success(request, _("The agenda of %(meeting)s is adopted.") % {"meeting": meeting.code})
    return redirect(f"{meeting.get_absolute_url()}#agenda")


@require_POST
@require_permission("meetings.adopt_agenda")
def agenda_reopen(request: HttpRequest, body: str, number: int) -> HttpResponse:
    meeting = _meeting(body, number)
    check_object_permission(request, "meetings.adopt_agenda", meeting)
    with refusal_as_messages(request):
        agenda_services.reopen_agenda(actor=request.user, meeting=meeting)
        messages.success(request, _("The agenda of %(meeting)s is a draft again.") % {"meeting": meeting.code})
    return redirect(f"{meeting.get_absolute_url()}#agenda")
