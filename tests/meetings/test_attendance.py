from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cwgcop.bodies.enums import RoleKind
from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.meetings.figures import FigureRow, participation_figures
from cwgcop.meetings.models import Attendance, Meeting
from cwgcop.meetings.services import attendance as services
from cwgcop.meetings.services import meeting as meeting_services
from tests.factories import MeetingFactory
from tests.meetings.factories import person, register, upcoming_meeting
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _three_registered(meeting: Meeting) -> list[Any]:
    return [
        register(meeting, person("ada"), country="CN", stakeholder_kind="member-state", mode="onsite"),
        register(meeting, person("bob"), country="BR", stakeholder_kind="academia", mode="remote"),
        register(meeting, person("cy"), country="KE", stakeholder_kind="member-state", mode="remote"),
    ]


def test_ticks_record_attendance_and_count_the_figures() -> None:
    meeting = upcoming_meeting(number=23)
    ada, bob, cy = _three_registered(meeting)
    services.record_attendance(actor=None, meeting=meeting, attended={ada.pk: "onsite", bob.pk: "onsite"})
    meeting.refresh_from_db()
    assert (meeting.participants_total, meeting.participants_onsite, meeting.participants_remote) == (2, 2, 0)
    assert sorted(Attendance.objects.values_list("name", "region", "source")) == [
        ("ada", "asia-pacific", "tick"),
        ("bob", "americas", "tick"),
    ]
    services.record_attendance(actor=None, meeting=meeting, attended={ada.pk: "remote", cy.pk: "remote"})
    meeting.refresh_from_db()
    assert (meeting.participants_total, meeting.participants_onsite, meeting.participants_remote) == (2, 0, 2)
    assert sorted(Attendance.objects.values_list("name", "mode")) == [("ada", "remote"), ("cy", "remote")]
    entry = AuditEntry.objects.filter(action="meeting.attendance.tick").first()
    assert entry is not None
    assert (entry.before["attended"], entry.after["attended"]) == ([ada.pk, bob.pk], [ada.pk, cy.pk])


def test_figures_by_region_and_stakeholder_kind() -> None:
    meeting = upcoming_meeting(number=23)
    ada, bob, cy = _three_registered(meeting)
    services.record_attendance(
        actor=None, meeting=meeting, attended={ada.pk: "onsite", bob.pk: "remote", cy.pk: "remote"}
    )
    figures = participation_figures(meeting)
    assert (figures.source, figures.total, figures.onsite, figures.remote) == ("attendance", 3, 1, 2)
    assert figures.by_region == [
        FigureRow("africa", "Africa", 0, 1),
        FigureRow("americas", "Americas", 0, 1),
        FigureRow("asia-pacific", "Asia-Pacific", 1, 0),
    ]
    assert figures.by_stakeholder_kind == [
        FigureRow("member-state", "Member State", 1, 1),
        FigureRow("academia", "Academia", 0, 1),
    ]


def test_a_historic_meeting_with_only_totals_keeps_them() -> None:
    meeting = MeetingFactory(number=21, participants_total=129)
    figures = participation_figures(meeting)
    assert (figures.source, figures.total, figures.onsite, figures.remote) == ("totals", 129, None, None)
    assert (figures.by_region, figures.by_stakeholder_kind) == ([], [])


def test_a_meeting_without_figures_says_so() -> None:
    assert participation_figures(upcoming_meeting(number=23)).source == "none"


def test_unticking_everybody_leaves_no_figures() -> None:
    meeting = upcoming_meeting(number=23)
    ada, _bob, _cy = _three_registered(meeting)
    services.record_attendance(actor=None, meeting=meeting, attended={ada.pk: "onsite"})
    services.record_attendance(actor=None, meeting=meeting, attended={})
    meeting.refresh_from_db()
    assert (meeting.participants_total, meeting.participants_onsite, meeting.participants_remote) == (None, None, None)
    assert Attendance.objects.count() == 0


def test_ticking_another_meetings_registration_is_refused() -> None:
    meeting = upcoming_meeting(number=23)
    other = upcoming_meeting(number=24, body=meeting.body)
    stranger = register(other, person("eve"))
    with pytest.raises(DomainError) as error:
        services.record_attendance(actor=None, meeting=meeting, attended={stranger.pk: "onsite"})
    assert error.value.code == "not_registered"
    assert Attendance.objects.count() == 0


def test_typed_figures_are_refused_once_attendance_is_recorded() -> None:
    meeting = upcoming_meeting(number=23)
    ada, _bob, _cy = _three_registered(meeting)
    services.record_attendance(actor=None, meeting=meeting, attended={ada.pk: "onsite"})
    with pytest.raises(DomainError) as error:
        meeting_services.update_meeting(actor=None, meeting=meeting, participants_total=129)
    assert error.value.code == "figures_from_attendance"
    meeting.refresh_from_db()
    assert meeting.participants_total == 1


# --- Pages ----------------------------------------------------------------------------------------------------


def test_the_secretariat_ticks_attendance_on_a_page(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    ada, bob, _cy = _three_registered(meeting)
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    url = f"/en/staff/meetings/{meeting.pk}/attendance/"
    page = client.get(url).content.decode()
    assert "Accessibility needs" in page
    response = client.post(
        url,
        {f"attended_{ada.pk}": "on", f"mode_{ada.pk}": "onsite", f"mode_{bob.pk}": "remote"}
        | {f"mode_{_cy.pk}": "remote"},
    )
    assert (response.status_code, response["Location"]) == (302, url)
    assert list(Attendance.objects.values_list("name", "mode")) == [("ada", "onsite")]


@pytest.mark.parametrize("role", [None, RoleKind.MEMBER, RoleKind.CHAIR])
def test_only_the_secretariat_may_record_attendance(client: Client, role: RoleKind | None) -> None:
    meeting = upcoming_meeting(number=23)
    ada, _bob, _cy = _three_registered(meeting)
    client.force_login(person("someone", body=meeting.body if role else None, role=role))
    url = f"/en/staff/meetings/{meeting.pk}/attendance/"
    response = client.post(url, {f"attended_{ada.pk}": "on", f"mode_{ada.pk}": "onsite"})
    assert response.status_code == 403
    assert Attendance.objects.count() == 0


def test_another_bodys_secretariat_may_not_record_attendance(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    ada, _bob, _cy = _three_registered(meeting)
    other = MeetingFactory(number=5)
    client.force_login(person("sec", body=other.body, role=RoleKind.SECRETARIAT))
    response = client.post(
        f"/en/staff/meetings/{meeting.pk}/attendance/", {f"attended_{ada.pk}": "on", f"mode_{ada.pk}": "onsite"}
    )
    assert response.status_code == 403
    assert Attendance.objects.count() == 0


def test_anonymous_is_sent_to_sign_in_from_the_attendance_page(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    response = client.get(f"/en/staff/meetings/{meeting.pk}/attendance/")
    assert response["Location"] == f"/en/account/login/?next=/en/staff/meetings/{meeting.pk}/attendance/"
    assert client.post(f"/en/staff/meetings/{meeting.pk}/attendance/", {}).status_code == 403


def test_the_meeting_page_shows_figures_by_region_and_kind(client: Client) -> None:
    meeting = upcoming_meeting(number=23)
    ada, bob, cy = _three_registered(meeting)
    services.record_attendance(
        actor=None, meeting=meeting, attended={ada.pk: "onsite", bob.pk: "remote", cy.pk: "remote"}
    )
    page = client.get("/en/meetings/cwg-cop/23/").content.decode()
    assert "Participants by ITU region" in page
    assert (
        '<th scope="row">Asia-Pacific</th><td class="number">1</td><td class="number">0</td><td class="number">1</td>'
        in page
    )
    assert (
        '<th scope="row">Member State</th><td class="number">1</td><td class="number">1</td><td class="number">2</td>'
        in page
    )
    assert "ada" not in page  # names never reach the public page


def test_the_meeting_page_of_a_historic_meeting_shows_its_total(client: Client) -> None:
    MeetingFactory(number=21, participants_total=129, body__acronym="CWG-COP", body__slug="cwg-cop")
    page = client.get("/en/meetings/cwg-cop/21/").content.decode()
    assert '<tr><th scope="row">Total</th><td class="number">129</td></tr>' in page
    assert "Only the totals were recorded for this meeting." in page
    assert "Participants by ITU region" not in page


@pytest.mark.parametrize("rows", [1, 3])
def test_attendance_page_runs_a_fixed_number_of_queries(
    client: Client, page_in_queries: PageInQueries, rows: int
) -> None:
    meeting = upcoming_meeting(number=31)
    for number in range(rows):
        register(meeting, person(f"delegate{number}"), country="PE", stakeholder_kind="academia", mode="onsite")
    client.force_login(person("sec", body=meeting.body, role=RoleKind.SECRETARIAT))
    page = page_in_queries(f"/en/staff/meetings/{meeting.pk}/attendance/", 10)  # the same for 1 or 3 registrations
    assert page.count('name="attended_') == rows
