"""The archive every API test reads: CWG-COP with its 21st and 22nd meetings and three published documents."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from cwgcop.bodies.models import Body, Organization
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Meeting
from tests.factories import BodyFactory, OrganizationFactory, held_meeting, published_document


@dataclass
class Archive:
    body: Body
    m21: Meeting
    m22: Meeting
    china: Organization
    protecting: Document  # CWG-COP-21/1, English and Chinese, from China, published 2024-09-20
    note: Document  # CWG-COP-21/INF/1, English, published 2024-09-25
    report: Document  # CWG-COP-22/1, English, published 2025-02-01


def _published_on(document: Document, day: datetime.date) -> Document:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)), datetime.UTC)
    Document.objects.filter(pk=document.pk).update(published_at=moment)
    document.revisions.update(published_at=moment)
    return Document.objects.get(pk=document.pk)


@pytest.fixture
def archive(db: None) -> Archive:
    body = BodyFactory(acronym="CWG-COP", slug="cwg-cop", symbol_prefix="CWG-COP", name_en="Council Working Group")
    m21 = held_meeting(body, 21, "2024-09-30", "2024-10-01", participants_total=129)
    m22 = held_meeting(
        body, 22, "2025-02-12", "2025-02-13", participants_total=191, participants_onsite=120, participants_remote=71
    )
    china = OrganizationFactory(name="China", country="CN")
    protecting = published_document(
        meeting=m21,
        kind="contribution",
        titles={"en": "Protecting children online", "zh-hans": "保护儿童上网"},
        languages=("en", "zh-hans"),
        sources=(china,),
    )
    note = published_document(meeting=m21, kind="information", titles={"en": "Meeting logistics"})
    report = published_document(meeting=m22, kind="contribution", titles={"en": "Report on youth consultations"})
    return Archive(
        body=body,
        m21=m21,
        m22=m22,
        china=china,
        protecting=_published_on(protecting, datetime.date(2024, 9, 20)),
        note=_published_on(note, datetime.date(2024, 9, 25)),
        report=_published_on(report, datetime.date(2025, 2, 1)),
    )
