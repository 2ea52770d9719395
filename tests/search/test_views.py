"""The public search page: results, filters, pagination, no-results, bad input, escaping."""

from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.search import views
from cwgcop.search.engines import Engine
from tests.factories import MeetingFactory, OrganizationFactory
from tests.search.factories import engine_statements, indexed_document

pytestmark = pytest.mark.django_db


def html(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


def test_search_page_shows_title_symbol_meeting_and_a_marked_snippet(client: Client) -> None:
    meeting = MeetingFactory(body__acronym="CWG-COP", number=21)
    indexed_document(
        meeting=meeting,
        titles={"en": "Age verification", "zh-hans": "年龄验证"},
        texts={"en": "Age verification keeps children safe.", "zh-hans": "关于保护上网儿童的年龄验证"},
    )
    page = html(client, "/en/search/?q=%E5%84%BF%E7%AB%A5")
    assert '<a href="/en/documents/CWG-COP-21/1/">CWG-COP-21/1</a>' in page
    assert (
        '<h2 class="result-title" lang="zh-hans" dir="auto"><a href="/en/documents/CWG-COP-21/1/">年龄验证</a>' in page
    )
    assert '<p class="snippet" lang="zh-hans" dir="auto">关于保护上网<mark>儿童</mark>的年龄验证</p>' in page
    assert "1 document found" in page
    assert "Contribution · CWG-COP, meeting 21 · <time" in page


def test_search_page_escapes_the_query_and_the_text(client: Client) -> None:
    indexed_document(
        symbol="T/1", titles={"en": "<b>Bold</b> title"}, texts={"en": "<img src=x onerror=alert(1)> bold"}
    )
    page = html(client, "/en/search/?q=bold")
    assert "&lt;b&gt;<mark>Bold</mark>&lt;/b&gt; title" in page
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>bold</mark>" in page
    assert "<img src=x" not in page
    echoed = html(client, "/en/search/?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert" not in echoed
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in echoed


def test_search_page_combines_the_archive_filters(client: Client) -> None:
    meeting = MeetingFactory(body__acronym="CWG-COP", number=21)
    other = MeetingFactory(body=meeting.body, number=22)
    source = OrganizationFactory(name="Kenya")
    indexed_document(meeting=meeting, texts={"en": "Helplines."}, sources=(source,))
    indexed_document(meeting=other, kind="information", texts={"en": "Helplines.", "fr": "Lignes."})
    page = html(client, f"/en/search/?q=helplines&meeting={other.pk}&kind=information&language=en")
    assert "CWG-COP-22/INF/1" in page
    assert "CWG-COP-21/1" not in page
    page = html(client, f"/en/search/?q=helplines&source={source.pk}")
    assert "CWG-COP-21/1" in page
    assert "CWG-COP-22/INF/1" not in page


def test_search_page_without_results_offers_to_drop_the_filters(client: Client) -> None:
    meeting = MeetingFactory(body__acronym="CWG-COP", number=21)
    indexed_document(meeting=meeting, texts={"en": "Helplines."})
    page = html(client, "/en/search/?q=helplines&kind=outcome&year=2020")
    assert "No published document matches this search." in page
    assert '<a href="/en/search/?q=helplines">Search again without the filters</a>' in page
    page = html(client, "/en/search/?q=nothingatall")
    assert "No published document matches this search." in page
    assert "without the filters" not in page


def test_search_page_without_results_offers_fewer_words_and_other_languages(client: Client) -> None:
    indexed_document(symbol="T/1", texts={"fr": "Les lignes d'assistance répondent aux appels."})
    indexed_document(symbol="T/2", texts={"fr": "Lignes d'écoute."})
    page = html(client, "/en/search/?q=lignes+assistance+zanzibar")
    assert '<p>With fewer words: <a href="?q=lignes+assistance">lignes assistance</a> finds 1 document.</p>' in page
    page = html(client, "/en/search/?q=%22lignes+d%27assistance%22+ecoute+zanzibar&language=fr")
    assert '<a href="?q=%22lignes+d%27assistance%22+ecoute&amp;language=fr">' not in page  # finds nothing either
    page = html(client, "/en/search/?q=lignes+zanzibar&language=fr")
    assert '<a href="?q=lignes&amp;language=fr">lignes</a> finds 2 documents.' in page
    page = html(client, "/en/search/?q=lignes&language=ru")
    assert '<p><a href="?q=lignes">2 documents</a> match in the other languages.</p>' in page
    page = html(client, "/fr/search/?q=lignes&language=ru")
    assert '<p><a href="?q=lignes">2 documents</a> correspondent dans les autres langues.</p>' in page
    page = html(client, "/en/search/?q=zanzibar")
    assert "With fewer words" not in page
    assert "in the other languages" not in page


def test_search_page_pages_through_results(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for number in range(5):
        indexed_document(symbol=f"T/{number}", texts={"en": "Common word."})
    first = html(client, "/en/search/?q=common")
    last = html(client, "/en/search/?q=common&page=3")
    assert "5 documents found" in first
    assert first.count('class="search-result"') == 2
    assert '<a rel="next" href="?q=common&amp;page=2">' in first
    assert last.count('class="search-result"') == 1


def test_search_page_says_when_a_search_matches_more_than_it_ranks(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Engine, "candidates", 2)
    for number in range(1, 4):
        indexed_document(symbol=f"T/{number}", texts={"en": "Common word."})
    page = html(client, "/en/search/?q=common")
    assert '<p class="count" role="status">At least 2 documents found</p>' in page
    assert "the best of the most recently published matches" in page
    assert page.count('class="search-result"') == 2
    chinese = html(client, "/zh-hans/search/?q=common")
    assert '<p class="count" role="status">至少找到 2 份文件</p>' in chinese
    exact = html(client, "/en/search/?q=common&language=fr")
    assert '<p class="count" role="status">0 documents found</p>' in exact


def test_search_page_is_translated(client: Client) -> None:
    indexed_document(symbol="T/1", texts={"en": "Helplines."})
    page = html(client, "/zh-hans/search/?q=helplines")
    assert "找到 1 份文件" in page


def test_every_page_has_a_search_box_pointing_to_the_search_page(client: Client) -> None:
    page = html(client, "/fr/")
    assert '<form class="search-box" role="search" method="get" action="/fr/search/">' in page


def test_empty_search_page_invites_a_query(client: Client) -> None:
    page = html(client, "/en/search/")
    assert "Type a word, a phrase or a document symbol to search for." in page
    assert 'role="alert"' not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("q=%22", "The search contains no word to look for, only punctuation or search operators. Type a word."),
        ("q=*", "The search contains no word to look for, only punctuation or search operators. Type a word."),
        ("q=NEAR", "The search contains no word to look for, only punctuation or search operators. Type a word."),
        ("q=-", "The search contains no word to look for, only punctuation or search operators. Type a word."),
        ("q=AND+OR", "The search contains no word to look for, only punctuation or search operators. Type a word."),
        ("q=" + "a" * 10_000, "The search text is too long: 10,000 characters; at most 500 are searched."),
        ("q=%FF%FE", "The search text contains characters that are not valid text. Type the words again."),
    ],
)
def test_search_page_answers_bad_input_clearly(client: Client, query: str, message: str) -> None:
    page = html(client, f"/en/search/?{query}", status=400)
    assert f'<p class="error" role="alert">{message}</p>' in page


def test_search_page_answers_bad_input_in_the_readers_language(client: Client) -> None:
    page = html(client, "/ar/search/?q=%22%22", status=400)
    assert (
        '<p class="error" role="alert">لا يحتوي البحث على أي كلمة، بل على علامات ترقيم أو عوامل بحث فقط. اكتب كلمة.</p>'
        in page
    )


def test_search_page_refuses_a_filter_that_does_not_exist(client: Client) -> None:
    page = html(client, "/en/search/?q=child&meeting=999999&year=abc", status=400)
    assert "Select a valid choice." in page
    assert "Enter a whole number." in page


def test_search_page_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    meeting = MeetingFactory(body__acronym="CWG-COP", number=21)
    indexed_document(meeting=meeting, texts={"en": "Common word."})
    client.get("/en/search/?q=common")
    queries = engine_statements() + 3
    with django_assert_num_queries(queries):
        client.get("/en/search/?q=common&page=1")
    for _ in range(2):
        indexed_document(meeting=meeting, texts={"en": "Common word.", "fr": "Common mot."})
    with django_assert_num_queries(queries):
        client.get("/en/search/?q=common&page=1")
