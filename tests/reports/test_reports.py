from __future__ import annotations

import datetime
import io
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from cwgcop.core.errors import DomainError
from cwgcop.demo.loader import load_demo
from cwgcop.documents.models import Document
from cwgcop.meetings.models import Outcome
from cwgcop.reports import builder, services
from cwgcop.reports.models import CouncilReport, Mandate, Rendition
from tests.factories import BodyFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db

SEED_PERIOD = {"start": datetime.date(2024, 6, 1), "end": datetime.date(2025, 6, 30)}


def _text(sections: list[dict[str, str]]) -> str:
    return "\n".join(f"{s['title']}\n{s['text']}" for s in sections)


SEED_FACTS = [
    "第二十一次和第二十二次会议",
    "2024年9月30日至10月1日",
    "2025年2月12日至13日",
    "瑞士日内瓦国际电联总部",
    "以混合形式举行",
    "129名与会者",
    "191名与会者",
    "确保在保护上网儿童工作中听到儿童的声音",
    "展示COP全球计划和COP整体举措的成果",
    "分享最佳做法并探索合作",
    "全权代表大会第179号决议（2022年，布加勒斯特，修订版）",
    "理事会第1306号决议",
    "请理事会将本报告记录在案。",
    "在2024-2025年划拨预算范围内。",
    "召集平台、数字应用、开发政策框架和知识产品。",
    "无需密码即可访问",
    "ICT行业圆桌会议",
    "全球网络安全指数（GCI）专家组",
    "国际电联产业联通",
    "通过手语实现无障碍",
    "差距分析报告",
    "ITU-D第2研究组第3/2号课题",
    "第二十一次和第二十二次会议的主席摘要报告：CWG-COP-21/ADM/2, CWG-COP-22/ADM/1",
    "继续不设密码地公开提供有关保护上网儿童问题的输出文件",
]


def test_chinese_report_from_demo_data_carries_every_fact_of_the_seed() -> None:
    load_demo()
    from cwgcop.bodies.models import Body

    body = Body.objects.get(acronym="CWG-COP")
    report = _text(builder.build(body=body, language="zh-hans", **SEED_PERIOD))
    assert [fact for fact in SEED_FACTS if fact not in report] == []
    outcomes = [o.text_zh_hans for o in Outcome.objects.filter(meeting__body__acronym="CWG-COP")]  # type: ignore[attr-defined]
    assert len(outcomes) >= 9
    assert [text for text in outcomes if text not in report] == []


def test_report_for_another_body_and_period_from_factory_data() -> None:
    body = BodyFactory(acronym="CWG-X", name="Working group X", name_en="Working group X")
    Mandate.objects.create(body=body, focus_areas="Open data\nYouth voice", focus_areas_en="Open data\nYouth voice")
    first = MeetingFactory(
        body=body,
        number=3,
        start_date=datetime.date(2023, 3, 6),
        end_date=datetime.date(2023, 3, 7),
        venue="Nairobi",
        venue_en="Nairobi",
        format="in-person",
        participants_total=42,
    )
    MeetingFactory(
        body=body,
        number=4,
        start_date=datetime.date(2024, 3, 6),
        end_date=datetime.date(2024, 3, 6),
        venue="Nairobi",
        venue_en="Nairobi",
        format="in-person",
        participants_total=57,
    )
    Outcome.objects.create(
        meeting=first, position=1, kind="agreed", text="Publish the data set", text_en="Publish the data set"
    )
    text = _text(
        builder.build(body=body, start=datetime.date(2023, 1, 1), end=datetime.date(2023, 12, 31), language="en")
    )
    assert "the third meeting of the Working group X (CWG-X), held 6–7 March 2023" in text
    assert "At the third meeting, 42 participants discussed" in text
    assert "– Publish the data set" in text
    assert "– Open data" in text
    assert "fourth" not in text
    assert "57" not in text


def test_period_without_meetings_and_reversed_period_are_refused() -> None:
    body = BodyFactory()
    with pytest.raises(DomainError) as empty:
        builder.build(body=body, start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31), language="en")
    assert empty.value.code == "no_meetings"
    with pytest.raises(DomainError) as reversed_period:
        services.create_draft(
            actor=None, body=body, start=datetime.date(2021, 1, 1), end=datetime.date(2020, 1, 1), languages=["en"]
        )
    assert reversed_period.value.messages == ["The period ends before it starts."]
    assert CouncilReport.objects.count() == 0


def test_edit_approve_publish_with_versions_and_stale_approval_refused() -> None:
    load_demo()
    from cwgcop.bodies.models import Body

    body = Body.objects.get(acronym="CWG-COP")
    chair = UserFactory(username="chair")
    report = services.create_draft(actor=None, body=body, languages=["zh-hans", "en"], **SEED_PERIOD)
    assert report.latest.number == 1
    services.edit(actor=None, report=report, language="en", texts={"financial": "Within budget."}, based_on=1)
    with pytest.raises(DomainError) as stale_edit:
        services.edit(actor=None, report=report, language="en", texts={"financial": "Lost?"}, based_on=1)
    assert stale_edit.value.code == "stale_version"
    with pytest.raises(DomainError) as stale:
        services.approve(actor=chair, report=report, version=1)
    assert stale.value.code == "stale_version"
    assert CouncilReport.objects.get(pk=report.pk).status == "draft"
    services.approve(actor=chair, report=report, version=2)
    services.publish(actor=None, report=report)
    report.refresh_from_db()
    document = Document.objects.get(pk=report.document_id)
    assert (document.kind, document.symbol, document.status) == ("report", "CWG-COP/REP/2025/1", "published")
    assert sorted(document.revisions.get().files.values_list("language", "media_type")) == [
        ("en", "application/pdf"),
        ("zh-hans", "application/pdf"),
    ]
    assert Rendition.objects.filter(report=report).count() == 6
    en_docx = services.render_report(report, "en", "docx")
    paragraphs = "\n".join(p.text for p in docx.Document(io.BytesIO(en_docx)).paragraphs)
    assert "Within budget." in paragraphs
    assert len(docx.Document(io.BytesIO(en_docx)).inline_shapes) == 1  # the participation chart
    zh_pdf = services.render_report(report, "zh-hans", "pdf")
    assert "129" in "".join(page.extract_text() for page in PdfReader(io.BytesIO(zh_pdf)).pages)
    zh_html = services.render_report(report, "zh-hans", "html").decode()
    assert '<html lang="zh-hans" dir="ltr">' in zh_html
    assert '<th scope="row">21</th><td>129</td>' in zh_html


def test_command_writes_each_format(tmp_path: Path) -> None:
    load_demo()
    for fmt in ("docx", "pdf", "html"):
        output = tmp_path / f"report.{fmt}"
        call_command(
            "council_report",
            "--body",
            "CWG-COP",
            "--start",
            "2024-06-01",
            "--end",
            "2025-06-30",
            "--language",
            "zh",
            "--format",
            fmt,
            "--output",
            str(output),
            stdout=io.StringIO(),
        )
        assert output.stat().st_size > 1000
    assert "2024年9月30日至10月1日" in (tmp_path / "report.html").read_text()
    with pytest.raises(CommandError, match="held no meeting"):
        call_command(
            "council_report",
            "--body",
            "CWG-COP",
            "--start",
            "2030-01-01",
            "--end",
            "2030-12-31",
            "--output",
            str(tmp_path / "x.docx"),
            stdout=io.StringIO(),
        )
