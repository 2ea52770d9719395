"""The safeguarding check's concept rules (consultations/concepts.py): concepts found together, not phrases."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cwgcop.consultations import concepts
from cwgcop.consultations.safeguarding import LANGUAGES, by_concepts, rules, words


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # The writer, a harm act and a body part: no phrase of the lists says this.
        ("i have scars on my wrists that i hide", {"self_harm"}),
        # Nobody, dying and the writer.
        ("nobody would even notice if i died", {"suicide"}),
        # The writer, a negation and being alive.
        ("je ne me vois pas vivante l'année prochaine", {"suicide"}),
        # An adult, a violent act and me.
        ("my step dad throws things at me when hes drunk", {"physical_abuse"}),
        ("отчим кидает в меня вещи когда пьяный", {"physical_abuse"}),
        # A stranger online, asking, and a lure (address, presents).
        ("a guy i play minecraft with wants my address so he can send me presents", {"grooming"}),
        # Mistreatment, the writer and repetition.
        ("every day at lunch they throw food at me and film it", {"bullying"}),
        # Leaving home, the writer, and where one will sleep instead.
        ("im not going back home tonight, ill sleep at the train station", {"running_away"}),
        # The writer and a debt.
        ("older boys give me weed to sell at school and say i owe them now", {"exploitation"}),
        # The writer and punishing oneself, in Chinese read one character a word.
        ("我做错事就饿着自己惩罚自己", {"self_harm"}),
        # Touching, me and a secret (and a lure and a secret: grooming too), in Arabic and Spanish.
        ("سائق باص المدرسة يلمس رجلي ويقول إني المفضلة عنده وإنه سر", {"sexual_abuse", "grooming"}),
        ("mi tío me toca y dice que es nuestro secreto", {"sexual_abuse", "grooming"}),
    ],
)
def test_concepts_found_together_make_a_disclosure(text: str, categories: set[str]) -> None:
    """The concept rules (the learned detector may set a finding aside: test_disclosure_model.py pins which)."""
    assert by_concepts(text) == categories
    assert rules(text).categories >= categories


@pytest.mark.parametrize(
    "text",
    [
        # A news story about abuse, a school lesson on bullying, advice: the guard concept is in the sentence.
        "the news said a girl was abused by her stepdad and he hit her every day",
        "in class we learned that bullies post fake accounts and laugh at people every day",
        "if someone online asks for your address or photos tell a trusted adult",
        "I read that kids who run away often sleep at the station",
        # A trouble that is over, a negation right before the act, an accident.
        "my friend was bullied every day last year but it stopped",
        "nobody hits me at home",
        "i fell off my bike and cut my arm",
        # Hyperbole (the phrase lists' exceptions).
        "i'd die for a pizza right now",
    ],
)
def test_guards_keep_texts_about_the_topics_from_the_concept_rules(text: str) -> None:
    assert by_concepts(text) == frozenset()


def test_a_guard_sentence_silences_the_phrase_lists_topics_too() -> None:
    """'bullied' needs an experiencer ("my"): found, but a trouble that is over ("it stopped") is no disclosure."""
    assert rules("my friend was bullied in year 4 but it stopped and she's fine now").categories == frozenset()
    assert rules("my friend is bullied in year 4").categories == {"bullying"}


def test_arabic_is_read_without_its_and_clitic() -> None:
    """ "ويضربونني": "and they hit me"; the word is read as written and without its "و". "ياخذون مصروفي" ("they
    take my pocket money") is one mistreatment: the longest entry at a word is read first, so "مصروفي" inside it does
    not count again (before the fourteenth round the order of a set decided, and could differ between processes)."""
    where = concepts.occurrences("ar", words("الكبار ياخذون مصروفي ويضربونني"))
    assert (where["repeat"], where["mistreat"], where["violence"], where["me"]) == ([0], [1, 3], [3], [3])


def test_the_concepts_read_the_same_whatever_the_hash_seed() -> None:
    """Candidates come in the file's order, the longest first: two interpreters with other hash seeds find the same
    occurrences."""
    code = (
        "from cwgcop.consultations import concepts; from cwgcop.consultations.safeguarding import words;"
        "print(concepts.occurrences('ar', words('الكبار ياخذون مصروفي ويضربونني')))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1


def test_a_long_match_counts_once_and_its_negation_cancels_it() -> None:
    """ "离家出走" is one leaving (not 离家出走 and 出走): "我绝对不会离家出走" is negated."""
    assert concepts.occurrences("zh-hans", "我 绝 对 不 会 离 家 出 走")["leave"] == [5]
    assert by_concepts("我绝对不会离家出走，我家人很好") == frozenset()


def test_every_language_has_every_concept_of_the_rules() -> None:
    needed = {name for rule in concepts.RULES for name in rule.concepts} - {"negation"}
    for language in LANGUAGES:
        index = concepts.concepts(language)
        present = {
            e.concept for entries in (index.exact, index.stems, index.suffixes) for v in entries.values() for e in v
        }
        assert needed <= present, (language, needed - present)


def test_an_unknown_concept_is_refused(tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path  # type: ignore[assignment]
    (folder / "xx.txt").write_text("feelings: sad\n", encoding="utf-8")  # type: ignore[operator]
    monkeypatch.setattr(concepts, "CONCEPTS", folder)
    with pytest.raises(ValueError, match="unknown concept 'feelings'"):
        concepts.concepts.__wrapped__("xx")
