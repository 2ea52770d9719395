"""Numbers as each of the six languages writes them (CLDR via Babel): ``core.formatting`` and its filters."""

from __future__ import annotations

import pytest
from django.template import engines
from django.utils.translation import override

from cwgcop.core import formatting

LANGUAGES = ["en", "fr", "ru", "es", "ar", "zh-hans"]


@pytest.mark.parametrize(
    ("language", "small", "four_digits", "five_digits", "decimal"),
    [
        ("en", "7", "1,234", "12,345", "1,234.5"),
        ("fr", "7", "1\u202f234", "12\u202f345", "1\u202f234,5"),
        ("ru", "7", "1\xa0234", "12\xa0345", "1\xa0234,5"),
        # CLDR's minimumGroupingDigits for Spanish is 2: no separator in a four-digit number.
        ("es", "7", "1234", "12.345", "1234,5"),
        # Western digits in Arabic, as the UN's and ITU's Arabic documents print figures.
        ("ar", "7", "1,234", "12,345", "1,234.5"),
        ("zh-hans", "7", "1,234", "12,345", "1,234.5"),
    ],
)
def test_number_in_each_language(language: str, small: str, four_digits: str, five_digits: str, decimal: str) -> None:
    assert [
        formatting.number(7, language),
        formatting.number(1234, language),
        formatting.number(12345, language),
        formatting.number(1234.5, language),
    ] == [small, four_digits, five_digits, decimal]


def test_spanish_groups_negative_and_large_numbers_from_five_digits() -> None:
    assert [formatting.number(n, "es") for n in (-1234, -12345, 1234567, 9999, 10000)] == [
        "-1234",
        "-12.345",
        "1.234.567",
        "9999",
        "10.000",
    ]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "38%"), ("fr", "38\xa0%"), ("ru", "38\xa0%"), ("es", "38\xa0%"), ("ar", "38%"), ("zh-hans", "38%")],
)
def test_percent_in_each_language(language: str, expected: str) -> None:
    assert formatting.percent(0.375, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["12 byte", "300 kB", "1.5 MB", "2 GB"]),
        ("fr", ["12\u202fo", "300\u202fko", "1,5\u202fMo", "2\u202fGo"]),
        ("ru", ["12 Б", "300 кБ", "1,5 МБ", "2 ГБ"]),
        ("es", ["12 B", "300 kB", "1,5 MB", "2 GB"]),
        ("ar", ["12 بايت", "300 كيلوبايت", "1.5 م.ب", "2 غ.ب"]),
        ("zh-hans", ["12 B", "300 kB", "1.5 MB", "2 GB"]),
    ],
)
def test_file_size_in_each_language(language: str, expected: list[str]) -> None:
    sizes = [12, 300 * 1024, 1536 * 1024, 2 * 1024**3]
    assert [formatting.file_size(size, language) for size in sizes] == expected


TEMPLATE = (
    "{% load i18n cwgcop %}{{ n|number }}|"
    "{% blocktranslate count counter=n|number %}{{ counter }} document{% plural %}{{ counter }} documents"
    "{% endblocktranslate %}|{{ share|percent }}|{{ size|file_size }}"
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "12,345|12,345 documents|38%|1.5 MB"),
        ("fr", "12\u202f345|12\u202f345 documents|38\xa0%|1,5\u202fMo"),
        ("ru", "12\xa0345|12\xa0345 документов|38\xa0%|1,5 МБ"),
        ("es", "12.345|12.345 documentos|38\xa0%|1,5 MB"),
        ("ar", "12,345|12,345 وثيقة|38%|1.5 م.ب"),
        ("zh-hans", "12,345|12,345份文件|38%|1.5 MB"),
    ],
)
def test_filters_format_numbers_in_the_page_language(language: str, expected: str) -> None:
    template = engines["django"].from_string(TEMPLATE)
    with override(language):
        assert template.render({"n": 12345, "share": 0.375, "size": 1536 * 1024}) == expected


@pytest.mark.parametrize(
    ("language", "one", "few"),
    [("en", "1 document", "3 documents"), ("ru", "1 документ", "3 документа"), ("ar", "1 وثيقة", "3 وثائق")],
)
def test_a_formatted_count_still_chooses_the_plural_form(language: str, one: str, few: str) -> None:
    template = engines["django"].from_string(TEMPLATE)
    with override(language):
        assert [template.render({"n": n, "share": 0, "size": 0}).split("|")[1] for n in (1, 3)] == [one, few]


def test_the_number_filter_passes_what_is_not_a_number_through() -> None:
    template = engines["django"].from_string("{% load cwgcop %}[{{ a|number }}][{{ b|number }}][{{ c|number }}]")
    assert template.render({"a": None, "b": "", "c": True}) == "[None][][True]"


def test_a_figure_is_still_the_integer_it_formats() -> None:
    with override("fr"):
        figure = formatting.Figure(12345)
    assert (figure == 12345, figure + 1, str(figure), f"{figure}") == (True, 12346, "12\u202f345", "12\u202f345")
