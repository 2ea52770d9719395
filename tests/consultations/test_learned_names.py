"""The learned detector of names, schools and addresses (redaction/learned.py): the shipped weights load and give
exact predictions on invented texts, and find() removes what it finds beside the rules. The figures on the corpora
are pinned in test_redaction_corpus.py; the weights are rebuilt by tools/train_name_model.py (docs/consultations.md)."""

from __future__ import annotations

import importlib.util
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from cwgcop.consultations.redaction import find, learned
from cwgcop.consultations.redaction.base import Category, Hit

THRESHOLDS = (0.4, 0.5, 0.5)  # names, schools, addresses (docs/consultations.md, "The fourteenth round")


def test_the_shipped_model_loads_with_the_thresholds_chosen_by_cross_validation() -> None:
    assert learned.model() == THRESHOLDS
    assert set(learned.tagger().labels()) == {"O", "name", "school", "address"}


@pytest.mark.parametrize(
    ("text", "scores"),
    [
        (
            "Yesterday I went skating with Orlaith and her dog.",
            [("Orlaith", (0.969, 0.003, 0.001))],
        ),
        ("Je l'ai dit à Maëlys mais elle a rigolé.", [("Maëlys", (0.597, 0.005, 0.001))]),
        ("Mi vecina Itziar siempre me ayuda con los deberes.", [("Itziar", (0.999, 0.0, 0.0))]),
        ("Я рассказала Златославе про школу.", [("Златославе", (0.695, 0.01, 0.001))]),
        (
            "我和司马小蕾一起去图书馆。",
            [("司马", (0.831, 0.002, 0.0)), ("小", (0.877, 0.002, 0.0)), ("蕾", (0.936, 0.002, 0.0))],
        ),
        (
            "I go to Hollybrook Academy and we live at 14 Marsh Lane, Leeds.",
            [
                ("Hollybrook", (0.002, 0.988, 0.001)),
                ("Academy", (0.004, 0.988, 0.001)),
                ("14", (0.0, 0.0, 0.999)),
                ("Marsh", (0.0, 0.0, 0.999)),
                ("Lane", (0.0, 0.0, 0.999)),
                ("Leeds", (0.007, 0.001, 0.963)),
            ],
        ),
        ("The weather was nice and we played football after school.", []),
    ],
)
def test_exact_predictions_on_invented_texts(text: str, scores: list[tuple[str, tuple[float, float, float]]]) -> None:
    """Each word's probabilities of being part of a name, a school, an address (those with one over 0.1)."""
    found = [(t.word, tuple(round(p, 3) for p in ps)) for t, ps in learned.scored(text) if max(ps) > 0.1]
    assert found == scores


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("我和司马小蕾一起去图书馆。", [("司马小蕾", "name")]),
        (
            "I go to Hollybrook Academy and we live at 14 Marsh Lane, Leeds.",
            [("Hollybrook Academy", "school"), ("14 Marsh Lane, Leeds", "address")],
        ),
        (
            "我在北京市第八十中学上学，住在朝阳区望京西园三区。",
            [("北京市第八十中学", "school"), ("朝阳区望京西园三区", "address")],
        ),
        # A known cost of the CRF: it takes the school for an address and "живу на" ("I live on") into the address
        # after it; find() keeps the rules' school and address here (test_find_removes_the_schools...).
        (
            "Я учусь в гимназии №17, живу на улице Садовой, дом 5.",
            [("гимназии", "address"), ("17, живу на улице Садовой, дом 5", "address")],
        ),
        # One letter outside Chinese is never a detail ("I", "y", "и"), whatever its score.
        ("y me dijo que no", []),
    ],
)
def test_a_detail_is_the_neighbouring_words_of_one_category_at_or_above_its_threshold(
    text: str, details: list[tuple[str, str]]
) -> None:
    assert [(text[h.start : h.end], h.category.value) for h in learned.details(text)] == details


def test_find_removes_the_schools_and_addresses_the_model_finds() -> None:
    text = "Я учусь в гимназии №17, живу на улице Садовой, дом 5."
    assert [(text[f.start : f.end], f.category.value) for f in find(text)] == [
        ("гимназии №17", "school"),
        ("улице Садовой, дом 5", "address"),
    ]


@pytest.mark.parametrize(
    ("text", "rules", "with_model"),
    [
        ("Ayer Itziar no vino al recreo.", [], ["Itziar"]),
        ("Вчера Златослава не пришла в школу.", [], ["Златослава"]),
        ("كانت رغد حزينة اليوم.", [], ["رغد"]),
        ("昨天小蕾没来上学。", [], ["蕾"]),
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


def test_a_chinese_name_jieba_reads_with_its_title_is_the_name_and_the_title() -> None:
    assert [(t.word, t.flag, t.start, t.end) for t in learned.tokens("班主任刘老师每周收手机")] == [
        ("班主任", "n", 0, 3),
        ("刘", "nr", 3, 4),
        ("老师", "n", 4, 6),
        ("每周", "r", 6, 8),
        ("收", "v", 8, 9),
        ("手机", "n", 9, 11),
    ]


@pytest.mark.parametrize(
    ("word", "probabilities", "category"),
    [
        ("Ramiro", (0.9, 0.0, 0.0), Category.NAME),
        ("Mrs", (0.9, 0.0, 0.0), None),  # a title is never a name, whatever its score
        ("don", (0.9, 0.0, 0.0), None),
        ("Don", (0.9, 0.0, 0.0), Category.NAME),  # "Don" is a given name too
        ("老师", (0.9, 0.0, 0.0), None),
        ("خويا", (0.66, 0.0, 0.0), None),
        ("Miss", (0.9, 0.0, 0.5), Category.ADDRESS),  # the next category it reaches
    ],
)
def test_a_title_or_kin_word_is_never_labelled_a_name(
    word: str, probabilities: tuple[float, float, float], category: Category | None
) -> None:
    assert learned.category_of(word, probabilities, THRESHOLDS) == category


@pytest.mark.parametrize(
    ("text", "index", "opening"),
    [
        ("Call me on +254 722 000 111.", 0, True),  # a frequent word, capitalised because it comes first
        ("I said no. Tell them.", 3, True),  # after a sentence's end
        ("Rose told me.", 0, False),  # a name that is also a word
        ("Ah Seng told me.", 0, False),  # before another capitalised word: a name
        ("we Call Zuzanna", 1, False),  # not first
    ],
)
def test_a_frequent_word_opening_a_sentence_is_not_a_name(text: str, index: int, opening: bool) -> None:
    toks = learned.tokens(text)
    assert learned.opening_word(text, toks[index], toks[index + 1]) is opening


def _scores(text: str, probabilities: list[tuple[float, float, float]]) -> tuple:  # type: ignore[type-arg]
    toks = learned.tokens(text)
    assert len(toks) == len(probabilities)
    return tuple(zip(toks, probabilities, strict=True))


@pytest.mark.parametrize(
    ("probabilities", "kept"),
    [
        # The model is sure the verb and its object are none of the three: the rules' school ends before them.
        ([(0, 0, 0), (0, 1, 0), (0, 1, 0), (0, 0.98, 0), (0.01, 0.01, 0), (0, 0.015, 0.0)], "مدرسة الملك الثانوية"),
        # Not sure (0.35, then 0.04 ≥ 0.02): the words stay in.
        (
            [(0, 0, 0), (0, 1, 0), (0, 1, 0), (0, 0.98, 0), (0, 0.35, 0), (0, 0.04, 0)],
            "مدرسة الملك الثانوية يسحبون الجوالات",
        ),
        ([(0, 0, 0), (0, 1, 0), (0, 1, 0), (0, 0.98, 0), (0, 0.35, 0), (0, 0.01, 0)], "مدرسة الملك الثانوية يسحبون"),
        # Never the first word.
        ([(0, 0, 0), (0, 0.9, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)], "مدرسة"),
    ],
)
def test_the_model_takes_off_the_end_of_a_rules_school_what_it_is_sure_is_not_one(
    probabilities: list[tuple[float, float, float]], kept: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "في مدرسة الملك الثانوية يسحبون الجوالات"
    monkeypatch.setattr(learned, "scored", lambda t: _scores(t, probabilities))
    hit = Hit(text.index("مدرسة"), len(text), Category.SCHOOL)
    out = learned.trimmed(text, hit)
    assert out is not None
    assert (text[out.start : out.end], out.category) == (kept, Category.SCHOOL)
    name = Hit(3, 8, Category.NAME)
    assert learned.trimmed(text, name) is name  # names are not trimmed


@pytest.mark.database_free
def test_the_shipped_model_is_what_the_tool_builds_from_the_corpora(tmp_path: Path) -> None:
    """tools/train_name_model.py --write-only, into another file: the same corpora give the same model."""
    path = Path(__file__).resolve().parents[2] / "tools" / "train_name_model.py"
    spec = importlib.util.spec_from_file_location("train_name_model", path)
    assert spec is not None
    assert spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    assert "blind13" in tool.SETS
    assert not any("14" in name for name in tool.SETS if name.startswith("blind"))
    records = [tool.prepared(r) for loader in tool.SETS.values() for r in loader()]
    tool.train(records, tmp_path / "model.crfsuite")
    assert (tmp_path / "model.crfsuite").read_bytes() == learned.MODEL.read_bytes()
    assert json.loads(learned.THRESHOLDS.read_text(encoding="utf-8"))["params"] == tool.PARAMS


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        # What the model adds where the rules deliberately leave words (test_redaction_structure.py): a pet's
        # name, a game, a capitalised verb, a public figure's family name, an honorific, a role word, and an Arabic
        # preposition glued to a name. Known costs, counted in the clean words removed (docs/consultations.md).
        # A city after "and" (since the eleventh round's retraining).
        ("We went to Paris and Nairobi in 2019", ["Nairobi"]),
        # A capitalised verb opening an answer is not a name (the demo's answer; a training writer of carefully
        # written answers since the thirteenth round).
        ("Call me on +254 722 000 111 if you want to know more.", ["+254 722 000 111"]),
        ("we have a dog called Biscuit and a cat", ["Biscuit"]),
        ("у меня кошка, её зовут Муся", ["Муся"]),
        ("me and Minecraft are best friends", ["Minecraft"]),
        ("I read Harry Potter 3 times and Leí Don Quijote", ["Leí"]),
        # Since the thirteenth round's CRF, a role word and an Arabic preposition glued to a name are left.
        ("我和同学、老师一起去", []),
        ("قلت لرهف وما صدقتني", ["رهف"]),
    ],
)
def test_what_the_model_removes_that_the_rules_leave(text: str, removed: list[str]) -> None:
    assert [text[f.start : f.end] for f in find(text)] == removed


def test_threads_share_one_tagger_and_get_their_own_answers_findings() -> None:
    """A CRFsuite tagger holds the answer it was last given: threads of a server share the process's tagger, one
    answer at a time (the lock), and each gets its own answer's findings, even when the interpreter switches threads
    as often as it can."""
    texts = [
        "I go to Hollybrook Academy and we live at 14 Marsh Lane, Leeds.",
        "Mi vecina Itziar me ayuda.",
        "我和司马小蕾一起去图书馆。",
        "The weather was nice and we played football after school.",
    ] * 25
    expected = [learned.details(text) for text in texts]
    assert [bool(found) for found in expected[:4]] == [True, True, True, False]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            assert list(pool.map(learned.details, texts)) == expected
            assert set(pool.map(lambda _n: id(learned.tagger()), range(8))) == {id(learned.tagger())}
    finally:
        sys.setswitchinterval(interval)
