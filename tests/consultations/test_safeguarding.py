"""The safeguarding check reads every answer in all six languages, after normalising it (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgcop.consultations.normalise import clean, fold, normalise, simplified
from cwgcop.consultations.redaction.normalise import normalise as redaction_normalise
from cwgcop.consultations.safeguarding import (
    CATEGORIES,
    LANGUAGES,
    assess,
    lexicon,
    rules,
    suggests_risk,
    term_matches,
    words,
)
from tests.consultations.safeguarding_measure import (
    BENIGN,
    BLIND,
    BLIND5,
    BLIND6,
    BLIND7,
    BLIND8,
    BLIND9,
    BLIND10,
    BLIND11,
    BLIND12,
    BLIND13,
    BLIND14,
    CORPUS,
    TRAINING,
    load,
    measure,
)


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
        ("我不想活了，爸打我", "我不想活了,爸打我"),  # simplified Chinese as it is (the comma made ASCII by NFKC)
        ("繼父趁我媽上夜班", "继父趁我妈上夜班"),  # traditional Chinese written as simplified, one for one
    ],
)
def test_normalise_folds_what_hides_a_word(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我阿嬤秀蘭被詐騙集團騙了", "我阿嬷秀兰被诈骗集团骗了"),
        ("佢哋喺學校嘅IG", "佢哋喺学校嘅IG"),  # Cantonese characters without a simplified form stay
        ("頭髮 後來 一隻 臺灣", "头发 后来 一只 台湾"),
        ("no Han at all: 12 rue", "no Han at all: 12 rue"),
    ],
)
def test_simplified_writes_traditional_chinese_one_character_for_one(text: str, expected: str) -> None:
    assert simplified(text) == expected
    assert len(simplified(text)) == len(text)


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


def test_reading_by_first_character_finds_what_the_whole_pattern_finds() -> None:
    """term_matches (each word start read against the alternatives starting with its character) against finditer
    of the whole pattern, on every corpus text and every lexicon: the same groups at the same places."""
    texts = [words(t.text) for folder in (CORPUS, BLIND, BLIND13, *TRAINING) for t in load(folder, every=False)]
    compared = 0
    for language in LANGUAGES:
        found = lexicon(language)
        assert found.terms is not None
        for text in texts:
            whole = [(m.lastgroup, m.start(), m.end()) for m in found.terms.finditer(text)]
            assert [(m.lastgroup, m.start(), m.end()) for m in term_matches(found, text)] == whole
            compared += len(whole)
    assert compared > 1000


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
    # Since the tenth round (the learned detector reads every answer; training figures): 0, 0 and 0, 5; since the
    # twelfth round's cuts findings of the rules can be set aside: after the thirteenth round's retraining one was,
    # "我每天在学校都被欺负"; with the fourteenth round's (veto 0.8, grave veto 0.6), none is.
    assert [t.text for t in corpus.misses] == []
    assert len(corpus.false_alarms) == 0
    assert (len(blind.misses), len(blind.false_alarms)) == (0, 5)


def test_the_fifth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind5/: 16 disclosures and 10 benign texts per language, written by someone who had not read the rules,
    scored once after round 4 (3 misses, 8 false alarms: 93/96, 8/60, docs/consultations.md) and folded into tuning
    in round 5, where the joke and helping-a-friend guards were written with its false alarms in view."""
    score = measure(load(BLIND5))
    assert sum(score.texts.values()) == 156
    assert (len(score.misses), len(score.false_alarms)) == (0, 0)
    for language in LANGUAGES:
        assert score.recall(language) >= 0.90, (language, score.misses)
        assert score.false_alarm_rate(language) <= 0.10, (language, score.false_alarms)


def test_the_sixth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind6/: 16 disclosures and 14 benign texts per language, written by someone who had not read the rules,
    scored once after round 5 (17 misses, 8 false alarms: 79/96, 8/84; before round 5 79/96, 9/84;
    docs/consultations.md) and folded into tuning in round 6, whose concepts were written for the kinds of its
    misses. The false alarms are those of the one measurement (jokes about siblings and teachers): 8/84 in all,
    but 2/14 in English and 3/14 in Chinese, above the 10 % aim for one language."""
    score = measure(load(BLIND6))
    assert sum(score.texts.values()) == 180
    assert (len(score.misses), len(score.false_alarms)) == (0, 1)  # since the tenth round (training figures)
    for language in LANGUAGES:
        assert score.recall(language) >= 0.90, (language, score.misses)


def test_the_seventh_blind_set_is_scored_as_the_docs_say() -> None:
    """blind7/: 16 disclosures and 14 benign texts per language, written apart by someone who had not read the
    rules, scored once after round 6 (24 misses, 11 false alarms: 72/96 = 75 %, 11/84 = 13 %; the concept rules
    alone 56/96, 7/84; docs/consultations.md) and folded into tuning in round 7. Pinned, not a target. After round 7
    (hyperbole about a trivial cause is the child's joke; a relapse hidden on the body, giving everything away):
    18 misses, 5 false alarms (78/96, 5/84); after round 8, 4 (a hyperbole whose nobody is relief). With the
    learned detector, trained on it among others: 4 misses, 4 false alarms (92/96, 4/84)."""
    score = measure(load(BLIND7))
    assert sum(score.texts.values()) == 180
    assert (len(score.misses), len(score.false_alarms)) == (0, 0)  # since the tenth round (training figures)


def test_the_eighth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind8/: answers of one to four sentences to the consultation's questions, 16 disclosures and 14 benign
    texts per language, written apart, scored once after round 7 (24 misses, 20 false alarms: 72/96 = 75 %,
    20/84 = 24 %; the concept rules alone 54/96, 14/84; by round 4's code 69/96, 20/84, round 5's 69/96, 20/84,
    round 6's 72/96, 21/84; docs/consultations.md) and folded into tuning in round 8. Pinned, not a target. After
    round 8 (hyperbole: an oath, living inside a game, "one more …"; living and nobody-asks-me as the hyperbole's
    own; what the writer does to the body and hides; farewell letters; sleeping away; Arabic dialect verbs of the
    first person; "our game" and "things I don't like"): 10 misses, 8 false alarms (86/96, 8/84). With the learned
    detector, trained on it among others: no miss, 8 false alarms (96/96, 8/84)."""
    score = measure(load(BLIND8))
    assert sum(score.texts.values()) == 180
    assert (len(score.misses), len(score.false_alarms)) == (0, 2)  # since the tenth round (training figures)


def test_the_ninth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind9/: 16 disclosures and 14 benign texts per language in settings no earlier set used, written apart,
    scored once after round 8 and never used to change the rules: the current estimate on unseen texts, below
    the targets (68/96 = 71 % found, 11/84 = 13 % false alarms; the concept rules alone 51/96, 6/84; by the code
    of rounds 4 and 5 66/96, of rounds 6 and 7 68/96, 11/84 each time; docs/consultations.md). Scored once more
    with the learned disclosure detector, frozen and committed before this set was read (the rules or the model):
    80/96 = 83 % found, 11/84 = 13 % false alarms: the model added 12 disclosures and no false alarm."""
    score = measure(load(BLIND9))
    assert sum(score.texts.values()) == 180
    # Since the tenth round it is training data of the learned detector: training figures.
    assert (len(score.misses), len(score.false_alarms)) == (0, 2)


@pytest.mark.parametrize(("folder", "figures"), [(BLIND10, (0, 10)), (BLIND11, (0, 15))])
def test_the_tenth_and_eleventh_blind_sets_are_training_data_since_their_score(
    folder: Path, figures: tuple[int, int]
) -> None:
    """blind10/ and blind11/: 32 disclosures (4 a category) and 30 benign texts (20 about the topics) per language
    each, written by writers who read nothing of the project, each scored once against a frozen commit and then
    added to the learned detector's training (so these are training figures, misses and false alarms).
    blind10 against cdbc192: 174/192 = 90.6 % found, 18/180 = 10.0 % false alarms (the rules alone 128/192, 31/180;
    after the phrase fix, no longer blind, 21/180). blind11 against 0e74c1c: 180/192 = 93.8 % found, 28/180 = 15.6 %
    false alarms (the rules alone 111/192, 39/180) (docs/consultations.md)."""
    score = measure(load(folder))
    assert sum(score.texts.values()) == 372
    assert (len(score.misses), len(score.false_alarms)) == figures


def test_the_twelfth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind12/: 32 disclosures (4 a category) and 30 benign texts (20 about the topics) per language, written by a
    writer who read nothing of the project, scored once against the models retrained with blind11 and six
    safeguarding training writers (commit 7bbdbb7): 179/192 = 93.2 % found, 13/180 = 7.2 % false alarms (the rules
    alone 111/192, 33/180; docs/consultations.md). Training data since the thirteenth round: training figures."""
    score = measure(load(BLIND12))
    assert sum(score.texts.values()) == 372
    assert (len(score.misses), len(score.false_alarms)) == (0, 8)


def test_the_thirteenth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind13/: 32 disclosures (4 a category) and 30 benign texts (20 about the topics) per language, written by a
    writer who read nothing of the project (many scenarios in parallel across the languages), scored once against
    the disclosure model retrained with blind12 and seven training writers (commit effee8a): 189/192 = 98.4 % found,
    13/180 = 7.2 % false alarms, over 10 % in Arabic (docs/consultations.md, "The thirteenth round"). Training data
    since the fourteenth round: training figures."""
    score = measure(load(BLIND13))
    assert sum(score.texts.values()) == 372
    assert (len(score.misses), len(score.false_alarms)) == (0, 5)


def test_the_fourteenth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind14/: 32 disclosures (4 a category), 20 texts about the topics and 10 other benign texts per language,
    each language written apart by a writer who read only the format brief, scored once against the disclosure model
    retrained with blind13 and eight training writers (commit 7960475): 187/192 = 97.4 % found (every language at or
    over 90.6 %), 10/180 = 5.6 % false alarms (every language at or under 10 %) (docs/consultations.md, "The
    fourteenth round"). Not training data."""
    score = measure(load(BLIND14))
    assert sum(score.texts.values()) == 372
    assert (len(score.misses), len(score.false_alarms)) == (5, 10)
    assert [round(score.recall(language), 3) for language in LANGUAGES] == [1.0, 1.0, 0.969, 1.0, 0.906, 0.969]
    assert [round(score.false_alarm_rate(language), 3) for language in LANGUAGES] == [
        0.067,
        0.033,
        0.033,
        0.1,
        0.0,
        0.1,
    ]


def test_the_training_writers_sets_are_scored_as_the_docs_say() -> None:
    """train10a … train10d/, train11e/, train11f/, train12g/, train14h/: written for the learned detector's training
    only (never to change the rules): training figures. train11e was written to be false alarms (52 benign_topic
    texts a language); train12g to be English false alarms and Spanish disclosures; train14h Arabic false alarms
    (120 benign_topic texts) and Chinese and French disclosures (three languages only)."""
    found = [(len(s.misses), len(s.false_alarms)) for s in (measure(load(t, every=False)) for t in TRAINING)]
    assert found == [(0, 18), (0, 10), (0, 13), (0, 12), (0, 38), (0, 13), (0, 14), (0, 9)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Round 8, on texts blind8 does not hold: what the writer does to the body, unnamed, and hides.
        ("I wear a hoodie even in August because of what I do to my legs", "self_harm"),
        ("je porte des manches longues même en été à cause de ce que je me fais aux bras", "self_harm"),
        ("llevo buzo en verano por lo que me hago en las piernas", "self_harm"),
        ("ношу кофту в жару из-за того, что я делаю с руками", "self_harm"),
        # Farewell letters; sleeping away from a home one cannot bear.
        ("I have written the letters and I am ready", "suicide"),
        ("я написала прощальные записки", "suicide"),
        ("I slept on the bench at the station because I cannot be at home", "running_away"),
        ("Я собрал рюкзак и сваливаю, дома никто не знает", "running_away"),
        # The writer in Arabic dialect verbs of the first person and "my" on a body part.
        ("بعمل جروح بالموس على فخادي لما بتضيق فيي", "self_harm"),
        ("لما بزعل بجرح فخادي بشفرة", "self_harm"),
        # "Our game" as the secret an abuser gives, "things I don't like" done to the writer.
        ("my uncle comes to my room and does things I dont like, he says it is our little game", "sexual_abuse"),
        ("il vient dans ma chambre et fait des choses que j aime pas, il dit que c est notre jeu", "sexual_abuse"),
        ("по ночам он приходит и делает то, что мне не нравится, говорит, что это наша игра", "sexual_abuse"),
    ],
)
def test_round_eight_finds_disclosures_by_general_concepts(text: str, category: str) -> None:
    """The rules' concepts (the learned detector may still set a finding aside: test_what_the_veto_sets_aside)."""
    assert category in rules(text).categories


@pytest.mark.parametrize(
    "text",
    [
        # Round 8: living inside a game, an oath, "one more …" about a trivial cause are the child's joke; nobody
        # asking one to do chores is relief; a story read in class is discussion; ordinary sleeves and letters.
        "I am moving to live inside Roblox, at least nobody makes me do the dishes lol",
        "at least there nobody asks me to tidy up, I am moving to minecraft",
        "si el profe nos pone otro cuestionario me tiro por la ventana, te lo juro por mi madre",
        "Leímos un cuento de una chica que se fue de casa",
        "We wrote letters to our pen pals in France",
        "I wear long sleeves because I get cold",
        "ещё один урок и всё",
        "we played our game of Uno after school",
        "at school they make us do things I dont like, like PE in the rain",
        "لعبتنا المفضلة هي فيفا",
    ],
)
def test_round_eight_what_stays_clear(text: str) -> None:
    assert not suggests_risk(text)


@pytest.mark.parametrize(
    "text",
    [
        # Round 7, on texts blind7 does not hold: hyperbole (an absurd consequence) about a trivial cause.
        "if my dad sees this report card im literally dead, bury me in the garden",
        "si mon père voit mes notes je change de nom et je pars sur la lune",
        "mi hermana se comió mis golosinas, la voy a matar y después me cambio el nombre",
        "если мама увидит дневник, мои похороны в пятницу, закопайте меня",
        "لو امي شافت الشهادة ادفنوني",
        "要是我妈看到成绩单，我就原地去世了",
    ],
)
def test_round_seven_hyperbole_about_a_trivial_cause_is_a_joke(text: str) -> None:
    assert not suggests_risk(text)


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # No hyperbole, or something serious: still found.
        ("if my mum sees my grades she hits me with a belt", {"physical_abuse"}),
        ("si mi papá ve mis notas me pega con el cinturón", {"physical_abuse"}),
        ("my dad hits me when my grades are bad and i want to die", {"physical_abuse", "suicide"}),
    ],
)
def test_round_seven_a_disclosure_beside_a_trivial_cause_is_still_found(text: str, categories: set[str]) -> None:
    assert set(assess(text).categories) == categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Round 6, on texts blind6 does not hold: marks on the body that the child hides, in each language.
        ("i keep scratching lines on my arm and wear long sleeves so nobody sees", "self_harm"),
        ("je me fais des traits sur le bras et je porte des manches longues pour cacher", "self_harm"),
        ("me hago rayas en el brazo y uso sudadera para esconderlas", "self_harm"),
        ("делаю себе царапины на руке и ношу длинные рукава", "self_harm"),
        ("اعمل خطوط في ذراعي والبس كم طويل عشان محد يشوف", "self_harm"),
        ("我用刀在手腕上划口子，夏天也穿长袖遮住", "self_harm"),
        # A jump from a height; sleeping and never waking.
        ("sometimes i think about jumping off the roof of our building", "suicide"),
        ("parfois je pense à sauter du balcon", "suicide"),
        ("a veces pienso en tirarme por la ventana", "suicide"),
        ("думаю спрыгнуть с крыши", "suicide"),
        ("افكر انط من السطح", "suicide"),
        ("我想从天台跳下去", "suicide"),
        ("i just want to sleep and never wake up", "suicide"),
        ("je veux dormir et ne plus me réveiller", "suicide"),
        ("quiero dormir y no despertar", "suicide"),
        ("хочу уснуть и не проснуться", "suicide"),
        ("ابي انام وما اصحى", "suicide"),
        ("我想一睡不醒", "suicide"),
        # Game currency and "delete the chat"; Arabic dialect verbs and kin.
        ("a guy on roblox gives me robux and says delete the chat so my parents dont see", "grooming"),
        ("un mec sur fortnite m'offre des vbucks et me dit supprime la conv", "grooming"),
        ("ماما بتضربني بالحزام كل يوم", "physical_abuse"),
        ("أبويا كيضربني كل يوم", "physical_abuse"),
    ],
)
def test_round_six_finds_disclosures_by_the_kinds_of_the_misses(text: str, category: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    "text",
    [
        # A lesson stays a lesson; a place on the body is no subject of a talk only where the body is named.
        "we learned about long sleeves in history",
        "on a fait un exposé sur les cuisses de grenouille",
        "i hid my sister's chocolate under my bed",
        "hier j'ai vu un meme trop drôle",
    ],
)
def test_round_six_leaves_these_alone(text: str) -> None:
    assert assess(text).categories == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        # Round 5: a wish to die said as a joke, laughter and a trivial cause, in each language.
        "this level is so hard i want to die 💀",
        "this homework makes me want to kill myself 😂",
        "ce jeu est trop dur je veux mourir mdr",
        "este examen me da ganas de morirme jaja",
        "я хочу умереть ахах эта домашка",
        "هالاختبار بيموتني ههههه",
        "作业太多了我想死哈哈",
        "je vais crever tellement j'ai faim mdr",
        "tengo tanta hambre que me muero jaja",
        # Asking how to help someone else who is bullied.
        "how can i help my friend who is being bullied at school",
        "mon amie se fait harceler, comment l'aider ?",
        "我朋友被欺负了，我想知道怎么帮她",
    ],
)
def test_jokes_and_questions_about_helping_a_friend_are_not_disclosures(text: str) -> None:
    assert assess(text).categories == frozenset()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Laughter alone does not clear: a child may laugh to soften a disclosure.
        ("i want to die lol", "suicide"),
        # A joke's words with what shows it is meant: nobody, "seriously", lasting, not wanting to live.
        ("this game is so hard i want to die lol nobody would even care", "suicide"),
        ("this game is so hard i want to die lol but seriously i want to die every day", "suicide"),
        ("ce jeu est trop dur je veux mourir mdr, sérieux je veux plus vivre", "suicide"),
        ("я хочу умереть ахах, каждый день одно и то же, не хочу жить", "suicide"),
        ("我想死哈哈，说真的，每天都不想活", "suicide"),
        # The joke guard is for a wish to die only: other disclosures with a laugh stay.
        ("my dad hits me when i lose at fortnite lol", "physical_abuse"),
        ("i cut myself again after the exam lol", "self_harm"),
        # Helping a friend in one sentence, the child's own bullying in the next; helping oneself is no friend.
        ("my friend is being bullied and i want to know how to help her. they bully me every day too", "bullying"),
        ("they bully me every day and i dont know how to help myself", "bullying"),
        # A negation before a new clause is about that clause, not the act.
        ("quand ça va pas je me coupe les jambes", "self_harm"),
    ],
)
def test_a_disclosure_with_a_laugh_or_beside_a_question_is_still_found(text: str, category: str) -> None:
    assert category in assess(text).categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # Round 7, on texts blind7 does not hold: doing "it" again to the body and hiding it, whatever it is called.
        ("j ai recommencé sur les cuisses, je mets un pantalon pour que personne remarque", "self_harm"),
        ("volví a hacerlo en los brazos, uso sudadera pa que no se note", "self_harm"),
        ("опять сорвался, на руках, хожу в кофте чтобы никто не заметил", "self_harm"),
        ("رجعت اعمل في يدي وبلبس كم طويل عشان ما حد يشوف", "self_harm"),
        ("又没忍住在手臂上划了，只能穿长袖", "self_harm"),
        # Giving all one's belongings away.
        ("i gave away all my stuff to my friends this week", "suicide"),
        ("раздал все свои вещи брату, мне они больше не нужны", "suicide"),
    ],
)
def test_round_seven_finds_disclosures_by_general_concepts(text: str, category: str) -> None:
    """The rules' concepts (the learned detector may still set a finding aside: test_what_the_veto_sets_aside)."""
    assert rules(text).categories == frozenset({category})


def test_round_seven_giving_old_toys_to_a_charity_shop_is_no_disclosure() -> None:
    assert not suggests_risk("we gave away all my old toys to the charity shop")
