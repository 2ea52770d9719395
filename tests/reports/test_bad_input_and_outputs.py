"""Each line of issue 8 that the other report tests leave open: "since the last report", bad input at every
entrance (page, API, command), no lost edits, and the exact content of each output format."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import docx
import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from pypdf import PdfReader

from cwgcop.accounts import services as account_services
from cwgcop.bodies.models import Body
from cwgcop.core.errors import DomainError
from cwgcop.meetings.models import Outcome
from cwgcop.reports import services
from cwgcop.reports.enums import ReportStatus
from cwgcop.reports.models import CouncilReport, ReportVersion
from tests.factories import BodyFactory, held_meeting, secretariat

pytestmark = pytest.mark.django_db


def _body() -> Body:
    body = BodyFactory(acronym="CWG-X", name_en="Working group X", name_zh_hans="X工作组")
    first = held_meeting(body, 3, "2024-09-30", "2024-10-01", venue_zh_hans="日内瓦", participants_total=42)
    held_meeting(body, 4, "2025-02-12", "2025-02-13", participants_total=57)
    Outcome.objects.create(meeting=first, position=1, kind="agreed", text_en="Publish the data set")
    return body


def _command(*args: str) -> str:
    out = io.StringIO()
    call_command("council_report", *args, stdout=out)
    return out.getvalue()


def test_command_writes_docx_pdf_and_html_with_the_report_in_them(tmp_path: Path) -> None:
    _body()
    period = ["--body", "CWG-X", "--start", "2024-06-01", "--end", "2025-06-30", "--language", "zh"]
    for fmt in ("docx", "pdf", "html"):
        said = _command(*period, "--format", fmt, "--output", str(tmp_path / f"r.{fmt}"))
        size = (tmp_path / f"r.{fmt}").stat().st_size
        assert said == f"Wrote {tmp_path / f'r.{fmt}'} ({size:,} bytes, {fmt}, zh-hans).\n"
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs]
    assert paragraphs[0] == "X工作组提交理事会的报告（2025年）"
    assert "2.2 在第三次会议上，42名与会者讨论了收到的文稿和情况通报文件。" in paragraphs
    pdf = "".join(page.extract_text() for page in PdfReader(str(tmp_path / "r.pdf")).pages)
    assert "第三次和第四次会议" in pdf
    charts = {image.data for page in PdfReader(str(tmp_path / "r.pdf")).pages for image in page.images}
    assert len(charts) == 1  # the period's chart
    html = (tmp_path / "r.html").read_text()
    assert "<p>2.4 在第四次会议上，57名与会者讨论了收到的文稿和情况通报文件。</p>" in html
    assert (
        '<th scope="row">3</th><td class="number">42</td></tr><tr><th scope="row">4</th><td class="number">57</td>'
    ) in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--start", "2025-06-30", "--end", "2024-06-01"], "The period ends before it starts."),
        (
            ["--start", "2030-01-01", "--end", "2030-12-31"],
            "CWG-X held no meeting between 2030-01-01 and 2030-12-31: there is nothing to report.",
        ),
        (["--start", "2024-06-01", "--end", "30/06/2025"], "Dates are written YYYY-MM-DD."),
        (
            ["--start", "2024-06-01", "--end", "2025-06-30", "--language", "de"],
            "Unknown language 'de': use ar, zh, en, fr, ru or es.",
        ),
    ],
)
def test_command_refuses_bad_input_and_writes_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    _body()
    output = tmp_path / "r.docx"
    with pytest.raises(CommandError) as refused:
        _command("--body", "CWG-X", *args, "--output", str(output))
    assert str(refused.value) == message
    assert not output.exists()


def test_command_refuses_an_unknown_body(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as refused:
        _command("--body", "NOPE", "--start", "2024-06-01", "--end", "2025-06-30", "--output", str(tmp_path / "x"))
    assert str(refused.value) == "No body with the acronym 'NOPE'."


def test_page_refuses_a_period_without_meetings_and_a_reversed_one(client: Client) -> None:
    body = _body()
    client.force_login(secretariat(body, "rep-bad"))
    empty = client.post(
        "/en/staff/reports/", {"body": body.pk, "start": "2030-01-01", "end": "2030-12-31", "languages": ["en"]}
    )
    assert empty.status_code == 400
    assert (
        "CWG-X held no meeting between 2030-01-01 and 2030-12-31: there is nothing to report." in empty.content.decode()
    )
    reversed_period = client.post(
        "/zh-hans/staff/reports/", {"body": body.pk, "start": "2025-06-30", "end": "2024-06-01", "languages": ["en"]}
    )
    assert reversed_period.status_code == 400
    assert "报告期的结束日期早于开始日期。" in reversed_period.content.decode()
    assert CouncilReport.objects.count() == 0


def test_since_the_last_report_starts_the_day_after_it_ended(client: Client) -> None:
    body = _body()
    CouncilReport.objects.create(
        body=body, start=datetime.date(2023, 6, 1), end=datetime.date(2024, 6, 30), status=ReportStatus.PUBLISHED
    )
    client.force_login(secretariat(body, "rep-since"))
    response = client.post(
        "/en/staff/reports/", {"body": body.pk, "since_last_report": "on", "end": "2025-06-30", "languages": ["en"]}
    )
    draft = CouncilReport.objects.get(status=ReportStatus.DRAFT)
    assert response["Location"] == f"/en/staff/reports/{draft.pk}/"
    assert (draft.start, draft.end) == (datetime.date(2024, 7, 1), datetime.date(2025, 6, 30))


def test_service_refuses_an_empty_period_and_saves_nothing() -> None:
    body = _body()
    with pytest.raises(DomainError) as empty:
        services.create_draft(
            actor=None, body=body, start=datetime.date(2030, 1, 1), end=datetime.date(2030, 12, 31), languages=["en"]
        )
    assert empty.value.code == "no_meetings"
    assert (CouncilReport.objects.count(), ReportVersion.objects.count()) == (0, 0)


def test_a_refused_edit_or_approval_loses_no_edit() -> None:
    body = _body()
    report = services.create_draft(
        actor=None, body=body, start=datetime.date(2024, 6, 1), end=datetime.date(2025, 6, 30), languages=["en"]
    )
    services.edit(actor=None, report=report, language="en", texts={"financial": "Mine."}, based_on=1)
    with pytest.raises(DomainError):
        services.edit(actor=None, report=report, language="en", texts={"financial": "Theirs."}, based_on=1)
    with pytest.raises(DomainError) as stale:
        services.approve(actor=None, report=report, version=1)
    assert stale.value.messages == [
        "The draft was edited after you read it (now version 2). Read the new version before approving."
    ]
    financial = [next(s["text"] for s in v.sections["en"] if s["key"] == "financial") for v in report.versions.all()]
    assert financial == ["", "Mine."]
    assert CouncilReport.objects.get(pk=report.pk).status == ReportStatus.DRAFT


def test_api_refuses_a_reversed_period_and_serves_the_published_files(client: Client) -> None:
    body = _body()
    clerk = secretariat(body, "rep-api2")
    key = account_services.create_api_token(actor=clerk, name="cron").key
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    reversed_period = client.post(
        "/api/v1/reports/",
        {"body": "CWG-X", "start": "2025-06-30", "end": "2024-06-01", "languages": ["en"]},
        content_type="application/json",
        **auth,
    )
    assert (reversed_period.status_code, reversed_period.json()) == (
        400,
        {"detail": "The period ends before it starts.", "code": "invalid"},
    )
    created = client.post(
        "/api/v1/reports/",
        {
            "body": "CWG-X",
            "start": "2024-06-01",
            "end": "2025-06-30",
            "languages": ["en", "fr"],
            "council_document": "C25/41",
            "focus_areas": {"en": "Open data", "fr": "Données ouvertes"},
        },
        content_type="application/json",
        **auth,
    ).json()
    assert created["council_document"] == "C25/41"
    assert (created["status"], created["version"], created["languages"]) == ("draft", 1, ["en", "fr"])
    french = {s["key"]: s["text"] for s in created["sections"]["fr"]}
    assert (
        french["activities"].split("\n\n")[4]
        == "2.3 Principaux résultats de la troisième réunion\u00a0:\n– Publish the data set"
    )
    assert "2.2 À la troisième réunion, 42 participants ont examiné" in french["activities"]
    report = CouncilReport.objects.get(pk=created["id"])
    services.approve(actor=None, report=report, version=1)
    services.publish(actor=None, report=report)
    client.logout()
    html = client.get(f"/api/v1/reports/{report.pk}/download?language=fr&format=html")
    assert html["Content-Type"] == "text/html; charset=utf-8"
    html_text = html.getvalue().decode()  # streamed, after its SHA-256 was checked
    assert "<title>Rapport du Working group X au Conseil (2025)</title>" in html_text
    word = client.get(f"/api/v1/reports/{report.pk}/download?language=en&format=docx")
    assert [p.text for p in docx.Document(io.BytesIO(word.getvalue())).paragraphs[:3]] == [
        "Council document C25/41",
        "CWG-X/REP/2025/1",
        "Report of the Working group X to the Council (2025)",
    ]
    assert '<p class="header">Document du Conseil C25/41</p>' in html_text
    assert client.get(f"/api/v1/reports/{report.pk}/download?language=en&format=odt").status_code == 400
    assert client.get(f"/api/v1/reports/{report.pk}/download?language=ru&format=pdf").status_code == 404
