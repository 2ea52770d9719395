from __future__ import annotations

import pytest
from django.utils import translation

from cwgcop.core.errors import DomainError
from cwgcop.search.query import parse_query
from cwgcop.search.text import Phrase


def test_parse_query_requires_every_word() -> None:
    assert parse_query("Age verification").phrases == (Phrase(("age",)), Phrase(("verification",)))


def test_parse_query_keeps_a_quoted_phrase_together() -> None:
    assert parse_query('"age verification" online').phrases == (
        Phrase(("age", "verification")),
        Phrase(("online",)),
    )


def test_parse_query_reads_a_trailing_star_as_a_prefix() -> None:
    assert parse_query("verif*").phrases == (Phrase(("verif",), prefix=True),)


def test_parse_query_reads_a_symbol_as_the_phrase_of_its_parts() -> None:
    assert parse_query("CWG-COP-21/5").phrases == (Phrase(("cwg", "cop", "21", "5")),)


def test_parse_query_leaves_out_operators_in_capitals() -> None:
    assert parse_query("age OR verification NEAR child").phrases == (
        Phrase(("age",)),
        Phrase(("verification",)),
        Phrase(("child",)),
    )


def test_parse_query_closes_an_unbalanced_quote_at_the_end() -> None:
    assert parse_query('"age verification').phrases == (Phrase(("age", "verification")),)


def test_parse_query_does_not_widen_a_one_letter_prefix() -> None:
    assert parse_query("a*").phrases == (Phrase(("a",), prefix=False),)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "query_empty"),
        ("   ", "query_empty"),
        (None, "query_empty"),
        ('"', "query_no_words"),
        ("*", "query_no_words"),
        ("-", "query_no_words"),
        ("NEAR", "query_no_words"),
        ("AND OR NOT", "query_no_words"),
        ('* - NEAR( ) "', "query_no_words"),
        ("?!.,;:", "query_no_words"),
        ("a" * 10_000, "query_too_long"),
        ("\ufffd\ufffd", "query_invalid_text"),
        ("age\x00", "query_invalid_text"),
        (" ".join(f"w{i}" for i in range(30)), "query_too_many_words"),
    ],
)
def test_parse_query_refuses_what_cannot_be_searched(raw: str | None, code: str) -> None:
    with pytest.raises(DomainError) as raised:
        parse_query(raw)
    assert raised.value.code == code


def test_parse_query_error_is_translated() -> None:
    with translation.override("zh-hans"), pytest.raises(DomainError) as raised:
        parse_query("")
    assert raised.value.messages == ["请输入要搜索的词语、短语或文件编号。"]


def test_a_chinese_query_is_cut_into_words_each_required() -> None:
    assert parse_query("儿童保护").phrases == (Phrase(("儿童",)), Phrase(("保护",)))
    assert parse_query("儿童的保护").phrases == (Phrase(("儿童",)), Phrase(("保护",)))  # a lone 的 is left out
    assert parse_query("个人数据保护").phrases == (Phrase(("个人",)), Phrase(("数据",)), Phrase(("保护",)))
    assert parse_query('"儿童保护"').phrases == (Phrase(("儿童", "童保", "保护")),)  # quoted: the substring
    assert parse_query("儿童保*").phrases == (Phrase(("儿童", "童保"), prefix=True),)
    assert parse_query("COP儿童保护").phrases == (Phrase(("cop",)), Phrase(("儿童",)), Phrase(("保护",)))


def test_a_query_is_searched_in_its_stems_in_every_language_or_in_the_chosen_one() -> None:
    query = parse_query("Helplines protège детей")
    assert query.phrases == (Phrase(("helplines",)), Phrase(("protege",)), Phrase(("детей",)))
    assert query.alternatives() == ((Phrase(("helplin",)),), (Phrase(("proteg",)),), (Phrase(("дет",)),))
    assert parse_query("verification").alternatives() == ((Phrase(("verif",)), Phrase(("verification",))),)
    assert query.alternatives("fr") == ((Phrase(("helplin",)),), (Phrase(("proteg",)),), (Phrase(("дет",)),))
    assert query.in_language("ru").phrases == (Phrase(("helplin",)), Phrase(("proteg",)), Phrase(("дет",)))


def test_an_arabic_query_is_stemmed_after_its_article_and_before_its_alefs_are_unified() -> None:
    assert parse_query("إلكتروني").alternatives() == parse_query("الإلكتروني").alternatives()
    assert parse_query("ألعاب").alternatives() == parse_query("والألعاب").alternatives()
    assert parse_query("آلية").in_language("ar").phrases == (Phrase(("اليه",)),)  # a stem of two letters: kept whole
