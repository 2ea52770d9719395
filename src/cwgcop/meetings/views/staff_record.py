"""Secretariat and chair pages for a meeting's record: agenda items and the chair's adoption of the agenda,
outcomes and action items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from django.contrib import messages
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
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


# --- Agenda items and outcomes: two ordered lists of the record, kept by the same pages --------------------------


@dataclass(frozen=True)
class RecordList:
    """One ordered list of a meeting's record (its agenda items, its outcomes) and what its pages call."""

    model: type[AgendaItem] | type[Outcome]
    name: str  # how the form and the services name one entry: ``item``, ``outcome``
    permission: str
    form: type[AgendaItemForm] | type[OutcomeForm]
    page: str  # the URL name and the template of the list page
    template: str
    entries: Callable[[Meeting], Any]
    add: Callable[..., Any]
    update: Callable[..., Any]
    move: Callable[..., Any]
    remove: Callable[..., Any]
    added: Any
    saved: Any
    removed: Any
    edit_heading: Any
    history: bool = False  # whether the edit page shows the entry's history

    def entry(self, request: HttpRequest, pk: int, permission: str | None = None) -> Any:
        entry: Any = get_object_or_404(self.model.objects.select_related("meeting", "meeting__body"), pk=pk)
        check_object_permission(request, permission or self.permission, entry.meeting)
        return entry

    def back(self, meeting_id: int) -> HttpResponse:
        return redirect(self.page, pk=meeting_id)


AGENDA = RecordList(
    model=AgendaItem,
    name="item",
    permission="meetings.manage_agenda",
    form=AgendaItemForm,
    page="staff:meetings:meeting-agenda",
    template="meetings/staff/agenda.html",
    entries=lambda meeting: {
        "items": AgendaItem.objects.filter(meeting=meeting).prefetch_related("documents").order_by("position")
    },
    add=agenda_services.add_agenda_item,
    update=agenda_services.update_agenda_item,
    move=agenda_services.move_agenda_item,
    remove=agenda_services.remove_agenda_item,
    added=gettext_lazy("Agenda item added."),
    saved=gettext_lazy("Agenda item saved."),
    removed=gettext_lazy("Agenda item removed."),
    edit_heading=gettext_lazy("Edit agenda item %(number)s"),
)
OUTCOMES = RecordList(
    model=Outcome,
    name="outcome",
    permission="meetings.record_outcomes",
    form=OutcomeForm,
    page="staff:meetings:meeting-outcomes",
    template="meetings/staff/outcomes.html",
    entries=lambda meeting: {"outcomes": list(queries.outcomes(meeting))},
    add=outcome_services.record_outcome,
    update=outcome_services.update_outcome,
    move=outcome_services.move_outcome,
    remove=outcome_services.remove_outcome,
    added=gettext_lazy("Outcome recorded."),
    saved=gettext_lazy("Outcome saved."),
    removed=gettext_lazy("Outcome deleted."),
    edit_heading=gettext_lazy("Edit outcome %(number)s"),
    history=True,
)


def list_page(record: RecordList) -> Callable[[HttpRequest, int], HttpResponse]:
    """The meeting's list, with the form that adds an entry to it."""

    @require_permission("bodies.use_staff_pages")
    def page(request: HttpRequest, pk: int) -> HttpResponse:
        meeting = managed_meeting(request, pk, record.permission)
        form = record.form(request.POST or None, meeting=meeting)
        if request.method == "POST" and form.is_valid():
            with refusal_on_form(form):
                record.add(actor=request.user, meeting=meeting, **form.service_values())
                messages.success(request, record.added)
                return record.back(meeting.pk)
        context = {"meeting": meeting, "form": form, **record.entries(meeting)}
        return render(request, record.template, context, status=form_status(form))

    return page


def edit_page(record: RecordList) -> Callable[[HttpRequest, int], HttpResponse]:
    @require_permission("bodies.use_staff_pages")
    def edit(request: HttpRequest, pk: int) -> HttpResponse:
        entry = record.entry(request, pk)
        form = record.form(request.POST or None, meeting=entry.meeting, **{record.name: entry})
        if request.method == "POST" and form.is_valid():
            with refusal_on_form(form):
                record.update(actor=request.user, **{record.name: entry}, **form.service_values())
                messages.success(request, record.saved)
                return record.back(entry.meeting_id)
        heading = record.edit_heading % {"number": entry.position}
        extra = {"history": audit.history(entry)[:20]} if record.history else {}
        return _record_form_page(request, entry.meeting, form, heading, **extra)

    return edit


def button(record: RecordList, change: Literal["move", "remove"]) -> Callable[[HttpRequest, int], HttpResponse]:
    """The button that moves an entry up or down the list, or removes it; back to the list."""

    @require_POST
    @require_permission("bodies.use_staff_pages")
    def press(request: HttpRequest, pk: int) -> HttpResponse:
        entry = {record.name: record.entry(request, pk)}
        with refusal_as_messages(request):
            if change == "move":
                record.move(actor=request.user, **entry, direction=_direction(request))
            else:
                record.remove(actor=request.user, **entry)
                messages.success(request, record.removed)
        return record.back(entry[record.name].meeting_id)

    return press


agenda, agenda_item_edit = list_page(AGENDA), edit_page(AGENDA)
agenda_item_move, agenda_item_remove = button(AGENDA, "move"), button(AGENDA, "remove")
outcomes, outcome_edit = list_page(OUTCOMES), edit_page(OUTCOMES)
outcome_move, outcome_remove = button(OUTCOMES, "move"), button(OUTCOMES, "remove")


# --- Action items ---------------------------------------------------------------------------------------------


@require_permission("bodies.use_staff_pages")
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Raise an action item from the outcome ``pk``."""
    outcome = OUTCOMES.entry(request, pk, "meetings.manage_actions")
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
            action_services.close_action_item(actor=request.user, item=item, **close_form.cleaned_data)
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


def _agenda_decision(
    request: HttpRequest, body: str, number: int, decide: Callable[..., Any], said: str
) -> HttpResponse:
    meeting = _meeting(body, number)
    check_object_permission(request, "meetings.adopt_agenda", meeting)
    with refusal_as_messages(request):
        decide(actor=request.user, meeting=meeting)
        messages.success(request, said % {"meeting": meeting.code})
    return redirect(f"{meeting.get_absolute_url()}#agenda")


@require_POST
@require_permission("meetings.adopt_agenda")
def agenda_adopt(request: HttpRequest, body: str, number: int) -> HttpResponse:
    return _agenda_decision(
        request, body, number, agenda_services.adopt_agenda, _("The agenda of %(meeting)s is adopted.")
    )


@require_POST
@require_permission("meetings.adopt_agenda")
def agenda_reopen(request: HttpRequest, body: str, number: int) -> HttpResponse:
    said = _("The agenda of %(meeting)s is a draft again.")
    return _agenda_decision(request, body, number, agenda_services.reopen_agenda, said)
