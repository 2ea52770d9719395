"""The learned disclosure detector (cwgcop.consultations.disclosure_model) beside the safeguarding rules: exact
probabilities on invented texts in the six languages, what it adds to :func:`assess`, and that the shipped weights
are what tools/train_disclosure_model.py builds (docs/consultations.md, "A learned disclosure detector")."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from cwgcop.consultations import concepts, disclosure_model
from cwgcop.consultations.safeguarding import Finding, assess, rules, words


def _tool() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "tools" / "train_disclosure_model.py"
    spec = importlib.util.spec_from_file_location("train_disclosure_model", path)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def test_the_shipped_weights_load_with_the_cuts_chosen_by_cross_validation() -> None:
    weights, cuts = disclosure_model.model()
    assert (len(weights), cuts) == (82091, disclosure_model.Cuts(threshold=0.6, veto=0.8, grave_veto=0.6))
    assert all(0 <= bucket < disclosure_model.BUCKETS for bucket in weights)


@pytest.mark.parametrize(
    ("text", "score", "by_rules", "flagged"),
    [
        # Found by the model alone (at or over the threshold, 0.6): the rules have no phrase or concept for them.
        ("i dont see the point of anything, everyone would be better off", 0.824, False, True),
        ("继父晚上进我房间，还让我不要告诉妈妈", 0.995, False, True),
        ("je veux plus vivre", 0.85, False, True),
        # Found by the rules, and the model agrees (over the veto, 0.8).
        ("my uncle gives me money if i dont tell mum what he does", 0.999, True, True),
        ("me hacen bullying todos los días", 0.948, True, True),
        # Found by a phrase: never set aside, whatever the score ("lol" does not make a wish to die a joke).
        ("i want to die lol", 0.212, True, True),
        ("my dad hits me when i lose at fortnite lol", 0.02, True, True),
        ("this game is so hard i want to die lol but seriously i want to die every day", 0.145, True, True),
        # Suicide or self-harm found by a concept: they stand over the grave veto (0.6 since the fourteenth round,
        # 0.8 before, when the first and the third were set aside) ...
        ("i gave away all my stuff to my friends this week", 0.64, True, True),
        ("i have scars on my wrists that i hide", 0.727, True, True),
        # ... and under it are set aside. Known costs of the cuts cross-validation chose (docs/consultations.md);
        # each is pointed out to the moderator (Answer.doubted).
        ("I have written the letters and I am ready", 0.223, True, False),
        # A topic and a cue only (no phrase), under the veto (0.8): a real disclosure set aside. Known cost.
        ("Someone online keeps asking me for photos.", 0.699, True, False),
        # Benign answers in each language.
        ("We should have more parks and cleaner streets in our town.", 0.012, False, False),
        ("J'aimerais plus de sorties scolaires au musée.", 0.007, False, False),
        ("Me gustaría que el recreo fuera más largo.", 0.03, False, False),
        ("Хочу, чтобы в школе была бесплатная еда.", 0.107, False, False),
        ("أتمنى أن تكون هناك ملاعب أكثر في حينا.", 0.011, False, False),
        ("我希望学校有更多的体育课。", 0.021, False, False),
        ("i want to die, this homework is so long lol", 0.003, False, False),
    ],
)
def test_exact_scores_on_invented_texts(text: str, score: float, by_rules: bool, flagged: bool) -> None:
    assert round(disclosure_model.score(words(text)), 3) == score
    assert bool(rules(text)) is by_rules
    found = assess(text)
    assert bool(found) is flagged
    assert found.learned is (flagged and not by_rules)
    assert found.doubted == (rules(text).categories if by_rules and not flagged else frozenset())


def test_an_answer_is_scored_by_its_most_worrying_sentence() -> None:
    """A disclosure in the middle of a long answer weighs as it would alone (words are normalised: repeated letters
    squeezed)."""
    text = words("I love my school. My coach hits me when I miss a goal. The pitch is nice.")
    assert disclosure_model.sentences(text) == [
        "i love my schol",
        "my coach hits me when i mis a goal",
        "the pitch is nice",
    ]
    whole = disclosure_model.probability(disclosure_model.model()[0], disclosure_model.features(text))
    assert (round(whole, 3), round(disclosure_model.score(text), 3)) == (0.413, 0.545)


def test_a_finding_of_the_model_alone_has_no_category_and_opens_a_case() -> None:
    finding = assess("i dont see the point of anything, everyone would be better off")
    assert finding == Finding(categories=frozenset(), languages=frozenset(), learned=True)
    assert bool(finding) is True
    assert assess("   ") == Finding()


def test_features_are_hashed_buckets_of_ngrams_words_and_concepts() -> None:
    text = words("Je me coupe")
    found = disclosure_model.features(text)
    assert found == sorted(set(found))
    # the bias, 3 words, 2 pairs of words, 28 n-grams ("e " three times), 4 concepts and their 6 pairs
    assert len(found) == 1 + 3 + 2 + (6 + 6 + 18 - 2) + 4 + 6
    assert disclosure_model._bucket("w coupe") in found
    assert disclosure_model._bucket("c  cou") in found
    assert disclosure_model._bucket("b je me") in found
    assert disclosure_model._bucket("k harm") in found


def test_weights_for_another_number_of_buckets_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"buckets": 1024, "threshold": 0.5, "weights": {}}), encoding="utf-8")
    monkeypatch.setattr(disclosure_model, "MODEL", path)
    disclosure_model.model.cache_clear()
    try:
        with pytest.raises(ValueError, match="trained for 1024 buckets"):
            disclosure_model.model()
    finally:
        disclosure_model.model.cache_clear()


@pytest.mark.database_free
def test_the_shipped_weights_are_what_the_tool_builds_from_the_corpora() -> None:
    """tools/train_disclosure_model.py --write-only, without writing: the same corpora give the same weights."""
    tool = _tool()
    records = [r for folder in tool.SETS.values() for r in tool.prepared(folder)]
    shipped = json.loads(disclosure_model.MODEL.read_text(encoding="utf-8"))
    assert {str(k): v for k, v in tool.train(records).items()} == shipped["weights"]
    assert "blind13" in {folder.name for folder in tool.SETS.values()}
    assert not any("unscored" in str(folder) for folder in tool.SETS.values())


@pytest.mark.database_free
def test_an_answer_s_sentences_are_read_from_the_whole_answer_as_if_read_alone() -> None:
    """score() reads each sentence's concepts from the whole answer's occurrences and the whole answer's words from
    its sentences' (held_by_sentence, _words_and_pairs): on every corpus text of more than one sentence, the same
    concepts and the same score as reading each part on its own (features() on the whole text and each sentence)."""
    from tests.consultations.safeguarding_measure import CORPUS, TRAINING, load

    folders = [CORPUS, *TRAINING, *sorted(CORPUS.glob("blind*"))]
    texts = [words(t.text) for folder in folders for t in load(folder, every=False)]
    table = disclosure_model._table()
    compared = 0
    for text in texts:
        parts = disclosure_model.sentences(text)
        if not parts:
            continue
        compared += 1
        assert concepts.held_by_sentence(text, parts) == [concepts.held(part) for part in parts], text
        reference = max(
            disclosure_model._sigmoid(sum(table[f] for f in disclosure_model.features(part))) for part in [text, *parts]
        )
        assert disclosure_model.score(text) == reference, text
    assert compared == 881
