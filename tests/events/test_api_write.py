"""The events write API: the same services as the staff pages, 401/403/404 as the rest of the API."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from cwgcop.events.models import Event, EventSeries
from tests.accounts.factories import api_key, bearer
from tests.events.factories import EventFactory, EventSeriesFactory, confirmed, schedule_state
from tests.factories import BodyFactory, member, secretariat

pytestmark = pytest.mark.django_db


def _send(client: Client, method: str, url: str, data: dict[str, Any], headers: dict[str, str]) -> Any:
    return getattr(client, method)(url, json.dumps(data), content_type="application/json", **headers)


def _event(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "slug": "2031-q3",
        "titles": {"en": "Reporting tools", "zh-hans": "举报工具"},
        "starts_at": "2031-09-10T15:00:00",
        "ends_at": "2031-09-10T16:30:00",
        "time_zone": "Asia/Shanghai",
        "format": "online",
        "online_link": "https://meet.example.org/report",
        "capacity": 200,
        "registration_opens_at": "2031-08-01T00:00:00",
        "registration_closes_at": "2031-09-10T12:00:00",
        "sign_languages": ["Chinese Sign Language"],
        "live_captions": True,
        "interpretation_languages": ["zh-hans"],
    }
    return data | overrides


@pytest.fixture
def series() -> EventSeries:
    return EventSeriesFactory(slug="reporting", body=BodyFactory(acronym="EG-REP"))


@pytest.fixture
def key(series: EventSeries) -> dict[str, str]:
    assert series.body is not None
    return bearer(api_key(secretariat(series.body, username="rep-sec")))


def test_secretariat_creates_an_event_through_the_api(client: Client, series: EventSeries, key: dict[str, str]) -> None:
    response = _send(client, "post", "/api/v1/events/reporting/", _event(), key)
    assert response.status_code == 201
    body = response.json()
    assert (body["slug"], body["title"], body["time_zone"], body["starts_at"]) == (
        "2031-q3",
        "Reporting tools",
        "Asia/Shanghai",
        "2031-09-10T07:00:00Z",
    )
    assert (body["sign_languages"], body["live_captions"], body["counts"]["capacity"]) == (
        ["Chinese Sign Language"],
        True,
        200,
    )
    assert "online_link" not in body  # never public
    assert Event.objects.get().online_link == "https://meet.example.org/report"


def test_write_endpoints_answer_401_403_404_and_write_nothing(client: Client, series: EventSeries) -> None:
    event = EventFactory(series=series, capacity=5)
    other = bearer(api_key(secretariat(BodyFactory(acronym="EG-ELSE"), username="else-sec")))
    nobody = bearer(api_key(member("plain")))
    writes = [
        ("post", "/api/v1/events/reporting/", _event()),
        ("patch", "/api/v1/events/reporting/", {"cadence": "monthly"}),
        ("post", "/api/v1/events/reporting/retire", {}),
        ("patch", f"/api/v1/events/reporting/{event.slug}", {"capacity": 9}),
        (
            "post",
            f"/api/v1/events/reporting/{event.slug}/postpone",
            {"starts_at": "2031-01-01T10:00:00", "ends_at": "2031-01-01T11:00:00"},
        ),
        ("post", f"/api/v1/events/reporting/{event.slug}/cancel", {}),
    ]
    for method, url, data in writes:
        assert _send(client, method, url, data, {}).status_code == 401, url
        for headers in (other, nobody):
            refused = _send(client, method, url, data, headers)
            assert (refused.status_code, refused.json()["code"]) == (403, "forbidden"), url
    assert schedule_state(event, series) == (1, 5, "scheduled", "quarterly", None)
    missing = _send(client, "patch", "/api/v1/events/reporting/no-such-event", {"capacity": 9}, other)
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    assert _send(client, "post", "/api/v1/events/no-such-series/", _event(), other).status_code == 404
    stolen = _send(client, "post", "/api/v1/events/", {"body": "EG-REP", "slug": "s", "titles": {"en": "S"}}, other)
    assert stolen.status_code == 403
    assert not EventSeries.objects.filter(slug="s").exists()


@pytest.mark.parametrize(
    "case",
    [
        ({"ends_at": "2031-09-10T14:00:00"}, 400, "ends_before_start", "The event must end after it starts."),
        ({"capacity": "many"}, 400, "invalid", "Some parameters are not valid."),
        ({"titles": {}}, 400, "title_missing", "Give the event a title in at least one language."),
        ({"concept_note": "NOPE/1"}, 400, "document_unknown", "No document of the archive has the symbol NOPE/1."),
        ({"format": "radio"}, 400, "format_invalid", "Choose a format from the list."),
    ],
)
def test_bad_event_input_is_refused_with_the_services_message(
    client: Client, series: EventSeries, key: dict[str, str], case: tuple[dict[str, Any], int, str, str]
) -> None:
    overrides, status, code, detail = case
    response = _send(client, "post", "/api/v1/events/reporting/", _event(**overrides), key)
    assert (response.status_code, response.json()["code"], response.json()["detail"]) == (status, code, detail)
    assert Event.objects.count() == 0


def test_refusal_is_in_the_readers_language(client: Client, series: EventSeries, key: dict[str, str]) -> None:
    response = _send(
        client,
        "post",
        "/api/v1/events/reporting/",
        _event(ends_at="2031-09-10T14:00:00"),
        {**key, "HTTP_ACCEPT_LANGUAGE": "es"},
    )
    assert response.json()["detail"] == "El evento debe terminar después de empezar."


def test_capacity_below_confirmed_and_duplicates_are_refused(
    client: Client, series: EventSeries, key: dict[str, str]
) -> None:
    event = EventFactory(series=series, capacity=4)
    confirmed(event, 1)
    confirmed(event, 2)
    low = _send(client, "patch", f"/api/v1/events/reporting/{event.slug}", {"capacity": 1}, key)
    assert (low.status_code, low.json()["code"]) == (400, "capacity_below_confirmed")
    raised = _send(
        client, "patch", f"/api/v1/events/reporting/{event.slug}", {"capacity": 6, "live_captions": True}, key
    )
    assert raised.status_code == 200
    assert (raised.json()["counts"]["capacity"], raised.json()["live_captions"]) == (6, True)
    twice = _send(client, "post", "/api/v1/events/reporting/", _event(slug=event.slug), key)
    assert (twice.status_code, twice.json()["code"]) == (409, "slug_taken")


def test_postpone_and_cancel_tell_registrants_and_a_cancelled_event_refuses_registration(
    client: Client, series: EventSeries, key: dict[str, str], django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    event = EventFactory(series=series)
    confirmed(event, 1, language="zh-hans")
    mail.outbox.clear()
    start = (event.starts_at + datetime.timedelta(days=3)).isoformat()
    end = (event.starts_at + datetime.timedelta(days=3, hours=1)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        postponed = _send(
            client, "post", f"/api/v1/events/reporting/{event.slug}/postpone", {"starts_at": start, "ends_at": end}, key
        )
    assert (postponed.status_code, postponed.json()) == (200, {"told": 1})
    assert [m.subject for m in mail.outbox] == [f"已推迟：Session {event.slug}"]
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = _send(client, "post", f"/api/v1/events/reporting/{event.slug}/cancel", {"reason": "—"}, key)
    assert (cancelled.status_code, cancelled.json()) == (200, {"told": 1})
    again = _send(client, "post", f"/api/v1/events/reporting/{event.slug}/cancel", {}, key)
    assert (again.status_code, again.json()["code"]) == (409, "event_cancelled")
    registration = {
        "name": "Late comer",
        "email": "late@example.org",
        "country": "FR",
        "stakeholder_kind": "academia",
        "attendance_mode": "online",
        "consent": True,
    }
    refused = _send(client, "post", f"/api/v1/events/reporting/{event.slug}/registrations", registration, {})
    assert (refused.status_code, refused.json()["detail"]) == (400, "This event is cancelled.")


def test_series_create_edit_retire_and_list(client: Client, series: EventSeries, key: dict[str, str]) -> None:
    created = _send(
        client,
        "post",
        "/api/v1/events/",
        {
            "body": "eg-rep",
            "slug": "youth-voices",
            "titles": {"en": "Youth voices", "ar": "أصوات الشباب"},
            "cadence": "monthly",
        },
        key,
    )
    assert created.status_code == 201
    assert created.json()["titles"] == {"ar": "أصوات الشباب", "en": "Youth voices"}
    patched = _send(client, "patch", "/api/v1/events/youth-voices/", {"cadence": "yearly"}, key)
    assert (patched.json()["cadence"], patched.json()["title"]) == ("yearly", "Youth voices")
    retired = _send(client, "post", "/api/v1/events/youth-voices/retire", {}, key)
    assert (retired.status_code, retired.json()["retired"]) == (200, True)
    listed = client.get("/api/v1/events/").json()
    assert listed["count"] == 2
    assert [(s["slug"], s["body"], s["retired"]) for s in listed["items"]] == [
        ("reporting", "EG-REP", False),
        ("youth-voices", "EG-REP", True),
    ]
    assert listed["items"][0]["events_url"] == "http://testserver/api/v1/events/reporting/"


@pytest.mark.parametrize("rows", [1, 3])
def test_series_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    body = BodyFactory(acronym="EG-LIST")
    for number in range(rows):
        EventSeriesFactory(slug=f"listed-{number}", body=body)
    with django_assert_num_queries(2):
        response = client.get("/api/v1/events/")
    assert response.json()["count"] == rows
