"""The staff dashboard: a fixed number of queries however much waits on it."""

from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.documents import services as document_services
from tests.factories import MeetingFactory, UserFactory, published_document, secretariat
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 3])
def test_dashboard_runs_a_fixed_number_of_queries(client: Client, page_in_queries: PageInQueries, rows: int) -> None:
    meeting = MeetingFactory(body__acronym="EG-ARCH", body__symbol_prefix="EG-ARCH", number=7)
    for number in range(rows):
        published_document(meeting=meeting, titles={"en": f"Published paper {number}"})
        document_services.create_document(
            actor=None, body=meeting.body, meeting=meeting, kind="contribution", titles={"en": f"Draft paper {number}"}
        )
    client.force_login(secretariat(meeting.body, username="dash"))
    page = page_in_queries("/en/staff/", 14)  # the same for 1 or 3 documents of each kind
    assert page.count("Published paper ") == rows
    assert page.count("Draft paper ") == rows


def test_dashboard_links_every_staff_area_that_exists(client: Client) -> None:
    from cwgcop.site import staff_areas

    client.force_login(secretariat(MeetingFactory(body__acronym="EG-HUB").body, username="hub"))
    page = client.get("/en/staff/").content.decode()
    for label, address in [
        ("Submissions", "/en/staff/submissions/"),
        ("Liaisons", "/en/staff/liaisons/"),
        ("Events", "/en/staff/events/"),
        ("Consultations", "/en/staff/consultations/"),
        ("Reports", "/en/staff/reports/"),
        ("Organisations", "/en/staff/organisations/"),
        ("Bodies", "/en/staff/bodies/"),
        ("Roles", "#roles"),
        ("Imports", "/en/staff/imports/"),
    ]:
        assert f'<li><a href="{address}">{label}</a></li>' in page
    # Accounts are a platform administrator's: a body's secretariat is not shown a page it cannot open.
    assert "/en/staff/accounts/" not in page
    labels = [str(label) for label, _address in staff_areas.staff_areas()]
    assert "Accounts" not in labels
    admin = UserFactory(username="root-admin", is_superuser=True)
    labels = [str(label) for label, _address in staff_areas.staff_areas(admin)]
    assert labels == [
        "Meetings",
        "Documents",
        "Submissions",
        "Liaisons",
        "Events",
        "Consultations",
        "Reports",
        "Organisations",
        "Bodies",
        "Roles",
        "Accounts",
        "Imports",
    ]


def test_an_area_whose_pages_do_not_exist_is_left_out(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from cwgcop.site import staff_areas

    monkeypatch.setattr(
        staff_areas,
        "AREAS",
        (
            staff_areas.StaffArea("Nowhere", ("staff:nowhere:list",)),
            staff_areas.StaffArea("Events", ("staff:nowhere:index", "staff:events:index")),
        ),
    )
    assert staff_areas.staff_areas() == [("Events", "/en/staff/events/")]


def test_the_main_navigation_shows_secretariat_to_staff_only(client: Client) -> None:
    body = MeetingFactory(body__acronym="EG-NAV").body
    client.force_login(secretariat(body, username="nav-sec"))
    assert '<a href="/en/staff/">Secretariat</a>' in client.get("/en/events/").content.decode()
    from tests.factories import member

    client.force_login(member("nav-member"))
    assert "/en/staff/" not in client.get("/en/events/").content.decode()
