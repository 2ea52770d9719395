"""The safeguarding check reads every answer in all six languages, after normalising it (issue 13)."""

from __future__ import annotations

import pytest

from cwgcop.consultations.normalise import clean, fold, normalise
from cwgcop.consultations.redaction.normalise import normalise as redaction_normalise
from cwgcop.consultations.safeguarding import CATEGORIES, LANGUAGES, assess, lexicon, suggests_risk
from tests.consultations.safeguarding_measure import BENIGN, BLIND, load, measure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ｋｉｌｌ", "kil"),  # full width (NFKC), then "ll" squeezed
        ("K\u200bI\u200dLL", "kil"),  # zero-width space and joiner
        ("ki\u202ell\u202c", "kil"),  # bidirectional override
        ("k1ll mys3lf!", "kil myself!"),  # leetspeak inside a word; "!" at its end stays
        ("116 and 12h", "116 and 12h"),  # numbers are not words
        ("p\u0430in", "pain"),  # Cyrillic а inside a Latin word
        ("м\u0065ня", "меня"),  # Latin e inside a Cyrillic word
        ("ОТЕЦ БЬЁТ", "отец бьет"),
        ("أريدُ أنْ أموتَ", "اريد ان اموت"),  # harakat gone, alef folded
        ("Ça NE VA PAS", "ca ne va pas"),
        ("sooooo saaad", "so sad"),
        ("٣ أيام", "3 ايام"),  # Arabic-Indic digit
    ],
)
def test_normalise_folds_what_hides_a_word(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_clean_keeps_the_text_readable_and_fold_keeps_repeats() -> None:
    assert clean("Ｈi\u200b there\u2019s") == "Hi there's"
    assert fold("Kiiill É") == "kiiill e"


@pytest.mark.parametrize(
    "text",
    ["ｊｅｓｓ＠ｇｍａｉｌ", "ma\u200bx\u202e@\u2066mail\u00ad", "don\u2019t\ufeff", "ab\u180ecd\u061c", "plain text"],
)
def test_redaction_and_safeguarding_read_the_same_cleaned_text(text: str) -> None:
    """One cleaning step, written once: redaction's map keeps offsets, but the text it reads is clean()'s."""
    normalised = redaction_normalise(text)
    assert normalised.text == clean(text)
    assert [text[i] for i in normalised.origin] == [c for c in text if clean(c)]


def test_look_alikes_fold_into_the_script_of_their_word_in_both_checks() -> None:
    assert redaction_normalise("gm\u0430il п\u0440ивет Пpивет").text == "gmail привет Привет"
    assert fold("gm\u0430il Пpивет") == "gmail привет"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # The twenty texts of issue 13's trial that were missed, in their words or close to them.
        ("my stepdad abuses me when mum is out", "sexual_abuse"),
        ("I don't want to be alive anymore", "suicide"),
        ("honestly i just want to unalive myself", "suicide"),
        ("unalive", "suicide"),
        ("kms tbh", "suicide"),
        ("been thinking about sewerslide", "suicide"),
        ("i want to k\u200bill myself", "suicide"),
        ("i want to K1LL MYSELF", "suicide"),
        ("a man on a game says im mature for my age and wants to meet me alone", "grooming"),
        ("I get bullied every day", "bullying"),
        ("我不想活了", "suicide"),
        ("继父晚上摸我", "sexual_abuse"),
        ("لم أعد أريد أن أعيش", "suicide"),
        ("أبي يضربني كل يوم", "physical_abuse"),
        ("mi padrastro abusa de mí", "sexual_abuse"),
        ("me hacen bullying todos los días", "bullying"),
        ("я больше не хочу жить", "suicide"),
        ("отчим трогает меня", "sexual_abuse"),
        ("je vais fuguer ce soir", "running_away"),
        ("il menace de publier mes photos", "exploitation"),
        ("me corto los brazos", "self_harm"),
    ],
)
def test_disclosures_are_found_with_their_category(text: str, category: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize("page_language", LANGUAGES)
def test_every_answer_is_read_in_all_six_languages_whatever_the_page(page_language: str) -> None:
    for text in ("я больше не хочу жить", "我不想活了", "أبي يضربني", "me pega mi padre", "il me frappe", "he hits me"):
        assert suggests_risk(text, page_language) is True


@pytest.mark.parametrize(
    "text",
    [
        "our school should teach about cyberbullying",
        "the report on child abuse online is important",
        "nobody hits me at home, my parents are kind",
        "i'd die for a pizza right now",
        "my brother killed me in fortnite again",
        "Bullying is a big problem in many schools",
        "我们学校应该讲讲网络欺凌",
        "希望求助热线能有在线聊天，我打电话会害羞",
        "",
        "   ",
    ],
)
def test_texts_about_the_topics_are_not_disclosures(text: str) -> None:
    assert assess(text).categories == frozenset()
    assert suggests_risk(text, "en") is False


def test_every_lexicon_reads_and_covers_every_category() -> None:
    for language in LANGUAGES:
        found = lexicon(language)
        assert found.terms is not None
        assert set(found.terms.groupindex) >= {f"p_{c}" for c in CATEGORIES}, language
        assert all(found.cues[cue] is not None for cue in ("experiencer", "negation", "discussion", "except"))


def test_the_corpus_has_fifty_disclosures_and_fifty_benign_texts_per_language() -> None:
    texts = load()
    for language in LANGUAGES:
        mine = [t for t in texts if t.language == language]
        assert sum(t.label not in BENIGN for t in mine) >= 50
        assert sum(t.label in BENIGN for t in mine) >= 50
        assert sum(t.label == "benign_topic" for t in mine) >= 25
        assert {t.label for t in mine} >= set(CATEGORIES)
    assert len(texts) == 1140


def test_the_second_blind_set_has_fifty_disclosures_and_fifty_benign_texts_per_language() -> None:
    texts = load(BLIND)
    for language in LANGUAGES:
        mine = [t for t in texts if t.language == language]
        assert (sum(t.label not in BENIGN for t in mine), sum(t.label in BENIGN for t in mine)) == (50, 50)
        assert sum(t.label == "benign_topic" for t in mine) == 25
        assert {t.label for t in mine} >= set(CATEGORIES)


@pytest.mark.parametrize("folder", ["corpus", "blind"])
def test_recall_is_at_least_90_percent_and_false_alarms_at_most_10_percent_in_every_language(folder: str) -> None:
    score = measure() if folder == "corpus" else measure(load(BLIND))
    for language in LANGUAGES:
        assert score.recall(language) >= 0.90, (language, score.misses)
        assert score.false_alarm_rate(language) <= 0.10, (language, score.false_alarms)


def test_the_measured_figures_are_those_in_the_docs() -> None:
    """docs/consultations.md gives these counts: a change to the lists or the normalisation updates them."""
    corpus, blind = measure(), measure(load(BLIND))
    # The corpus holds the former fresh set (lines 171-190 of each file) since round 4.
    assert (len(corpus.misses), len(corpus.false_alarms)) == (1, 3)
    assert (len(blind.misses), len(blind.false_alarms)) == (0, 8)


def test_the_fifth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind5/: 16 disclosures and 10 benign texts per language, written by someone who had not read the rules,
    scored once after round 4 and never used to change them (docs/consultations.md). Pinned, not a target: false
    alarms there (13 %) are above the 10 % aim, mostly jokes such as "this game is so hard I want to die lol"."""
    score = measure(load(BLIND.parent / "blind5"))
    assert sum(score.texts.values()) == 156
    assert (len(score.misses), len(score.false_alarms)) == (3, 8)
