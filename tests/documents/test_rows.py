"""Rows of document lists: what they show, read in one query, the same whichever way they are made."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from cwgcop.documents import queries, services
from cwgcop.documents.models import Document
from cwgcop.documents.rows import VERSIONS, DocumentRow, LanguageVersion, document_url, rows_html, rows_of
from tests.core.factories import cwg_cop, document, meeting_21, moment, revise
from tests.factories import upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "symbol",
    [
        "CWG-COP-21/5",
        "CWG-COP-21/5(Rev.1)",
        "CWG-COP-21/INF/3",
        "CWG-COP-21/LS/1",
        "ITU-D.SG2-Q3/12",
        "a",
        "WG-DL/16 Rev.1",
    ],
)
def test_document_url_is_what_reverse_gives(symbol: str) -> None:
    for language in ("en", "zh-hans", "ar"):
        with translation.override(language):
            archive = reverse("documents:archive")
            assert document_url(symbol, archive=archive) == reverse("documents:detail", kwargs={"symbol": symbol})


@pytest.mark.parametrize("symbol", ["CWG_COP/1", "-CWG/1", "CWG-COP-21/é"])
def test_document_url_of_a_symbol_the_pattern_refuses_is_refused_as_reverse_refuses_it(symbol: str) -> None:
    with pytest.raises(NoReverseMatch):
        document_url(symbol, archive="/en/documents/")


def _listed() -> list[Document]:
    body = cwg_cop()
    m21 = meeting_21(body)
    first = document(
        meeting=m21,
        symbol="CWG-COP-21/1",
        titles={"fr": "Protéger les enfants", "en": "Protecting children"},
        languages=("zh-hans", "en", "ar"),
        published=moment(2024, 9, 10, 23),
    )
    revised = document(meeting=m21, symbol="CWG-COP-21/2", titles={"zh-hans": "年龄验证"}, languages=("en", "fr"))
    revise(revised, note="Corrected", languages=("ru", "es"))
    # A third revision started but not published: the row stays on revision 1.
    services.start_revision(actor=None, document=revised, note="Pending")
    upload(revised, "en")
    return [first, revised]


def test_document_rows_show_the_current_revision_and_the_readers_language() -> None:
    _listed()
    with translation.override("fr"):
        rows = queries.document_rows(Document.objects.order_by("symbol"))
    first, revised = rows
    assert (first.symbol, first.current_symbol, first.url) == (
        "CWG-COP-21/1",
        "CWG-COP-21/1",
        "/fr/documents/CWG-COP-21/1/",
    )
    assert (first.title, first.title_language, first.kind, first.kind_label) == (
        "Protéger les enfants",
        "fr",
        "contribution",
        "Contribution",
    )
    # 23:00 UTC is the next day in Geneva (the platform's time zone), in the label as in the ISO date-time.
    assert (first.published_iso, first.published_label) == ("2024-09-11T01:00:00+02:00", "11 septembre 2024")
    assert first.languages == (
        LanguageVersion("ar", "العربية", "A"),
        LanguageVersion("zh-hans", "中文", "C"),
        LanguageVersion("en", "English", "E"),
    )
    assert (revised.current_symbol, revised.url) == ("CWG-COP-21/2(Rev.1)", "/fr/documents/CWG-COP-21/2/")
    assert (revised.title, revised.title_language) == ("年龄验证", "zh-hans")
    assert [language.code for language in revised.languages] == ["ru", "es"]


def test_document_rows_read_any_number_of_documents_in_one_query(django_assert_num_queries: Any) -> None:
    _listed()
    with django_assert_num_queries(1):
        rows = queries.document_rows(Document.objects.order_by("symbol"))
    assert [row.current_symbol for row in rows] == ["CWG-COP-21/1", "CWG-COP-21/2(Rev.1)"]


def test_rows_of_loaded_documents_are_the_rows_read_from_the_database() -> None:
    _listed()
    loaded = Document.objects.order_by("symbol").prefetch_related("revisions__files")
    for language in ("en", "zh-hans", "ar"):
        with translation.override(language):
            assert rows_of(loaded) == queries.document_rows(Document.objects.order_by("symbol"))


def test_a_document_without_a_published_revision_has_no_languages() -> None:
    draft_document = services.create_document(
        actor=None, body=cwg_cop(), kind="contribution", titles={"en": "Draft"}, symbol="CWG-COP-21/9"
    )
    (row,) = queries.document_rows(Document.objects.filter(pk=draft_document.pk))
    assert (row.current_symbol, row.languages, row.published_at, row.published_label) == ("CWG-COP-21/9", (), None, "")


def test_rows_html_escapes_every_value_and_marks_the_title_language() -> None:
    row = DocumentRow(
        id=1,
        symbol="CWG-COP-21/1",
        current_symbol="CWG-COP-21/1(Rev.1)",
        url="/ar/documents/CWG-COP-21/1/",
        kind="contribution",
        kind_label="مساهمة",
        title='Children & "games" <online>',
        title_language="en",
        published_at=moment(2024, 9, 10),
        published_iso="2024-09-10T12:00:00+02:00",
        published_label="10 سبتمبر 2024",
        languages=(VERSIONS["ar"], VERSIONS["en"]),
    )
    untitled = dataclasses.replace(row, title="", title_language="", published_at=None, languages=())
    assert rows_html([row, untitled]) == (
        '<ul class="plain documents"><li class="document-row">\n'
        '  <a class="symbol" href="/ar/documents/CWG-COP-21/1/" dir="ltr" translate="no">CWG-COP-21/1(Rev.1)</a>\n'
        '  <span class="title"><span lang="en" dir="auto">'
        "Children &amp; &quot;games&quot; &lt;online&gt;</span></span>\n"
        '  <span class="meta">مساهمة · <time datetime="2024-09-10T12:00:00+02:00">10 سبتمبر 2024</time></span>\n'
        '  <span class="languages-available"><abbr lang="ar" title="العربية">A</abbr>'
        '<abbr lang="en" title="English">E</abbr></span>\n'
        '</li><li class="document-row">\n'
        '  <a class="symbol" href="/ar/documents/CWG-COP-21/1/" dir="ltr" translate="no">CWG-COP-21/1(Rev.1)</a>\n'
        '  <span class="title"></span>\n'
        '  <span class="meta">مساهمة</span>\n'
        '  <span class="languages-available"></span>\n'
        "</li></ul>"
    )
    assert rows_html([]) == '<ul class="plain documents"></ul>'


def test_a_form_or_payload_cites_documents_by_symbol_however_cased_each_once_in_order() -> None:
    """Symbols are unique regardless of case and stored as written ("…/16 Rev.1"): a citation finds them as a
    person types them, and names the symbols no document has."""
    from tests.factories import published_document

    old = published_document(symbol="CWG-COP/16 Rev.1")
    new = published_document(symbol="CWG-COP/21/4")
    found, missing = queries.cited(["cwg-cop/21/4", " CWG-COP/16 REV.1 ", "CWG-COP/21/4", "", "CWG-COP/99/1"])
    assert (found, missing) == ([new, old], ["CWG-COP/99/1"])
    assert old.symbol == "CWG-COP/16 Rev.1"
