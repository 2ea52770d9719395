"""Forms of the submission pages: a member's submission, and the secretariat's reason for returning one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Organization
from cwgcop.core.languages import LANGUAGE_ORDER, Language, field_suffix
from cwgcop.documents.contributions import ACCEPTING_STATUSES, SUBMITTABLE_KINDS, LanguageVersion
from cwgcop.documents.enums import DocumentKind
from cwgcop.meetings.models import Meeting

LANGUAGE_LABELS = dict(Language.choices)


def open_meetings() -> QuerySet[Meeting]:
    """Meetings still ahead that accept submissions (the deadline is checked by the service)."""
    return (
        Meeting.objects.select_related("body")
        .filter(status__in=ACCEPTING_STATUSES, end_date__gte=timezone.localdate())
        .order_by("start_date", "body__acronym")
    )


class MeetingChoiceField(forms.ModelChoiceField[Meeting]):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.code} ({obj.start_date:%Y-%m-%d})"


class SubmissionForm(forms.Form):
    meeting = MeetingChoiceField(queryset=Meeting.objects.none(), label=_("Meeting"))
    kind = forms.ChoiceField(
        choices=[(k.value, k.label) for k in SUBMITTABLE_KINDS],
        initial=DocumentKind.CONTRIBUTION,
        label=_("Kind"),
        widget=forms.RadioSelect,
    )
    original_language = forms.ChoiceField(choices=Language.choices, initial="en", label=_("Original language"))
    sources = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.order_by("name"),
        required=False,
        label=_("Source organisations"),
        help_text=_("The organisations that submit the document."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = open_meetings()  # type: ignore[attr-defined]
        for code in LANGUAGE_ORDER:
            label = LANGUAGE_LABELS[code]
            self.fields[f"title_{field_suffix(code)}"] = forms.CharField(
                max_length=500, required=False, label=_("Title (%(language)s)") % {"language": label}
            )
        for code in LANGUAGE_ORDER:
            label = LANGUAGE_LABELS[code]
            self.fields[f"file_{field_suffix(code)}"] = forms.FileField(
                required=False,
                allow_empty_file=True,
                label=_("File in %(language)s") % {"language": label},
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(f"title_{field_suffix(code)}") for code in LANGUAGE_ORDER):
            raise forms.ValidationError(_("A document needs a title in at least one language."))
        return data

    def titles(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"title_{field_suffix(code)}") or "" for code in LANGUAGE_ORDER}

    def versions(self) -> list[LanguageVersion]:
        versions = []
        for code in LANGUAGE_ORDER:
            upload = self.cleaned_data.get(f"file_{field_suffix(code)}")
            if upload:
                versions.append(
                    LanguageVersion(language=code, name=upload.name or "", size=upload.size or 0, stream=upload)
                )
        return versions


class ReturnForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        label=_("Reason for returning it"),
        help_text=_("The submitter reads this in the e-mail and on their submission's page."),
    )
