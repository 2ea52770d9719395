"""The secretariat's pages for a meeting's officers and status; the officers on the public meeting page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from cwgcop.core.models import AuditEntry
from cwgcop.meetings.models import Meeting, MeetingOfficer
from tests.factories import BodyFactory, MeetingFactory, OrganizationFactory, UserFactory, secretariat

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting() -> Meeting:
    body = BodyFactory(acronym="EG-SAFE", slug="eg-safe", symbol_prefix="EGS")
    return MeetingFactory(body=body, number=2, status="planned")


def _rows(*rows: dict[str, str]) -> dict[str, str]:
    data = {"form-TOTAL_FORMS": str(len(rows)), "form-INITIAL_FORMS": "0"}
    for index, row in enumerate(rows):
        full = {"role": "vice-chair", "email": "", "name": "", "country": "", "organization": "", **row}
        data.update({f"form-{index}-{name}": value for name, value in full.items()})
    return data


def test_the_secretariat_sets_the_officers_and_the_public_page_names_them(client: Client, meeting: Meeting) -> None:
    client.force_login(secretariat(meeting.body))
    UserFactory(username="ngozi", email="ngozi@example.ng")
    nigeria = OrganizationFactory(name="Nigerian Communications Commission", country="NG")
    url = f"/en/staff/meetings/{meeting.pk}/officers/"
    response = client.post(
        url,
        _rows(
            {"role": "chair", "email": "ngozi@example.ng", "organization": str(nigeria.pk), "country": "NG"},
            {"name": "Jean Dupont", "country": "FR"},
            {},
        ),
    )
    assert (response.status_code, response["Location"]) == (302, f"/en/staff/meetings/{meeting.pk}/")
    assert [(o.role, o.display_name, str(o.country)) for o in meeting.officers.all()] == [
        ("chair", "ngozi@example.ng", "NG"),
        ("vice-chair", "Jean Dupont", "FR"),
    ]
    page = client.get("/fr/meetings/eg-safe/2/").content.decode()
    assert "<dt>Président</dt><dd>ngozi@example.ng (Nigerian Communications Commission, Nigeria)</dd>" in page
    assert "<dt>Vice-président</dt><dd>Jean Dupont (France)</dd>" in page
    assert client.get(url).content.decode().count('value="Jean Dupont"') == 1


def test_two_chairs_or_an_unknown_account_are_refused_and_nothing_is_written(client: Client, meeting: Meeting) -> None:
    client.force_login(secretariat(meeting.body))
    url = f"/zh-hans/staff/meetings/{meeting.pk}/officers/"
    before = AuditEntry.objects.count()
    two = client.post(url, _rows({"role": "chair", "name": "A"}, {"role": "chair", "name": "B"}))
    unknown = client.post(url, _rows({"role": "chair", "email": "ghost@example.org"}))
    assert (two.status_code, unknown.status_code) == (400, 400)
    assert "一次会议只有一位主席；其他人是副主席。" in two.content.decode()
    assert "没有账户使用此电子邮件地址；请改为填写该官员的姓名。" in unknown.content.decode()
    assert (MeetingOfficer.objects.count(), AuditEntry.objects.count()) == (0, before)


def test_another_bodys_secretariat_gets_403_and_writes_nothing(client: Client, meeting: Meeting) -> None:
    client.force_login(secretariat(BodyFactory(acronym="EG-ELSE", slug="eg-else"), username="else"))
    officers = client.post(f"/en/staff/meetings/{meeting.pk}/officers/", _rows({"role": "chair", "name": "X"}))
    status = client.post(f"/en/staff/meetings/{meeting.pk}/status/", {"status": "cancelled"})
    assert (officers.status_code, status.status_code) == (403, 403)
    meeting.refresh_from_db()
    assert (MeetingOfficer.objects.count(), meeting.status) == (0, "planned")


def test_the_secretariat_changes_the_status_on_the_meeting_page(client: Client, meeting: Meeting) -> None:
    client.force_login(secretariat(meeting.body))
    response = client.post(f"/en/staff/meetings/{meeting.pk}/status/", {"status": "open"}, follow=True)
    meeting.refresh_from_db()
    assert meeting.status == "open"
    assert "EGS-2 is now: Open for contributions." in response.content.decode()


def test_a_new_meeting_page_offers_a_private_remote_link(client: Client, meeting: Meeting) -> None:
    client.force_login(secretariat(meeting.body))
    page = client.get("/en/staff/meetings/new/").content.decode()
    assert 'name="remote_link_private" id="id_remote_link_private" checked' in page


@pytest.mark.parametrize("rows", [1, 3])
def test_the_public_meeting_page_has_a_fixed_number_of_queries(
    client: Client, meeting: Meeting, rows: int, django_assert_num_queries: Any
) -> None:
    for index in range(rows):
        MeetingOfficer.objects.create(meeting=meeting, role="vice-chair", name=f"Officer {index}", position=index)
    client.get("/en/meetings/eg-safe/2/")
    with django_assert_num_queries(10):  # the same for 1 or 3 officers
        page = client.get("/en/meetings/eg-safe/2/?fresh=1").content.decode()
    assert page.count("<dt>Vice-chair</dt>") == rows
