from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.accounts import services as account_services
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.demo.loader import load_demo
from cwgcop.reports.models import CouncilReport
from tests.accounts.factories import give_totp
from tests.factories import UserFactory
from tests.queries import PageInQueries

pytestmark = pytest.mark.django_db


def _person(username: str, kind: RoleKind, body: Body):  # type: ignore[no-untyped-def]
    user = UserFactory(username=username)
    Role.objects.create(user=user, body=body, kind=kind)
    give_totp(user)
    return user


def test_secretariat_drafts_edits_chair_approves_secretariat_publishes_public_downloads(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    load_demo()
    body = Body.objects.get(acronym="CWG-COP")
    secretariat = _person("rep-sec", RoleKind.SECRETARIAT, body)
    chair = _person("rep-chair", RoleKind.CHAIR, body)
    client.force_login(secretariat)
    response = client.post(
        "/en/staff/reports/",
        {
            "body": body.pk,
            "start": "2024-06-01",
            "end": "2025-06-30",
            "languages": ["zh-hans", "en"],
            "council_document": "C25/39",
        },
    )
    report = CouncilReport.objects.get()
    assert response["Location"] == f"/en/staff/reports/{report.pk}/"
    page = client.get(f"/en/staff/reports/{report.pk}/").content.decode()
    assert "2024年9月30日至10月1日" in page
    client.post(
        f"/en/staff/reports/{report.pk}/edit/en/", {"version": "1", "section-financial": "Within the 2024-2025 budget."}
    )
    assert report.latest.number == 2
    assert client.post(f"/en/staff/reports/{report.pk}/approve/", {"version": "2"}).status_code == 403
    client.force_login(chair)
    client.post(f"/en/staff/reports/{report.pk}/approve/", {"version": "1"})
    assert CouncilReport.objects.get().status == "draft"  # stale: version 2 exists
    client.post(f"/en/staff/reports/{report.pk}/approve/", {"version": "2"})
    assert CouncilReport.objects.get().status == "approved"
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(f"/en/staff/reports/{report.pk}/publish/")
    # The request returns at once: the report is being published, its files are made by a background task.
    report.refresh_from_db()
    assert report.status == "publishing"
    page = client.get(f"/en/staff/reports/{report.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="5">' in page
    assert "Being published: 0 of 6 files made." in page
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    report.refresh_from_db()
    assert report.status == "published"
    client.logout()
    download = client.get(f"/en/reports/{report.pk}/zh-hans.docx")
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="CWG-COP-REP-2025-1-zh-hans.docx"'
    api = client.get(f"/api/v1/reports/{report.pk}").json()
    assert (api["document"], api["version"], api["status"]) == ("CWG-COP/REP/2025/1", 2, "published")
    assert api["downloads"]["en"]["pdf"].endswith(f"/en/reports/{report.pk}/en.pdf")
    assert client.get(f"/api/v1/reports/{report.pk}/download?language=en&format=html").status_code == 200


def test_drafts_are_not_public(client: Client) -> None:
    load_demo()
    body = Body.objects.get(acronym="CWG-COP")
    secretariat = _person("rep-sec2", RoleKind.SECRETARIAT, body)
    client.force_login(secretariat)
    client.post(
        "/en/staff/reports/", {"body": body.pk, "start": "2024-06-01", "end": "2025-06-30", "languages": ["en"]}
    )
    report = CouncilReport.objects.get()
    client.logout()
    assert client.get(f"/en/reports/{report.pk}/en.pdf").status_code == 404
    assert client.get(f"/api/v1/reports/{report.pk}").status_code == 404
    member = UserFactory(username="member-x")
    client.force_login(member)
    assert client.get(f"/en/staff/reports/{report.pk}/").status_code == 403


def test_api_request_draft_needs_the_secretariat_token(client: Client) -> None:
    load_demo()
    body = Body.objects.get(acronym="CWG-COP")
    secretariat = _person("rep-api", RoleKind.SECRETARIAT, body)
    key = account_services.create_api_token(actor=secretariat, name="scripts").key
    payload = {"body": "CWG-COP", "start": "2024-06-01", "end": "2025-06-30", "languages": ["zh-hans"]}
    assert client.post("/api/v1/reports/", payload, content_type="application/json").status_code == 401
    created = client.post(
        "/api/v1/reports/", payload, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )
    assert created.status_code == 201
    sections = created.json()["sections"]["zh-hans"]
    assert [s["key"] for s in sections] == [
        "purpose",
        "action",
        "strategic_plan",
        "financial",
        "references",
        "introduction",
        "activities",
    ]
    empty = client.post(
        "/api/v1/reports/",
        {**payload, "start": "2030-01-01", "end": "2030-12-31"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert empty.status_code == 400
    assert "held no meeting" in empty.json()["detail"]


@pytest.mark.parametrize("rows", [1, 3])
def test_report_list_runs_a_fixed_number_of_queries(client: Client, page_in_queries: PageInQueries, rows: int) -> None:
    from cwgcop.reports import services
    from tests.factories import BodyFactory, MeetingFactory

    body = BodyFactory(acronym="EG-SAFE")
    for year in range(2021, 2021 + rows):
        MeetingFactory(
            body=body, number=year - 2020, start_date=datetime.date(year, 3, 2), end_date=datetime.date(year, 3, 3)
        )
        services.create_draft(
            actor=None, body=body, start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31), languages=["fr"]
        )
    client.force_login(_person("rep-sec3", RoleKind.SECRETARIAT, body))
    page = page_in_queries("/en/staff/reports/", 7)  # the same for 1 or 3 reports
    assert page.count("1 January\u2009–\u200931 December") == rows


@pytest.mark.parametrize(("posted", "version"), [({"version": "3"}, 3), ({"version": "3x"}, 0), ({}, 0)])
def test_a_garbled_or_missing_version_counts_as_version_0_which_the_service_refuses_as_stale(
    posted: dict[str, str], version: int
) -> None:
    from django.test import RequestFactory

    from cwgcop.reports.views.reports import _version

    assert _version(RequestFactory().post("/en/reports/7/approve/", posted)) == version
