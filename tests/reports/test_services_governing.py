"""Governing texts and a report's particulars on the staff pages and the write API; draft previews; the public
list of reports to the Council, the archive and the search finding a report by its Council number; the body's
participation history."""

from __future__ import annotations

import datetime
import io
from typing import Any

import docx
import pytest
from django.test import Client

from cwgcop.accounts import services as account_services
from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.core.models import AuditEntry
from cwgcop.reports import services
from cwgcop.reports.models import CouncilReport, GoverningText
from tests.accounts.factories import give_totp
from tests.factories import BodyFactory, UserFactory, held_meeting, secretariat

pytestmark = pytest.mark.django_db

PERIOD = {"start": datetime.date(2024, 1, 1), "end": datetime.date(2024, 12, 31)}


def _guild() -> Body:
    body = BodyFactory(acronym="TSG", name="Tide Study Group", name_en="Tide Study Group", slug="tsg")
    for number, day, count in ((1, "2019-04-02", 20), (2, "2021-04-02", 31)):
        held_meeting(body, number, day, venue="Apia", participants_total=count)
    held_meeting(body, 3, "2024-04-02", "2024-04-03", venue="Apia", participants_total=44)
    return body


def _chair(body: Body) -> Any:
    user = UserFactory(username="tide-chair")
    Role.objects.create(user=user, body=body, kind=RoleKind.CHAIR)
    give_totp(user)
    return user


def _form(prefix: str, values: dict[str, str]) -> dict[str, str]:
    codes = {"ar": "ar", "zh-hans": "zh_hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}
    return {f"{prefix}_{codes[code]}": values.get(code, "") for code in codes}


def test_secretariat_adds_a_revision_on_the_staff_page_and_the_older_one_closes(client: Client) -> None:
    body = _guild()
    client.force_login(secretariat(body, "tide-sec"))
    first = {"kind": "governing", "valid_from": "2019-01-01", **_form("citation", {"en": "Resolution 9 (2018)"})}
    assert client.post("/en/staff/reports/governing-texts/tsg/", first).status_code == 302
    second = {
        "kind": "governing",
        "valid_from": "2023-01-01",
        **_form("citation", {"en": "Resolution 9 (Rev. 2022)", "ar": "القرار 9 (المراجَع، 2022)"}),
        **_form("items", {"en": "watch the tides\nwarn the coasts"}),
    }
    assert client.post("/en/staff/reports/governing-texts/tsg/", second).status_code == 302
    texts = list(
        GoverningText.objects.filter(body=body).order_by("valid_from").values_list("citation_en", "valid_until")
    )
    assert texts == [("Resolution 9 (2018)", datetime.date(2022, 12, 31)), ("Resolution 9 (Rev. 2022)", None)]
    assert sorted(
        AuditEntry.objects.filter(action__startswith="report.governing_text").values_list("action", flat=True)
    ) == [
        "report.governing_text.add",
        "report.governing_text.add",
        "report.governing_text.close",
    ]
    # The page in Arabic: the Arabic fields are right to left.
    page = client.get("/ar/staff/reports/governing-texts/tsg/").content.decode()
    assert 'dir="rtl"' in page
    assert 'name="citation_ar"' in page
    bad = client.post(
        "/en/staff/reports/governing-texts/tsg/",
        {
            "kind": "governing",
            "valid_from": "2020-01-01",
            "valid_until": "2019-01-01",
            **_form("citation", {"en": "X"}),
        },
    )
    assert bad.status_code == 400
    assert "A text cannot cease to be in force before it comes into force." in bad.content.decode()
    assert GoverningText.objects.filter(body=body).count() == 2


def test_particulars_preview_and_missing_language_flag(client: Client) -> None:
    body = _guild()
    clerk = secretariat(body, "tide-sec")
    report = services.create_draft(actor=clerk, body=body, languages=["ar", "en"], **PERIOD)
    client.force_login(clerk)
    posted = client.post(
        f"/en/staff/reports/{report.pk}/particulars/",
        {
            "version": "1",
            "council_document": "C24/12",
            **_form("council_session", {"en": "Council 2025"}),
            **_form("financial_implications", {"en": "Within the 2024-2025 budget."}),
            **_form("focus_areas", {}),
            **_form("action_required", {}),
            **_form("strategic_plan", {}),
        },
    )
    assert posted.status_code == 302
    report.refresh_from_db()
    assert (report.council_document, report.latest.number) == ("C24/12", 2)
    arabic = {s["key"]: s for s in report.latest.sections["ar"]}
    assert arabic["financial"]["text"] == "Within the 2024-2025 budget."
    assert arabic["financial"]["missing"] == ["الآثار المالية"]
    page = client.get(f"/ar/staff/reports/{report.pk}/").content.decode()
    assert 'lang="ar" dir="rtl"' in page
    assert "لم يُكتب بعد بهذه اللغة (مأخوذ من لغة أخرى): الآثار المالية" in page
    # The chair downloads the draft before approving it: the preview says what is not yet in Arabic.
    client.force_login(_chair(body))
    preview = client.get(f"/en/staff/reports/{report.pk}/v2/ar.docx")
    assert preview.status_code == 200
    paragraphs = [p.text for p in docx.Document(io.BytesIO(preview.content)).paragraphs]
    assert "لم يُكتب بعد باللغة العربية: الآثار المالية" in paragraphs
    html = client.get(f"/en/staff/reports/{report.pk}/v2/en.html").content.decode()
    assert '<p class="draft">Draft: not approved.</p>' in html
    assert client.get(f"/en/staff/reports/{report.pk}/v9/en.html").status_code == 404
    client.logout()
    assert client.get(f"/en/staff/reports/{report.pk}/v2/en.html").status_code == 302  # to the login page


def test_api_writes_governing_texts_and_particulars(client: Client) -> None:
    body = _guild()
    clerk = secretariat(body, "tide-api")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {account_services.create_api_token(actor=clerk, name='t').key}"}
    added = client.post(
        "/api/v1/reports/governing-texts/",
        {"body": "TSG", "kind": "establishing", "citation": {"en": "Decision 5 (2018)"}, "valid_from": "2018-05-01"},
        content_type="application/json",
        **auth,
    )
    assert added.status_code == 201
    text_id = added.json()["id"]
    changed = client.put(
        f"/api/v1/reports/governing-texts/{text_id}",
        {
            "body": "TSG",
            "kind": "establishing",
            "citation": {"en": "Decision 5 (2018)", "fr": "Décision 5 (2018)"},
            "valid_from": "2018-05-01",
        },
        content_type="application/json",
        **auth,
    )
    assert changed.json()["citation"] == {"en": "Decision 5 (2018)", "fr": "Décision 5 (2018)"}
    listed = client.get("/api/v1/reports/governing-texts/?body=TSG").json()
    assert [(t["kind"], t["valid_from"], t["valid_until"]) for t in listed] == [("establishing", "2018-05-01", None)]
    draft = client.post(
        "/api/v1/reports/",
        {"body": "TSG", "start": "2024-01-01", "end": "2024-12-31", "languages": ["en"], "council_document": "C24/13"},
        content_type="application/json",
        **auth,
    ).json()
    purpose = next(s for s in draft["sections"]["en"] if s["key"] == "purpose")
    assert purpose["text"].endswith("It is submitted under Decision 5 (2018).")
    assert purpose["missing"] == []
    other = services.create_draft(actor=None, body=body, languages=["en"], start=PERIOD["start"], end=PERIOD["end"])
    taken = client.put(
        f"/api/v1/reports/{other.pk}/particulars",
        {"based_on": 1, "council_document": "C24/13"},
        content_type="application/json",
        **auth,
    )
    assert taken.status_code == 400
    assert taken.json()["detail"] == (
        "The Council document number C24/13 is already the report of TSG for 2024-01-01–2024-12-31."
    )
    done = client.put(
        f"/api/v1/reports/{other.pk}/particulars",
        {"based_on": 1, "council_document": "C24/14", "action_required": {"en": "To note."}},
        content_type="application/json",
        **auth,
    ).json()
    assert (done["council_document"], done["version"]) == ("C24/14", 2)
    assert next(s["text"] for s in done["sections"]["en"] if s["key"] == "action") == "To note."
    assert (
        client.post(
            "/api/v1/reports/governing-texts/",
            {"body": "TSG", "kind": "establishing", "citation": {"en": "Y"}},
            content_type="application/json",
        ).status_code
        == 401
    )


def test_published_report_is_listed_found_by_council_number_and_body_page_shows_history(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    body = _guild()
    report = services.create_draft(
        actor=None, body=body, languages=["en"], council_document="C24/15", history_chart=True, **PERIOD
    )
    services.approve(actor=None, report=report, version=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(actor=None, report=report)
    listed = client.get("/en/reports/council/").content.decode()
    assert '<th scope="row">C24/15</th><td>TSG</td><td>1 January\u2009–\u200931 December 2024</td>' in listed
    found = client.get("/en/search/?q=C24%2F15").content.decode()
    assert "TSG/REP/2024/1" in found
    html = services.render_report(CouncilReport.objects.get(pk=report.pk), "en", "html").decode()
    assert "Participants at every meeting of the body, by year" in html  # the history chart, asked for
    page = client.get("/en/bodies/tsg/").content.decode()
    assert '<img src="/en/reports/history/tsg.png"' in page
    assert '<tr><th scope="row">2020</th><td>no meeting</td></tr>' in page
    assert '<tr><th scope="row">2021</th><td><bdi>meeting 2: 31 participants</bdi></td></tr>' in page
    chart = client.get("/en/reports/history/tsg.png")
    assert (chart.status_code, chart["Content-Type"], chart.content[:8]) == (200, "image/png", b"\x89PNG\r\n\x1a\n")
