"""Spelling suggestions ("Did you mean …?") from the index's own vocabulary, on the page and in the API."""

from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.documents import services as document_services
from cwgcop.search.engines import Filters
from cwgcop.search.indexing import rebuild_index, rebuild_vocabulary
from cwgcop.search.models import SearchWord
from cwgcop.search.services import search, spelling_suggestion
from tests.factories import MeetingFactory
from tests.search.factories import indexed_document, run_on_commit

pytestmark = pytest.mark.django_db


def suggested(text: str, filters: Filters | None = None) -> tuple[str, int] | None:
    found = spelling_suggestion(search(text=text, filters=filters or Filters()))
    return (found.text, found.total) if found is not None else None


def test_spelling_corrects_english_french_spanish_and_russian_words() -> None:
    indexed_document(symbol="T/1", texts={"en": "Helplines answer children who are bullied online."})
    indexed_document(symbol="T/2", texts={"fr": "Les écoles protègent les élèves harcelés en ligne."})
    indexed_document(symbol="T/3", texts={"es": "La protección de los niños en internet."})
    indexed_document(symbol="T/4", texts={"ru": "Защита детей в интернете."})
    assert suggested("helplnies") == ("helplines", 1)  # two letters swapped: one edit
    assert suggested("childern bulied") == ("children bullied", 1)
    assert suggested("élèves harcelées ecloes") == ("élèves harcelées écoles", 1)  # harcelées: another form
    assert suggested("protecion niños") == ("protección niños", 1)
    assert suggested("защта детей") == ("защита детей", 1)
    assert suggested("интернтее") == ("интернете", 1)


def test_spelling_corrects_arabic_whatever_its_alef_and_marks() -> None:
    indexed_document(symbol="T/1", texts={"ar": "حماية الأطفال على الإنترنت"})
    assert suggested("الاطفل") == ("الأطفال", 1)
    assert suggested("حمايه الأطفَال الانترنط") == ("حمايه الأطفَال الإنترنت", 1)


def test_spelling_leaves_chinese_prefixes_symbols_and_short_words_alone() -> None:
    indexed_document(symbol="T/1", texts={"en": "Verification of age.", "zh-hans": "关于保护上网儿童的年龄验证"})
    assert search(text="儿童保户", filters=Filters()).total == 0
    assert suggested("儿童保户") is None  # a wrong character is another word: no edit distance finds it
    assert suggested("verifcat*") is None
    assert suggested("CWG-COP-21/5") is None
    assert suggested("agx") is None  # three letters: "age" is an edit away, too close to guess
    assert suggested("xyzzyplugh") is None  # nothing near


def test_spelling_suggestion_must_find_more_than_the_search_as_typed() -> None:
    indexed_document(symbol="T/1", texts={"en": "Helplines answer calls."})
    # ``helpline`` is not in the vocabulary, but stemming finds the document already: nothing better to offer.
    assert search(text="helpline", filters=Filters()).total == 1
    assert suggested("helpline") is None


def test_spelling_replaces_a_rare_word_only_by_a_much_more_frequent_one() -> None:
    indexed_document(symbol="T/0", texts={"en": "Helplnes for parents."})  # a typo in the archive itself
    for number in range(1, 5):
        indexed_document(symbol=f"T/{number}", texts={"en": "Helplines for parents."})
    run_on_commit(rebuild_index)  # the counts are exact after a rebuild
    assert suggested("helplnes") is None  # 4 against 1: not frequent enough to call it a typo
    indexed_document(symbol="T/5", texts={"en": "Helplines for children."})
    run_on_commit(rebuild_index)
    assert suggested("helplnes") == ("helplines", 5)
    assert suggested("helplines") is None  # 5 results: not a low count


def test_spelling_suggestion_keeps_the_filters() -> None:
    meeting = MeetingFactory(body__acronym="CWG-COP", number=21)
    indexed_document(meeting=meeting, texts={"en": "Helplines in Kenya."})
    indexed_document(symbol="T/1", texts={"en": "Helplines in Chile."})
    assert suggested("helplnes") == ("helplines", 2)
    assert suggested("helplnes", Filters(meeting=meeting.pk)) == ("helplines", 1)
    assert suggested("helplnes", Filters(year=1999)) is None  # the corrected search finds nothing either


def test_spelling_offers_nothing_beyond_the_first_page() -> None:
    indexed_document(symbol="T/1", texts={"en": "Helplines."})
    assert spelling_suggestion(search(text="helplnes", filters=Filters(), offset=20)) is None


def test_vocabulary_is_built_with_the_index_and_counts_language_versions() -> None:
    indexed_document(symbol="T/1", titles={"en": "Élèves"}, texts={"en": "Élèves élèves 2024 on", "fr": "ÉLÈVES, été"})
    expected = {"cwg": ("cwg", 3, 2), "cop": ("cop", 3, 2), "eleves": ("élèves", 6, 2), "ete": ("été", 3, 1)}
    # Indexed twice (at publication, then with the extracted text): words are added once, not counted again.
    assert {w.word: w.entries for w in SearchWord.objects.all()} == {"cwg": 2, "cop": 2, "eleves": 2, "ete": 1}
    run_on_commit(rebuild_index)
    assert {w.word: (w.display, w.length, w.entries) for w in SearchWord.objects.all()} == expected
    SearchWord.objects.all().delete()
    assert rebuild_vocabulary() == 4
    assert {w.word: (w.display, w.length, w.entries) for w in SearchWord.objects.all()} == expected


def test_spelling_never_offers_the_words_of_a_withdrawn_document() -> None:
    document = indexed_document(symbol="T/1", texts={"en": "Confidential helplines."})
    run_on_commit(document_services.withdraw_document, actor=None, document=document, reason="Superseded")
    assert SearchWord.objects.filter(word="confidential").exists()  # until the next rebuild
    assert suggested("confidentail") is None  # its search finds nothing
    run_on_commit(rebuild_index)
    assert not SearchWord.objects.filter(word="confidential").exists()


def test_search_page_offers_the_corrected_spelling(client: Client) -> None:
    indexed_document(symbol="T/1", texts={"en": "Helplines answer children."})
    page = client.get("/en/search/?q=helplnes+childern").content.decode()
    assert "No published document matches this search." in page
    assert (
        '<p class="did-you-mean">Did you mean <a href="?q=helplines+children">helplines children</a>? '
        "It finds 1 document.</p>"
    ) in page
    page = client.get("/fr/search/?q=helplnes").content.decode()
    assert 'Vouliez-vous dire <a href="?q=helplines">helplines</a> ? Cette recherche trouve 1 document.' in page
    page = client.get("/en/search/?q=helplines").content.decode()
    assert "did-you-mean" not in page


def test_api_search_offers_the_corrected_spelling(client: Client) -> None:
    indexed_document(symbol="T/1", texts={"ru": "Защита детей в интернете."})
    body = client.get("/api/v1/search", {"q": "защта"}).json()
    assert (body["count"], body["did_you_mean"]) == (0, {"query": "защита", "count": 1})
    body = client.get("/api/v1/search", {"q": "защита"}).json()
    assert (body["count"], body["did_you_mean"]) == (1, None)
