"""The secretariat's meeting pages: create and edit a meeting through the pages."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.enums import BodyKind, RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import Meeting
from tests.core.factories import meeting_21, parse, texts
from tests.factories import BodyFactory, UserFactory, secretariat
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db

FORM = {
    "number": "23",
    "start_date": "2025-09-29",
    "end_date": "2025-09-30",
    "venue_en": "ITU headquarters, Geneva",
    "venue_zh_hans": "国际电联总部，日内瓦",
    "format": "hybrid",
    "remote_link": "https://meet.example.org/cwg-cop-23",
    "contribution_deadline": "2025-09-15T23:59",
    "status": "open",
    "participants_total": "",
    "participants_onsite": "",
    "participants_remote": "",
}


def audit(meeting: Meeting) -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(object_type="meetings.meeting", object_id=str(meeting.pk)).order_by("id"))


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_secretariat_creates_a_meeting(client: Client, body: Body, staff: Any, language: str) -> None:
    response = client.post(f"/{language}/staff/meetings/new/", {**FORM, "body": body.pk})
    created = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/meetings/cwg-cop/23/"
    assert (created.body, created.number, created.start_date, created.end_date) == (
        body,
        23,
        datetime.date(2025, 9, 29),
        datetime.date(2025, 9, 30),
    )
    assert (created.venue_en, created.venue_zh_hans, created.venue_fr or "") == (
        "ITU headquarters, Geneva",
        "国际电联总部，日内瓦",
        "",
    )
    assert (created.format, created.status, created.remote_link) == (
        "hybrid",
        "open",
        "https://meet.example.org/cwg-cop-23",
    )
    assert created.contribution_deadline == datetime.datetime(2025, 9, 15, 21, 59, tzinfo=datetime.UTC)
    (entry,) = audit(created)
    assert (entry.action, entry.actor, entry.after["number"]) == ("meeting.create", staff, 23)


def test_meeting_form_refuses_end_before_start(client: Client, body: Body, staff: Any) -> None:
    response = client.post("/en/staff/meetings/new/", {**FORM, "body": body.pk, "end_date": "2025-09-28"})
    assert response.status_code == 400
    assert texts(parse(response.content), '//p[@class="error"]') == ["The meeting cannot end before it starts."]
    assert Meeting.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_meeting_form_refuses_a_taken_number(client: Client, body: Body, staff: Any) -> None:
    meeting_21(body)
    response = client.post("/en/staff/meetings/new/", {**FORM, "body": body.pk, "number": "21"})
    assert response.status_code == 400
    assert texts(parse(response.content), '//div[@class="errors"]//li') == ["CWG-COP already has a meeting number 21."]
    assert Meeting.objects.count() == 1


def test_meeting_form_refuses_figures_that_do_not_add_up(client: Client, body: Body, staff: Any) -> None:
    response = client.post(
        "/en/staff/meetings/new/",
        {
            **FORM,
            "body": body.pk,
            "participants_total": "129",
            "participants_onsite": "50",
            "participants_remote": "50",
        },
    )
    assert texts(parse(response.content), '//div[contains(@class, "has-error")]//p[@class="error"]') == [
        "On-site and remote participants must add up to the total."
    ]
    assert Meeting.objects.count() == 0


def test_secretariat_edits_a_meeting_with_historic_total(client: Client, body: Body, staff: Any) -> None:
    m21 = meeting_21(body)
    form = client.get(f"/zh-hans/staff/meetings/{m21.pk}/edit/")
    assert parse(form.content).xpath('//input[@name="venue_zh_hans"]/@value') == ["国际电联总部，日内瓦"]
    response = client.post(
        f"/zh-hans/staff/meetings/{m21.pk}/edit/",
        {
            **FORM,
            "number": "99",  # disabled on the form: ignored
            "start_date": "2024-09-30",
            "end_date": "2024-10-01",
            "venue_en": "ITU headquarters, Geneva, Switzerland",
            "status": "held",
            "participants_total": "129",
        },
    )
    assert response.status_code == 302
    m21.refresh_from_db()
    assert (m21.number, m21.participants_total, m21.participants_onsite) == (21, 129, None)
    assert (m21.venue_en, m21.venue_zh_hans) == ("ITU headquarters, Geneva, Switzerland", "国际电联总部，日内瓦")
    update = audit(m21)[-1]
    assert update.action == "meeting.update"
    assert update.actor == staff
    assert update.before["venue_en"] == "ITU headquarters, Geneva"
    assert update.after["venue_en"] == "ITU headquarters, Geneva, Switzerland"
    assert "venue_zh_hans" not in update.after


def test_anonymous_reader_is_sent_to_sign_in(client: Client, body: Body) -> None:
    m21 = meeting_21(body)
    for url in ["/en/staff/meetings/new/", f"/en/staff/meetings/{m21.pk}/edit/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/en/account/login/?next={url}"
        assert client.post(url, {**FORM, "body": body.pk}).status_code == 403
    assert Meeting.objects.count() == 1


def test_member_cannot_create_or_edit_meetings(client: Client, body: Body) -> None:
    m21 = meeting_21(body)
    member = UserFactory(username="member")
    Role.objects.create(user=member, body=body, kind=RoleKind.MEMBER)
    client.force_login(member)
    assert client.post("/en/staff/meetings/new/", {**FORM, "body": body.pk}).status_code == 403
    assert client.post(f"/en/staff/meetings/{m21.pk}/edit/", {**FORM, "venue_en": "Elsewhere"}).status_code == 403
    m21.refresh_from_db()
    assert m21.venue_en == "ITU headquarters, Geneva"
    assert Meeting.objects.count() == 1


def test_secretariat_of_another_body_cannot_manage_its_meetings(client: Client, body: Body) -> None:
    m21 = meeting_21(body)
    other = BodyFactory(acronym="CWG-Internet", kind=BodyKind.COUNCIL_WORKING_GROUP)
    client.force_login(secretariat(other, username="other-sec"))
    assert client.post("/en/staff/meetings/new/", {**FORM, "body": body.pk}).status_code == 403
    assert client.get(f"/en/staff/meetings/{m21.pk}/edit/").status_code == 403
    assert client.post(f"/en/staff/meetings/{m21.pk}/edit/", {**FORM, "venue_en": "Elsewhere"}).status_code == 403
    m21.refresh_from_db()
    assert m21.venue_en == "ITU headquarters, Geneva"
    assert Meeting.objects.count() == 1


@pytest.mark.parametrize("rows", [1, 3])
def test_meeting_manage_runs_a_fixed_number_of_queries(
    client: Client, page_in_queries: PageInQueries, rows: int
) -> None:
    from cwgcop.meetings import services as meeting_services
    from tests.factories import MeetingFactory

    meeting = MeetingFactory(body__acronym="EG-ARCH", number=5)
    clerk = secretariat(meeting.body, username="clerk")
    for number in range(rows):
        meeting_services.update_meeting(actor=clerk, meeting=meeting, venues={"en": f"Room {number}"})
    client.force_login(clerk)
    # The same for 1 or 3 entries in the meeting's history
    page = page_in_queries(f"/en/staff/meetings/{meeting.pk}/", 11)
    assert page.count("— Meeting changed — clerk") == rows
