"""Forms of the documents' pages: the secretariat's document form, a member's submission, and the secretariat's
reason for returning one.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Organization
from cwgcop.core.confirmation import confirm_field
from cwgcop.core.languages import LANGUAGE_ORDER, Language, field_suffix
from cwgcop.documents.contributions import ACCEPTING_STATUSES, SUBMITTABLE_KINDS, LanguageVersion
from cwgcop.documents.enums import DocumentKind
from cwgcop.meetings.enums import MeetingStatus
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
    confirm = confirm_field(_("Publish it: everyone can read it, and its files can never be changed again"))


class RevisionForm(forms.Form):
    note = forms.CharField(max_length=500, required=False, label=_("What changed"))


class WithdrawForm(forms.Form):
    reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, label=_("Reason"))
    confirm = confirm_field(_("Withdraw it: it stays in the archive marked as withdrawn, and this cannot be undone"))


LANGUAGE_LABELS = dict(Language.choices)


def open_meetings(user: Any = None) -> QuerySet[Meeting]:
    """Meetings still ahead that accept submissions (the deadline is checked by the service), and for a
    secretariat every meeting of its bodies but the cancelled ones (it files a past meeting's papers too)."""
    accepting = Q(status__in=ACCEPTING_STATUSES, end_date__gte=timezone.localdate())
    if user is not None and getattr(user, "is_authenticated", False):
        accepting |= Q(body__roles__user=user, body__roles__kind=RoleKind.SECRETARIAT) & ~Q(
            status=MeetingStatus.CANCELLED
        )
    return Meeting.objects.select_related("body").filter(accepting).distinct().order_by("start_date", "body__acronym")


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

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = open_meetings(user)  # type: ignore[attr-defined]
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
