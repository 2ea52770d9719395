"""The secretariat's forms for series and events. Times are typed in the event's own time zone."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cwgcop.bodies.models import Body
from cwgcop.core.confirmation import confirm_field
from cwgcop.core.languages import LANGUAGE_ORDER, Language, field_suffix
from cwgcop.core.translated_forms import LanguageFields, translated_initial
from cwgcop.documents.models import Document
from cwgcop.documents.queries import cited
from cwgcop.events.enums import Cadence, EventFormat
from cwgcop.events.models import Event, EventSeries
from cwgcop.events.services.schedule import TIME_ZONES, EventDetails


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _local_field(label: Any, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(widget=DateTimeInput(), label=label, required=required)


def _naive(value: datetime.datetime | None) -> datetime.datetime | None:
    """What the person typed, without the server's time zone that Django's field gave it."""
    return value.replace(tzinfo=None) if value is not None else None


class TranslatedFields(LanguageFields):
    """``<name>_<language>`` fields for the six languages, collected as a ``{language: text}`` mapping."""

    fields: dict[str, forms.Field]

    def add_translated(self, name: str, label: Any, *, textarea: bool = False, max_length: int = 250) -> None:
        for code in LANGUAGE_ORDER:
            widget: forms.Widget = (
                forms.Textarea(attrs={"rows": 3, "lang": code}) if textarea else forms.TextInput(attrs={"lang": code})
            )
            self.fields[f"{name}_{field_suffix(code)}"] = forms.CharField(
                label=format_lazy("{} ({})", label, Language(code).label),
                required=False,
                max_length=None if textarea else max_length,
                widget=widget,
            )


class SeriesForm(TranslatedFields, forms.Form):
    body: forms.ModelChoiceField[Body] = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Body"))
    slug = forms.SlugField(
        max_length=80, label=_("Short name"), help_text=_("Part of the address, e.g. industry-connect.")
    )
    cadence = forms.ChoiceField(choices=Cadence.choices, label=_("Cadence"))

    def __init__(self, *args: Any, bodies: Any = None, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["body"]
            del self.fields["slug"]
        else:
            self.fields["body"].queryset = bodies  # type: ignore[attr-defined]
        self.add_translated("title", _("Title"))
        self.add_translated("description", _("Description"), textarea=True)


class EventForm(TranslatedFields, forms.Form):
    slug = forms.SlugField(max_length=80, label=_("Short name"), help_text=_("Part of the address, e.g. 2027-q1."))
    time_zone = forms.CharField(
        max_length=64,
        initial="Europe/Zurich",
        label=_("Time zone"),
        help_text=_("Region/City, e.g. Europe/Zurich. The times below are in this time zone."),
    )
    starts_at = _local_field(_("Starts"))
    ends_at = _local_field(_("Ends"))
    format = forms.ChoiceField(choices=EventFormat.choices, label=_("Format"))
    online_link = forms.URLField(
        required=False,
        assume_scheme="https",
        label=_("Online link"),
        help_text=_(
            "Shown only to confirmed registrants, in their confirmation e-mail and on their registration page."
        ),
    )
    capacity = forms.IntegerField(min_value=1, max_value=100_000, label=_("Capacity"))
    registration_opens_at = _local_field(_("Registration opens"))
    registration_closes_at = _local_field(_("Registration closes"))
    sign_languages = forms.CharField(
        required=False,
        max_length=500,
        label=_("Sign-language interpretation offered"),
        help_text=_("One or more sign languages, separated by commas, e.g. International Sign."),
    )
    live_captions = forms.BooleanField(required=False, label=_("Live captions offered"))
    interpretation_languages = forms.MultipleChoiceField(
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Interpretation offered into"),
    )
    concept_note = forms.CharField(
        required=False, max_length=100, label=_("Concept note"), help_text=_("The symbol of an archive document.")
    )

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["slug"]
        self.add_translated("title", _("Title"))
        self.add_translated("description", _("Description"), textarea=True)
        self.add_translated("venue", _("Venue"))

    def clean_time_zone(self) -> str:
        zone = str(self.cleaned_data["time_zone"]).strip()
        if zone not in TIME_ZONES:
            raise forms.ValidationError(_("This is not a time zone. Write it as Region/City, e.g. Europe/Zurich."))
        return zone

    def clean_concept_note(self) -> Document | None:
        symbol = str(self.cleaned_data["concept_note"]).strip()
        if not symbol:
            return None
        found, missing = cited([symbol])
        if missing:
            raise forms.ValidationError(
                _("No document of the archive has the symbol %(symbols)s."), params={"symbols": symbol}
            )
        return found[0]

    def details(self) -> EventDetails:
        data = self.cleaned_data
        return EventDetails(
            titles=self.translations("title"),
            descriptions=self.translations("description"),
            venues=self.translations("venue"),
            starts_at=_naive(data["starts_at"]),  # type: ignore[arg-type]
            ends_at=_naive(data["ends_at"]),  # type: ignore[arg-type]
            time_zone=data["time_zone"],
            format=data["format"],
            online_link=data.get("online_link") or "",
            capacity=data["capacity"],
            registration_opens_at=_naive(data["registration_opens_at"]),  # type: ignore[arg-type]
            registration_closes_at=_naive(data["registration_closes_at"]),  # type: ignore[arg-type]
            concept_note=data.get("concept_note"),
            sign_languages=[s for s in (data.get("sign_languages") or "").split(",") if s.strip()],
            live_captions=bool(data.get("live_captions")),
            interpretation_languages=list(data.get("interpretation_languages") or []),
        )


def event_initial(event: Event) -> dict[str, Any]:
    zone = event.zone
    return {
        **translated_initial(event, "title", "description", "venue"),
        "time_zone": event.time_zone,
        "starts_at": event.starts_at.astimezone(zone).replace(tzinfo=None),
        "ends_at": event.ends_at.astimezone(zone).replace(tzinfo=None),
        "registration_opens_at": event.registration_opens_at.astimezone(zone).replace(tzinfo=None),
        "registration_closes_at": event.registration_closes_at.astimezone(zone).replace(tzinfo=None),
        "format": event.format,
        "online_link": event.online_link,
        "capacity": event.capacity,
        "sign_languages": ", ".join(event.sign_languages),
        "live_captions": event.live_captions,
        "interpretation_languages": list(event.interpretation_languages),
        "concept_note": event.concept_note.symbol if event.concept_note else "",
    }


def series_initial(series: EventSeries) -> dict[str, Any]:
    return {**translated_initial(series, "title", "description"), "cadence": series.cadence}


class PostponeForm(forms.Form):
    starts_at = _local_field(_("New start"))
    ends_at = _local_field(_("New end"))
    registration_closes_at = _local_field(_("Registration closes"), required=False)

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "starts_at": _naive(data["starts_at"]),
            "ends_at": _naive(data["ends_at"]),
            "registration_closes_at": _naive(data.get("registration_closes_at")),
        }


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Reason (sent to every registrant)"),
    )
    confirm = confirm_field(_("Yes, cancel this event and e-mail every registrant"))


class RetireSeriesForm(forms.Form):
    confirm = confirm_field(_("Yes, retire this series"))
