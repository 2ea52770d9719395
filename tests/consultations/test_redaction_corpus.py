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
    load_blind14,
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
    assert _figures(all_scores["tuning"]) == (174, 174, 162, 162, 9)
    assert _figures(all_scores["unseen"]) == (138, 138, 150, 150, 37)
    # The former fresh set, scored once (19/30), then folded into tuning in round 4.
    assert _figures(all_scores["round4"]) == (24, 24, 30, 30, 7)
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
    assert _figures(all_scores["blind7"]) == (24, 24, 120, 123, 21)
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
    assert _figures(all_scores["blind8"]) == (24, 24, 115, 119, 38)
    assert (all_scores["blind8"]["all"].found["name"], all_scores["blind8"]["all"].total["name"]) == (79, 83)
    # The figures above are with the learned detector of names, schools and addresses (tenth round: trained on
    # every set here, so they are training figures; the clean words it removes rise on the tuning and unseen sets,
    # 6 -> 6 and 26 -> 36; with the thirteenth round's CRF 6 -> 10 and 26 -> 40; with the fourteenth round's titles
    # left beside names, 9 and 37). The cross-validated figures are in
    # docs/consultations.md ("The tenth round", "The thirteenth round").
    # The first held-out set (seen since): reported, not a target. Round 7 removes one word more, "Lupita" in "La
    # maestra Lupita": that set labels a teacher's name clean, the later sets label it personal.
    assert _figures(score(load_heldout())) == (34, 34, 34, 34, 10)


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
    assert _figures(scores) == (22, 24, 109, 117, 36)
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
    assert _figures(scores) == (20, 20, 163, 180, 23)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(108, 120), (30, 30), (25, 30)]


def test_the_eleventh_blind_set_is_scored_as_the_docs_say() -> None:
    """blind11/: 40 texts per language (16 with names, 6 schools, 6 addresses, 4 contact details, 8 clean texts),
    written apart by a writer who read nothing of the project, scored once after the models retrained with blind10
    and eight training writers were frozen (commit 0e74c1c): names/schools/addresses 157/192 = 81.8 % (names 108,
    schools 20, addresses 29), contact 19/20, clean words 57/3797 (Arabic 15/381); the rules alone 114/192 = 59.4 %,
    45 clean words (docs/consultations.md). Training data since the twelfth round's retraining: training figures."""
    records = load_blind11()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (240, 48)
    scores = score(records)
    assert _figures(scores) == (20, 20, 184, 192, 39)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(114, 120), (35, 36), (35, 36)]


def test_the_twelfth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind12/: 40 texts per language (16 with names, 6 schools, 6 addresses, 4 contact details, 8 clean texts),
    written apart by a writer who read nothing of the project, scored once after the models retrained with blind11
    and ten training writers were frozen (commit 7bbdbb7): names/schools/addresses 159/192 = 82.8 % (names 107,
    schools 22, addresses 30), clean words 53/3526; the rules alone 111/192 = 57.8 %, 30 clean words
    (docs/consultations.md). Training data since the thirteenth round: training figures."""
    records = load_blind12()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (240, 48)
    scores = score(records)
    assert _figures(scores) == (20, 20, 183, 192, 37)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(113, 120), (34, 36), (36, 36)]


def test_the_thirteenth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind13/: 40 texts per language (20 names, 6 schools, 6 addresses, 4 contact details or dates of birth, at
    least 9 clean texts), written apart by a writer who read nothing of the project, scored once against the CRF
    retrained with blind12 and twelve training writers (commit effee8a): names/schools/addresses 177/192 = 92.2 %
    (names 114, schools 30, addresses 33), contact 22/22, clean words 53/2856 (Arabic 16/314); the rules alone
    112/192 = 58.3 %, 34 clean words (docs/consultations.md, "The thirteenth round"). Training data since the
    fourteenth round: training figures."""
    records = load_blind13()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (240, 57)
    assert _figures(score(records)) == (22, 22, 184, 192, 34)


def test_the_fourteenth_blind_set_is_scored_as_the_docs_say() -> None:
    """blind14/: 40 texts per language (20 names, 6 schools, 6 addresses, 4 contact details or dates of birth, at
    least 8 clean texts), each language written apart by a writer who read only the format brief, scored once against
    the CRF retrained with blind13 and fourteen training writers (commit 7960475): names/schools/addresses 179/192 =
    93.2 % (names 117, schools 27, addresses 35; every language at or over 90.6 %), contact 19/20 (an e-mail spelled
    with spaces in its name), clean words 31/2872 = 1.1 % (every language at or under 1.6 %) (docs/consultations.md,
    "The fourteenth round"). The contact figure below is after the fix for that e-mail, made after the score; the
    rest is the single score as it was. Not training data."""
    records = load_blind14()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (240, 62)
    scores = score(records)
    assert _figures(scores) == (20, 20, 179, 192, 31)
    every = scores["all"]
    assert [(every.found[c], every.total[c]) for c in ("name", "school", "address")] == [(117, 120), (27, 36), (35, 36)]
    assert [round(scores[lang].recall(PLACES), 3) for lang in LANGUAGES] == [0.969, 0.938, 0.938, 0.938, 0.906, 0.906]
    assert [(scores[lang].wrong_words, scores[lang].clean_words) for lang in LANGUAGES] == [
        (4, 316),
        (7, 568),
        (5, 592),
        (6, 549),
        (6, 376),
        (3, 471),
    ]


def test_what_the_moderator_is_shown_on_the_blind_sets() -> None:
    """The safety net on unseen texts: a detail the redaction misses may still be highlighted on the moderation
    page, where approving over a highlight needs a second step. On blind14, 184 of 192 names, schools and addresses
    are removed or highlighted (179 removed); 8 reach the moderator unmarked; highlights fall on 21 of its 62 clean
    texts. On blind13, blind12, blind11, blind10 and blind9 (training data since): 186/192, 184/192, 185/192,
    164/180, 111/117 (docs/consultations.md)."""
    shown = coverage(load_blind14())
    assert (shown.shown["name/school/address"], shown.details["name/school/address"]) == (184, 192)
    assert (shown.shown["contact"], shown.details["contact"]) == (20, 20)
    assert (shown.clean_texts_highlighted, shown.clean_texts) == (21, 62)
    assert (shown.clean_words_highlighted, shown.clean_words) == (137, 2872)
    assert [
        (found.shown["name/school/address"], found.details["name/school/address"])
        for found in (
            coverage(load_blind13()),
            coverage(load_blind12()),
            coverage(load_blind11()),
            coverage(load_blind10()),
            coverage(load_blind9()),
        )
    ] == [(186, 192), (184, 192), (185, 192), (164, 180), (111, 117)]


def test_the_training_writers_sets_keep_their_texts() -> None:
    """train10a … train10h/, train11i/, train11j/, train12k/, train12l/, train13m/, train14n/: written for the
    learned detector's training only, by fourteen writers given other regions, styles (long answers, chat remarks,
    carefully written answers) or focuses (schools and addresses, names that are also words, Arabic and Chinese, long
    school names, Chinese across Chinese-speaking places, the edges of Arabic schools and addresses); never used to
    change the rules. Training figures."""
    records = load_training()
    assert (len(records), sum(1 for r in records if not r["spans"])) == (7531, 2187)
    assert {r["id"].split("-")[0] for r in records} == {
        *(f"train10{w}" for w in "abcdefgh"),
        "train11i",
        "train11j",
        "train12k",
        "train12l",
        "train13m",
        "train14n",
    }
    assert _figures(score(records)) == (270, 277, 5379, 5749, 1259)


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
