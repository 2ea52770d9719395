"""The public registration form: no account, a honeypot and a minimum filling time against robots."""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from cwgcop.bodies.enums import StakeholderKind
from cwgcop.events.enums import AttendanceMode, EventFormat, RegistrationStatus
from cwgcop.events.models import Event
from cwgcop.events.services import Applicant

STARTED_SALT = "cwgcop.events.form-started"


class RegistrationForm(forms.Form):
    name = forms.CharField(max_length=200, label=pgettext_lazy("person", "Name"))
    email = forms.EmailField(max_length=254, label=_("E-mail"))
    organization = forms.CharField(max_length=250, required=False, label=_("Organisation"))
    country = forms.ChoiceField(choices=lambda: [("", _("Choose a country")), *countries], label=_("Country"))
    stakeholder_kind = forms.ChoiceField(choices=StakeholderKind.choices, label=_("Stakeholder kind"))
    attendance_mode = forms.ChoiceField(choices=AttendanceMode.choices, label=_("I will attend"))
    needs_sign_language = forms.BooleanField(required=False, label=_("I need sign-language interpretation"))
    sign_language = forms.CharField(max_length=100, required=False, label=_("Which sign language"))
    needs_captions = forms.BooleanField(required=False, label=_("I need live captions"))
    accessibility_other = forms.CharField(
        max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Other accessibility needs")
    )
    consent = forms.BooleanField(required=True, label=_("I have read the privacy notice and agree to it"))
    # Robots fill every field and submit at once; people leave this one empty and take a few seconds.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=STARTED_SALT)
        modes = {
            EventFormat.ONLINE: [AttendanceMode.ONLINE],
            EventFormat.IN_PERSON: [AttendanceMode.IN_PERSON],
            EventFormat.HYBRID: [AttendanceMode.ONLINE, AttendanceMode.IN_PERSON],
        }[EventFormat(event.format)]
        mode_field = self.fields["attendance_mode"]
        assert isinstance(mode_field, forms.ChoiceField)
        mode_field.choices = [(m.value, m.label) for m in modes]
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organization"].widget.attrs["autocomplete"] = "organization"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("website"):
            # Shown at the top: the field itself is hidden from people (a browser's autofill may fill it).
            self.add_error(None, _("The field “Leave this field empty” must stay empty."))
        return data

    def clean_started(self) -> float:
        try:
            started = float(signing.loads(self.cleaned_data["started"], salt=STARTED_SALT, max_age=24 * 3600))
        except (signing.BadSignature, TypeError, ValueError) as exc:
            raise forms.ValidationError(_("The form has expired. Please fill it in again.")) from exc
        if time.time() - started < settings.CWGCOP_EVENT_FORM_MIN_SECONDS:
            raise forms.ValidationError(_("That was very fast. Please check your answers and send the form again."))
        return started

    def applicant(self, language: str) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            email=data["email"],
            organization=data.get("organization") or "",
            country=str(data["country"]),
            stakeholder_kind=data["stakeholder_kind"],
            attendance_mode=data["attendance_mode"],
            needs_sign_language=bool(data.get("needs_sign_language")),
            sign_language=data.get("sign_language") or "",
            needs_captions=bool(data.get("needs_captions")),
            accessibility_other=data.get("accessibility_other") or "",
            consent=bool(data.get("consent")),
            language=language,
        )


class RegistrationFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", _("Any status")), *RegistrationStatus.choices], required=False, label=_("Status")
    )
    attendance_mode = forms.ChoiceField(
        choices=[("", _("Any attendance")), *AttendanceMode.choices],
        required=False,
        label=pgettext_lazy("attendance mode", "Attendance"),
    )
    needs = forms.ChoiceField(
        choices=[
            ("", _("Anyone")),
            ("sign-language", _("Needs sign language")),
            ("captions", _("Needs captions")),
            ("other", _("Other needs")),
        ],
        required=False,
        label=_("Accessibility"),
    )
    q = forms.CharField(max_length=100, required=False, label=_("Name, e-mail or organisation"))


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(min_value=1, max_value=100_000, label=_("Capacity"))


class EmailAllForm(forms.Form):
    statuses = forms.MultipleChoiceField(
        choices=[
            (RegistrationStatus.CONFIRMED.value, RegistrationStatus.CONFIRMED.label),
            (RegistrationStatus.WAITLISTED.value, RegistrationStatus.WAITLISTED.label),
        ],
        initial=[RegistrationStatus.CONFIRMED.value],
        widget=forms.CheckboxSelectMultiple,
        label=_("Send to"),
    )
    subject = forms.CharField(max_length=200, label=_("Subject"))
    message = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000, label=_("Message"))
