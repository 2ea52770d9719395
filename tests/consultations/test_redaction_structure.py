"""Names found by where they stand (consultations/redaction/structure.py), with exact spans."""

from __future__ import annotations

import pytest

from cwgcop.consultations.redaction import find, highlights, structure


def _names(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find(text) if f.category.value == "name"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # After a kinship or role word: the capitalised name and the family name after it.
        ("my step mum Claire Donovan set up my phone", ["Claire Donovan"]),
        ("ma belle-mère Sandrine Leroy a réglé mon téléphone", ["Sandrine Leroy"]),
        ("mi prima Itziar Etxeberria juega conmigo", ["Itziar Etxeberria"]),
        ("моя тётя Снежана Петрова", ["Снежана Петрова"]),
        ("زوجة ابوي منال القحطاني ضبطت جوالي", ["منال القحطاني"]),
        ("خالتي هند العتيبي", ["هند العتيبي"]),
        ("我继父赵建国不让我玩", ["赵建国"]),
        # After a verb of asking, telling or texting.
        ("text Marley if you want the link", ["Marley"]),
        ("écris à Timéo ce soir", ["Timéo"]),
        ("позвони Ярославу", ["Ярославу"]),
        # Before a class or form code, or "from my class".
        ("ask Bethany in 7C she knows everything", ["Bethany"]),
        ("pregúntale a Alba de 6ºB que lo sabe todo", ["Alba"]),
        ("спроси Злату из 6 «Б» она всё знает", ["Злату"]),
        ("اسألوا رغد من سادس ب تعرف كل شي", ["رغد"]),
        ("问问六年级二班的蒋欣然，她什么都知道", ["蒋欣然"]),
        ("Rayane de ma classe dit que c'est nul", ["Rayane"]),
        # "X and I" in Arabic, whatever the name.
        ("سلطان وانا انهكرنا في روبلوكس", ["سلطان"]),
    ],
)
def test_a_name_is_found_by_where_it_stands(text: str, names: list[str]) -> None:
    assert _names(text) == names


def test_a_full_name_is_removed_unless_a_public_figure_of_the_list() -> None:
    text = "Lionel Messi and Юрия Гагарина are heroes but Claire Donovan is my neighbour"
    assert [(f.start, f.end) for f in find(text)] == [(46, 60)]


@pytest.mark.parametrize(
    "text",
    [
        # Public figures and titles, inflected too ("Гарри Поттера").
        "I read Harry Potter 3 times and Leí Don Quijote",
        "Я прочитал Гарри Поттера три раза",
        "Taylor Swift said on TikTok that its ok to ask for help",
        # A brand after a verb of asking; a common word after a kinship cue in Arabic.
        "Ask Google if unsure",
        "صديقي العزيز ساعدني كثيرا",
        # The cue word itself is no name ("ask my friend Omar": the name after it is).
        "ask your teacher",
    ],
)
def test_what_stands_where_a_name_could_is_not_always_one(text: str) -> None:
    assert _names(text) == []


def test_a_full_name_no_list_knows_is_left_for_the_moderator_who_sees_it() -> None:
    text = "I think Wanjiru Kamau from our street should answer"
    assert find(text) == []
    assert [(text[h.start : h.end], h.category.value) for h in highlights(text)] == [("Wanjiru Kamau", "name")]


def test_public_names_match_their_inflected_forms_and_only_them() -> None:
    assert structure.is_public("Нельсона Манделу")
    assert structure.is_public("Marie Curie")
    assert not structure.is_public("Marie Dupont")
