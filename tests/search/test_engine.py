"""What the search finds, on whichever engine the test database selects (FTS5 on SQLite, tsvector on PostgreSQL)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from cwgcop.search.engines import Engine, engine_name, get_engine
from cwgcop.search.query import parse_query
from cwgcop.search.services import Filters, search
from tests.factories import MeetingFactory, OrganizationFactory
from tests.search.factories import engine_statements, indexed_document

pytestmark = pytest.mark.django_db


def symbols(text: str, filters: Filters | None = None) -> list[str]:
    return [r.document.symbol for r in search(text=text, filters=filters or Filters(), limit=100).results]


def test_engine_follows_the_database() -> None:
    assert engine_name() == {"sqlite": "sqlite-fts5", "postgresql": "postgres"}[connection.vendor]


def test_search_finds_latin_and_cyrillic_words_whatever_their_case_and_accents() -> None:
    indexed_document(
        symbol="T/1",
        texts={
            "fr": "La vérification de l'âge protège les enfants.",
            "es": "La verificación de la edad protege a los niños.",
            "ru": "Проверка ВОЗРАСТА защищает детей; ёлка.",
        },
    )
    indexed_document(symbol="T/2", texts={"en": "Nothing of the kind here."})
    assert symbols("VERIFICATION") == ["T/1"]
    assert symbols("âge") == ["T/1"]
    assert symbols("NINOS") == ["T/1"]
    assert symbols("возраста") == ["T/1"]
    assert symbols("елка") == ["T/1"]


def test_search_finds_a_phrase_only_in_its_order() -> None:
    indexed_document(symbol="T/1", texts={"en": "Age verification keeps children safe."})
    indexed_document(symbol="T/2", texts={"en": "Verification of the age of users."})
    assert symbols('"age verification"') == ["T/1"]
    assert sorted(symbols("age verification")) == ["T/1", "T/2"]


def test_search_finds_words_by_prefix() -> None:
    indexed_document(symbol="T/1", texts={"en": "Verification matters."})
    indexed_document(symbol="T/2", texts={"en": "Verifying matters."})
    indexed_document(symbol="T/3", texts={"en": "Nothing else."})
    assert sorted(symbols("verif*")) == ["T/1", "T/2"]
    assert symbols("noth*") == ["T/3"]


def test_search_finds_english_french_spanish_and_russian_inflections() -> None:
    indexed_document(symbol="T/1", texts={"en": "Two national helplines answered the calls of young people."})
    indexed_document(symbol="T/2", texts={"fr": "Les écoles protègent les élèves harcelés en ligne."})
    indexed_document(symbol="T/3", texts={"es": "Las plataformas digitales protegen a los adolescentes."})
    indexed_document(symbol="T/4", texts={"ru": "Школы защищают детей от травли в сетях."})
    assert symbols("helpline") == ["T/1"]
    assert symbols("Helplines answer call") == ["T/1"]
    assert symbols("école élève harcelé") == ["T/2"]
    assert symbols("plataforma digital adolescente") == ["T/3"]
    assert symbols("школа дети травля") == ["T/4"]
    assert symbols('"national helpline"') == ["T/1"]  # a quoted phrase: its words in order, stemmed alike
    assert symbols('"helplines national"') == []


def test_search_finds_arabic_words_whose_alef_carries_a_hamza_with_and_without_the_article() -> None:
    indexed_document(symbol="T/1", texts={"ar": "الأمن الإلكتروني والآلية الجديدة لحماية الأطفال من الألعاب الضارة"})
    indexed_document(symbol="T/2", texts={"ar": "تقرير عن الهواتف"})
    assert symbols("إلكتروني") == ["T/1"]
    assert symbols("آلية") == ["T/1"]
    assert symbols("ألعاب") == ["T/1"]
    assert symbols("الألعاب") == ["T/1"]
    assert symbols("لعبة") == []


def test_search_finds_chinese_words_inside_unsegmented_text() -> None:
    indexed_document(symbol="T/1", texts={"zh-hans": "保护上网儿童是我们的共同责任"})
    indexed_document(symbol="T/2", texts={"zh-hans": "儿科医生"})
    assert symbols("儿童") == ["T/1"]
    assert symbols("上网儿童") == ["T/1"]
    assert sorted(symbols("儿")) == ["T/1", "T/2"]
    assert symbols("任") == ["T/1"]  # the last character of a run
    assert symbols("童是我") == ["T/1"]
    assert symbols("儿童保护") == ["T/1"]  # cut into 儿童 and 保护, each found anywhere
    assert symbols('"儿童保护"') == []  # quoted: the exact substring only


def test_search_finds_arabic_words_with_and_without_the_article() -> None:
    indexed_document(symbol="T/1", texts={"ar": "التحقق من العمر لحماية الأطفال على الإنترنت"})
    indexed_document(symbol="T/2", texts={"ar": "عمر الطفل وحمايته"})
    assert sorted(symbols("العمر")) == ["T/1", "T/2"]
    assert sorted(symbols("عمر")) == ["T/1", "T/2"]
    assert symbols("أطفال") == ["T/1"]
    assert symbols("والإنترنت") == ["T/1"]
    assert symbols('"التحقق من العمر"') == ["T/1"]


def test_search_finds_an_exact_symbol_and_not_its_neighbours() -> None:
    meeting = MeetingFactory(body__acronym="CWG-COP", number=21)
    for number in (5, 50):
        indexed_document(meeting=meeting, symbol=f"CWG-COP-21/{number}", texts={"en": "Text."})
    assert symbols("CWG-COP-21/5") == ["CWG-COP-21/5"]
    assert symbols("cwg-cop-21/50") == ["CWG-COP-21/50"]


def test_search_finds_what_an_organisation_submitted() -> None:
    unicef = OrganizationFactory(name="UNICEF")
    indexed_document(symbol="T/1", texts={"en": "A text."}, sources=(unicef,))
    indexed_document(symbol="T/2", texts={"en": "Another text."})
    assert symbols("unicef") == ["T/1"]


def test_search_combines_with_every_archive_filter() -> None:
    first = MeetingFactory(body__acronym="CWG-COP", number=21)
    second = MeetingFactory(body=first.body, number=22)
    source = OrganizationFactory(name="Brazil")
    old = datetime.datetime(2023, 5, 1, 12, tzinfo=datetime.UTC)
    a = indexed_document(meeting=first, texts={"en": "Child safety online."}, sources=(source,), published_at=old)
    b = indexed_document(meeting=second, kind="information", texts={"en": "Child safety online.", "fr": "Sécurité."})
    assert symbols("child", Filters(meeting=first.pk)) == [a.symbol]
    assert symbols("child", Filters(kind="information")) == [b.symbol]
    assert symbols("child", Filters(year=2023)) == [a.symbol]
    assert symbols("child", Filters(source=source.pk)) == [a.symbol]
    assert symbols("child", Filters(meeting=second.pk, kind="information", language="en")) == [b.symbol]
    assert symbols("child", Filters(meeting=second.pk, kind="contribution")) == []
    assert symbols("securite", Filters(language="fr")) == [b.symbol]
    assert symbols("securite", Filters(language="en")) == []


def test_search_ranks_a_title_match_above_a_text_match() -> None:
    indexed_document(symbol="T/1", titles={"en": "Annual report"}, texts={"en": "It mentions grooming once."})
    indexed_document(symbol="T/2", titles={"en": "Grooming"}, texts={"en": "A study of online risks."})
    assert symbols("grooming") == ["T/2", "T/1"]


def test_search_puts_newer_documents_first_on_equal_relevance() -> None:
    for symbol, year in (("T/1", 2021), ("T/3", 2023), ("T/2", 2022)):
        published = datetime.datetime(year, 3, 1, tzinfo=datetime.UTC)
        indexed_document(symbol=symbol, titles={"en": "Same"}, texts={"en": "Identical text."}, published_at=published)
    assert symbols("identical") == ["T/3", "T/2", "T/1"]


def test_search_shows_each_document_once_with_its_best_language_version() -> None:
    indexed_document(symbol="T/1", texts={"en": "Children online.", "zh-hans": "儿童上网"})
    page = search(text="儿童", filters=Filters())
    assert [(r.document.symbol, r.language) for r in page.results] == [("T/1", "zh-hans")]
    assert str(page.results[0].snippet) == "<mark>儿童</mark>上网"


def test_search_pages_through_results_with_the_total() -> None:
    for number in range(5):
        indexed_document(symbol=f"T/{number}", texts={"en": "Common word."})
    first = search(text="common", filters=Filters(), limit=2)
    third = search(text="common", filters=Filters(), limit=2, offset=4)
    beyond = search(text="common", filters=Filters(), limit=2, offset=10)
    assert (first.total, len(first.results)) == (5, 2)
    assert (third.total, len(third.results)) == (5, 1)
    assert (beyond.total, beyond.results) == (5, [])


def test_search_snippet_escapes_the_text_and_marks_the_matches() -> None:
    indexed_document(symbol="T/1", texts={"en": "<script>alert(1)</script> Vérification & more"})
    result = search(text="verification", filters=Filters()).results[0]
    assert str(result.snippet) == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Vérification</mark> &amp; more"


def test_search_result_shows_what_the_document_shows() -> None:
    meeting = MeetingFactory(body__acronym="CWG-COP", body__symbol_prefix="CWG", number=21)
    with_meeting = indexed_document(meeting=meeting, symbol="CWG-21/1", kind="information", texts={"en": "Shared."})
    without = indexed_document(symbol="T/2", texts={"en": "Shared word."}, published_at=with_meeting.published_at)
    shown = {
        r.document.symbol: (
            r.document.id,
            r.document.current_symbol,
            r.document.get_kind_display(),
            r.document.get_absolute_url(),
            r.document.published_at,
            r.document.meeting and (r.document.meeting.code, r.document.meeting.name),
        )
        for r in search(text="shared", filters=Filters()).results
    }
    assert shown == {
        document.symbol: (
            document.pk,
            document.current_symbol,
            document.get_kind_display(),
            document.get_absolute_url(),
            document.published_at,
            document.meeting and (document.meeting.code, "CWG-COP, meeting 21"),
        )
        for document in (with_meeting, without)
    }
    assert shown["CWG-21/1"][5] == ("CWG-21", "CWG-COP, meeting 21")


def test_search_runs_a_fixed_number_of_queries(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    queries = engine_statements() + 1  # and the results' documents and texts
    indexed_document(symbol="T/1", texts={"en": "Common word."})
    with django_assert_num_queries(queries):
        search(text="common", filters=Filters())
    for number in range(2, 5):
        indexed_document(symbol=f"T/{number}", texts={"en": "Common word.", "fr": "Common mot."})
    with django_assert_num_queries(queries):
        search(text="common", filters=Filters())


def test_search_ranks_only_the_most_recent_matches_beyond_the_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Engine, "candidates", 3)
    indexed_document(symbol="T/1", titles={"en": "Grooming"}, texts={"en": "Grooming."})
    for number in range(2, 6):
        indexed_document(symbol=f"T/{number}", texts={"en": "It mentions grooming once among many other words."})
    page = search(text="grooming", filters=Filters(), limit=10)
    assert (page.total, page.exact) == (3, False)
    assert symbols("grooming") == ["T/5", "T/4", "T/3"]  # T/1 would rank first, but it is older than the three
    monkeypatch.setattr(Engine, "candidates", 5)
    page = search(text="grooming", filters=Filters(), limit=10)
    assert (page.total, page.exact) == (5, True)
    assert symbols("grooming") == ["T/1", "T/5", "T/4", "T/3", "T/2"]


def test_search_applies_the_filters_before_choosing_the_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Engine, "candidates", 2)
    first = MeetingFactory(body__acronym="CWG-COP", number=21)
    second = MeetingFactory(body=first.body, number=22)
    source = OrganizationFactory(name="Brazil")
    old = datetime.datetime(2023, 5, 1, 12, tzinfo=datetime.UTC)
    a = indexed_document(
        meeting=first, texts={"en": "Child safety.", "fr": "Enfant."}, sources=(source,), published_at=old
    )
    for _ in range(3):
        indexed_document(meeting=second, kind="information", texts={"en": "Child safety."})
    assert (search(text="child", filters=Filters()).total, search(text="child", filters=Filters()).exact) == (2, False)
    for filters in (
        Filters(meeting=first.pk),
        Filters(kind="contribution"),
        Filters(year=2023),
        Filters(source=source.pk),
        Filters(language="fr"),
    ):
        page = search(text="enfant" if filters.language else "child", filters=filters)
        assert ([r.document.symbol for r in page.results], page.total, page.exact) == ([a.symbol], 1, True)


def test_engine_counts_a_document_once_whatever_its_matching_language_versions() -> None:
    indexed_document(symbol="T/1", texts={"en": "Common word.", "fr": "Common mot.", "es": "Common palabra."})
    indexed_document(symbol="T/2", texts={"en": "Common word."})
    page = get_engine().search(parse_query("common"), Filters(), limit=10, offset=0)
    assert ([hit.document_id for hit in page.hits].count(page.hits[0].document_id), page.total, page.exact) == (
        1,
        2,
        True,
    )


def test_search_finds_a_phrase_only_inside_one_field() -> None:
    indexed_document(symbol="T/1", titles={"en": "Online age"}, texts={"en": "Verification of users."})
    indexed_document(symbol="T/2", titles={"en": "Other"}, texts={"en": "Online age verification."})
    assert symbols('"age verification"') == ["T/2"]
    assert symbols('"online age verification"') == ["T/2"]
    assert sorted(symbols("age verification")) == ["T/1", "T/2"]


def test_search_checks_a_long_phrase_not_only_its_neighbouring_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    indexed_document(symbol="T/1", texts={"zh-hans": "上网儿，网儿童"})  # 上网儿 and 网儿童, never 上网儿童
    indexed_document(symbol="T/2", texts={"zh-hans": "保护上网儿童"})
    indexed_document(symbol="T/3", texts={"zh-hans": "上网儿童的安全"})
    assert sorted(symbols('"上网儿童"')) == ["T/2", "T/3"]
    monkeypatch.setattr(Engine, "candidates", 1)
    page = search(text='"上网儿童"', filters=Filters())
    assert ([r.document.symbol for r in page.results], page.total, page.exact) == (["T/3"], 1, False)


def test_a_phrase_matching_no_more_than_the_candidates_has_an_exact_total(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even when more entries hold its words or pairs (PostgreSQL's index finds those, then checks the phrase)."""
    indexed_document(symbol="T/1", texts={"zh-hans": "上网儿，网儿童"})
    indexed_document(symbol="T/2", texts={"zh-hans": "保护上网儿童"})
    indexed_document(symbol="T/3", texts={"zh-hans": "网儿童，上网儿"})
    monkeypatch.setattr(Engine, "candidates", 2)
    page = search(text='"上网儿童"', filters=Filters())
    assert ([r.document.symbol for r in page.results], page.total, page.exact) == (["T/2"], 1, True)
    monkeypatch.setattr(Engine, "candidates", 1)
    page = search(text='"上网儿童"', filters=Filters())
    assert ([r.document.symbol for r in page.results], page.total, page.exact) == (["T/2"], 1, True)
    indexed_document(symbol="T/4", texts={"zh-hans": "上网儿童"})
    page = search(text='"上网儿童"', filters=Filters())
    assert ([r.document.symbol for r in page.results], page.total, page.exact) == (["T/4"], 1, False)


def test_migrate_rebuilds_an_index_a_migration_emptied() -> None:
    from cwgcop.search.apps import rebuild_an_emptied_index
    from cwgcop.search.models import SearchEntry

    indexed_document(symbol="T/1", texts={"en": "Helplines of the region."})
    SearchEntry.objects.all().delete()  # as a migration that changes the tokens does
    assert symbols("helpline") == []
    rebuild_an_emptied_index()
    assert symbols("helpline") == ["T/1"]
