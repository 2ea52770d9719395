"""The shapes of the events API that the secretariat writes with, and the series as the API gives it."""

# No `from __future__ import annotations`: django-ninja reads the annotations at import time.
import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema

from cwgcop.core.api.serializers import absolute, translations
from cwgcop.events.models import EventSeries


class SeriesSchema(Schema):
    slug: str
    body: str | None = Field(description="The acronym of the body the series belongs to.")
    title: str
    titles: dict[str, str]
    description: str
    cadence: str
    retired: bool
    events_url: str = Field(description="Its events: GET this address.")
    url: str


class SeriesIn(Schema):
    body: str = Field(description="The body's slug or acronym; you must be its secretariat.")
    slug: str = Field(max_length=80, description="The short name in the series' address.")
    titles: dict[str, str] = Field(description="The title by language code (ar, zh-hans, en, fr, ru, es).")
    descriptions: dict[str, str] = {}
    cadence: str = "quarterly"


class SeriesPatch(Schema):
    titles: dict[str, str] | None = None
    descriptions: dict[str, str] | None = None
    cadence: str | None = None


class EventIn(Schema):
    slug: str = Field(max_length=80)
    titles: dict[str, str]
    descriptions: dict[str, str] = {}
    venues: dict[str, str] = {}
    starts_at: datetime.datetime = Field(description="A time without an offset is read in time_zone.")
    ends_at: datetime.datetime
    time_zone: str = Field("Europe/Zurich", max_length=64, description="An IANA time zone, e.g. Europe/Zurich.")
    format: str = Field(description="online, hybrid or in-person.")
    online_link: str = Field("", max_length=200, description="Given only to confirmed registrants.")
    capacity: int
    registration_opens_at: datetime.datetime
    registration_closes_at: datetime.datetime
    concept_note: str | None = Field(None, description="The symbol of an archive document.")
    sign_languages: list[str] = []
    live_captions: bool = False
    interpretation_languages: list[str] = Field([], description="Language codes among ar, zh-hans, en, fr, ru, es.")


class EventPatch(Schema):
    """Fields left out keep their value."""

    titles: dict[str, str] | None = None
    descriptions: dict[str, str] | None = None
    venues: dict[str, str] | None = None
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None
    time_zone: str | None = Field(None, max_length=64)
    format: str | None = None
    online_link: str | None = Field(None, max_length=200)
    capacity: int | None = None
    registration_opens_at: datetime.datetime | None = None
    registration_closes_at: datetime.datetime | None = None
    concept_note: str | None = None
    sign_languages: list[str] | None = None
    live_captions: bool | None = None
    interpretation_languages: list[str] | None = None


class PostponeIn(Schema):
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    registration_closes_at: datetime.datetime | None = Field(None, description="By default one hour before the start.")


class CancelIn(Schema):
    reason: str = Field("", max_length=2000, description="Sent to every registrant.")


class ToldOut(Schema):
    told: int = Field(description="How many registrants are e-mailed.")


def series_data(request: HttpRequest, series: EventSeries) -> dict[str, Any]:
    return {
        "slug": series.slug,
        "body": series.body.acronym if series.body else None,
        "title": series.display_title,
        "titles": translations(series, "title"),
        "description": series.display_description,
        "cadence": series.cadence,
        "retired": series.retired_at is not None,
        "events_url": absolute(request, f"/api/v1/events/{series.slug}/"),
        "url": absolute(request, series.get_absolute_url()),
    }
