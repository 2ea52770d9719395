"""The Atom feed of newly published documents, read with feedparser as a feed reader would."""

from __future__ import annotations

import time
from typing import Any

import feedparser
import pytest
from django.test import Client

from cwgcop.documents import services
from cwgcop.documents.models import Document, DocumentFile
from tests.core.factories import (
    cwg_cop,
    document,
    draft,
    games_contribution,
    meeting_21,
    moment,
    organization,
    revise,
    set_published,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents() -> list[Document]:
    m21 = meeting_21(cwg_cop())
    saudi = organization("Saudi Arabia", "SA")
    first = games_contribution(m21, sources=(saudi,), published=moment(2024, 9, 10))
    second = document(
        meeting=m21,
        symbol="CWG-COP-21/INF/1",
        kind="information",
        titles={"en": "List of participants"},
        published=moment(2024, 9, 25, 14),
    )
    draft(meeting=m21, symbol="CWG-COP-21/2", titles={"en": "Not yet published"})
    return [first, second]


def parsed(client: Client, language: str = "en") -> Any:
    response = client.get("/feeds/documents.atom", headers={"Accept-Language": language})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return feedparser.parse(response.content)


def test_feed_parses_with_titles_links_and_dates(client: Client, documents: list[Document]) -> None:
    feed = parsed(client)
    assert feed.bozo == 0
    assert feed.version == "atom10"
    assert feed.feed.title == "Newly published documents"
    assert feed.feed.link == "http://testserver/en/documents/"
    assert [entry.title for entry in feed.entries] == [
        "CWG-COP-21/INF/1 — List of participants",
        "CWG-COP-21/1 — Protecting children in online games",
    ]
    assert [entry.link for entry in feed.entries] == [
        "http://testserver/en/documents/CWG-COP-21/INF/1/",
        "http://testserver/en/documents/CWG-COP-21/1/",
    ]
    assert [entry.id for entry in feed.entries] == [
        "urn:cwgcop:document:CWG-COP-21/INF/1",
        "urn:cwgcop:document:CWG-COP-21/1",
    ]
    assert [entry.published_parsed for entry in feed.entries] == [
        time.struct_time((2024, 9, 25, 14, 0, 0, 2, 269, 0)),
        time.struct_time((2024, 9, 10, 10, 0, 0, 1, 254, 0)),
    ]
    assert [entry.updated_parsed for entry in feed.entries] == [entry.published_parsed for entry in feed.entries]
    assert feed.entries[1].summary == "Contribution · CWG-COP-21 · Saudi Arabia"
    assert [tag.term for tag in feed.entries[1].tags] == ["Contribution"]


def test_feed_entries_carry_current_files_as_enclosures(client: Client, documents: list[Document]) -> None:
    entry = parsed(client).entries[1]
    files = {f.language: f for f in DocumentFile.objects.filter(revision__document=documents[0])}
    assert [(e.href, e.type, e.length) for e in entry.enclosures] == [
        ("http://testserver/files/CWG-COP-21/1/rev0/zh-hans/", "application/pdf", str(files["zh-hans"].size)),
        ("http://testserver/files/CWG-COP-21/1/rev0/en/", "application/pdf", str(files["en"].size)),
    ]


def test_feed_entry_of_a_revised_document_is_updated(client: Client, documents: list[Document]) -> None:
    revise(documents[0], note="Corrected", languages=("en",))
    set_published(documents[0], moment(2024, 10, 2, 9), revision=1)
    entry = parsed(client).entries[1]
    assert entry.title == "CWG-COP-21/1(Rev.1) — Protecting children in online games"
    assert entry.published_parsed == time.struct_time((2024, 9, 10, 10, 0, 0, 1, 254, 0))
    assert entry.updated_parsed == time.struct_time((2024, 10, 2, 9, 0, 0, 2, 276, 0))
    assert [e.href for e in entry.enclosures] == ["http://testserver/files/CWG-COP-21/1/rev1/en/"]


def test_feed_leaves_out_drafts_and_withdrawn_documents(client: Client, documents: list[Document]) -> None:
    services.withdraw_document(actor=None, document=documents[1], reason="Duplicate")
    assert [entry.id for entry in parsed(client).entries] == ["urn:cwgcop:document:CWG-COP-21/1"]


def test_feed_titles_follow_the_reader_language(client: Client, documents: list[Document]) -> None:
    feed = parsed(client, "zh-hans")
    assert feed.entries[1].title == "CWG-COP-21/1 — 在网络游戏中保护儿童"
    assert feed.entries[1].link == "http://testserver/zh-hans/documents/CWG-COP-21/1/"


def test_feed_is_linked_from_every_page(client: Client, documents: list[Document]) -> None:
    content = client.get("/en/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Newly published documents" '
        'href="/feeds/documents.atom">'
    ) in content


@pytest.mark.parametrize("rows", [1, 3])
def test_feed_query_count_is_fixed(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    m21 = meeting_21(cwg_cop())
    for number in range(1, rows + 1):
        document(meeting=m21, symbol=f"CWG-COP-21/{number}", sources=(organization(f"Org {number}"),))
    with django_assert_num_queries(4):
        feed = parsed(client)
    assert len(feed.entries) == rows
