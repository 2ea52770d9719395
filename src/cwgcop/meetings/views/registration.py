"""Registering for a meeting and reading or cancelling one's registration. Signed-in people only."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cwgcop.core.confirmation import confirmation_page, is_confirmed
from cwgcop.core.permissions import require_permission
from cwgcop.core.refusals import refusal_as_messages, refusal_on_form
from cwgcop.meetings import queries
from cwgcop.meetings.forms import RegistrationForm
from cwgcop.meetings.models import Meeting, Registration
from cwgcop.meetings.services import registration as services


def _meeting(body: str, number: int) -> Meeting:
    meeting = queries.meeting(body, number)
    if meeting is None:
        raise Http404
    return meeting


def _registration(request: HttpRequest, pk: int) -> Registration:
    """The registration, for its owner or the body's secretariat; anyone else is told it does not exist."""
    registration = get_object_or_404(Registration.objects.select_related("meeting", "meeting__body", "user"), pk=pk)
    if not request.user.has_perm("meetings.view_registration", registration):
        raise Http404
    return registration


@require_permission("meetings.register_for_meeting")
def register(request: HttpRequest, body: str, number: int) -> HttpResponse:
    meeting = _meeting(body, number)
    existing = queries.registration_of(request.user, meeting)
    if existing is not None and existing.is_active:
        messages.info(request, _("You are already registered for %(meeting)s.") % {"meeting": meeting.code})
        return redirect(existing.get_absolute_url())
    closed = services.registration_closed_reason(meeting)
    form = RegistrationForm(request.POST or None, meeting=meeting, initial=_initial(request, existing))
    if request.method == "POST" and form.is_valid():
        with refusal_on_form(form):
            registration = services.register_for_meeting(actor=request.user, meeting=meeting, **form.cleaned_data)
            messages.success(
                request,
                _("You are registered for %(meeting)s. A confirmation has been sent to your e-mail address.")
                % {"meeting": meeting.code},
            )
            return redirect(registration.get_absolute_url())
    status = 400 if form.errors else 200
    return render(
        request, "meetings/register.html", {"meeting": meeting, "form": form, "closed": closed}, status=status
    )


def _initial(request: HttpRequest, previous: Registration | None) -> dict[str, str]:
    """Pre-fill from a cancelled registration, else from the person's profile when it has one."""
    if previous is not None:
        return {
            "mode": previous.mode,
            "organization_name": previous.organization_name,
            "country": str(previous.country),
            "stakeholder_kind": previous.stakeholder_kind,
            "accessibility_needs": previous.accessibility_needs,
        }
    profile = getattr(request.user, "profile", None)
    if profile is None:
        return {}
    organization = getattr(profile, "organization", None)
    return {
        "organization_name": str(
            getattr(organization, "name", organization) or getattr(profile, "organization_name", "") or ""
        ),
        "country": str(getattr(profile, "country", "") or ""),
    }


@require_permission("meetings.register_for_meeting")
def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    return render(
        request,
        "meetings/registration.html",
        {"registration": registration, "meeting": registration.meeting},
    )


@require_POST
@require_permission("meetings.register_for_meeting")
def registration_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    if not request.user.has_perm("meetings.cancel_registration", registration):
        raise Http404
    if not is_confirmed(request):
        return confirmation_page(
            request,
            title=_("Cancel your registration for %(meeting)s?") % {"meeting": registration.meeting.code},
            consequence=_(
                "Your registration is cancelled and the secretariat no longer counts you among the participants. "
                "To take part after all, register again while registration is open."
            ),
            button=_("Yes, cancel my registration"),
            back=registration.get_absolute_url(),
        )
    with refusal_as_messages(request):
        services.cancel_registration(actor=request.user, registration=registration)
        messages.success(
            request, _("Your registration for %(meeting)s is cancelled.") % {"meeting": registration.meeting.code}
        )
    return redirect(registration.get_absolute_url())
