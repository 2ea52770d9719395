"""The meeting's public record (agenda, outcomes, action items, figures) and the chair's agenda decisions."""

from __future__ import annotations

import csv
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cwgcop.core.cache import public_page
from cwgcop.core.errors import DomainError
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.meetings import queries
from cwgcop.meetings.figures import participation_figures
from cwgcop.meetings.filters import ActionFilter
from cwgcop.meetings.models import ActionItem, Meeting
from cwgcop.meetings.services import agenda as agenda_services
from cwgcop.meetings.services.registration import registration_closed_reason

PAGE_SIZE = 50


def meeting_page_context(request: HttpRequest, meeting: Meeting) -> dict[str, Any]:
    """What the meeting page shows beyond its facts and documents.

    The anonymous page is cached for everybody, so anything personal (the reader's registration, the
    private remote link, the chair's and secretariat's buttons) is only added for a signed-in reader,
    whose pages are never cached.
    """
    registration = queries.registration_of(request.user, meeting)
    registered = registration is not None and registration.is_active
    return {
        "figures": participation_figures(meeting),
        "agenda_items": list(queries.agenda(meeting)),
        "outcomes": list(queries.outcomes(meeting)),
        "carried_actions": queries.carried_actions(meeting),
        "registration": registration,
        "registration_closed": registration_closed_reason(meeting),
        "show_remote_link": bool(meeting.remote_link) and (not meeting.remote_link_private or registered),
        "can_adopt_agenda": request.user.has_perm("meetings.adopt_agenda", meeting),
        "can_manage": request.user.has_perm("meetings.manage_participation", meeting),
    }


def _filtered(request: HttpRequest) -> ActionFilter:
    return ActionFilter(request.GET or None, queryset=queries.action_register())


@require_safe
@public_page
def action_register(request: HttpRequest) -> HttpResponse:
    action_filter = _filtered(request)
    page = Paginator(action_filter.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "meetings/actions.html",
        {"filter": action_filter, "page": page, "query": query.urlencode()},
    )


CSV_COLUMNS = (
    "reference",
    "raised_at",
    "outcome",
    "description",
    "owner",
    "due",
    "status",
    "closed_at_meeting",
    "evidence",
    "note",
    "url",
)


def _csv_row(item: ActionItem, site_url: str) -> list[str]:
    evidence = ""
    if item.evidence_document is not None:
        evidence = item.evidence_document.symbol
    elif item.evidence_outcome is not None:
        evidence = f"{item.evidence_outcome.meeting.code} #{item.evidence_outcome.position}"
    return [
        item.reference,
        item.meeting.code,
        str(item.outcome.position),
        item.display_description,
        item.owner_name,
        item.due_date.isoformat() if item.due_date else item.due_label,
        item.status,
        item.closed_at_meeting.code if item.closed_at_meeting else "",
        evidence,
        item.closing_note,
        f"{site_url}{item.get_absolute_url()}",
    ]


@require_safe
@public_page
def action_register_csv(request: HttpRequest) -> HttpResponse:
    """The register as CSV, with the same filters as the page; UTF-8 with a BOM so spreadsheets read it."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="action-items.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for item in _filtered(request).qs.iterator(chunk_size=500):
        writer.writerow(_csv_row(item, settings.SITE_URL))
    return response


@require_safe
@public_page
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(queries.action_items(), pk=pk)
    carried_to = [
        c.meeting for c in item.carried_to.select_related("meeting", "meeting__body").order_by("meeting__number")
    ]
    return render(request, "meetings/action.html", {"item": item, "carried_to": carried_to})


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
    try:
        agenda_services.adopt_agenda(actor=request.user, meeting=meeting)
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The agenda of %(meeting)s is adopted.") % {"meeting": meeting.code})
    return redirect(f"{meeting.get_absolute_url()}#agenda")


@require_POST
@require_permission("meetings.adopt_agenda")
def agenda_reopen(request: HttpRequest, body: str, number: int) -> HttpResponse:
    meeting = _meeting(body, number)
    check_object_permission(request, "meetings.adopt_agenda", meeting)
    try:
        agenda_services.reopen_agenda(actor=request.user, meeting=meeting)
    except DomainError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The agenda of %(meeting)s is a draft again.") % {"meeting": meeting.code})
    return redirect(f"{meeting.get_absolute_url()}#agenda")
