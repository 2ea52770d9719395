from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from cwgcop.documents import services
from tests.archive import Archive
from tests.factories import MeetingFactory, OrganizationFactory, pdf_bytes, published_document

pytestmark = pytest.mark.django_db

LIST = "/api/v1/documents/"


def _symbols(client: Client, query: str = "") -> list[str]:
    response = client.get(f"{LIST}?{query}")
    assert response.status_code == 200, response.content
    return [item["symbol"] for item in response.json()["items"]]


def test_document_has_every_field_with_absolute_file_urls(client: Client, archive: Archive, media_root: Path) -> None:
    data = client.get("/api/v1/documents/CWG-COP-21/1").json()
    files = data.pop("files")
    revisions = data.pop("revisions")
    assert data == {
        "symbol": "CWG-COP-21/1",
        "current_symbol": "CWG-COP-21/1",
        "kind": "contribution",
        "status": "published",
        "title": "Protecting children online",
        "titles": {"zh-hans": "保护儿童上网", "en": "Protecting children online"},
        "original_language": "en",
        "body": "CWG-COP",
        "meeting": "CWG-COP-21",
        "sources": [
            {
                "id": archive.china.pk,
                "name": "China",
                "country": "CN",
                "region": "asia-pacific",
                "stakeholder_kind": "member-state",
            }
        ],
        "published_at": "2024-09-20T10:00:00Z",
        "withdrawn_at": None,
        "withdrawal_reason": "",
        "languages": ["zh-hans", "en"],
        "url": "http://testserver/en/documents/CWG-COP-21/1/",
    }
    assert [(f["language"], f["name"], f["media_type"], f["pages"], f["url"]) for f in files] == [
        (
            "zh-hans",
            "CWG-COP-21-1-zh-hans.pdf",
            "application/pdf",
            1,
            "http://testserver/files/CWG-COP-21/1/rev0/zh-hans/",
        ),
        ("en", "CWG-COP-21-1-en.pdf", "application/pdf", 1, "http://testserver/files/CWG-COP-21/1/rev0/en/"),
    ]
    for entry in files:
        stored = next(media_root.rglob(f"{entry['sha256']}.pdf"))
        assert (entry["size"], entry["sha256"]) == (
            stored.stat().st_size,
            hashlib.sha256(stored.read_bytes()).hexdigest(),
        )
    assert revisions == [
        {"number": 0, "symbol": "CWG-COP-21/1", "published_at": "2024-09-20T10:00:00Z", "note": "", "files": files}
    ]


def test_file_url_from_the_api_downloads_the_very_bytes_it_describes(client: Client, archive: Archive) -> None:
    entry = client.get("/api/v1/documents/CWG-COP-21/1").json()["files"][0]
    url = urlsplit(entry["url"])
    assert (url.scheme, url.netloc) == ("http", "testserver")
    response = client.get(url.path)
    content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert (len(content), hashlib.sha256(content).hexdigest()) == (entry["size"], entry["sha256"])
    assert response["Content-Disposition"] == 'attachment; filename="CWG-COP-21-1-zh-hans.pdf"'


def test_file_urls_follow_the_host_the_client_used(archive: Archive) -> None:
    client = Client(HTTP_HOST="localhost")
    entry = client.get("/api/v1/documents/CWG-COP-21/1", secure=True).json()["files"][1]
    assert entry["url"] == "https://localhost/files/CWG-COP-21/1/rev0/en/"


def test_revision_lists_every_published_revision_and_current_files(client: Client, archive: Archive) -> None:
    services.start_revision(actor=None, document=archive.report, note="Corrected figures")
    content = pdf_bytes("corrected")
    services.add_file(
        actor=None,
        document=archive.report,
        language="en",
        name="corrected.pdf",
        size=len(content),
        stream=io.BytesIO(content),
    )
    services.publish_document(actor=None, document=archive.report)
    data = client.get("/api/v1/documents/CWG-COP-22/1").json()
    assert data["current_symbol"] == "CWG-COP-22/1(Rev.1)"
    assert [(f["name"], f["url"], f["sha256"]) for f in data["files"]] == [
        ("corrected.pdf", "http://testserver/files/CWG-COP-22/1/rev1/en/", hashlib.sha256(content).hexdigest())
    ]
    assert [(r["number"], r["symbol"], r["note"]) for r in data["revisions"]] == [
        (0, "CWG-COP-22/1", ""),
        (1, "CWG-COP-22/1(Rev.1)", "Corrected figures"),
    ]
    assert data["revisions"][0]["files"][0]["url"] == "http://testserver/files/CWG-COP-22/1/rev0/en/"


def test_withdrawn_document_is_readable_with_its_reason(client: Client, archive: Archive) -> None:
    services.withdraw_document(actor=None, document=archive.note, reason="Submitted twice")
    data = client.get("/api/v1/documents/CWG-COP-21/INF/1").json()
    assert (data["status"], data["withdrawal_reason"], data["withdrawn_at"] is not None) == (
        "withdrawn",
        "Submitted twice",
        True,
    )
    assert _symbols(client) == ["CWG-COP-22/1", "CWG-COP-21/1"]


def test_unknown_document_is_not_found(client: Client, archive: Archive) -> None:
    response = client.get("/api/v1/documents/CWG-COP-99/1")
    assert (response.status_code, response.json()) == (
        404,
        {"detail": "There is no public document with the symbol CWG-COP-99/1.", "code": "not_found"},
    )


def test_list_is_paginated_with_limit_offset_and_count(client: Client, archive: Archive) -> None:
    first = client.get(f"{LIST}?limit=2").json()
    second = client.get(f"{LIST}?limit=2&offset=2").json()
    assert ([d["symbol"] for d in first["items"]], first["count"]) == (["CWG-COP-22/1", "CWG-COP-21/INF/1"], 3)
    assert ([d["symbol"] for d in second["items"]], second["count"]) == (["CWG-COP-21/1"], 3)
    assert client.get(f"{LIST}?offset=3").json() == {"items": [], "count": 3}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["CWG-COP-22/1", "CWG-COP-21/INF/1", "CWG-COP-21/1"]),
        ("meeting=CWG-COP-21", ["CWG-COP-21/INF/1", "CWG-COP-21/1"]),
        ("meeting=cwg-cop-22", ["CWG-COP-22/1"]),
        ("kind=information", ["CWG-COP-21/INF/1"]),
        ("kind=contribution&meeting=CWG-COP-21", ["CWG-COP-21/1"]),
        ("language=zh-hans", ["CWG-COP-21/1"]),
        ("language=fr", []),
        ("year=2024", ["CWG-COP-21/INF/1", "CWG-COP-21/1"]),
        ("year=2025", ["CWG-COP-22/1"]),
        ("q=children", ["CWG-COP-21/1"]),
        ("q=%E4%BF%9D%E6%8A%A4", ["CWG-COP-21/1"]),  # 保护
        ("q=inf", ["CWG-COP-21/INF/1"]),
        ("sort=oldest", ["CWG-COP-21/1", "CWG-COP-21/INF/1", "CWG-COP-22/1"]),
        ("sort=symbol", ["CWG-COP-21/1", "CWG-COP-21/INF/1", "CWG-COP-22/1"]),
        ("sort=newest&year=2024", ["CWG-COP-21/INF/1", "CWG-COP-21/1"]),
    ],
)
def test_list_filters_as_the_archive_does(client: Client, archive: Archive, query: str, expected: list[str]) -> None:
    assert _symbols(client, query) == expected


def test_list_filters_by_source(client: Client, archive: Archive) -> None:
    assert _symbols(client, f"source={archive.china.pk}") == ["CWG-COP-21/1"]


def test_draft_documents_are_not_listed(client: Client, archive: Archive) -> None:
    services.create_document(
        actor=None, body=archive.body, meeting=archive.m21, kind="contribution", titles={"en": "D"}
    )
    assert _symbols(client, "meeting=CWG-COP-21") == ["CWG-COP-21/INF/1", "CWG-COP-21/1"]
    assert client.get(f"{LIST}?q=unpublished").json()["count"] == 0


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        (
            "kind=memo",
            [
                {
                    "field": "kind",
                    "message": "Choose one of: contribution, information, agenda, liaison-statement, "
                    "chairs-summary, outcome, concept-note, report, administrative.",
                }
            ],
        ),
        ("language=de", [{"field": "language", "message": "Choose one of: ar, zh-hans, en, fr, ru, es."}]),
        ("sort=random", [{"field": "sort", "message": "Choose one of: newest, oldest, symbol."}]),
        ("year=last", [{"field": "year", "message": "Enter a whole number."}]),
        ("meeting=CWG-COP-99", [{"field": "meeting", "message": "There is no meeting CWG-COP-99."}]),
        ("meeting=nonsense", [{"field": "meeting", "message": "There is no meeting nonsense."}]),
        (
            "source=999999",
            [{"field": "source", "message": "Select a valid choice. 999999 is not one of the available choices."}],
        ),
        ("limit=0", [{"field": "limit", "message": "Enter a number greater than or equal to 1."}]),
        ("limit=201", [{"field": "limit", "message": "Enter a number less than or equal to 200."}]),
        ("offset=-1", [{"field": "offset", "message": "Enter a number greater than or equal to 0."}]),
    ],
)
def test_invalid_parameters_are_refused_with_a_message_per_parameter(
    client: Client, archive: Archive, query: str, errors: list[dict[str, str]]
) -> None:
    response = client.get(f"{LIST}?{query}")
    assert (response.status_code, response.json()) == (
        400,
        {"detail": "Some parameters are not valid.", "code": "invalid", "errors": errors},
    )


def test_titles_and_errors_follow_accept_language(client: Client, archive: Archive) -> None:
    items = client.get(LIST, HTTP_ACCEPT_LANGUAGE="zh-hans").json()["items"]
    missing = client.get("/api/v1/documents/CWG-COP-99/1", HTTP_ACCEPT_LANGUAGE="zh-hans")
    invalid = client.get(f"{LIST}?year=last", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert [(d["symbol"], d["title"]) for d in items] == [
        ("CWG-COP-22/1", "Report on youth consultations"),  # no Chinese title: the original
        ("CWG-COP-21/INF/1", "Meeting logistics"),
        ("CWG-COP-21/1", "保护儿童上网"),
    ]
    assert items[2]["url"] == "http://testserver/zh-hans/documents/CWG-COP-21/1/"
    assert missing.json() == {"detail": "没有文号为CWG-COP-99/1的公开文件。", "code": "not_found"}
    assert invalid.json() == {
        "detail": "部分参数无效。",
        "code": "invalid",
        "errors": [{"field": "year", "message": "请输入整数。"}],
    }


@pytest.mark.parametrize("rows", [1, 3])
def test_list_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    meeting = MeetingFactory(number=5, body__symbol_prefix="CWG-COP")
    source = OrganizationFactory()
    for _ in range(rows):
        published_document(meeting=meeting, languages=("en", "zh-hans"), sources=(source,))
    with django_assert_num_queries(5):  # count, page, sources, revisions, files
        everything = client.get(LIST).json()
    with django_assert_num_queries(7):  # and the meeting: found by its code, then checked by the filter
        filtered = client.get(f"{LIST}?meeting=CWG-COP-5&language=en").json()
    assert (everything["count"], filtered["count"], len(filtered["items"][0]["files"])) == (rows, rows, 2)
