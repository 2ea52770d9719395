from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.core.languages import LANGUAGE_ORDER, Language, field_suffix
from cwgcop.reports.enums import GoverningTextKind
from cwgcop.reports.models import CouncilReport, GoverningText


class DraftForm(forms.Form):
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        queryset=Body.objects.order_by("acronym"), label=_("Body")
    )
    since_last_report = forms.BooleanField(required=False, label=_("Since the last report"))
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("From"))
    end = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), label=_("To"))
    council_document = forms.CharField(required=False, max_length=40, label=_("Council document number"))
    languages = forms.MultipleChoiceField(
        choices=Language.choices, initial=["zh-hans", "en"], widget=forms.CheckboxSelectMultiple, label=_("Languages")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("since_last_report") and not data.get("start"):
            self.add_error("start", _("Give the first day of the period, or choose “since the last report”."))
        return data


def _add_translated(form: forms.Form, name: str, label: Any, *, lines: bool, initial: Any = None) -> None:
    """One field per language (``<name>_<code>``), Arabic right to left, each marked with its language."""
    for code, language_label in Language.choices:
        attrs = {"lang": code, "dir": "rtl" if code == "ar" else "ltr"}
        widget = forms.Textarea(attrs={**attrs, "rows": 4}) if lines else forms.TextInput(attrs=attrs)
        key = f"{name}_{field_suffix(code)}"
        form.fields[key] = forms.CharField(
            required=False,
            widget=widget,
            label=f"{label} ({language_label})",
            initial=getattr(initial, key, "") if initial is not None else "",
        )


def translated_values(data: dict[str, Any], name: str) -> dict[str, str]:
    return {code: str(data.get(f"{name}_{field_suffix(code)}") or "") for code in LANGUAGE_ORDER}


class GoverningTextForm(forms.Form):
    kind = forms.ChoiceField(choices=GoverningTextKind.choices, label=_("Kind"))
    valid_from = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("In force from")
    )
    valid_until = forms.DateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("In force until")
    )
    url = forms.URLField(required=False, label=_("Web address of the text"))

    def __init__(self, *args: Any, instance: GoverningText | None = None, **kwargs: Any) -> None:
        if instance is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": instance.kind,
                    "valid_from": instance.valid_from,
                    "valid_until": instance.valid_until,
                    "url": instance.url,
                },
            )
        super().__init__(*args, **kwargs)
        if instance is not None:
            self.fields["kind"].disabled = True
        _add_translated(self, "citation", _("Citation"), lines=False, initial=instance)
        _add_translated(self, "text", _("What it says of the body"), lines=True, initial=instance)
        _add_translated(self, "items", _("Items it lists (one per line)"), lines=True, initial=instance)

    def texts(self) -> dict[str, dict[str, str]]:
        return {name: translated_values(self.cleaned_data, name) for name in ("citation", "text", "items")}


class ParticularsForm(forms.Form):
    """What the secretariat enters for the report's period, in each language."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    council_document = forms.CharField(required=False, max_length=40, label=_("Council document number"))
    history_chart = forms.BooleanField(required=False, label=_("Include the chart of all the body's meetings"))

    FIELDS = (
        ("council_session", _("Council session"), False),
        ("focus_areas", _("Focus areas of the period (one per line)"), True),
        ("financial_implications", _("Financial implications"), True),
        ("action_required", _("Action required by the Council"), True),
        ("strategic_plan", _("Link to the Strategic Plan"), True),
    )

    def __init__(self, *args: Any, report: CouncilReport, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "version": report.latest.number,
                "council_document": report.council_document or "",
                "history_chart": report.history_chart,
            },
        )
        super().__init__(*args, **kwargs)
        for name, label, lines in self.FIELDS:
            _add_translated(self, name, label, lines=lines, initial=report)

    def texts(self) -> dict[str, dict[str, str]]:
        return {name: translated_values(self.cleaned_data, name) for name, _label, _lines in self.FIELDS}
