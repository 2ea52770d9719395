"""Redaction measured on the labelled corpus (tests/consultations/corpus/): a drop below the targets fails.

The table is printed by ``python -m cwgcop.consultations.redaction.evaluate`` and kept in docs/consultations.md.
"""

from __future__ import annotations

import pytest

from cwgcop.consultations.redaction.evaluate import CATEGORIES, CONTACT, LANGUAGES, PLACES, Score, load, score


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    return score(load())


def test_the_corpus_has_a_hundred_texts_per_language_half_of_them_clean() -> None:
    records = load()
    for language in LANGUAGES:
        mine = [r for r in records if r["lang"] == language]
        assert (len(mine), sum(1 for r in mine if not r["spans"])) == (100, 50)
    assert {s["category"] for r in records for s in r["spans"]} == set(CATEGORIES)


@pytest.mark.parametrize("language", [*LANGUAGES, "all"])
def test_contact_details_are_removed_at_least_95_percent_of_the_time(scores: dict[str, Score], language: str) -> None:
    assert scores[language].recall(CONTACT) >= 0.95


@pytest.mark.parametrize("language", [*LANGUAGES, "all"])
def test_names_schools_and_addresses_are_removed_at_least_90_percent_of_the_time(
    scores: dict[str, Score], language: str
) -> None:
    assert scores[language].recall(PLACES) >= 0.90


@pytest.mark.parametrize("category", sorted(CONTACT))
def test_each_kind_of_contact_detail_is_removed_at_least_95_percent_of_the_time(
    scores: dict[str, Score], category: str
) -> None:
    assert scores["all"].recall([category]) >= 0.95


@pytest.mark.parametrize("category", sorted(PLACES))
def test_each_of_names_schools_and_addresses_is_removed_at_least_90_percent_of_the_time(
    scores: dict[str, Score], category: str
) -> None:
    assert scores["all"].recall([category]) >= 0.90


@pytest.mark.parametrize("language", [*LANGUAGES, "all"])
def test_at_most_3_percent_of_clean_words_are_removed(scores: dict[str, Score], language: str) -> None:
    assert scores[language].wrong_rate <= 0.03
