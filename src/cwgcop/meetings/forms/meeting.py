from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.meetings.enums import MeetingFormat, MeetingStatus
from cwgcop.meetings.services.meeting import MEETING_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


class MeetingForm(forms.Form):
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        queryset=Body.objects.order_by("acronym"), label=_("Body")
    )
    number = forms.IntegerField(min_value=1, label=_("Number"))
    start_date = forms.DateField(widget=DateInput, label=_("Start date"))
    end_date = forms.DateField(widget=DateInput, label=_("End date"))
    venue_en = forms.CharField(max_length=250, required=False, label=_("Venue (English)"))
    venue_zh_hans = forms.CharField(max_length=250, required=False, label=_("Venue (Chinese)"))
    format = forms.ChoiceField(choices=MeetingFormat.choices, label=_("Format"))
    remote_link = forms.URLField(required=False, label=_("Remote participation link"), assume_scheme="https")
    remote_link_private = forms.BooleanField(
        required=False,
        initial=True,
        label=_("Show the remote link only to registered participants"),
    )
    registration_deadline = forms.DateTimeField(
        required=False,
        widget=DateTimeInput,
        label=_("Registration deadline"),
        help_text=_("Without a deadline, registration stays open until the meeting ends."),
    )
    contribution_deadline = forms.DateTimeField(required=False, widget=DateTimeInput, label=_("Contribution deadline"))
    status = forms.ChoiceField(choices=MeetingStatus.choices, label=_("Status"))
    participants_total = forms.IntegerField(min_value=0, required=False, label=_("Participants"))
    participants_onsite = forms.IntegerField(min_value=0, required=False, label=_("Participants on site"))
    participants_remote = forms.IntegerField(min_value=0, required=False, label=_("Remote participants"))
    themes_en = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label=_("Themes (English)"),
        help_text=_("One theme per line."),
    )
    themes_zh_hans = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label=_("Themes (Chinese)")
    )
    summary_en = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False, label=_("Summary of the discussions (English)")
    )
    summary_zh_hans = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}), required=False, label=_("Summary of the discussions (Chinese)")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The meeting cannot end before it starts."))
        return data

    def service_values(self) -> dict[str, Any]:
        """The meeting's plain values, as the services take them (texts come from ``translations``)."""
        return {name: self.cleaned_data.get(name) for name in MEETING_FIELDS}

    def venues(self) -> dict[str, str]:
        return self.translations("venue")

    def translations(self, field: str) -> dict[str, str]:
        return {
            "en": self.cleaned_data.get(f"{field}_en") or "",
            "zh-hans": self.cleaned_data.get(f"{field}_zh_hans") or "",
        }
