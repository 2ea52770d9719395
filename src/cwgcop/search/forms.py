"""The search form: the words, and the archive's filters (each state a plain query string, a stable URL)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwgcop.bodies.models import Organization
from cwgcop.core.languages import Language
from cwgcop.documents.enums import DocumentKind
from cwgcop.meetings.models import Meeting
from cwgcop.search.engines import Filters

FILTER_FIELDS = ("meeting", "kind", "language", "year", "source")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, strip=True)
    meeting: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        queryset=Meeting.objects.select_related("body").order_by("-start_date"),
        label=_("Meeting"),
        required=False,
        empty_label=pgettext_lazy("filter", "Any"),
    )
    kind = forms.ChoiceField(
        choices=[("", pgettext_lazy("filter", "Any")), *DocumentKind.choices], label=_("Kind"), required=False
    )
    language = forms.ChoiceField(
        choices=[("", pgettext_lazy("filter", "Any")), *Language.choices], label=_("Language"), required=False
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2100)
    source: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        queryset=Organization.objects.filter(documents__status="published").distinct().order_by("name"),
        label=_("Source"),
        required=False,
        empty_label=pgettext_lazy("filter", "Any"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "maxlength": "500"})

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            meeting=data["meeting"].pk if data.get("meeting") else None,
            kind=data.get("kind") or None,
            language=data.get("language") or None,
            year=data.get("year"),
            source=data["source"].pk if data.get("source") else None,
        )
