"""Forms for registering, ticking attendance and importing an attendance list."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cwgcop.bodies.enums import StakeholderKind
from cwgcop.meetings.enums import AttendanceMode, MeetingFormat
from cwgcop.meetings.models import Meeting, Registration

MAX_IMPORT_BYTES = 2 * 1024 * 1024


def mode_choices(meeting: Meeting) -> list[tuple[str, Any]]:
    """The ways one can take part in ``meeting``: both for a hybrid meeting, one otherwise."""
    if meeting.format == MeetingFormat.IN_PERSON:
        return [(AttendanceMode.ONSITE.value, AttendanceMode.ONSITE.label)]
    if meeting.format == MeetingFormat.VIRTUAL:
        return [(AttendanceMode.REMOTE.value, AttendanceMode.REMOTE.label)]
    return list(AttendanceMode.choices)


class RegistrationForm(forms.Form):
    mode = forms.ChoiceField(widget=forms.RadioSelect, label=_("I will take part"))
    organization_name = forms.CharField(max_length=250, label=_("Organisation"))
    country = forms.ChoiceField(label=_("Country"))
    stakeholder_kind = forms.ChoiceField(choices=StakeholderKind.choices, label=_("Stakeholder kind"))
    accessibility_needs = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        label=_("Accessibility needs (optional)"),
        help_text=_("For example sign language interpretation, captioning, step-free access."),
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = mode_choices(meeting)
        self.fields["mode"].choices = choices  # type: ignore[attr-defined]
        if len(choices) == 1:
            self.fields["mode"].initial = choices[0][0]
        self.fields["country"].choices = [("", "—"), *list(countries)]  # type: ignore[attr-defined]


class AttendanceForm(forms.Form):
    """One tick box and one mode per registration: ``attended_<id>`` and ``mode_<id>``."""

    def __init__(self, *args: Any, registrations: list[Registration], meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registrations = registrations
        choices = mode_choices(meeting)
        for registration in registrations:
            current = getattr(registration, "attendance", None) if _has_attendance(registration) else None
            self.fields[f"attended_{registration.pk}"] = forms.BooleanField(
                required=False, initial=current is not None, label=registration.person_name
            )
            self.fields[f"mode_{registration.pk}"] = forms.ChoiceField(
                choices=choices,
                initial=current.mode if current is not None else registration.mode,
                label=_("Participation of %(name)s") % {"name": registration.person_name},
            )

    def rows(self) -> list[tuple[Registration, forms.BoundField, forms.BoundField]]:
        return [(r, self[f"attended_{r.pk}"], self[f"mode_{r.pk}"]) for r in self.registrations]

    def attended(self) -> dict[int, str]:
        return {
            r.pk: self.cleaned_data[f"mode_{r.pk}"]
            for r in self.registrations
            if self.cleaned_data.get(f"attended_{r.pk}")
        }


def _has_attendance(registration: Registration) -> bool:
    try:
        return registration.attendance is not None
    except Registration.attendance.RelatedObjectDoesNotExist:
        return False


class AttendanceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Attendance list (CSV)"),
        help_text=_(
            "Columns: name, email (optional), organisation, country (code or English name), stakeholder_kind, "
            "mode (onsite or remote). The first row names the columns."
        ),
    )

    def clean_file(self) -> str:
        from cwgcop.meetings.attendance_csv import decode

        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; split it."))
        text = decode(upload.read())
        if text is None:
            raise forms.ValidationError(_("The file is not UTF-8 text: save it as “CSV UTF-8”."))
        return text


class AttendanceConfirmForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"hidden": True}), max_length=MAX_IMPORT_BYTES, strip=False)
    only_valid_rows = forms.BooleanField(required=False, label=_("Import only the valid rows and skip the others"))
