from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.core.languages import Language


class DraftForm(forms.Form):
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        queryset=Body.objects.order_by("acronym"), label=_("Body")
    )
    since_last_report = forms.BooleanField(required=False, label=_("Since the last report"))
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("From"))
    end = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=_("To"))
    languages = forms.MultipleChoiceField(
        choices=Language.choices, initial=["zh-hans", "en"], widget=forms.CheckboxSelectMultiple, label=_("Languages")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("since_last_report") and not data.get("start"):
            self.add_error("start", _("Give the first day of the period, or choose “since the last report”."))
        return data
