"""Secretariat forms. They shape input for the services; the services decide what is allowed."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cwgcop.bodies.models import Body
from cwgcop.core.languages import LANGUAGE_ORDER, Language, field_suffix
from cwgcop.core.translated_forms import LanguageFields
from cwgcop.documents.models import Document
from cwgcop.documents.queries import cited
from cwgcop.liaisons.enums import MilestoneStatus, Purpose
from cwgcop.liaisons.services import Contact
from cwgcop.meetings.models import Meeting

LANGUAGE_LABELS = {
    "ar": (_("Title (Arabic)"), _("Text (Arabic)")),
    "zh-hans": (_("Title (Chinese)"), _("Text (Chinese)")),
    "en": (_("Title (English)"), _("Text (English)")),
    "fr": (_("Title (French)"), _("Text (French)")),
    "ru": (_("Title (Russian)"), _("Text (Russian)")),
    "es": (_("Title (Spanish)"), _("Text (Spanish)")),
}
CONTACT_LINE = re.compile(r"^(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?$")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _bodies() -> Any:
    return Body.objects.order_by("acronym")


def _meetings() -> Any:
    return Meeting.objects.select_related("body").order_by("-start_date")


class TranslatedFieldsMixin(LanguageFields):
    """Adds ``<name>_<lang>`` fields for the six languages and collects them as a language → text dict."""

    fields: dict[str, forms.Field]

    def add_translated(self, name: str, label_index: int, *, textarea: bool = False, max_length: int = 500) -> None:
        for code in LANGUAGE_ORDER:
            label = LANGUAGE_LABELS[code][label_index]
            if textarea:
                field: forms.Field = forms.CharField(
                    label=label, required=False, widget=forms.Textarea(attrs={"rows": 5, "lang": code})
                )
            else:
                field = forms.CharField(
                    label=label, required=False, max_length=max_length, widget=forms.TextInput(attrs={"lang": code})
                )
            self.fields[f"{name}_{field_suffix(code)}"] = field


class StatementForm(TranslatedFieldsMixin, forms.Form):
    purpose = forms.ChoiceField(choices=Purpose.choices, label=_("Purpose"))
    from_bodies: forms.ModelMultipleChoiceField[Body] = forms.ModelMultipleChoiceField(
        queryset=Body.objects.none(), widget=forms.CheckboxSelectMultiple, label=pgettext_lazy("liaison sides", "From")
    )
    to_bodies: forms.ModelMultipleChoiceField[Body] = forms.ModelMultipleChoiceField(
        queryset=Body.objects.none(), widget=forms.CheckboxSelectMultiple, label=pgettext_lazy("liaison sides", "To")
    )
    original_language = forms.ChoiceField(choices=Language.choices, initial="en", label=_("Original language"))
    reference = forms.CharField(max_length=120, required=False, label=_("Sender's reference"))
    sent_on = forms.DateField(required=False, label=_("Sent on"), widget=DATE_WIDGET)
    deadline = forms.DateField(required=False, label=_("Deadline"), widget=DATE_WIDGET)
    meeting: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        required=False,
        label=_("Meeting that agreed it"),
    )
    reply_to = forms.IntegerField(
        required=False,
        min_value=1,
        label=_("Reply to statement number"),
        help_text=_("For a reply: the number of the statement it answers (in its address, /liaisons/<number>/)."),
    )
    attachments = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Attachments"),
        help_text=_("Symbols of published documents of the archive, one per line, e.g. CWG-COP-21/LS/1."),
    )
    contacts = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Contacts"),
        help_text=_("One per line: Name <e-mail address>."),
    )

    def __init__(self, *args: Any, direction: str, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.direction = direction
        self.fields["from_bodies"].queryset = _bodies()  # type: ignore[attr-defined]
        self.fields["to_bodies"].queryset = _bodies()  # type: ignore[attr-defined]
        self.fields["meeting"].queryset = _meetings()  # type: ignore[attr-defined]
        self.add_translated("title", 0)
        self.add_translated("text", 1, textarea=True)
        if direction == "incoming":
            del self.fields["meeting"]
            self.fields["sent_on"].required = True
        else:
            del self.fields["sent_on"]
        if editing:
            del self.fields["reply_to"]
            del self.fields["original_language"]
        self.order_fields(
            ["purpose", "from_bodies", "to_bodies", "reply_to", "original_language"]
            + [f"title_{field_suffix(c)}" for c in LANGUAGE_ORDER]
            + [f"text_{field_suffix(c)}" for c in LANGUAGE_ORDER]
        )

    def clean_attachments(self) -> list[Document]:
        found, missing = cited(self.cleaned_data["attachments"].splitlines())
        if missing:
            raise forms.ValidationError(
                _("No document of the archive has the symbol %(symbols)s."), params={"symbols": ", ".join(missing)}
            )
        return found

    def clean_contacts(self) -> list[Contact]:
        contacts = []
        for line in self.cleaned_data["contacts"].splitlines():
            if not line.strip():
                continue
            match = CONTACT_LINE.match(line.strip())
            if match is None:
                raise forms.ValidationError(_("Write each contact as: Name <e-mail address>."))
            contacts.append(Contact(name=match["name"], email=match["email"] or ""))
        return contacts

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values: dict[str, Any] = {
            "purpose": data["purpose"],
            "titles": self.translations("title"),
            "texts": self.translations("text"),
            "from_bodies": list(data["from_bodies"]),
            "to_bodies": list(data["to_bodies"]),
            "reference": data["reference"],
            "attachments": data["attachments"],
            "contacts": data["contacts"],
            "deadline": data["deadline"],
        }
        if "sent_on" in data:
            values["sent_on"] = data["sent_on"]
        if "meeting" in data:
            values["meeting"] = data["meeting"]
        return values


def statement_initial(statement: Any) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "purpose": statement.purpose,
        "from_bodies": list(statement.from_bodies.all()),
        "to_bodies": list(statement.to_bodies.all()),
        "reference": statement.reference,
        "sent_on": statement.sent_on,
        "deadline": statement.deadline,
        "meeting": statement.meeting,
        "attachments": "\n".join(d.symbol for d in statement.attachments.all()),
        "contacts": "\n".join(str(c) for c in statement.contacts.all()),
    }
    for code in LANGUAGE_ORDER:
        for name in ("title", "text"):
            key = f"{name}_{field_suffix(code)}"
            initial[key] = getattr(statement, key, "") or ""
    return initial


class ConsiderForm(forms.Form):
    meeting: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        queryset=Meeting.objects.none(), label=_("Meeting that considered it")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = _meetings()  # type: ignore[attr-defined]


class SendForm(forms.Form):
    sent_on = forms.DateField(required=False, label=_("Sent on"), widget=DATE_WIDGET, help_text=_("Today if empty."))


class DeliverableForm(TranslatedFieldsMixin, forms.Form):
    owner: forms.ModelChoiceField[Body] = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Owner"))
    slug = forms.SlugField(
        max_length=80, required=False, label=_("Address"), help_text=_("Made from the title if empty.")
    )

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _bodies()  # type: ignore[attr-defined]
        self.add_translated("title", 0, max_length=300)
        for code in LANGUAGE_ORDER:
            self.fields[f"description_{field_suffix(code)}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": Language(code).label},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code}),
            )
        if editing:
            del self.fields["slug"]


class MilestoneForm(TranslatedFieldsMixin, forms.Form):
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Body"))
    meeting: forms.ModelChoiceField[Meeting] = forms.ModelChoiceField(
        queryset=Meeting.objects.none(), required=False, label=_("Meeting")
    )
    due_date = forms.DateField(required=False, label=_("Expected"), widget=DATE_WIDGET)
    status = forms.ChoiceField(choices=MilestoneStatus.choices, label=_("Status"))
    document = forms.CharField(
        max_length=80,
        required=False,
        label=_("Fulfilled by document"),
        help_text=_("The symbol of a published document, e.g. CWG-COP-22/ADM/1."),
    )
    achieved_on = forms.DateField(required=False, label=_("Achieved on"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = _bodies()  # type: ignore[attr-defined]
        self.fields["meeting"].queryset = _meetings()  # type: ignore[attr-defined]
        self.add_translated("title", 0, max_length=300)
        self.order_fields([f"title_{field_suffix(c)}" for c in LANGUAGE_ORDER])

    def clean_document(self) -> Document | None:
        symbol = (self.cleaned_data.get("document") or "").strip().upper()
        if not symbol:
            return None
        document = Document.objects.filter(symbol=symbol).first()
        if document is None:
            raise forms.ValidationError(
                _("No document of the archive has the symbol %(symbols)s."), params={"symbols": symbol}
            )
        return document

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "titles": self.translations("title"),
            "body": data["body"],
            "meeting": data["meeting"],
            "due_date": data["due_date"],
            "status": data["status"],
            "document": data["document"],
            "achieved_on": data["achieved_on"],
        }
