from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.meetings.enums import MeetingFormat, MeetingStatus


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
    contribution_deadline = forms.DateTimeField(required=False, widget=DateTimeInput, label=_("Contribution deadline"))
    status = forms.ChoiceField(choices=MeetingStatus.choices, label=_("Status"))
    participants_total = forms.IntegerField(min_value=0, required=False, label=_("Participants"))
    participants_onsite = forms.IntegerField(min_value=0, required=False, label=_("Participants on site"))
    participants_remote = forms.IntegerField(min_value=0, required=False, label=_("Remote participants"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The meeting cannot end before it starts."))
        return data

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            name: data.get(name)
            for name in (
                "format",
                "remote_link",
                "contribution_deadline",
                "status",
                "participants_total",
                "participants_onsite",
                "participants_remote",
            )
        }

    def venues(self) -> dict[str, str]:
        return {
            "en": self.cleaned_data.get("venue_en") or "",
            "zh-hans": self.cleaned_data.get("venue_zh_hans") or "",
        }
