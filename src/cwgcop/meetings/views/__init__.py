"""The meetings' pages: public (the list, a meeting's page, its calendar), record (agenda, outcomes and action
items as the public reads them, the chair's agenda decisions), registration (a member's), and the staff's
pages (staff: a meeting's facts; staff_participation: attendance and figures; staff_record: agenda, outcomes,
action items). What more than one of them needs is here.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from cwgcop.core.permissions import check_object_permission
from cwgcop.meetings.models import Meeting


def managed_meeting(request: HttpRequest, pk: int, permission: str = "meetings.manage_participation") -> Meeting:
    meeting: Meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    check_object_permission(request, permission, meeting)
    return meeting
