from __future__ import annotations

import datetime

import pytest

from cwgcop.core import formatting

START, END = datetime.date(2024, 9, 30), datetime.date(2024, 10, 1)
FEB_12, FEB_13 = datetime.date(2025, 2, 12), datetime.date(2025, 2, 13)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "30 September\u2009–\u20091 October 2024"),
        ("zh-hans", "2024年9月30日至10月1日"),
        ("ar", "30 سبتمبر – 1 أكتوبر 2024"),
        ("fr", "30 septembre\u2009–\u20091 octobre 2024"),
        ("ru", "30 сентября – 1 октября 2024\u202fг."),
        ("es", "30 de septiembre\u2009–\u20091 de octubre de 2024"),
    ],
)
def test_date_range_spells_months_in_full_across_months(language: str, expected: str) -> None:
    assert formatting.date_range(START, END, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "12–13 February 2025"),
        ("zh-hans", "2025年2月12日至13日"),
        ("ar", "12–13 فبراير 2025"),
        ("fr", "12–13 février 2025"),
        ("ru", "12–13 февраля 2025\u202fг."),
        ("es", "12–13 de febrero de 2025"),
    ],
)
def test_date_range_within_one_month(language: str, expected: str) -> None:
    assert formatting.date_range(FEB_12, FEB_13, language) == expected


def test_date_range_across_years_repeats_the_year() -> None:
    assert (
        formatting.date_range(datetime.date(2024, 12, 30), datetime.date(2025, 1, 2), "en")
        == "30 December 2024\u2009–\u20092 January 2025"
    )


def test_date_range_of_one_day_is_a_long_date() -> None:
    assert formatting.date_range(FEB_12, FEB_12, "en") == "12 February 2025"
    assert formatting.date_range(FEB_12, FEB_12, "zh-hans") == "2025年2月12日"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "12 February 2025"), ("zh-hans", "2025年2月12日"), ("fr", "12 février 2025"), ("ar", "12 فبراير 2025")],
)
def test_long_date_in_each_language(language: str, expected: str) -> None:
    assert formatting.long_date(FEB_12, language) == expected


def test_long_date_of_an_aware_datetime_uses_the_local_day() -> None:
    # 23:30 UTC on 11 February is already 12 February in Geneva (the platform's time zone).
    moment = datetime.datetime(2025, 2, 11, 23, 30, tzinfo=datetime.UTC)
    assert formatting.long_date(moment, "en") == "12 February 2025"
