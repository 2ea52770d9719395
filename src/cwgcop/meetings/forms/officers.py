"""The officers page: one row per chair or vice-chair, a person's account (by e-mail) or a name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from cwgcop.bodies import queries as body_queries
from cwgcop.bodies.models import Organization
from cwgcop.meetings.enums import MeetingStatus, OfficerRole
from cwgcop.meetings.services.officers import Officer


class OfficerForm(forms.Form):
    role = forms.ChoiceField(choices=OfficerRole.choices, label=_("Role"))
    email = forms.EmailField(
        required=False,
        label=_("E-mail address of the officer's account"),
        help_text=_("Or leave it empty and give the name."),
    )
    name = forms.CharField(max_length=200, required=False, label=pgettext_lazy("person", "Name"))
    country = forms.ChoiceField(required=False, label=_("Country"))
    organization: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        queryset=Organization.objects.none(), required=False, label=_("Organisation")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *list(countries)]  # type: ignore[attr-defined]
        self.fields["organization"].queryset = body_queries.active_organizations()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        email = data.get("email")
        data["user"] = None
        if email:
            data["user"] = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
            if data["user"] is None:
                self.add_error("email", _("No account has this e-mail address; give the officer's name instead."))
        return data

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("email") or data.get("name"))

    def officer(self) -> Officer:
        data = self.cleaned_data
        return Officer(
            role=data["role"],
            user=data.get("user"),
            name=data.get("name") or "",
            country=data.get("country") or "",
            organization=data.get("organization"),
        )


OfficerFormSet = forms.formset_factory(OfficerForm, extra=2)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=MeetingStatus.choices, label=_("Status"))
