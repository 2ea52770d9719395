from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body, Organization
from cwgcop.core.languages import Language
from cwgcop.documents.enums import DocumentKind
from cwgcop.meetings.models import Meeting


class DocumentForm(forms.Form):
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        queryset=Body.objects.order_by("acronym"), label=_("Body")
    )
    meeting: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        queryset=Meeting.objects.select_related("body").order_by("-start_date"),
        required=False,
        label=_("Meeting"),
    )
    kind = forms.ChoiceField(choices=DocumentKind.choices, label=_("Kind"))
    symbol = forms.CharField(
        max_length=80,
        required=False,
        label=_("Symbol"),
        help_text=_("Leave empty to give the document the next number of its meeting."),
    )
    original_language = forms.ChoiceField(choices=Language.choices, initial="en", label=_("Original language"))
    title_en = forms.CharField(max_length=500, required=False, label=_("Title (English)"))
    title_zh_hans = forms.CharField(max_length=500, required=False, label=_("Title (Chinese)"))
    title_fr = forms.CharField(max_length=500, required=False, label=_("Title (French)"))
    title_es = forms.CharField(max_length=500, required=False, label=_("Title (Spanish)"))
    title_ru = forms.CharField(max_length=500, required=False, label=_("Title (Russian)"))
    title_ar = forms.CharField(max_length=500, required=False, label=_("Title (Arabic)"))
    sources = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.order_by("name"), required=False, label=_("Sources")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"title_{code}") for code in ("en", "zh_hans", "fr", "es", "ru", "ar")):
            raise forms.ValidationError(_("A document needs a title in at least one language."))
        return data

    def titles(self) -> dict[str, str]:
        return {
            code: self.cleaned_data.get(f"title_{code.replace('-', '_')}") or ""
            for code in ("en", "zh-hans", "fr", "es", "ru", "ar")
        }


class UploadForm(forms.Form):
    language = forms.ChoiceField(choices=Language.choices, label=_("Language"))
    file = forms.FileField(label=_("File"), allow_empty_file=True)

    def service_values(self) -> dict[str, Any]:
        """The arguments of ``add_file`` for the uploaded file."""
        upload = self.cleaned_data["file"]
        return {
            "language": self.cleaned_data["language"],
            "name": upload.name or "",
            "size": upload.size or 0,
            "stream": upload,
        }


class PublishForm(forms.Form):
    published_on = forms.DateField(
        required=False,
        label=_("Published on"),
        help_text=_("For a document of the past: the day it was first published. Leave empty for now."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class RevisionForm(forms.Form):
    note = forms.CharField(max_length=500, required=False, label=_("What changed"))


class WithdrawForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, label=_("Reason"))
