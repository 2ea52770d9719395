"""Secretariat pages for a meeting's record: agenda items, outcomes and action items."""

from __future__ import annotations

from typing import Literal

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core import audit
from cwgcop.core.errors import DomainError
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.meetings import queries
from cwgcop.meetings.forms import ActionItemForm, AgendaItemForm, CloseActionForm, OutcomeForm
from cwgcop.meetings.models import ActionItem, AgendaItem, Outcome
from cwgcop.meetings.services import actions as action_services
from cwgcop.meetings.services import agenda as agenda_services
from cwgcop.meetings.services import outcomes as outcome_services
from cwgcop.meetings.staff_participation_views import managed_meeting


def _flash(request: HttpRequest, error: DomainError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _direction(request: HttpRequest) -> Literal["up", "down"]:
    return "up" if request.POST.get("direction") == "up" else "down"


# --- Agenda ---------------------------------------------------------------------------------------------------


@require_permission("bodies.use_staff_pages")
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk, "meetings.manage_agenda")
    form = AgendaItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            agenda_services.add_agenda_item(
                actor=request.user,
                meeting=meeting,
                titles=form.texts("title"),
                documents=form.cleaned_data["documents"],
            )
        except DomainError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Agenda item added."))
            return redirect("staff:meeting-agenda", pk=meeting.pk)
    items = AgendaItem.objects.filter(meeting=meeting).prefetch_related("documents").order_by("position")
    return render(
        request,
        "meetings/staff/agenda.html",
        {"meeting": meeting, "form": form, "items": items},
        status=400 if form.errors else 200,
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
        try:
            agenda_services.update_agenda_item(
                actor=request.user, item=item, titles=form.texts("title"), documents=form.cleaned_data["documents"]
            )
        except DomainError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Agenda item saved."))
            return redirect("staff:meeting-agenda", pk=item.meeting_id)
    return render(
        request,
        "meetings/staff/record_form.html",
        {
            "meeting": item.meeting,
            "form": form,
            "heading": _("Edit agenda item %(number)s") % {"number": item.position},
        },
        status=400 if form.errors else 200,
    )


@require_POST
@require_permission("bodies.use_staff_pages")
def agenda_item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    try:
        agenda_services.move_agenda_item(actor=request.user, item=item, direction=_direction(request))
    except DomainError as error:
        _flash(request, error)
    return redirect("staff:meeting-agenda", pk=item.meeting_id)


@require_POST
@require_permission("bodies.use_staff_pages")
def agenda_item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    try:
        agenda_services.remove_agenda_item(actor=request.user, item=item)
    except DomainError as error:
        _flash(request, error)
    else:
        messages.success(request, _("Agenda item removed."))
    return redirect("staff:meeting-agenda", pk=item.meeting_id)


# --- Outcomes -------------------------------------------------------------------------------------------------


@require_permission("bodies.use_staff_pages")
def outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk, "meetings.record_outcomes")
    form = OutcomeForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            outcome_services.record_outcome(
                actor=request.user,
                meeting=meeting,
                kind=form.cleaned_data["kind"],
                texts=form.texts("text"),
                documents=form.cleaned_data["documents"],
                bodies=form.cleaned_data["bodies"],
            )
        except DomainError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Outcome recorded."))
            return redirect("staff:meeting-outcomes", pk=meeting.pk)
    return render(
        request,
        "meetings/staff/outcomes.html",
        {"meeting": meeting, "form": form, "outcomes": list(queries.outcomes(meeting))},
        status=400 if form.errors else 200,
    )


def _outcome(request: HttpRequest, pk: int) -> Outcome:
    outcome: Outcome = get_object_or_404(Outcome.objects.select_related("meeting", "meeting__body"), pk=pk)
    check_object_permission(request, "meetings.record_outcomes", outcome.meeting)
    return outcome


@require_permission("bodies.use_staff_pages")
def outcome_edit(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = _outcome(request, pk)
    form = OutcomeForm(request.POST or None, meeting=outcome.meeting, outcome=outcome)
    if request.method == "POST" and form.is_valid():
        try:
            outcome_services.update_outcome(
                actor=request.user,
                outcome=outcome,
                kind=form.cleaned_data["kind"],
                texts=form.texts("text"),
                documents=form.cleaned_data["documents"],
                bodies=form.cleaned_data["bodies"],
            )
        except DomainError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Outcome saved."))
            return redirect("staff:meeting-outcomes", pk=outcome.meeting_id)
    return render(
        request,
        "meetings/staff/record_form.html",
        {
            "meeting": outcome.meeting,
            "form": form,
            "heading": _("Edit outcome %(number)s") % {"number": outcome.position},
            "history": audit.history(outcome)[:20],
        },
        status=400 if form.errors else 200,
    )


@require_POST
@require_permission("bodies.use_staff_pages")
def outcome_move(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = _outcome(request, pk)
    try:
        outcome_services.move_outcome(actor=request.user, outcome=outcome, direction=_direction(request))
    except DomainError as error:
        _flash(request, error)
    return redirect("staff:meeting-outcomes", pk=outcome.meeting_id)


@require_POST
@require_permission("bodies.use_staff_pages")
def outcome_remove(request: HttpRequest, pk: int) -> HttpResponse:
    outcome = _outcome(request, pk)
    try:
        outcome_services.remove_outcome(actor=request.user, outcome=outcome)
    except DomainError as error:
        _flash(request, error)
    else:
        messages.success(request, _("Outcome deleted."))
    return redirect("staff:meeting-outcomes", pk=outcome.meeting_id)


# --- Action items ---------------------------------------------------------------------------------------------


@require_permission("bodies.use_staff_pages")
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action item from the outcome ``pk``."""
    outcome: Outcome = get_object_or_404(Outcome.objects.select_related("meeting", "meeting__body"), pk=pk)
    check_object_permission(request, "meetings.manage_actions", outcome.meeting)
    form = ActionItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = action_services.raise_action_item(
                actor=request.user,
                outcome=outcome,
                descriptions=form.texts("description"),
                due_date=form.cleaned_data["due_date"],
                **form.owner(),
            )
        except DomainError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Action item %(item)s raised.") % {"item": item.reference})
            return redirect("staff:meeting-outcomes", pk=outcome.meeting_id)
    return render(
        request,
        "meetings/staff/record_form.html",
        {
            "meeting": outcome.meeting,
            "form": form,
            "heading": _("Raise an action item from outcome %(number)s") % {"number": outcome.position},
            "outcome": outcome,
        },
        status=400 if form.errors else 200,
    )


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
        try:
            action_services.update_action_item(
                actor=request.user,
                item=item,
                descriptions=form.texts("description"),
                due_date=form.cleaned_data["due_date"],
                **form.owner(),
            )
        except DomainError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Action item %(item)s saved.") % {"item": item.reference})
            return redirect("staff:action-edit", pk=item.pk)
    return _action_page(request, item, form, close_form, status=400 if form.errors else 200)


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
        try:
            action_services.close_action_item(
                actor=request.user,
                item=item,
                status=close_form.cleaned_data["status"],
                evidence_document=close_form.cleaned_data["evidence_document"],
                evidence_outcome=close_form.cleaned_data["evidence_outcome"],
                note=close_form.cleaned_data["note"],
            )
        except DomainError as error:
            close_form.add_error(None, error)
        else:
            messages.success(request, _("Action item %(item)s closed.") % {"item": item.reference})
            return redirect("staff:action-edit", pk=item.pk)
    return _action_page(request, item, ActionItemForm(item=item), close_form, status=400)


@require_POST
@require_permission("bodies.use_staff_pages")
def action_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    item = _action(request, pk)
    try:
        action_services.reopen_action_item(actor=request.user, item=item)
    except DomainError as error:
        _flash(request, error)
    else:
        messages.success(request, _("Action item %(item)s reopened.") % {"item": item.reference})
    return redirect("staff:action-edit", pk=item.pk)
