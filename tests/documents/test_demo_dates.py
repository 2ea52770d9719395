"""The demo archive carries the dates the group's documents were published, not the day it was loaded."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from cwgcop.demo.loader import load_demo
from cwgcop.documents.models import Document, DocumentRevision
from tests.core.factories import parse, texts

pytestmark = pytest.mark.django_db


def _day(value: datetime.datetime | None) -> str:
    assert value is not None
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def test_demo_documents_are_dated_from_their_meetings_and_statements() -> None:
    load_demo()
    published = {d.symbol: _day(d.published_at) for d in Document.objects.filter(symbol__startswith="CWG-COP-2")}
    assert published == {
        "CWG-COP-21/ADM/1": "2024-09-16 12:00",  # two weeks before the 21st meeting (30 September)
        "CWG-COP-21/1": "2024-09-16 12:00",
        "CWG-COP-21/2": "2024-09-16 12:00",
        "CWG-COP-21/INF/1": "2024-09-16 12:00",
        "CWG-COP-21/ADM/2": "2024-10-08 12:00",  # the chair's summary, a week after the meeting ended
        "CWG-COP-21/LS/1": "2024-09-16 12:00",  # liaison statements: the day they were sent
        "CWG-COP-21/LS/2": "2024-09-20 12:00",
        "CWG-COP-21/LS/3": "2024-10-15 12:00",
        "CWG-COP-22/1": "2025-01-29 12:00",
        "CWG-COP-22/INF/1": "2025-01-29 12:00",
        "CWG-COP-22/ADM/1": "2025-02-20 12:00",
    }
    revised = DocumentRevision.objects.filter(number=1, document__symbol__startswith="CWG-COP-2")
    # the concept note's revision, a week after the original
    assert {r.symbol: _day(r.published_at) for r in revised} == {"CWG-COP-22/INF/1(Rev.1)": "2025-02-05 12:00"}


def test_the_archive_filters_demo_documents_by_the_year_they_were_published(client: Client) -> None:
    load_demo()
    page = parse(client.get("/en/documents/?year=2025&sort=symbol").content)
    assert texts(page, '//a[@class="symbol"]') == ["CWG-COP-22/1", "CWG-COP-22/ADM/1", "CWG-COP-22/INF/1(Rev.1)"]
