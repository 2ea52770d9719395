"""Forms for the meeting's record: agenda items, outcomes and action items."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwgcop.bodies.models import Body, Organization
from cwgcop.meetings.citations import CitedDocument, archive
from cwgcop.meetings.enums import ActionOwnerKind, ActionStatus, OutcomeKind
from cwgcop.meetings.forms.meeting import DateInput
from cwgcop.meetings.models import ActionItem, Meeting, Outcome

LANGUAGE_FIELDS = (
    ("en", "en", pgettext_lazy("language in a label", "English")),
    ("zh_hans", "zh-hans", pgettext_lazy("language in a label", "Chinese")),
    ("fr", "fr", pgettext_lazy("language in a label", "French")),
    ("es", "es", pgettext_lazy("language in a label", "Spanish")),
    ("ru", "ru", pgettext_lazy("language in a label", "Russian")),
    ("ar", "ar", pgettext_lazy("language in a label", "Arabic")),
)


class TranslatedTextMixin:
    """Adds ``<field>_<language>`` inputs for the six languages and reads them back as ``{code: text}``."""

    cleaned_data: dict[str, Any]
    fields: dict[str, forms.Field]

    def add_language_fields(self, field: str, label: Any, *, textarea: bool, initial: Any = None) -> None:
        for suffix, _code, language in LANGUAGE_FIELDS:
            widget = forms.Textarea(attrs={"rows": 3}) if textarea else forms.TextInput
            self.fields[f"{field}_{suffix}"] = forms.CharField(
                widget=widget,
                required=False,
                max_length=5000 if textarea else 500,
                label=_("%(field)s (%(language)s)") % {"field": label, "language": language},
                initial=getattr(initial, f"{field}_{suffix}", "") if initial is not None else "",
            )

    def texts(self, field: str) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{field}_{suffix}") or "" for suffix, code, _l in LANGUAGE_FIELDS}

    def require_one(self, field: str, message: Any) -> None:
        if not any(self.texts(field).values()):
            raise forms.ValidationError(message)


def body_documents(meeting: Meeting) -> Any:
    return archive().citable(meeting)


class AgendaItemForm(TranslatedTextMixin, forms.Form):
    documents: forms.ModelMultipleChoiceField[CitedDocument] = forms.ModelMultipleChoiceField(
        queryset=None, required=False, label=_("Documents")
    )

    def __init__(self, *args: Any, meeting: Meeting, item: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_language_fields("title", _("Title"), textarea=False, initial=item)
        self.fields["documents"].queryset = body_documents(meeting)  # type: ignore[attr-defined]
        if item is not None:
            self.fields["documents"].initial = list(item.documents.all())
        self.order_fields([f"title_{s}" for s, _c, _l in LANGUAGE_FIELDS] + ["documents"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.require_one("title", _("An agenda item needs a title in at least one language."))
        return data

    def service_values(self) -> dict[str, Any]:
        """The arguments ``add_agenda_item`` and ``update_agenda_item`` share."""
        return {"titles": self.texts("title"), "documents": self.cleaned_data["documents"]}


class OutcomeForm(TranslatedTextMixin, forms.Form):
    kind = forms.ChoiceField(choices=OutcomeKind.choices, label=_("The meeting"))
    documents: forms.ModelMultipleChoiceField[CitedDocument] = forms.ModelMultipleChoiceField(
        queryset=None, required=False, label=_("Documents")
    )
    bodies: forms.ModelMultipleChoiceField[Body] = forms.ModelMultipleChoiceField(
        queryset=Body.objects.order_by("acronym"), required=False, label=_("Bodies concerned")
    )

    def __init__(self, *args: Any, meeting: Meeting, outcome: Outcome | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_language_fields("text", _("Text"), textarea=True, initial=outcome)
        self.fields["documents"].queryset = body_documents(meeting)  # type: ignore[attr-defined]
        if outcome is not None:
            self.fields["kind"].initial = outcome.kind
            self.fields["documents"].initial = list(outcome.documents.all())
            self.fields["bodies"].initial = list(outcome.bodies.all())
        self.order_fields(["kind", *[f"text_{s}" for s, _c, _l in LANGUAGE_FIELDS], "documents", "bodies"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.require_one("text", _("An outcome needs its text in at least one language."))
        return data

    def service_values(self) -> dict[str, Any]:
        """The arguments ``record_outcome`` and ``update_outcome`` share."""
        return {
            "kind": self.cleaned_data["kind"],
            "texts": self.texts("text"),
            "documents": self.cleaned_data["documents"],
            "bodies": self.cleaned_data["bodies"],
        }


class ActionItemForm(TranslatedTextMixin, forms.Form):
    owner_kind = forms.ChoiceField(
        choices=ActionOwnerKind.choices, initial=ActionOwnerKind.SECRETARIAT, label=_("Owner")
    )
    owner_organization: forms.ModelChoiceField[Organization] = forms.ModelChoiceField(
        queryset=Organization.objects.order_by("name"),
        required=False,
        label=_("Owner organisation"),
        help_text=_("When a member organisation owns the action."),
    )
    owner_body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        queryset=Body.objects.order_by("acronym"),
        required=False,
        label=_("Owner body"),
        help_text=_("When another body owns the action."),
    )
    due_date = forms.DateField(
        widget=DateInput,
        required=False,
        label=_("Due date"),
        help_text=_("Leave empty: due at the next meeting."),
    )

    def __init__(self, *args: Any, item: ActionItem | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_language_fields("description", _("What is to be done"), textarea=True, initial=item)
        if item is not None:
            self.fields["owner_kind"].initial = item.owner_kind
            self.fields["owner_organization"].initial = item.owner_organization
            self.fields["owner_body"].initial = item.owner_body
            self.fields["due_date"].initial = item.due_date
        self.order_fields(
            [f"description_{s}" for s, _c, _l in LANGUAGE_FIELDS]
            + ["owner_kind", "owner_organization", "owner_body", "due_date"]
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.require_one("description", _("Say what is to be done, in at least one language."))
        return data

    def service_values(self) -> dict[str, Any]:
        """The arguments ``raise_action_item`` and ``update_action_item`` share."""
        return {
            "descriptions": self.texts("description"),
            "due_date": self.cleaned_data["due_date"],
            "owner_kind": self.cleaned_data["owner_kind"],
            "owner_organization": self.cleaned_data.get("owner_organization"),
            "owner_body": self.cleaned_data.get("owner_body"),
        }


class CloseActionForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (ActionStatus.DONE.value, ActionStatus.DONE.label),
            (ActionStatus.DROPPED.value, ActionStatus.DROPPED.label),
        ],
        widget=forms.RadioSelect,
        initial=ActionStatus.DONE,
        label=_("Close as"),
    )
    evidence_document: forms.ModelChoiceField[CitedDocument] = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Evidence: a document")
    )
    evidence_outcome: forms.ModelChoiceField[Outcome] = forms.ModelChoiceField(
        queryset=Outcome.objects.none(), required=False, label=_("Evidence: an outcome")
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000, label=_("Note"))

    def __init__(self, *args: Any, item: ActionItem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence_document"].queryset = archive().evidence(item.meeting)  # type: ignore[attr-defined]
        self.fields["evidence_outcome"].queryset = (  # type: ignore[attr-defined]
            Outcome.objects.filter(meeting__body_id=item.meeting.body_id, meeting__number__gte=item.meeting.number)
            .exclude(pk=item.outcome_id)
            .select_related("meeting", "meeting__body")
            .order_by("-meeting__number", "position")
        )
        self.fields["evidence_outcome"].label_from_instance = _outcome_label  # type: ignore[attr-defined]


def _outcome_label(outcome: Outcome) -> str:
    text = outcome.display_text
    return f"{outcome.meeting.code} #{outcome.position}: {text[:90]}{'…' if len(text) > 90 else ''}"
