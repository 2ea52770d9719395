from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from cwgcop.events import services
from cwgcop.events.models import Registration
from tests.events.factories import EventFactory, confirmed

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "name": "Wei Zhang",
    "email": "wei@example.org",
    "organization": "University",
    "country": "CN",
    "stakeholder_kind": "academia",
    "attendance_mode": "online",
    "needs_captions": True,
    "consent": True,
}


def test_events_api_lists_counts_by_region_and_kind(client: Client) -> None:
    event = EventFactory(capacity=3, sign_languages=["International Sign"], live_captions=True)
    confirmed(event, 1, country="CN", stakeholder_kind="academia")
    confirmed(event, 2, country="CN")
    data = client.get(f"/api/v1/events/{event.series.slug}/").json()
    assert len(data) == 1
    counts = data[0]["counts"]
    assert (counts["capacity"], counts["confirmed"], counts["waitlisted"], counts["places_left"]) == (3, 2, 0, 1)
    assert counts["by_region"]["Asia-Pacific"] == 2
    assert counts["by_stakeholder_kind"] == {
        "Member State": 0,
        "Sector Member": 0,
        "Associate": 0,
        "Academia": 1,
        "Civil society": 1,
        "UN / intergovernmental organisation": 0,
        "Other": 0,
    }
    assert data[0]["sign_languages"] == ["International Sign"]
    assert data[0]["registration_open"] is True


def test_api_registration_uses_the_same_service(client: Client, django_capture_on_commit_callbacks) -> None:
    event = EventFactory()
    url = f"/api/v1/events/{event.series.slug}/{event.slug}/registrations"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, PAYLOAD, content_type="application/json")
    assert response.status_code == 202
    assert response.json()["status"] == "pending"
    assert Registration.objects.get().region == "asia-pacific"
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url, PAYLOAD, content_type="application/json")
    assert (again.status_code, again.json()["status"], len(mail.outbox)) == (202, "pending", 2)
    services.confirm_email(registration=Registration.objects.get())
    duplicate = client.post(url, PAYLOAD, content_type="application/json")
    assert duplicate.status_code == 409
    assert "already registered" in duplicate.json()["detail"]
    bad = client.post(url, {**PAYLOAD, "email": "x@"}, content_type="application/json")
    assert bad.status_code == 400
    assert bad.json()["detail"] == "“x@” is not a valid e-mail address."
    assert Registration.objects.count() == 1


def test_api_unknown_event_is_404(client: Client) -> None:
    assert client.get("/api/v1/events/industry-connect/nope").status_code == 404


def test_erase_command_reports_what_it_erased() -> None:
    from io import StringIO

    out = StringIO()
    call_command("erase_event_registrations", "--days", "90", stdout=out)
    assert (
        out.getvalue().strip() == "Erased the personal data of 0 registration(s) to events that ended over 90 days ago."
    )


@pytest.mark.parametrize("rows", [1, 3])
def test_events_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    for number in range(rows):
        event = EventFactory(slug=f"session-{number}", capacity=5)
        confirmed(event, 2 * number + 1, country="IN")
        confirmed(event, 2 * number + 2, country="MX", stakeholder_kind="academia")
    with django_assert_num_queries(3):  # the same for 1 or 3 events
        data = client.get("/api/v1/events/industry-connect/").json()
    assert [event["counts"]["confirmed"] for event in data] == [2] * rows
