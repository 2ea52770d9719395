"""The staff dashboard: a fixed number of queries however much waits on it."""

from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.documents import services as document_services
from tests.factories import MeetingFactory, published_document, secretariat

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 3])
def test_dashboard_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries, rows: int) -> None:  # type: ignore[no-untyped-def]
    meeting = MeetingFactory(body__acronym="EG-ARCH", body__symbol_prefix="EG-ARCH", number=7)
    for number in range(rows):
        published_document(meeting=meeting, titles={"en": f"Published paper {number}"})
        document_services.create_document(
            actor=None, body=meeting.body, meeting=meeting, kind="contribution", titles={"en": f"Draft paper {number}"}
        )
    client.force_login(secretariat(meeting.body, username="dash"))
    client.get("/en/staff/")  # the session and the two-factor check settle on the first request
    with django_assert_num_queries(16):  # the same for 1 or 3 documents of each kind
        page = client.get("/en/staff/").content.decode()
    assert page.count("Published paper ") == rows
    assert page.count("Draft paper ") == rows
