from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from cwgcop.core.languages import current_language, translated


def venue(**values: str) -> SimpleNamespace:
    fields = {f"venue_{code}": "" for code in ("ar", "zh_hans", "en", "fr", "ru", "es")}
    fields.update({f"venue_{code}": text for code, text in values.items()})
    return SimpleNamespace(**fields)


def test_translated_reads_the_reader_language() -> None:
    assert translated(venue(en="Geneva", fr="Genève"), "venue", "fr") == "Genève"


def test_translated_falls_back_to_the_given_language_first() -> None:
    assert translated(venue(en="Geneva", zh_hans="日内瓦", ru="Женева"), "venue", "fr", fallback="ru") == "Женева"


def test_translated_without_fallback_prefers_english_to_other_languages() -> None:
    # A French reader of a venue known in Chinese and English gets English, not the first in ITU order.
    assert translated(venue(en="Geneva", zh_hans="日内瓦", ar="جنيف"), "venue", "fr") == "Geneva"


def test_translated_uses_any_language_when_nothing_else_is_there() -> None:
    assert translated(venue(ar="جنيف"), "venue", "fr") == "جنيف"
    assert translated(venue(), "venue", "fr") == ""


def test_current_language_is_one_of_the_six() -> None:
    with translation.override("zh-hans"):
        assert current_language() == "zh-hans"
    with translation.override("de"):
        assert current_language() == "en"
