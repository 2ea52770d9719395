"""Redaction measured on the labelled corpus (tests/consultations/corpus/): a drop below the targets fails.

The table is printed by ``python -m cwgcop.consultations.redaction.evaluate`` and kept in docs/consultations.md.
"""

from __future__ import annotations

import pytest

from cwgcop.consultations.redaction.evaluate import (
    CATEGORIES,
    CONTACT,
    LANGUAGES,
    PLACES,
    Score,
    coverage,
    load,
    load_blind5,
    load_blind6,
    load_blind7,
    load_blind8,
    load_blind9,
    load_blind10,
    load_blind11,
    load_blind12,
    load_blind13,
    load_heldout,
    load_round4,
    load_training,
    load_unseen,
    score,
)

CORPORA = ["tuning", "unseen", "round4", "blind5", "blind6"]


@pytest.fixture(scope="module")
def all_scores() -> dict[str, dict[str, Score]]:
    """The tuning corpus (redaction_<language>.jsonl), the second held-out corpus (heldout/<language>.txt), the
    former fresh set (round4/<language>.txt), the fifth and sixth blind sets (blind5/, blind6/<language>.txt), each
    used to change the rules after its first measurement (see docs/consultations.md); new blind sets are scored with
    ``evaluate --fresh PATH``."""
    return {
        "tuning": score(load()),
        "unseen": score(load_unseen()),
        "round4": score(load_round4()),
        "blind5": score(load_blind5()),
        "blind6": score(load_blind6()),
        "blind7": score(load_blind7()),
        "blind8": score(load_blind8()),
    }


@pytest.fixture(scope="module", params=CORPORA)
def scores(request: pytest.FixtureRequest, all_scores: dict[str, dict[str, Score]]) -> dict[str, Score]:
    return all_scores[request.param]


def test_the_held_out_corpus_has_a_hundred_texts_per_language_half_of_them_clean() -> None:
    records = load_unseen()
    for language in LANGUAGES:
        mine = [r for r in records if r["lang"] == language]
        assert (len(mine), sum(1 for r in mine if not r["spans"])) == (100, 50)
    assert {s["category"] for r in records for s in r["spans"]} == set(CATEGORIES)


def _figures(scores: dict[str, Score]) -> tuple[int, int, int, int, int]:
    every = scores["all"]
    found = [sum(every.found[c] for c in group) for group in (CONTACT, PLACES)]
    totals = [sum(every.total[c] for c in group) for group in (CONTACT, PLACES)]
    return found[0], totals[0], found[1], totals[1], every.wrong_words


def test_the_measured_figures_are_those_in_the_docs(all_scores: dict[str, dict[str, Score]]) -> None:
    """docs/consultations.md gives these counts; any change to the rules updates them (a drop fails here first)."""
    assert _figures(all_scores["tuning"]) == (174, 174, 162, 162, 10)
    assert _figures(all_scores["unseen"]) == (138, 138, 150, 150, 40)
    # The former fresh set, scored once (19/30), then folded into tuning in round 4.
    assert _figures(all_scores["round4"]) == (24, 24, 30, 30, 5)
    # The fifth blind set, scored once after round 4 (contact 24/24, names/schools/addresses 56/68, names 34/44,
    # 7 clean words), then folded into tuning in round 5.
    assert _figures(all_scores["blind5"]) == (24, 24, 68, 68, 3)
    assert (all_scores["blind5"]["all"].found["name"], all_scores["blind5"]["all"].total["name"]) == (44, 44)
    # The sixth blind set, scored once after round 5 (contact 26/31, names/schools/addresses 65/117 = 55.6 %, names
    # 48/81, 15/1602 clean words; before round 5: 26/31, 62/117 = 53.0 %, names 45/81, 17/1602), then folded into
    # tuning in round 6, whose rules were written for the classes of its misses.
    assert _figures(all_scores["blind6"]) == (31, 31, 115, 117, 10)
    assert (all_scores["blind6"]["all"].found["name"], all_scores["blind6"]["all"].total["name"]) == (79, 81)
    # The seventh blind set, scored once after round 6 (contact 24/24, dates of birth 6/6, names/schools/addresses
    # 74/123 = 60.2 %, names 48/87, schools 12/18, addresses 14/18, 23/2075 clean words = 1.1 %), then folded into
    # tuning in round 7.
    # After round 7 (general mechanisms: lists, titles, what a person is called, a real lexicon): names 81/87,
    # names/schools/addresses 107/123 = 87.0 %. Pinned, not a target: round 7 aimed at mechanisms, not at its names
    # (docs/consultations.md); the eighth blind set is the estimate.
    assert _figures(all_scores["blind7"]) == (24, 24, 120, 123, 29)
    assert (all_scores["blind7"]["all"].found["name"], all_scores["blind7"]["all"].total["name"]) == (84, 87)
    # The eighth blind set (answers of one to four sentences to the consultation's questions), scored once after
    # round 7 (contact 22/24, names/schools/addresses 78/119 = 65.5 %, names 51/83, schools 11/18, addresses 16/18,
    # dates of birth 5/6, 40/3660 clean words = 1.1 %; by each earlier round's code, none of which saw it: names
    # 41/83, 46/83, 46/83 and names/schools/addresses 54.6 %, 58.8 %, 61.3 % after rounds 4, 5, 6, contact 19/24,
    # 19/24, 22/24), then folded into tuning in round 8.
    # After round 8 (person nouns as an open class, names where they stand in a question, beside a platform or in
    # reported speech, "to me or to X", handles after "I know him as", institutions as an open class): contact 24/24,
    # names 76/83, names/schools/addresses 109/119 = 91.6 %, clean words 40/3660. Pinned, not a target: tuning
    # figures.
    assert _figures(all_scores["blind8"]) == (24, 24, 115, 119, 48)
    assert (all_scores["blind8"]["all"].found["name"], all_scores["blind8"]["all"].total["name"]) == (79, 83)
    # The figures above are with the learned detector of names, schools and addresses (tenth round: trained on
    # every set here, so they are training figures; the clean words it removes rise on the tuning and unseen sets,
    # 6 -> 6 and 26 -> 36; with the thirteenth round's CRF 6 -> 10 and 26 -> 40). The cross-validated figures are in
    # docs/consultations.md ("The tenth round", "The thirteenth round").
    # The first held-out set (seen since): reported, not a target. Round 7 removes one word more, "Lupita" in "La
    # maestra Lupita": that set labels a teacher's name clean, the later sets label it personal.
    assert _figures(score(load_heldout())) == (34, 34, 34, 34, 14)


def test_the_fifth_blind_set_keeps_its_texts() -> None:
    """blind5/: written by someone who had not read the rules, scored once after round 4 and folded into tuning in
    round 5; its texts are never edited (docs/consultations.md keeps the once-scored figures)."""
    records = load_blind5()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (144, 48)
    for language in LANGUAGES:
        assert sum(1 for r in records if r["lang"] == language) == 24


def test_the_sixth_blind_set_keeps_its_texts() -> None:
    """blind6/: written by someone who had not read the rules, scored once after round 5 and folded into tuning in
    round 6; its texts are never edited (docs/consultations.md keeps the once-scored figures)."""
    records = load_blind6()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (180, 72)
    for language in LANGUAGES:
        assert sum(1 for r in records if r["lang"] == language) == 30


def test_the_seventh_blind_set_keeps_its_texts() -> None:
    """blind7/: written apart by someone who had not read the rules, scored once after round 6 and folded into
    tuning in round 7; its texts are never edited (docs/consultations.md keeps the once-scored figures)."""
    records = load_blind7()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (180, 72)
    for language in LANGUAGES:
        assert sum(1 for r in records if r["lang"] == language) == 30


def test_the_eighth_blind_set_keeps_its_texts() -> None:
    """blind8/: answers of one to four sentences, written apart, scored once after round 7 and folded into tuning
    in round 8; its texts are never edited (docs/consultations.md keeps the once-scored figures)."""
    records = load_blind8()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (180, 72)
    for language in LANGUAGES:
        assert sum(1 for r in records if r["lang"] == language) == 30


def test_the_ninth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind9/: short remarks, sentences and answers of up to five sentences in settings no earlier set used (a
    camp, a hospital stay, a part-time job, foster care, a wedding...), written apart by someone who had not read
    the rules, scored once after round 8 and never used to change the rules. By the code of rounds 4, 5, 6 and 7,
    none of which saw it: names 36, 37, 43, 44 of 81; names/schools/addresses 42.7 %, 43.6 %, 51.3 %, 52.1 %.
    Round 8's rules alone: contact 22/24, names/schools/addresses 62/117 = 53.0 %, names 45/81, clean words 33/1944.
    Round 9 (learned names, frozen before it was scored, once): names 53/81, names/schools/addresses 70/117 =
    59.8 %, clean words 36/1944. Since the tenth round it is training data of the learned detector: these are
    training figures (its cross-validated fold is in docs/consultations.md)."""
    records = load_blind9()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (180, 72)
    scores = score(records)
    assert _figures(scores) == (22, 24, 109, 117, 40)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(74, 81), (18, 18), (17, 18)]


def test_the_tenth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind10/: 40 texts per language (20 names, 5 schools, 5 addresses, 4 contact details, 8 clean texts) written
    apart by a writer who read neither the rules nor the training sets, scored once after the tenth round's models
    were frozen (commit cdbc192): names/schools/addresses 132/180 = 73.3 % (names 97/120, schools 17/30, addresses
    18/30), clean words 29/2746; the rules alone 102/180 = 56.7 %, 21 clean words (docs/consultations.md, "What the
    blind sets show"). Since the models were retrained it is training data: these are training figures."""
    records = load_blind10()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (240, 48)
    scores = score(records)
    assert _figures(scores) == (20, 20, 164, 180, 24)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(107, 120), (30, 30), (27, 30)]


def test_the_eleventh_blind_set_is_scored_as_the_docs_say() -> None:
    """blind11/: 40 texts per language (16 with names, 6 schools, 6 addresses, 4 contact details, 8 clean texts),
    written apart by a writer who read nothing of the project, scored once after the models retrained with blind10
    and eight training writers were frozen (commit 0e74c1c): names/schools/addresses 157/192 = 81.8 % (names 108,
    schools 20, addresses 29), contact 19/20, clean words 57/3797 (Arabic 15/381); the rules alone 114/192 = 59.4 %,
    45 clean words (docs/consultations.md). Training data since the twelfth round's retraining: training figures."""
    records = load_blind11()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (240, 48)
    scores = score(records)
    assert _figures(scores) == (19, 20, 186, 192, 51)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(116, 120), (35, 36), (35, 36)]


def test_the_twelfth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind12/: 40 texts per language (16 with names, 6 schools, 6 addresses, 4 contact details, 8 clean texts),
    written apart by a writer who read nothing of the project, scored once after the models retrained with blind11
    and ten training writers were frozen (commit 7bbdbb7): names/schools/addresses 159/192 = 82.8 % (names 107,
    schools 22, addresses 30), clean words 53/3526; the rules alone 111/192 = 57.8 %, 30 clean words
    (docs/consultations.md). Training data since the thirteenth round: training figures."""
    records = load_blind12()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (240, 48)
    scores = score(records)
    assert _figures(scores) == (20, 20, 183, 192, 50)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(113, 120), (34, 36), (36, 36)]


def test_the_thirteenth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind13/: 40 texts per language (20 names, 6 schools, 6 addresses, 4 contact details or dates of birth, at
    least 9 clean texts), written apart by a writer who read nothing of the project, scored once against the CRF
    retrained with blind12 and twelve training writers (commit effee8a): names/schools/addresses 177/192 = 92.2 %
    (names 114, schools 30, addresses 33), contact 22/22, clean words 53/2856 (Arabic 16/314); the rules alone
    112/192 = 58.3 %, 34 clean words (docs/consultations.md, "The thirteenth round"). The figures below are the
    shipped model's, retrained after that score with a writer of carefully written answers (train13m): blind13 is
    not training data, but it was read before that change."""
    records = load_blind13()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (240, 57)
    scores = score(records)
    assert _figures(scores) == (22, 22, 176, 192, 54)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(114, 120), (30, 36), (32, 36)]
    assert [round(scores[lang].recall(PLACES), 3) for lang in LANGUAGES] == [0.938, 0.812, 1.0, 0.875, 0.938, 0.938]
    assert (scores["ar"].wrong_words, scores["ar"].clean_words) == (18, 314)


def test_what_the_moderator_is_shown_on_the_blind_sets() -> None:
    """The safety net on unseen texts: a detail the redaction misses may still be highlighted on the moderation
    page, where approving over a highlight needs a second step. On blind13, 178 of 192 names, schools and addresses
    are removed or highlighted (176 removed); 14 reach the moderator unmarked; highlights fall on 24 of its 57 clean
    texts. On blind12, blind11, blind10 and blind9 (training data since): 184/192, 187/192, 165/180, 111/117
    (docs/consultations.md)."""
    shown = coverage(load_blind13())
    assert (shown.shown["name/school/address"], shown.details["name/school/address"]) == (178, 192)
    assert (shown.shown["contact"], shown.details["contact"]) == (22, 22)
    assert (shown.clean_texts_highlighted, shown.clean_texts) == (24, 57)
    assert (shown.clean_words_highlighted, shown.clean_words) == (153, 2856)
    assert [
        (found.shown["name/school/address"], found.details["name/school/address"])
        for found in (
            coverage(load_blind12()),
            coverage(load_blind11()),
            coverage(load_blind10()),
            coverage(load_blind9()),
        )
    ] == [(184, 192), (187, 192), (165, 180), (111, 117)]


def test_the_training_writers_sets_keep_their_texts() -> None:
    """train10a … train10h/, train11i/, train11j/, train12k/, train12l/, train13m/: written for the learned
    detector's training only, by thirteen writers given other regions, styles (long answers, chat remarks, carefully
    written answers) or focuses (schools and addresses, names that are also words, Arabic and Chinese, long school
    names); never used to change the rules. Training figures."""
    records = load_training()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (6640, 1750)
    assert {r["id"].split("-")[0] for r in records} == {
        *(f"train10{w}" for w in "abcdefgh"),
        "train11i",
        "train11j",
        "train12k",
        "train12l",
        "train13m",
    }
    assert _figures(score(records)) == (213, 217, 4988, 5310, 1404)


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
