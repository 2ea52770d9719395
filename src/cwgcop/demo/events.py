"""Demo data for ITU Industry Connect: the series the 22nd meeting approved and two upcoming events."""

from __future__ import annotations

import datetime
import random
import zoneinfo

from django.test.utils import override_settings
from django.utils import timezone

from cwgcop.bodies.models import Body
from cwgcop.core.translated_fields import set_translations
from cwgcop.documents.models import Document
from cwgcop.events import services
from cwgcop.events.models import Event, EventSeries

SERIES_TITLES = {
    "en": "ITU Industry Connect",
    "zh-hans": "国际电联产业联通",
    "fr": "UIT Industry Connect",
    "es": "UIT Industry Connect",
    "ru": "МСЭ Industry Connect",
    "ar": "الاتحاد الدولي للاتصالات - تواصل الصناعة",
}
SERIES_DESCRIPTIONS = {
    "en": "A quarterly cross-sector discussion series on child online protection, approved by the 22nd meeting "
    "of CWG-COP. Open to industry, governments, civil society, academia and young people from every region.",
    "zh-hans": "有关保护上网儿童的季度性跨部门讨论系列活动，经CWG-COP第二十二次会议批准。"
    "向所有区域的业界、政府、民间社会、学术界和青年人开放。",
}
EVENTS = [
    {
        "slug": "age-assurance",
        "titles": {"en": "Age assurance that respects children's rights", "zh-hans": "尊重儿童权利的年龄保证"},
        "days_ahead": 21,
        "capacity": 40,
        "registrations": 38,  # nearly full
        "format": "online",
        "sign_languages": ["International Sign"],
        "live_captions": True,
        "interpretation_languages": ["en", "fr", "es"],
    },
    {
        "slug": "safety-by-design",
        "titles": {"en": "Safety by design in products for young people", "zh-hans": "面向青年人的产品安全设计"},
        "days_ahead": 112,
        "capacity": 300,
        "registrations": 12,
        "format": "hybrid",
        "venues": {"en": "ITU headquarters, Geneva, and online", "zh-hans": "日内瓦国际电联总部及线上"},
        "sign_languages": ["International Sign"],
        "live_captions": True,
        "interpretation_languages": ["ar", "zh-hans", "en", "fr", "ru", "es"],
    },
]
COUNTRIES = ["CH", "CN", "SA", "BR", "KE", "IN", "RU", "FR", "US", "EG", "NG", "JP"]
KINDS = ["member-state", "sector-member", "academia", "civil-society", "un-igo", "associate"]


def _series(body: Body | None) -> EventSeries:
    series = EventSeries.objects.filter(slug="industry-connect").first()
    if series is None:
        series = EventSeries(slug="industry-connect", body=body, cadence="quarterly")
        set_translations(series, "title", SERIES_TITLES)
        set_translations(series, "description", SERIES_DESCRIPTIONS)
        series.save()
    return series


def _event(series: EventSeries, spec: dict[str, object], now: datetime.datetime) -> Event | None:
    if Event.objects.filter(series=series, slug=spec["slug"]).exists():
        return None
    zone = zoneinfo.ZoneInfo("Europe/Zurich")
    day = (now + datetime.timedelta(days=int(spec["days_ahead"]))).astimezone(zone).date()  # type: ignore[call-overload]
    starts = datetime.datetime.combine(day, datetime.time(14, 0), tzinfo=zone)
    event = Event(
        series=series,
        slug=str(spec["slug"]),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=90),
        time_zone="Europe/Zurich",
        format=str(spec["format"]),
        capacity=int(spec["capacity"]),  # type: ignore[call-overload]
        registration_opens_at=now - datetime.timedelta(days=14),
        registration_closes_at=starts - datetime.timedelta(hours=2),
        online_link="https://meet.example.org/industry-connect",
        sign_languages=spec["sign_languages"],
        live_captions=bool(spec["live_captions"]),
        interpretation_languages=spec["interpretation_languages"],
        concept_note=Document.objects.filter(symbol="CWG-COP-22/INF/1").first(),
    )
    set_translations(event, "title", spec["titles"])  # type: ignore[arg-type]
    set_translations(event, "venue", spec.get("venues"))  # type: ignore[arg-type]
    event.save()
    return event


def _registrations(event: Event, count: int) -> None:
    rng = random.Random(event.slug)  # noqa: S311 - synthetic demo data, not security
    for number in range(1, count + 1):
        applicant = services.Applicant(
            name=f"Demo participant {number}",
            email=f"participant{number}.{event.slug}@example.org",
            organization=f"Demo organisation {rng.randint(1, 20)}",
            country=rng.choice(COUNTRIES),
            stakeholder_kind=rng.choice(KINDS),
            attendance_mode="online" if event.format == "online" or number % 3 else "in-person",
            needs_sign_language=number % 13 == 0,
            sign_language="International Sign" if number % 13 == 0 else "",
            needs_captions=number % 7 == 0,
            consent=True,
        )
        registration, _secret = services.register(event=event, applicant=applicant)
        services.confirm_email(registration=registration)


def load(body: Body | None) -> list[str]:
    """Create the series and its two events with registrations; returns what was created.

    The synthetic registrants' e-mails go nowhere (the dummy backend), so loading prints no mail.
    """
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        return _load(body)


def _load(body: Body | None) -> list[str]:
    now = timezone.now()
    series = _series(body)
    created = []
    for spec in EVENTS:
        event = _event(series, spec, now)
        if event is not None:
            _registrations(event, int(spec["registrations"]))  # type: ignore[call-overload]
            created.append(f"event {event.slug}")
    return created
