"""/api/v1/meetings/: numbered meetings, with dates and participant figures."""
# No `from __future__ import annotations` here: django-ninja reads the parameter annotations at import.

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.pagination import paginate

from cwgcop.api import serializers
from cwgcop.api.errors import NotFoundError
from cwgcop.api.pagination import LazyPage, LimitOffsetPagination
from cwgcop.api.schemas import ErrorSchema, MeetingFilters, MeetingSchema
from cwgcop.meetings import queries

router = Router(tags=["meetings"])


@router.get("/", response={200: list[MeetingSchema], 400: ErrorSchema}, summary="List meetings")
@paginate(LimitOffsetPagination)
def list_meetings(request: HttpRequest, filters: Query[MeetingFilters]) -> LazyPage:
    """Meetings, newest first."""
    queryset = queries.public_meetings()
    if filters.body:
        queryset = queryset.filter(body__slug=filters.body.lower())
    if filters.year:
        queryset = queryset.filter(start_date__year=filters.year)
    return LazyPage(queryset, lambda meeting: serializers.meeting_data(request, meeting))


@router.get("/{body}/{number}", response={200: MeetingSchema, 404: ErrorSchema}, summary="One meeting")
def get_meeting(request: HttpRequest, body: str, number: int) -> dict[str, Any]:
    """The ``number``-th meeting of the body whose slug is ``body``: ``/meetings/cwg-cop/21``."""
    meeting = queries.meeting(body, number)
    if meeting is None:
        raise NotFoundError(_("There is no meeting %(number)s of “%(body)s”.") % {"number": number, "body": body[:80]})
    return serializers.meeting_data(request, meeting)
