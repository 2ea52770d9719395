from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from cwgcop.core.errors import DomainError
from cwgcop.core.models import AuditEntry
from cwgcop.documents import services as document_services
from cwgcop.liaisons import queries, services
from cwgcop.liaisons.models import Deliverable, Milestone
from tests.factories import MeetingFactory, published_document
from tests.liaisons.factories import bodies

pytestmark = pytest.mark.django_db


def _gap_analysis() -> Deliverable:
    b = bodies()
    cg = b.cwg.children.create(
        acronym="CG-COP", slug="cg-cop", name="Correspondence group", kind="correspondence-group"
    )
    return services.create_deliverable(
        actor=None, owner=cg, titles={"en": "Gap analysis report", "zh-hans": "差距分析报告"}
    )


def test_deliverable_route_keeps_the_order_milestones_were_added() -> None:
    deliverable = _gap_analysis()
    b = bodies()
    october = MeetingFactory(
        body=b.cwg,
        number=23,
        start_date=datetime.date(2025, 10, 1),
        end_date=datetime.date(2025, 10, 2),
        status="planned",
    )
    services.add_milestone(
        actor=None, deliverable=deliverable, titles={"en": "Draft"}, body=deliverable.owner, status="in-progress"
    )
    services.add_milestone(
        actor=None,
        deliverable=deliverable,
        titles={"en": "SG17 review"},
        body=b.sg17,
        due_date=datetime.date(2025, 4, 1),
    )
    last = services.add_milestone(
        actor=None, deliverable=deliverable, titles={"en": "CWG-COP"}, body=b.cwg, meeting=october
    )
    loaded = queries.deliverable("gap-analysis-report")
    assert loaded is not None
    assert [(m.position, m.display_title, m.body.acronym) for m in loaded.route()] == [
        (1, "Draft", "CG-COP"),
        (2, "SG17 review", "ITU-T SG17"),
        (3, "CWG-COP", "CWG-COP"),
    ]
    assert last.due_date == datetime.date(2025, 10, 1)
    assert loaded.status == "in-progress"
    assert loaded.next_milestone is not None
    assert loaded.next_milestone.display_title == "Draft"
    assert [m.display_title for m in queries.milestones_at(october)] == ["CWG-COP"]


def test_milestone_achieved_with_the_document_that_fulfilled_it() -> None:
    deliverable = _gap_analysis()
    b = bodies()
    milestone = services.add_milestone(
        actor=None, deliverable=deliverable, titles={"en": "Draft"}, body=deliverable.owner
    )
    report = published_document(body=b.cwg, symbol="CWG-COP-23/12")
    done = services.update_milestone(
        actor=None, milestone=milestone, status="achieved", document=report, achieved_on=datetime.date(2025, 10, 1)
    )
    assert (done.status, done.document, done.achieved_on) == ("achieved", report, datetime.date(2025, 10, 1))
    loaded = queries.deliverable("gap-analysis-report")
    assert loaded is not None
    assert loaded.status == "completed"
    entry = AuditEntry.objects.filter(action="milestone.update").get()
    assert entry.after == {"status": "achieved", "document_id": report.pk, "achieved_on": "2025-10-01"}


def test_milestone_cannot_be_fulfilled_by_a_draft_document() -> None:
    deliverable = _gap_analysis()
    b = bodies()
    milestone = services.add_milestone(
        actor=None, deliverable=deliverable, titles={"en": "Draft"}, body=deliverable.owner
    )
    draft = document_services.create_document(
        actor=None, body=b.cwg, kind="report", symbol="CG-COP/1", titles={"en": "Gap analysis (draft)"}
    )
    audit_count = AuditEntry.objects.count()
    with pytest.raises(DomainError) as error:
        services.update_milestone(actor=None, milestone=milestone, status="achieved", document=draft)
    assert error.value.code == "document_not_published"
    milestone.refresh_from_db()
    assert (milestone.status, milestone.document, milestone.achieved_on) == ("planned", None, None)
    assert AuditEntry.objects.count() == audit_count


def test_milestone_meeting_must_belong_to_its_body() -> None:
    deliverable = _gap_analysis()
    b = bodies()
    with pytest.raises(DomainError) as error:
        services.add_milestone(
            actor=None,
            deliverable=deliverable,
            titles={"en": "SG17"},
            body=b.sg17,
            meeting=MeetingFactory(body=b.cwg, number=23),
        )
    assert error.value.messages == ["CWG-COP-23 is not a meeting of ITU-T SG17."]
    assert Milestone.objects.count() == 0


def test_deliverable_address_must_be_unique() -> None:
    _gap_analysis()
    b = bodies()
    with pytest.raises(DomainError) as error:
        services.create_deliverable(actor=None, owner=b.cwg, titles={"en": "Gap analysis report"})
    assert error.value.messages == ["A deliverable with the address “gap-analysis-report” already exists."]
    assert Deliverable.objects.count() == 1


def test_deliverable_written_in_chinese_takes_its_address_from_the_english_title() -> None:
    b = bodies()
    with translation.override("zh-hans"):
        deliverable = services.create_deliverable(
            actor=None, owner=b.cwg, titles={"zh-hans": "求助热线指南", "en": "Helpline guide"}
        )
    stored = Deliverable.objects.get(pk=deliverable.pk)
    assert (stored.slug, stored.title_en, stored.title_zh_hans) == ("helpline-guide", "Helpline guide", "求助热线指南")
