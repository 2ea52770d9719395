"""The learned name detector (redaction/learned.py): the shipped weights load and give exact predictions on invented
texts, and find() removes what it finds beside the rules. The figures on the corpora are pinned in
test_redaction_corpus.py; the weights are rebuilt by tools/train_name_model.py (docs/consultations.md)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from cwgcop.consultations.redaction import find, learned


def test_the_shipped_weights_load_with_the_threshold_chosen_by_cross_validation() -> None:
    weights, threshold = learned.model()
    assert (len(weights), threshold) == (15793, 0.3)


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        ("Yesterday I went skating with Orlaith and her dog.", [("Orlaith", 0.992)]),
        ("Je l'ai dit à Maëlys mais elle a rigolé.", [("Maëlys", 0.899)]),
        ("Mi vecina Itziar siempre me ayuda con los deberes.", [("Itziar", 0.996)]),
        ("Я рассказала Златославе про школу.", [("Златославе", 0.811)]),
        ("ذهبت مع صديقتي رغد إلى الحديقة.", [("رغد", 0.999)]),
        ("我和司马小蕾一起去图书馆。", [("司马", 0.238), ("小", 0.931), ("蕾", 0.843)]),
        ("The weather was nice and we played football after school.", []),
    ],
)
def test_exact_predictions_on_invented_texts(text: str, scores: list[tuple[str, float]]) -> None:
    weights, _ = learned.model()
    assert [(t.word, round(p, 3)) for t, p in learned.scored(text, weights) if p > 0.1] == scores


def test_a_name_is_the_words_at_or_above_the_threshold() -> None:
    text = "我和司马小蕾一起去图书馆。"
    assert [text[h.start : h.end] for h in learned.names(text)] == ["小", "蕾"]


@pytest.mark.parametrize(
    ("text", "rules", "with_model"),
    [
        ("Ayer Itziar no vino al recreo.", [], ["Itziar"]),
        ("Вчера Златослава не пришла в школу.", [], ["Златослава"]),
        ("كانت رغد حزينة اليوم.", [], ["رغد"]),
        ("昨天小蕾没来上学。", [], ["小蕾"]),
        ("At lunch Tamzin sat alone again.", [], []),
        ("Orlaith thinks the rules are unfair.", ["Orlaith"], ["Orlaith"]),
    ],
)
def test_find_removes_what_the_model_finds_beside_the_rules(
    text: str, rules: list[str], with_model: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert [text[f.start : f.end] for f in find(text)] == with_model
    monkeypatch.setattr(learned, "details", lambda _text: [])
    assert [text[f.start : f.end] for f in find(text)] == rules


def test_tokens_are_jiebas_words_in_chinese_and_letter_runs_elsewhere() -> None:
    assert [t.word for t in learned.tokens("Me and Tyler's dog, 12 km.")] == ["Me", "and", "Tyler's", "dog", "12", "km"]
    assert [(t.word, t.flag) for t in learned.tokens("我和小明")] == [
        ("我", "r"),
        ("和", "c"),
        ("小", "a"),
        ("明", "a"),
    ]


def test_the_shipped_weights_are_what_the_tool_builds_from_the_corpora() -> None:
    """tools/train_name_model.py --write-only, without writing: the same corpora give the same weights."""
    path = Path(__file__).resolve().parents[2] / "tools" / "train_name_model.py"
    spec = importlib.util.spec_from_file_location("train_name_model", path)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    records = [tool.prepared(r) for loader in tool.SETS.values() for r in loader()]
    shipped = json.loads(learned.MODEL.read_text(encoding="utf-8"))
    assert tool.train(records) == shipped["weights"]


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        # What the model adds where the rules deliberately leave words (test_redaction_structure.py): a pet's
        # name, a game, a capitalised verb, a public figure's family name, an honorific, a role word, and an Arabic
        # preposition glued to a name. Known costs, counted in the clean words removed (docs/consultations.md).
        ("we have a dog called Biscuit and a cat", ["Biscuit"]),
        ("у меня кошка, её зовут Муся", ["Муся"]),
        ("me and Minecraft are best friends", ["Minecraft"]),
        ("I read Harry Potter 3 times and Leí Don Quijote", ["Leí"]),
        ("邓紫棋的歌帮了我", ["邓"]),
        ("صديقي العزيز ساعدني كثيرا", ["العزيز"]),
        ("我和同学、老师一起去", ["老师"]),
        ("قلت لرهف وما صدقتني", ["لرهف"]),
    ],
)
def test_what_the_model_removes_that_the_rules_leave(text: str, removed: list[str]) -> None:
    assert [text[f.start : f.end] for f in find(text)] == removed
