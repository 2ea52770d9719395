"""The secretariat's pages for a meeting's officers and status: validate, check a permission, call one service."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form
from cwgcop.meetings import queries, services
from cwgcop.meetings.enums import MeetingStatus
from cwgcop.meetings.forms import OfficerFormSet, StatusForm
from cwgcop.meetings.models import Meeting


def _meeting(request: HttpRequest, pk: int, permission: str) -> Meeting:
    meeting: Meeting = get_object_or_404(
        Meeting.objects.select_related("body").prefetch_related(queries.officers()), pk=pk
    )
    check_object_permission(request, permission, meeting)
    return meeting


def _initial(meeting: Meeting) -> list[dict[str, object]]:
    return [
        {
            "role": o.role,
            "email": o.user.email if o.user else "",
            "name": o.name,
            "country": str(o.country or ""),
            "organization": o.organization,
        }
        for o in meeting.officers.all()
    ]


@require_permission("bodies.use_staff_pages")
def meeting_officers(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, "meetings.manage_officers")
    formset = OfficerFormSet(request.POST or None, initial=_initial(meeting))
    if request.method == "POST" and formset.is_valid():
        officers = [form.officer() for form in formset if not form.is_blank]
        # A refusal is about the list as a whole: it is shown above the first officer.
        with refusal_on_form(formset.forms[0]):
            services.set_meeting_officers(actor=request.user, meeting=meeting, officers=officers)
            messages.success(request, _("The officers of %(meeting)s were saved.") % {"meeting": meeting.code})
            return redirect("staff:meetings:meeting-manage", pk=meeting.pk)
    status = 400 if request.method == "POST" else 200
    context = {"meeting": meeting, "formset": formset}
    return render(request, "meetings/staff/officers.html", context, status=status)


@require_POST
@require_permission("bodies.use_staff_pages")
def meeting_status(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk, "meetings.manage_meeting")
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses."))
        return redirect("staff:meetings:meeting-manage", pk=meeting.pk)
    with refusal_as_messages(request):
        services.change_meeting_status(actor=request.user, meeting=meeting, status=form.cleaned_data["status"])
        messages.success(
            request,
            _("%(meeting)s is now: %(status)s.")
            % {"meeting": meeting.code, "status": MeetingStatus(form.cleaned_data["status"]).label},
        )
    return redirect("staff:meetings:meeting-manage", pk=meeting.pk)
