"""Secretariat pages for meetings: thin views that validate, check a permission and call a service."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import refusal_on_form
from cwgcop.meetings import services
from cwgcop.meetings.forms import MeetingForm
from cwgcop.meetings.models import Meeting


@require_permission("bodies.use_staff_pages")
def meeting_create(request: HttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        body = form.cleaned_data["body"]
        check_object_permission(request, "bodies.manage_body", body)
        with refusal_on_form(form):
            meeting = services.create_meeting(
                actor=request.user,
                body=body,
                number=form.cleaned_data["number"],
                venues=form.venues(),
                themes=form.translations("themes"),
                summaries=form.translations("summary"),
                **form.service_values(),
            )
            messages.success(request, _("Meeting %(meeting)s created.") % {"meeting": meeting})
            return redirect(meeting.get_absolute_url())
    return render(request, "meetings/staff/meeting_form.html", {"form": form}, status=400 if form.errors else 200)


@require_permission("bodies.use_staff_pages")
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting: Meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
    check_object_permission(request, "bodies.manage_body", meeting.body)
    initial = {
        "body": meeting.body,
        "number": meeting.number,
        "venue_en": getattr(meeting, "venue_en", ""),
        "venue_zh_hans": getattr(meeting, "venue_zh_hans", ""),
        **{name: getattr(meeting, name) for name in services.MEETING_FIELDS},
        **{
            f"{field}_{code}": getattr(meeting, f"{field}_{code}", "")
            for field in ("themes", "summary")
            for code in ("en", "zh_hans")
        },
    }
    form = MeetingForm(request.POST or None, initial=initial)
    form.fields["body"].disabled = True
    form.fields["number"].disabled = True
    if meeting.attendance.exists():
        # Counted from the attendance list (see services.attendance): shown, not typed.
        for name in ("participants_total", "participants_onsite", "participants_remote"):
            form.fields[name].disabled = True
            form.fields[name].help_text = _("Counted from the attendance list.")
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.update_meeting(
                actor=request.user,
                meeting=meeting,
                venues=form.venues(),
                themes=form.translations("themes"),
                summaries=form.translations("summary"),
                **form.service_values(),
            )
            messages.success(request, _("Meeting %(meeting)s saved.") % {"meeting": meeting})
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "meetings/staff/meeting_form.html",
        {"form": form, "meeting": meeting},
        status=400 if form.errors else 200,
    )
