from __future__ import annotations

import pytest

from cwgcop.search.text import Phrase, fold_word, index_text, phrase_of


@pytest.mark.parametrize(
    ("word", "token"),
    [
        ("Vérification", "verification"),
        ("ÂGE", "age"),
        ("Niños", "ninos"),
        ("ЗАЩИТА", "защита"),
        ("ёлка", "елка"),
        ("Мой", "мой"),  # й is a letter of its own, not и with a mark
        ("Straße", "strasse"),
        ("ＣＷＧ", "cwg"),  # full-width forms
        ("العُمْر", "عمر"),  # diacritics, then the article
        ("بالعمر", "عمر"),
        ("والأطفال", "اطفال"),
        ("للأطفال", "اطفال"),
        ("الإنترنت", "انترنت"),
        ("حمايـــة", "حمايه"),  # tatweel, taa marbuta
        ("مستوى", "مستوي"),  # alef maksura
        ("وزارة", "زاره"),  # leading conjunction
        ("ولد", "ولد"),  # too short to carry one
        ("٢١", "21"),
    ],
)
def test_fold_word_gives_the_canonical_token(word: str, token: str) -> None:
    assert fold_word(word) == token


def test_index_text_splits_chinese_runs_into_bigrams_and_the_last_character() -> None:
    assert index_text("保护上网儿童") == "保护 护上 上网 网儿 儿童 童"


def test_index_text_keeps_runs_of_different_scripts_apart() -> None:
    assert index_text("COP儿童, 童 Age-verification") == "cop 儿童 童 童 age verification"


def test_index_text_splits_symbols_into_their_parts() -> None:
    assert index_text("CWG-COP-21/5(Rev.1)") == "cwg cop 21 5 rev 1"


def test_phrase_of_a_chinese_word_is_its_bigrams_without_the_last_character() -> None:
    assert phrase_of("保护儿童") == Phrase(("保护", "护儿", "儿童"), prefix=False)


def test_phrase_of_a_single_chinese_character_is_a_prefix() -> None:
    assert phrase_of("童") == Phrase(("童",), prefix=True)


def test_phrase_of_chinese_followed_by_latin_keeps_the_last_character() -> None:
    assert phrase_of("儿童COP") == Phrase(("儿童", "童", "cop"), prefix=False)


def test_phrase_of_punctuation_is_none() -> None:
    assert phrase_of("-*/") is None
