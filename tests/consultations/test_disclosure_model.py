"""The learned disclosure detector (cwgcop.consultations.disclosure_model) beside the safeguarding rules: exact
probabilities on invented texts in the six languages, what it adds to :func:`assess`, and that the shipped weights
are what tools/train_disclosure_model.py builds (docs/consultations.md, "A learned disclosure detector")."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from cwgcop.consultations import disclosure_model
from cwgcop.consultations.safeguarding import Finding, assess, rules, words


def _tool() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "tools" / "train_disclosure_model.py"
    spec = importlib.util.spec_from_file_location("train_disclosure_model", path)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def test_the_shipped_weights_load_with_the_threshold_chosen_by_cross_validation() -> None:
    weights, threshold = disclosure_model.model()
    assert (len(weights), threshold) == (33408, 0.95)
    assert all(0 <= bucket < disclosure_model.BUCKETS for bucket in weights)


@pytest.mark.parametrize(
    ("text", "probability", "by_rules", "learned"),
    [
        # Found by the model alone: the rules have no phrase or concept for them.
        ("i dont see the point of anything, everyone would be better off", 0.973, False, True),
        ("继父晚上进我房间，还让我不要告诉妈妈", 0.953, False, True),
        # Disclosures the rules find (the model is not asked then; its probability is what it would say).
        ("my uncle gives me money if i dont tell mum what he does", 0.996, True, False),
        ("il me dit que c'est notre secret et que personne me croira", 0.997, True, False),
        ("mi tío me da dinero para que no cuente lo que me hace", 0.997, True, False),
        ("отчим трогает меня когда мамы нет дома", 0.991, True, False),
        ("عمي يلمسني عندما لا يكون أحد في البيت", 0.993, True, False),
        # Missed by both: under the threshold, and no rule (known misses, kept in view).
        ("je veux plus vivre", 0.668, False, False),
        ("يقول إنه سرنا ولن يصدقني أحد", 0.944, False, False),
        ("继父晚上进我房间，让我不要告诉妈妈", 0.913, False, False),
        # Benign answers in each language.
        ("We should have more parks and cleaner streets in our town.", 0.103, False, False),
        ("J'aimerais plus de sorties scolaires au musée.", 0.019, False, False),
        ("Me gustaría que el recreo fuera más largo.", 0.141, False, False),
        ("Хочу, чтобы в школе была бесплатная еда.", 0.113, False, False),
        ("أتمنى أن تكون هناك ملاعب أكثر في حينا.", 0.012, False, False),
        ("我希望学校有更多的体育课。", 0.008, False, False),
        ("i want to die, this homework is so long lol", 0.007, False, False),
    ],
)
def test_exact_predictions_on_invented_texts(text: str, probability: float, by_rules: bool, learned: bool) -> None:
    assert round(disclosure_model.score(words(text)), 3) == probability
    assert bool(rules(text)) is by_rules
    assert assess(text).learned is learned
    assert bool(assess(text)) is (by_rules or learned)


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
    assert "blind10" not in {folder.name for folder in tool.SETS.values()}
