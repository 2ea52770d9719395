"""The public document page: symbol, title, sources, dates, language versions, revisions, tombstone."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.test import Client

from cwgcop.documents import services
from cwgcop.documents.models import Document, DocumentFile
from tests.core.factories import (
    cwg_cop,
    document,
    games_contribution,
    meeting_21,
    moment,
    organization,
    parse,
    revise,
    set_published,
    texts,
)
from tests.core.factories import (
    draft as make_draft,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def revised() -> Document:
    """CWG-COP-21/5 in English and Chinese, then Rev.1 in English only."""
    body = cwg_cop()
    m21 = meeting_21(body)
    saudi = organization("Saudi Arabia", "SA")
    ecpat = organization("ECPAT International", "TH")
    created = games_contribution(m21, symbol="CWG-COP-21/5", sources=(saudi, ecpat), published=moment(2024, 9, 20))
    revise(created, note="Corrected table 2")
    return set_published(created, moment(2024, 9, 27), revision=1)


def facts(tree: Any) -> dict[str, str]:
    terms = texts(tree, '//dl[@class="facts"]/dt')
    return dict(zip(terms, texts(tree, '//dl[@class="facts"]/dd'), strict=True))


def test_document_page_shows_current_symbol_title_and_facts(client: Client, revised: Document) -> None:
    response = client.get("/en/documents/CWG-COP-21/5/")
    assert response.status_code == 200
    tree = parse(response.content)
    assert texts(tree, '//p[@class="symbol-heading"]') == ["CWG-COP-21/5(Rev.1)"]
    assert texts(tree, "//h1") == ["Protecting children in online games"]
    assert texts(tree, "//title") == ["CWG-COP-21/5(Rev.1) — Protecting children in online games · cwgcop"]
    assert facts(tree) == {
        "Kind": "Contribution",
        "Body": "Council Working Group on Child Online Protection",
        "Meeting": "CWG-COP, meeting 21",
        "Sources": "ECPAT International and Saudi Arabia",
        "Published": "20 September 2024",
        "Revised": "27 September 2024",
        "Original language": "English",
    }
    assert tree.xpath('//dl[@class="facts"]//time/@datetime') == [
        "2024-09-20T12:00:00+02:00",
        "2024-09-27T12:00:00+02:00",
    ]


def test_document_page_lists_current_language_versions_with_size(client: Client, revised: Document) -> None:
    tree = parse(client.get("/en/documents/CWG-COP-21/5/").content)
    files = tree.xpath('//section[@aria-labelledby="files"]//li')
    assert [f.xpath("./a/@href")[0] for f in files] == ["/files/CWG-COP-21/5/rev1/en/"]
    assert texts(files[0], "./a") == ["English"]
    size = DocumentFile.objects.get(revision__document=revised, revision__number=1, language="en").size
    # CLDR's short unit, one decimal at most: 1,536 bytes and a little more is "1.5 kB".
    assert (size // 100, texts(files[0], './span[@class="meta"]')) == (15, ["PDF · 1.5 kB · 1 page"])


def test_document_page_history_links_every_older_revision(client: Client, revised: Document) -> None:
    tree = parse(client.get("/en/documents/CWG-COP-21/5/").content)
    rows = tree.xpath('//section[@aria-labelledby="history"]//tbody/tr')
    assert [texts(row, "./*") for row in rows] == [
        ["CWG-COP-21/5(Rev.1)", "27 September 2024", "Corrected table 2", "English"],
        ["CWG-COP-21/5", "20 September 2024", "—", "中文 and English"],
    ]
    links = tree.xpath('//section[@aria-labelledby="history"]//tbody//a/@href')
    assert links == [
        "/files/CWG-COP-21/5/rev1/en/",
        "/files/CWG-COP-21/5/rev0/zh-hans/",
        "/files/CWG-COP-21/5/rev0/en/",
    ]
    for link, revision, language in [
        (links[1], 0, "zh-hans"),
        (links[2], 0, "en"),
        (links[0], 1, "en"),
    ]:
        response = client.get(link)
        stored = DocumentFile.objects.get(revision__document=revised, revision__number=revision, language=language)
        assert response.status_code == 200
        assert response["ETag"] == f'"{stored.sha256}"'


def test_document_without_revisions_has_no_history_table(client: Client) -> None:
    document(meeting=meeting_21(cwg_cop()), symbol="CWG-COP-21/6", published=moment(2024, 9, 21))
    tree = parse(client.get("/en/documents/CWG-COP-21/6/").content)
    assert tree.xpath('//section[@aria-labelledby="history"]') == []
    assert "Revised" not in facts(tree)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh-hans", "在网络游戏中保护儿童"),  # the reader's language
        ("en", "Protecting children in online games"),
        ("ar", "Protecter les enfants dans les jeux en ligne"),  # no Arabic title: the original (French)
        ("es", "Protecter les enfants dans les jeux en ligne"),
    ],
)
def test_document_title_in_reader_language_falls_back_to_original(client: Client, language: str, expected: str) -> None:
    document(
        meeting=meeting_21(cwg_cop()),
        symbol="CWG-COP-21/7",
        titles={
            "fr": "Protecter les enfants dans les jeux en ligne",
            "en": "Protecting children in online games",
            "zh-hans": "在网络游戏中保护儿童",
        },
        original_language="fr",
    )
    tree = parse(client.get(f"/{language}/documents/CWG-COP-21/7/").content)
    assert texts(tree, "//h1") == [expected]


def test_document_page_dates_in_reader_language(client: Client, revised: Document) -> None:
    tree = parse(client.get("/zh-hans/documents/CWG-COP-21/5/").content)
    dates = texts(tree, '//dl[@class="facts"]//time')
    assert dates == ["2024年9月20日", "2024年9月27日"]
    assert texts(tree, "//h1") == ["在网络游戏中保护儿童"]


def test_withdrawn_document_is_a_tombstone_saying_when_and_why(client: Client, revised: Document) -> None:
    services.withdraw_document(actor=None, document=revised, reason="Submitted twice; see CWG-COP-21/6.")
    Document.objects.filter(pk=revised.pk).update(withdrawn_at=moment(2024, 10, 3))
    response = client.get("/en/documents/CWG-COP-21/5/")
    assert response.status_code == 410
    tree = parse(response.content)
    assert texts(tree, "//h1") == ["Protecting children in online games"]
    assert texts(tree, '//div[@class="notice"]/p') == [
        "This document was withdrawn.",
        "Withdrawn on 3 October 2024.",
        "Reason: Submitted twice; see CWG-COP-21/6.",
    ]
    assert tree.xpath('//section[@aria-labelledby="files"]') == []


def test_withdrawn_document_files_stay_downloadable(client: Client, revised: Document) -> None:
    services.withdraw_document(actor=None, document=revised, reason="Submitted twice")
    assert client.get("/files/CWG-COP-21/5/rev0/en/").status_code == 200


def test_withdrawn_document_leaves_the_archive_listing(client: Client, revised: Document) -> None:
    services.withdraw_document(actor=None, document=revised, reason="Submitted twice")
    tree = parse(client.get("/en/documents/").content)
    assert texts(tree, '//p[@class="count"]') == ["0 documents"]


def test_draft_document_is_not_found_for_anonymous_readers(client: Client) -> None:
    draft = make_draft(meeting=meeting_21(cwg_cop()), titles={"en": "Not yet"})
    page = client.get(f"/en/documents/{draft.symbol}/")
    assert page.status_code == 404
    assert texts(parse(page.content), "//h1") == ["Page not found"]
    assert client.get(f"/files/{draft.symbol}/rev0/en/").status_code == 404
    assert client.get(f"/files/{draft.symbol}/en/").status_code == 404
    assert client.get(f"/en/documents/?q={draft.symbol}").content.count(b"Not yet") == 0


def test_draft_document_is_not_found_for_a_signed_in_non_secretariat(client: Client) -> None:
    draft = make_draft(meeting=meeting_21(cwg_cop()), titles={"en": "Not yet"})
    client.force_login(UserFactory(username="reader"))
    assert client.get(f"/en/documents/{draft.symbol}/").status_code == 404


def test_unknown_document_is_not_found(client: Client) -> None:
    assert client.get("/en/documents/CWG-COP-99/1/").status_code == 404


def test_revision_symbol_address_leads_to_the_document(client: Client, revised: Document) -> None:
    response = client.get("/en/documents/CWG-COP-21/5(Rev.1)/")
    assert response.status_code == 301
    assert response["Location"] == "/en/documents/CWG-COP-21/5/"
    assert client.get("/en/documents/CWG-COP-21/5(Rev.9)/").status_code == 404


@pytest.mark.parametrize("sources", [1, 3])
def test_document_page_query_count_is_fixed(client: Client, django_assert_num_queries: Any, sources: int) -> None:
    body = cwg_cop()
    created = document(
        meeting=meeting_21(body),
        symbol="CWG-COP-21/8",
        languages=("en", "zh-hans", "ar"),
        sources=tuple(organization(f"Organisation {n}") for n in range(sources)),
        published=moment(2024, 9, 20),
    )
    for number in range(sources):
        revise(created, note=f"Correction {number}")
    # document with body and meeting; sources; revisions; files; the body's name on the publication date
    with django_assert_num_queries(5):
        response = client.get("/en/documents/CWG-COP-21/8/")
    assert response.status_code == 200


@pytest.mark.parametrize("language", ["ar", "zh-hans", "fr"])
def test_document_page_and_tombstone_read_no_column_they_were_not_given(
    client: Client, django_assert_num_queries: Any, language: str
) -> None:
    # The page loads only the columns it shows (queries.DOCUMENT_PAGE_FIELDS): a column left out would be read
    # by a query of its own when the page used it.
    m21 = meeting_21(cwg_cop())
    shown = document(meeting=m21, symbol="CWG-COP-21/8", titles={"en": "Safety", "ar": "السلامة"})
    gone = document(meeting=m21, symbol="CWG-COP-21/9")
    services.withdraw_document(actor=None, document=gone, reason="Submitted twice")
    with django_assert_num_queries(5):  # and the body's name on the publication date
        page = client.get(f"/{language}/documents/{shown.symbol}/")
    with django_assert_num_queries(4):
        tombstone = client.get(f"/{language}/documents/{gone.symbol}/")
    assert (page.status_code, tombstone.status_code) == (200, 410)
    assert "Submitted twice" in tombstone.content.decode()


def test_document_page_not_in_archive_year(client: Client) -> None:
    # a document published late on 31 December UTC is dated by the platform's time zone (Geneva)
    document(
        meeting=meeting_21(cwg_cop()),
        symbol="CWG-COP-21/9",
        published=datetime.datetime(2024, 12, 31, 23, 30, tzinfo=datetime.UTC),
    )
    tree = parse(client.get("/en/documents/CWG-COP-21/9/").content)
    assert facts(tree)["Published"] == "1 January 2025"
    assert texts(parse(client.get("/en/documents/?year=2025").content), '//a[@class="symbol"]') == ["CWG-COP-21/9"]
