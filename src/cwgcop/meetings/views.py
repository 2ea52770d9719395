"""Public meeting pages and the iCalendar feed of meetings."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cwgcop.core.cache import public_page
from cwgcop.meetings import calendar, queries
from cwgcop.meetings.record_views import meeting_page_context


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
    meeting = queries.meeting(body, number)
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
