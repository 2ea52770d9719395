"""Secretariat pages for a meeting's participation: registrations, attendance ticks and the CSV import."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cwgcop.core import audit
from cwgcop.core.formatting import number
from cwgcop.core.permissions import check_object_permission, require_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form
from cwgcop.meetings import queries
from cwgcop.meetings.figures import participation_figures
from cwgcop.meetings.forms import AttendanceConfirmForm, AttendanceForm, AttendanceUploadForm, StatusForm
from cwgcop.meetings.models import Attendance, Meeting
from cwgcop.meetings.services import actions as action_services
from cwgcop.meetings.services import attendance as services
from cwgcop.meetings.views import managed_meeting


@require_permission("bodies.use_staff_pages")
def meeting_manage(request: HttpRequest, pk: int) -> HttpResponse:
    """The secretariat's overview of one meeting, with links to each part of its record."""
    meeting = managed_meeting(request, pk)
    return render(
        request,
        "meetings/staff/meeting_manage.html",
        {
            "meeting": meeting,
            "figures": participation_figures(meeting),
            "registration_count": queries.registrations(meeting).count(),
            "carried_actions": queries.carried_actions(meeting),
            "history": audit.history(meeting)[:30],
            "status_form": StatusForm(initial={"status": meeting.status}),
        },
    )


@require_permission("bodies.use_staff_pages")
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk)
    registrations = list(queries.registrations(meeting))
    form = AttendanceForm(request.POST or None, registrations=registrations, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            services.record_attendance(actor=request.user, meeting=meeting, attended=form.attended())
            messages.success(request, _("Attendance saved."))
            return redirect("staff:meetings:meeting-attendance", pk=meeting.pk)
    others = Attendance.objects.filter(meeting=meeting, registration__isnull=True).order_by("name", "id")
    return render(
        request,
        "meetings/staff/attendance.html",
        {"meeting": meeting, "form": form, "others": others, "figures": participation_figures(meeting)},
        status=400 if form.errors else 200,
    )


@require_POST
@require_permission("bodies.use_staff_pages")
def attendance_remove(request: HttpRequest, pk: int) -> HttpResponse:
    listed = get_object_or_404(Attendance.objects.select_related("meeting", "meeting__body"), pk=pk)
    check_object_permission(request, "meetings.manage_participation", listed.meeting)
    services.remove_attendance(actor=request.user, attendance=listed)
    messages.success(request, _("%(name)s was taken off the attendance list.") % {"name": listed.name})
    return redirect("staff:meetings:meeting-attendance", pk=listed.meeting_id)


@require_permission("bodies.use_staff_pages")
def attendance_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload → preview (nothing written) → confirm. The preview carries the file's text to the confirmation."""
    meeting = managed_meeting(request, pk)
    context: dict[str, object] = {"meeting": meeting, "upload_form": AttendanceUploadForm()}
    if request.method != "POST":
        return render(request, "meetings/staff/attendance_import.html", context)
    if "confirm" not in request.POST:
        upload = AttendanceUploadForm(request.POST, request.FILES)
        if not upload.is_valid():
            return render(
                request, "meetings/staff/attendance_import.html", {**context, "upload_form": upload}, status=400
            )
        text = upload.cleaned_data["file"]
        return _preview(request, meeting, text, AttendanceConfirmForm(initial={"text": text}), context)
    confirm = AttendanceConfirmForm(request.POST)
    if not confirm.is_valid():
        return render(request, "meetings/staff/attendance_import.html", context, status=400)
    text = confirm.cleaned_data["text"]
    with refusal_on_form(confirm):
        result = services.import_attendance(
            actor=request.user, meeting=meeting, text=text, only_valid_rows=confirm.cleaned_data["only_valid_rows"]
        )
        messages.success(
            request,
            ngettext(
                "%(count)s row imported.",
                "%(count)s rows imported.",
                result.valid_count,
            )
            % {"count": number(result.valid_count)},
        )
        return redirect("staff:meetings:meeting-attendance", pk=meeting.pk)
    return _preview(request, meeting, text, confirm, context, status=400)


def _preview(
    request: HttpRequest,
    meeting: Meeting,
    text: str,
    confirm: AttendanceConfirmForm,
    context: dict[str, object],
    *,
    status: int = 200,
) -> HttpResponse:
    preview = services.import_attendance(actor=request.user, meeting=meeting, text=text, dry_run=True)
    return render(
        request,
        "meetings/staff/attendance_import.html",
        {**context, "preview": preview, "confirm_form": confirm},
        status=status,
    )


@require_POST
@require_permission("bodies.use_staff_pages")
def carry_forward(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = managed_meeting(request, pk, "meetings.manage_actions")
    with refusal_as_messages(request):
        carried = action_services.carry_forward_open_actions(actor=request.user, meeting=meeting)
        messages.success(
            request,
            ngettext(
                "%(count)s open action item carried forward.",
                "%(count)s open action items carried forward.",
                len(carried),
            )
            % {"count": number(len(carried))},
        )
    return redirect("staff:meetings:meeting-manage", pk=meeting.pk)
