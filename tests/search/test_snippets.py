"""Snippets: the passage around the best group of matches, read only as far as needed, with the same result as
reading the whole text."""

from __future__ import annotations

import pytest

from cwgcop.search import snippets
from cwgcop.search.query import parse_query
from cwgcop.search.snippets import highlight, snippet

FILLER = "lorem ipsum dolor sit amet " * 40  # 1,080 characters without a match


def test_snippet_finds_a_match_far_into_a_long_text() -> None:
    text = FILLER * 3 + "Age verification keeps children safe. " + FILLER
    assert str(snippet(text, parse_query("verification"))) == (
        "… amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet Age <mark>verification</mark> keeps children "
        "safe. lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor "
        "sit amet lorem ipsum dolor …"
    )


def test_snippet_prefers_a_later_passage_holding_every_phrase_over_an_early_one_holding_one() -> None:
    text = "Verification of age. " + FILLER * 2 + "Grooming and verification together. " + FILLER
    assert str(snippet(text, parse_query("verification grooming"))) == (
        "… sit amet lorem ipsum dolor sit amet lorem ipsum dolor sit amet <mark>Grooming</mark> and "
        "<mark>verification</mark> together. lorem ipsum dolor sit amet lorem ipsum dolor sit amet lorem ipsum "
        "dolor sit amet lorem ipsum dolor sit amet lorem ipsum dolor …"
    )


@pytest.mark.parametrize(
    "text",
    [
        FILLER * 3 + "Age verification keeps children safe. " + FILLER,
        "Verification of age. " + FILLER * 2 + "Grooming and verification together. " + FILLER,
        "保护上网儿童是我们的共同责任，" * 30 + "年龄验证与儿童保护。" + "其他内容，" * 300,
        "Grooming once. " + FILLER * 20,
    ],
)
def test_snippet_reads_in_parts_what_it_would_read_whole(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    query = parse_query("verification grooming 儿童保护")
    in_parts = str(snippet(text, query))
    monkeypatch.setattr(snippets, "PARTS", ())
    assert in_parts == str(snippet(text, query))


def test_snippet_of_a_text_without_the_chinese_words_is_its_start() -> None:
    text = "其他内容，" * 100
    assert str(snippet(text, parse_query("儿童"))) == "其他内容，" * 44 + " …"
    assert str(snippet("关于保护上网儿童的年龄验证", parse_query("上网儿童 验证"))) == (
        "关于保护<mark>上网儿童</mark>的年龄<mark>验证</mark>"
    )
    assert str(snippet("ｶﾞ儿童", parse_query("儿"))) == "ｶﾞ<mark>儿</mark>童"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("verification children", "a <mark>verification</mark> <mark>children</mark> x 儿童 保护 &lt;b&gt;&amp;"),
        ('"verification children"', "a <mark>verification children</mark> x 儿童 保护 &lt;b&gt;&amp;"),
        ("儿童 保护", "a verification children x <mark>儿童</mark> <mark>保护</mark> &lt;b&gt;&amp;"),
    ],
)
def test_snippet_and_highlight_collapse_whitespace_around_and_inside_marks(raw: str, expected: str) -> None:
    text = "a \n\t verification\n\n children  \t x  \u00a0 儿童\u3000保护 <b>&"
    assert (str(snippet(text, parse_query(raw))), str(highlight(text, parse_query(raw)))) == (expected, expected)
