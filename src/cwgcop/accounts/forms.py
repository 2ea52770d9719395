"""Forms of the account pages. Each one feeds exactly one service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Organization
from cwgcop.core.languages import Language, current_language


def _organization_field() -> forms.ModelChoiceField[Organization]:
    return forms.ModelChoiceField(
        queryset=Organization.objects.order_by("name"),
        required=False,
        label=_("Organisation"),
        help_text=_("The organisation you represent. Ask the secretariat if yours is missing."),
    )


def _country_choices() -> list[tuple[str, str]]:
    return [("", "—"), *((code, str(name)) for code, name in countries)]


def _country_field() -> forms.ChoiceField:
    return forms.ChoiceField(choices=_country_choices, required=False, label=_("Country"))


class ProfileFields(forms.Form):
    full_name = forms.CharField(max_length=200, required=False, label=_("Full name"))
    organization = _organization_field()
    country = _country_field()
    language = forms.ChoiceField(
        choices=Language.choices,
        label=_("Language for e-mails"),
        help_text=_("The platform writes to you in this language."),
    )

    def profile_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "full_name": data.get("full_name") or "",
            "organization": data.get("organization"),
            "country": data.get("country") or "",
            "language": data.get("language") or "en",
        }


class SignupProfileForm(ProfileFields):
    """The extra fields of allauth's sign-up form (``ACCOUNT_SIGNUP_FORM_CLASS``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = current_language()

    def signup(self, request: HttpRequest, user: Any) -> None:
        from cwgcop.accounts import services

        services.update_profile(actor=user, user=user, **self.profile_values())


class ProfileForm(ProfileFields):
    pass


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label=_("Name"),
        help_text=_("What will use this token, e.g. “upload script on my laptop”."),
    )


class RoleGrantForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of the person"))
    kind = forms.ChoiceField(choices=RoleKind.choices, label=_("Role"))
