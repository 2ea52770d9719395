"""Forms of the bodies' staff pages: a body, an organisation, a merge. Each one feeds exactly one service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cwgcop.bodies import queries
from cwgcop.bodies.enums import BodyKind, StakeholderKind
from cwgcop.bodies.models import Body, Organization
from cwgcop.core.languages import LANGUAGE_ORDER, Language, field_suffix

LANGUAGE_LABELS = dict(Language.choices)


class BodyForm(forms.Form):
    acronym = forms.CharField(max_length=40, label=_("Acronym"), help_text=_("Unique; it cannot change later."))
    kind = forms.ChoiceField(choices=BodyKind.choices, label=_("Kind"))
    parent: forms.ModelChoiceField[Body] = forms.ModelChoiceField(
        queryset=Body.objects.none(), required=False, label=_("Reports to")
    )
    website = forms.URLField(required=False, label=_("Web page"), assume_scheme="https")
    symbol_prefix = forms.CharField(
        max_length=40, required=False, label=_("Document symbol prefix"), help_text=_("e.g. CWG-COP.")
    )

    def __init__(self, *args: Any, body: Body | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = queries.bodies().filter(retired_at__isnull=True)
        self.fields["parent"].queryset = parents.exclude(pk=body.pk) if body else parents  # type: ignore[attr-defined]
        for code in LANGUAGE_ORDER:
            self.fields[f"name_{field_suffix(code)}"] = forms.CharField(
                max_length=250, required=False, label=_("Name (%(language)s)") % {"language": LANGUAGE_LABELS[code]}
            )
        if body is not None:
            # The acronym and symbol prefix name the body in URLs and symbols already given: shown, not changed.
            for name in ("acronym", "symbol_prefix"):
                self.fields[name].disabled = True
                self.fields[name].required = False

    def names(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"name_{field_suffix(code)}") or "" for code in LANGUAGE_ORDER}


def body_initial(body: Body) -> dict[str, Any]:
    return {
        "acronym": body.acronym,
        "kind": body.kind,
        "parent": body.parent,
        "website": body.website,
        "symbol_prefix": body.symbol_prefix,
        **{f"name_{field_suffix(code)}": getattr(body, f"name_{field_suffix(code)}", "") for code in LANGUAGE_ORDER},
    }


class OrganizationForm(forms.Form):
    name = forms.CharField(max_length=250, label=_("Name"))
    short_name = forms.CharField(max_length=60, required=False, label=_("Short name"))
    country = forms.ChoiceField(
        required=False, label=_("Country"), help_text=_("The ITU region follows from the country.")
    )
    stakeholder_kind = forms.ChoiceField(choices=StakeholderKind.choices, label=_("Stakeholder kind"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *list(countries)]  # type: ignore[attr-defined]

    def service_values(self) -> dict[str, str]:
        data = self.cleaned_data
        return {name: data.get(name) or "" for name in ("name", "short_name", "country", "stakeholder_kind")}


class OrganizationChoiceField(forms.ModelChoiceField[Organization]):
    def label_from_instance(self, obj: Organization) -> str:
        return f"{obj.name} ({obj.country.code})" if obj.country else obj.name


class MergeForm(forms.Form):
    duplicate = OrganizationChoiceField(
        queryset=Organization.objects.none(),
        label=_("The duplicate"),
        help_text=_("Everything that names the duplicate will name this organisation; the duplicate is deleted."),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, survivor: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["duplicate"].queryset = Organization.objects.exclude(pk=survivor.pk).order_by("name")  # type: ignore[attr-defined]
