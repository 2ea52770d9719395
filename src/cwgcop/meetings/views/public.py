"""Public meeting pages and the iCalendar feed of meetings."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cwgcop.core.cache import public_page
from cwgcop.meetings import calendar, queries
from cwgcop.meetings.figures import participation_figures
from cwgcop.meetings.models import Meeting
from cwgcop.meetings.services.registration import registration_closed_reason


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


@require_safe
@public_page
def meeting_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(queries.public_meetings(), 30)
    return render(
        request,
        "meetings/list.html",
        {"page": paginator.get_page(request.GET.get("page"))},
    )


@require_safe
@public_page
def meeting_detail(request: HttpRequest, body: str, number: int) -> HttpResponse:
    meeting = queries.meeting_with_officers(body, number)
    if meeting is None:
        raise Http404
    return render(
        request,
        "meetings/detail.html",
        {"meeting": meeting, "groups": queries.documents_by_kind(meeting), **meeting_page_context(request, meeting)},
    )


@require_safe
@public_page
def meetings_ics(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(calendar.meetings_calendar(queries.public_meetings()), content_type="text/calendar")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response
