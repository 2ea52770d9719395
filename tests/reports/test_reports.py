from __future__ import annotations

import datetime
import io
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from cwgcop.bodies.models import Body
from cwgcop.core.errors import DomainError
from cwgcop.core.translated_fields import set_translations
from cwgcop.demo.loader import load_demo
from cwgcop.demo.reports import PARTICULARS
from cwgcop.documents.models import Document
from cwgcop.liaisons import services as liaison_services
from cwgcop.meetings.models import Outcome
from cwgcop.reports import builder, services
from cwgcop.reports.models import CouncilReport, Rendition
from tests.factories import BodyFactory, UserFactory, held_meeting
from tests.liaisons import factories as liaison_factories

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
    "在第二十一次会议上，129名与会者讨论了收到的文稿和情况通报文件。",
    "在第二十二次会议上，191名与会者讨论了收到的文稿和情况通报文件。",
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
    "第二十一次和第二十二次会议的主席摘要报告：CWG-COP-21/ADM/2和CWG-COP-22/ADM/1",
    "继续不设密码地公开提供有关保护上网儿童问题的输出文件",
]

# §2.3 of the seed: the 21st meeting, its figures, its themes and the two liaison statements it received
# (from ITU-D SG2 Question 3/2, and the one concerning ITU-T SG17).
SEED_21_DISCUSSED = (
    "2.2 在第二十一次会议上，129名与会者讨论了收到的文稿和情况通报文件。"
    "讨论重点围绕加强利益攸关多方合作、提升儿童参与度和改善与国际电联研究组的协调。"
    "收到的联络声明：ITU-D第2研究组第3/2号课题关于保护上网儿童的联络声明（来自ITU-D第2研究组第3/2号课题）"
    "和有关ITU-T第17研究组的联络声明：弥合保护上网儿童的技术标准差距（来自ITU-T第17研究组（安全））。"
)
# §2.4: the outcomes of the 21st meeting end with the statement it sent to ITU-D SG2 Question 3/2.
SEED_21_SENT = (
    "– 发出的联络声明：致ITU-D第2研究组第3/2号课题的联络声明：第二十一次会议成果"
    "（致ITU-D第2研究组第3/2号课题，2024年10月15日发出）。"
)
# §2.6, last bullet: the CG-COP gap-analysis report, reported at the 22nd meeting, to ITU-T SG17 in April
# 2025, then to the next CWG-COP meeting (October 2025).
SEED_DELIVERABLE = (
    "2.6 跨机构跟踪的交付成果：\n"
    "– 由保护上网儿童通信组（CG-COP）编写的差距分析报告："
    "向CWG-COP通报进展：报告仍在更新中（CWG-COP，2025年2月12日至13日，已完成）"
    " → CG-COP编写报告草案（CG-COP，进行中）"
    " → 在ITU-T第17研究组内讨论（ITU-T SG17，2025年4月，已计划）"
    " → 在下一次CWG-COP会议上讨论（CWG-COP，2025年10月1日至2日，已计划）。"
)


def _seed_particulars(body: Body) -> CouncilReport:
    """An unsaved report carrying what the seed's secretariat entered for its period."""
    report = CouncilReport(body=body, **SEED_PERIOD)
    for name, texts in PARTICULARS.items():
        set_translations(report, name, texts)
    return report


def _paragraphs(sections: list[dict[str, str]], key: str) -> list[str]:
    return next(s["text"] for s in sections if s["key"] == key).split("\n\n")


def test_chinese_report_from_demo_data_carries_every_fact_of_the_seed() -> None:
    load_demo()
    from cwgcop.bodies.models import Body

    body = Body.objects.get(acronym="CWG-COP")
    sections = builder.build(body=body, language="zh-hans", report=_seed_particulars(body), **SEED_PERIOD)
    report = _text(sections)
    assert [fact for fact in SEED_FACTS if fact not in report] == []
    outcomes = [o.text_zh_hans for o in Outcome.objects.filter(meeting__body__acronym="CWG-COP")]  # type: ignore[attr-defined]
    assert len(outcomes) >= 9
    assert [text for text in outcomes if text not in report] == []
    activities = _paragraphs(sections, "activities")
    assert [p[:4] for p in activities[2:]] == ["2.1 ", "2.2 ", "2.3 ", "2.4 ", "2.5 ", "2.6 ", "2.7 "]
    # §2.3 of the seed, with what the platform also knows: the summary, the documents the meeting considered.
    assert activities[3].startswith(SEED_21_DISCUSSED.split("收到的联络声明", maxsplit=1)[0][:60])
    assert "会议审议了2份文稿（CWG-COP-21/1和CWG-COP-21/2）和1份情况通报文件（CWG-COP-21/INF/1）。" in activities[3]
    assert activities[3].endswith("收到的联络声明" + SEED_21_DISCUSSED.split("收到的联络声明")[1])
    assert activities[4].startswith("2.3 第二十一次会议的主要成果是：\n– ")
    assert activities[4].splitlines()[-1] == SEED_21_SENT
    assert activities[5] == (
        "2.4 在第二十一次会议上提出的行动事项及其截至2025年6月30日的状态：\n"
        "– CWG-COP-21/A1 向下一次会议提交关于由BDT主导的非正式ICT行业圆桌会议的提案。（秘书处）：未结"
    )
    assert "联络声明" not in activities[6] + activities[7]  # the 22nd meeting received and sent none
    assert activities[8] == SEED_DELIVERABLE.replace("2.6 ", "2.7 ")


def _factory_body_with_liaisons() -> Body:
    """A second body, its sub-group and a partner, two meetings a year apart, statements and deliverables
    around both, and a draft statement that is not public."""
    body = BodyFactory(acronym="CWG-X", name="Working group X", name_en="Working group X")
    partner = BodyFactory(acronym="SG9", name="Study Group 9", name_en="Study Group 9")
    subgroup = BodyFactory(acronym="CG-X", name="Correspondence group X", name_en="Correspondence group X", parent=body)
    first = held_meeting(
        body, 3, "2023-03-06", "2023-03-07", venue="Nairobi", format="in-person", participants_total=42
    )
    second = held_meeting(body, 4, "2024-03-06", venue="Nairobi", format="in-person", participants_total=57)
    Outcome.objects.create(
        meeting=first, position=1, kind="agreed", text="Publish the data set", text_en="Publish the data set"
    )
    asked = liaison_factories.incoming(
        sender=partner, addressee=body, title="Request for data", sent_on=datetime.date(2023, 2, 1)
    )
    liaison_services.consider_statement(actor=None, statement=asked, meeting=first)
    reply = liaison_factories.outgoing(
        sender=body, addressee=partner, title="Reply on data", reply_to=asked, meeting=first
    )
    liaison_factories.sent(reply, sent_on=datetime.date(2023, 3, 20))
    liaison_factories.outgoing(sender=body, addressee=partner, title="Unsent draft", meeting=first)
    later = liaison_factories.incoming(
        sender=partner, addressee=body, title="Later news", sent_on=datetime.date(2024, 2, 1)
    )
    liaison_services.consider_statement(actor=None, statement=later, meeting=second)
    atlas = liaison_services.create_deliverable(actor=None, owner=subgroup, titles={"en": "Data atlas"}, slug="atlas")
    liaison_services.add_milestone(
        actor=None,
        deliverable=atlas,
        titles={"en": "Outline agreed"},
        body=body,
        meeting=first,
        status="achieved",
        achieved_on=datetime.date(2023, 3, 7),
    )
    liaison_services.add_milestone(
        actor=None,
        deliverable=atlas,
        titles={"en": "Reviewed by SG9"},
        body=partner,
        due_date=datetime.date(2023, 9, 15),
    )
    liaison_services.add_milestone(actor=None, deliverable=atlas, titles={"en": "Final text"}, body=subgroup)
    elsewhere = liaison_services.create_deliverable(
        actor=None, owner=subgroup, titles={"en": "Next year's study"}, slug="next"
    )
    liaison_services.add_milestone(
        actor=None, deliverable=elsewhere, titles={"en": "Started"}, body=body, meeting=second
    )
    return body


def test_report_for_another_body_and_period_from_factory_data() -> None:
    body = _factory_body_with_liaisons()
    particulars = CouncilReport(body=body, focus_areas_en="Open data\nYouth voice")  # type: ignore[misc]
    sections = builder.build(
        body=body, start=datetime.date(2023, 1, 1), end=datetime.date(2023, 12, 31), language="en", report=particulars
    )
    text = _text(sections)
    assert next(s["text"] for s in sections if s["key"] == "purpose") == (
        "This report summarises the main outcomes of the third meeting of the Working group X (CWG-X), "
        "held 6–7 March 2023."
    )
    assert "– Open data" in text
    assert "fourth" not in text
    assert "57" not in text
    assert _paragraphs(sections, "activities")[2:] == [
        "2.1 CWG-X held the third meeting on 6–7 March 2023 at Nairobi, in person.",
        (
            "2.2 At the third meeting, 42 participants discussed the contributions and information documents received. "
            "Liaison statements received: Request for data (from Study Group 9)."
        ),
        (
            "2.3 The main outcomes of the third meeting were:\n"
            "– Publish the data set\n"
            "– Liaison statements sent: Reply on data (to Study Group 9, sent on 20 March 2023)."
        ),
        (
            "2.4 Deliverables followed across bodies:\n"
            "– Data atlas, prepared by the Correspondence group X (CG-X): outline agreed (CWG-X, 6–7 March 2023, "
            "achieved) → reviewed by SG9 (SG9, September 2023, planned) → final text (CG-X, planned)."
        ),
    ]


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
    report = services.create_draft(
        actor=None, body=body, languages=["zh-hans", "en"], particulars=PARTICULARS, **SEED_PERIOD
    )
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
    with pytest.raises(DomainError) as unnumbered:
        services.publish(actor=None, report=report)
    assert unnumbered.value.code == "council_number_missing"
    CouncilReport.objects.filter(pk=report.pk).update(council_document="C25/39")
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
    assert '<th scope="row">21</th><td class="number">129</td>' in zh_html


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


# language → the reference to the chair's summaries, and what the twenty-first meeting considered
SYMBOL_LISTS = {
    "en": (
        (
            "– The chair's summary reports of the twenty-first and twenty-second meetings: "
            "CWG-COP-21/ADM/2 and CWG-COP-22/ADM/1"
        ),
        (
            "The meeting considered 2 contributions (CWG-COP-21/1 and CWG-COP-21/2) and 1 information document "
            "(CWG-COP-21/INF/1)."
        ),
    ),
    "fr": (
        (
            "– Résumés du Président des vingt et unième et vingt-deuxième réunions\xa0: "
            "CWG-COP-21/ADM/2 et CWG-COP-22/ADM/1"
        ),
        (
            "La réunion a examiné 2 contributions (CWG-COP-21/1 et CWG-COP-21/2) et 1 document d'information "
            "(CWG-COP-21/INF/1)."
        ),
    ),
    "ar": (
        "– ملخصات الرئيس للاجتماعين 21 و22: CWG-COP-21/ADM/2 وCWG-COP-22/ADM/1",
        "نظر الاجتماع في 2 مساهمة (CWG-COP-21/1 وCWG-COP-21/2) و1 وثيقة إعلامية (CWG-COP-21/INF/1).",
    ),
    "zh-hans": (
        "– 第二十一次和第二十二次会议的主席摘要报告：CWG-COP-21/ADM/2和CWG-COP-22/ADM/1",
        "会议审议了2份文稿（CWG-COP-21/1和CWG-COP-21/2）和1份情况通报文件（CWG-COP-21/INF/1）。",
    ),
}


def test_document_symbols_are_listed_with_the_languages_list_pattern() -> None:
    """The symbols of the chair's summaries and of the documents a meeting considered read "A and B" by CLDR's
    list pattern of the report's language (formatting.join_list), not "A, B" in every language."""
    load_demo()
    body = Body.objects.get(acronym="CWG-COP")
    for language, (summaries, considered) in SYMBOL_LISTS.items():
        report = _text(builder.build(body=body, language=language, **SEED_PERIOD))
        assert summaries in report.split("\n"), language
        assert considered in report, language
