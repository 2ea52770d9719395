"""Disclosures found by concepts that occur together, not by phrases: what carries over to unseen paraphrases.

A child who writes "I have scars on my wrists that I hide" or "nobody would even notice if I died" uses words no
phrase list foresaw, but the same few **concepts**: the writer (``self``), a harm act (``harm``), a body part
(``body``); nobody, dying, if. Each language has small concept lexicons (``data/safeguarding/concepts/<lang>.txt``:
stems, read on the same normalised words as the phrase lists, so accents, letter variants, leetspeak and repeated
letters do not matter), and :data:`RULES` say which concepts, found together in one sentence within a window of
words, make a disclosure of which category:

- self-harm: the writer, a harm act and a body part ("i punch walls until my knuckles bleed"); the writer and a
  blade with distress ("I keep a blade in my pencil case for when I feel bad"); the writer and self-punishment
  ("I starve myself as punishment");
- suicide: the writer, a wish and dying ("i just want to disappear"); the writer, a negation and being alive
  ("I don't see myself alive next year"); nobody, dying and the writer ("nobody would notice if I died");
- sexual abuse: touching, the writer and an actor, a secret or force ("he made me touch him");
- physical abuse: an actor, a violent act and the writer ("my step dad throws things at me");
- grooming: a stranger or an online place, asking or sending, and a lure (address, photos, gifts, meeting);
- bullying: the writer, mistreatment and repetition or a group ("every day they throw food at me");
- exploitation: the writer and a debt, or work with a debt or drugs ("I owe them now");
- running away: the writer and leaving home for good, or sleeping somewhere else tonight.

Every text is read with all six languages' concepts whatever the page language. **Guards** keep false alarms
down: a negation just before an act ("nobody hits me"), a discussion cue of the phrase lists near it, a hyperbole
of their exceptions ("I'd die for a pizza"), and a guard concept in the sentence (a news story, a lesson, a film,
advice "if someone asks you", a trouble that is over: "it stopped", an accident: "I fell off my bike"). A moderator
reads every answer anyway, so the rules lean to recall: a false alarm costs a lead a minute.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

CONCEPTS = Path(__file__).resolve().parent / "data" / "safeguarding" / "concepts"
WINDOW = {"zh-hans": 16}  # Chinese is read one character a word: a wider window
DEFAULT_WINDOW = 12
CLITICS = "وف"
SEEN_WORDS = 20_000  # words whose candidate entries each language keeps
# First-person subjects that open a clause (a negation before one belongs to the clause before it).
SUBJECTS = frozenset({"i", "je", "j", "yo", "я", "我", "انا"})
NEGATION_WINDOW = 3  # "nobody hits me", "ne me frappe", "pas du tout harcelé": the negation right before the act


@dataclass(frozen=True)
class Rule:
    """A category, the concepts that must all be found near each other, and whether a negation before one of them
    cancels it (it does for acts, "nobody hits me"; not where a negation is part of the meaning, "not alive")."""

    category: str
    concepts: tuple[str, ...]
    negatable: bool = True
    window: int | None = None  # words either side; None: the language's window


RULES: tuple[Rule, ...] = (
    Rule("self_harm", ("harm", "self", "body")),
    Rule("self_harm", ("blade", "self", "distress")),
    Rule("self_harm", ("punish", "self")),
    Rule("self_harm", ("harm", "reflexive")),
    Rule("suicide", ("hopeless", "self")),
    Rule("suicide", ("death", "self", "want")),
    Rule("suicide", ("death", "want"), window=3),
    Rule("suicide", ("life", "self", "negation"), negatable=False),
    Rule("suicide", ("death", "self", "nobody"), negatable=False),
    Rule("sexual_abuse", ("touch", "me", "actor")),
    Rule("sexual_abuse", ("touch", "me", "secret")),
    Rule("sexual_abuse", ("touch", "me", "force")),
    Rule("physical_abuse", ("violence", "me", "actor")),
    Rule("grooming", ("lure", "stranger", "ask")),
    Rule("grooming", ("lure", "me", "secret")),
    Rule("bullying", ("mistreat", "self", "repeat")),
    Rule("exploitation", ("owe", "self")),
    Rule("exploitation", ("work", "self", "owe")),
    Rule("exploitation", ("work", "self", "force")),
    Rule("running_away", ("leave", "self", "home")),
    Rule("running_away", ("leave", "self", "forever")),
    # Round 6: marks or cuts on the body that the child hides ("des marques sur les cuisses, je mets des collants",
    # "полоски на бедре, хожу в кофтах", "划道道…只敢穿长袖"); a jump from a height ("выйти в окно", "أطيح من
    # البلكونة"). Wider window: the hiding is often said in the next clause.
    Rule("self_harm", ("mark", "body", "conceal"), window=20),
    Rule("self_harm", ("harm", "body", "conceal"), window=20),
    Rule("self_harm", ("blade", "body", "conceal"), window=20),
    Rule("suicide", ("jump", "height", "self")),
    # Round 7: doing it again to the body and hiding it, whatever "it" is called ("doing the thing again on my
    # thighs where nobody can see", "volví a hacerme lo de las piernas… pa que no se note", "又没忍住在腿上…穿长裤").
    Rule("self_harm", ("relapse", "body", "conceal"), window=20),
    # Round 8: what the writer does to the body, unnamed, and hides ("long sleeves in June, it's cos of what I do to
    # my arms", "manches longues en juillet… mes bras que j'abîme", "lo que me hago en los brazos", "в водолазке…
    # из-за того, что я делаю с руками", "أكمام طويلة… اللي أسويه في ذراعي").
    Rule("self_harm", ("doing", "body", "conceal"), window=24),
    # Farewell letters written ("I've made my mind up and written the letters", "даже записки написала").
    Rule("suicide", ("farewell", "self")),
    # Giving all one's belongings away ("раздала все свои вещи", "I gave away all my stuff"): preparing to die.
    Rule("suicide", ("giveaway", "self")),
)
# Since round 5, what tells a joke or a question from a disclosure (see :func:`banter` and :func:`helping`).
BANTER = frozenset({"laughter", "trivial", "serious", "helping", "hyperbole"})
_NEEDED = tuple((rule, frozenset(rule.concepts)) for rule in RULES)
NAMES = frozenset(name for rule in RULES for name in rule.concepts) | {"guard", "accident"} | BANTER
# An accident in the sentence cancels these rules: it excuses a cut knee, not a wish to die (nor "told the
# doctor I fell").
ACCIDENT_GUARDED = frozenset({"self_harm"})


def words(text: str) -> str:
    from cwgcop.consultations.safeguarding import words as split  # the phrase lists' own split, read once

    return split(text)


class Entry(NamedTuple):
    """One concept entry as words: the last (or only) word may be a stem (``cut*``), the first a suffix (``*ني``)."""

    concept: str
    words: tuple[str, ...]
    prefix: bool
    suffix: bool


@dataclass
class Index:
    """A language's concept entries, looked up word by word: by the whole first word, by its first three letters
    (stems), or by its ending (suffixes, a short list). Cheaper than one large pattern tried at every word."""

    exact: dict[str, list[Entry]] = field(default_factory=dict)
    stems: dict[str, list[Entry]] = field(default_factory=dict)  # by the stem's first three letters (or fewer)
    suffixes: dict[str, list[Entry]] = field(default_factory=dict)
    suffix_lengths: tuple[int, ...] = ()
    stem_lengths: tuple[int, ...] = ()
    scripts: frozenset[str] = frozenset()  # the scripts its entries are written in: a text in none is skipped
    seen: dict[str, list[Entry]] = field(default_factory=dict)  # candidates of the words already read

    def add(self, entry: Entry) -> None:
        first = entry.words[0]
        self.scripts |= scripts(first)
        if entry.suffix:
            self.suffixes.setdefault(first, []).append(entry)
            self.suffix_lengths = tuple(sorted({*self.suffix_lengths, len(first)}))
        elif entry.prefix and len(entry.words) == 1:
            self.stems.setdefault(first[:3], []).append(entry)
            self.stem_lengths = tuple(sorted({*self.stem_lengths, min(3, len(first))}))
        else:
            self.exact.setdefault(first, []).append(entry)

    def candidates(self, word: str) -> list[Entry]:
        """The entries whose first word ``word`` fits (:func:`_first_fits`), kept for the words already seen (most
        words of an answer are the same few hundred; the memory is bounded)."""
        found = self.seen.get(word)
        if found is not None:
            return found
        found = list(self.exact.get(word, ()))
        for length in self.stem_lengths:
            found += self.stems.get(word[:length], ())
        for length in self.suffix_lengths:
            found += self.suffixes.get(word[-length:], ())
        # The longest first: where "صديق امي" matches, "امي" after it is not a second actor. (A set once gave the
        # order, so a text could read differently from one process to the next.)
        found = sorted((entry for entry in found if _first_fits(entry, word)), key=lambda entry: -len(entry.words))
        if len(self.seen) >= SEEN_WORDS:
            self.seen.clear()
        self.seen[word] = found
        return found


SCRIPTS = {
    "latin": re.compile(r"[a-zà-ɏ]"),
    "cyrillic": re.compile(r"[а-яё]"),
    "arabic": re.compile(r"[ء-ۓ]"),
    "cjk": re.compile(r"[\u3400-\u9fff\uf900-\ufaff]"),
}


def scripts(text: str) -> frozenset[str]:
    """The scripts ``text`` (normalised: lower case) has letters of."""
    return frozenset(name for name, letters in SCRIPTS.items() if letters.search(text))


def _entry(concept: str, raw: str) -> Entry:
    suffix, prefix = raw.startswith("*"), raw.endswith("*")
    pieces = tuple(words(raw.strip("*")).split())
    if not pieces or "." in pieces:
        raise ValueError(f"empty concept entry: {raw!r}")
    return Entry(concept, pieces, prefix, suffix)


def _first_fits(entry: Entry, token: str) -> bool:
    """Whether ``token`` is the entry's first word, as :func:`_matches` reads it."""
    piece = entry.words[0]
    if entry.suffix:
        return token.endswith(piece) and len(token) > len(piece)
    if entry.prefix and len(entry.words) == 1:
        return token.startswith(piece)
    return token == piece


def _matches(entry: Entry, tokens: list[str], at: int) -> bool:
    last = len(entry.words) - 1
    if at + last >= len(tokens):
        return False
    for offset, piece in enumerate(entry.words):
        token = tokens[at + offset]
        if offset == 0 and entry.suffix:
            if not (token.endswith(piece) and len(token) > len(piece)):
                return False
        elif offset == last and entry.prefix:
            if not token.startswith(piece):
                return False
        elif token != piece:
            return False
    return True


DIALECT_PREFIXES = "بكهح"
# First-person possessives: a discussion cue right after one is the child's own thing ("my book", "我的书"), not
# a lesson or a story (a guard stays one: "in my book the heroine runs away").
POSSESSIVES = frozenset(
    {"my", "mon", "ma", "mes", "mi", "mis", "мой", "моя", "мою", "мои", "моё", "мое", "моего", "моей", "的"}
)


def _undialect(token: str) -> str:
    """An Arabic verb without the present or future prefix of the dialects: "بيضربني" -> "يضربني" (Levantine and
    Egyptian ب, Maghrebi ك), "هطلع"/"حطلع" -> "اطلع" (Egyptian and Levantine future, the first person's ا dropped)."""
    if len(token) <= 3 or token[0] not in DIALECT_PREFIXES:
        return token
    if token[1] in "يتنا":
        return token[1:]
    return "ا" + token[1:] if token[0] in "هح" else token


def _possessed(tokens: list[str], index: int) -> bool:
    """Whether the word at ``index`` follows "my" ("my book", "我的书": the guard "的书" starts at 的)."""
    return index > 0 and (tokens[index - 1] in POSSESSIVES or tokens[index - 1 : index + 1] == ["我", "的"])


@cache
def concepts(language: str) -> Index:
    """``language``'s concept entries, indexed for :func:`found`."""
    index = Index()
    for raw in (CONCEPTS / f"{language}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, _, values = line.partition(":")
        name = name.strip()
        if name not in NAMES:
            raise ValueError(f"unknown concept {name!r} in safeguarding concepts {language}")
        for value in dict.fromkeys(v.strip() for v in values.split(",") if v.strip()):  # the file's order
            index.add(_entry(name, value))
    return index


def occurrences(language: str, text: str) -> dict[str, list[int]]:
    """For each concept of ``language`` found in ``text`` (normalised words, one space apart), the indexes of the
    words where it starts (a fresh dictionary: the rules add to it)."""
    return {name: list(found) for name, found in _occurrences(language, text).items()}


@lru_cache(maxsize=64)  # the rules, the joke and helping guards and the learned detector read the same answer
def _occurrences(language: str, text: str) -> dict[str, tuple[int, ...]]:
    index = concepts(language)
    tokens = text.split(" ")
    where: dict[str, list[int]] = {}
    readings = [tokens]
    if language == "ar":  # "ويضربونني", "فأهرب": "and" and "so" are written on the word; read it without them too
        bare = [t[1:] if len(t) > 3 and t[0] in CLITICS else t for t in tokens]
        readings.append(bare)
        # Since round 6, the dialects' present and future prefixes too: "بيضربني", "كيضربني" (يضربني), "هطلع" (اطلع).
        readings.append([_undialect(t) for t in bare])
    for reading in readings:
        ends: dict[str, int] = {}  # where each concept's last match ends: "离家出走" is one leaving, not two
        last = len(reading) - 1
        for at, token in enumerate(reading):
            following = reading[at + 1] if at < last else None
            for entry in index.candidates(token):  # each one's first word fits: one word is a match
                pieces = entry.words
                if len(pieces) > 1 and (following is None or (pieces[1] != following and not entry.prefix)):
                    continue  # its second word is not the next one (read whole unless it is a stem)
                if at >= ends.get(entry.concept, 0) and (len(pieces) == 1 or _matches(entry, reading, at)):
                    ends[entry.concept] = at + len(pieces)
                    where.setdefault(entry.concept, []).append(at)
    return {name: tuple(sorted(set(found))) for name, found in where.items()}


def found(
    language: str,
    text: str,
    sentence_of: list[int],
    cues: Callable[[], dict[str, list[int]]],
    text_scripts: frozenset[str] | None = None,
) -> tuple[set[str], set[int]]:
    """The categories the rules find in ``text`` (the normalised words, one space apart) with ``language``'s
    concepts, and the sentences a guard concept is in (the phrase lists' topics are not read there either).
    ``sentence_of`` gives each word's sentence; ``cues()`` the word indexes of the phrase lexicon's negations,
    discussion cues and exceptions in the same language (read only when a rule could fire); ``text_scripts`` the
    scripts of ``text``, if the caller has them."""
    if not concepts(language).scripts & (text_scripts if text_scripts is not None else scripts(text)):
        return set(), set()  # no letter of this language's script: none of its concepts can be there
    where = occurrences(language, text)
    tokens = text.split(" ")
    guarded = {sentence_of[i] for i in where.get("guard", [])}
    present = where.keys() | {"negation"}
    possible = [rule for rule, needed in _NEEDED if needed <= present]
    if not possible:
        return set(), guarded  # most answers: no rule has all its concepts, and no cue needs reading
    read = cues()
    where["negation"] = read.get("negation", [])
    accidents = {sentence_of[i] for i in where.get("accident", [])}
    excluded = set(read.get("except", []))
    body = set(where.get("body", []))
    # Not a discussion: "my book" (a thing of the child's), "sur les cuisses" (a place on the body)
    discussions = [
        d for d in read.get("discussion", []) if not _possessed(tokens, d) and not body & {d + 1, d + 2, d + 3}
    ]
    negations = where["negation"] + where.get("nobody", [])  # "محد يتنمر علي": nobody bullies me

    def negated(negation: int, index: int) -> bool:
        """A negation just before the act, in the same clause: not when a subject starts a new one between them
        ("quand ça va pas je me coupe": the "pas" is about the mood, not the cutting)."""
        return index - NEGATION_WINDOW <= negation < index and not SUBJECTS.intersection(tokens[negation + 1 : index])

    def cancelled(rule: Rule, index: int) -> bool:
        sentence = sentence_of[index]
        return (
            sentence in guarded
            or index in excluded
            or (rule.category in ACCIDENT_GUARDED and sentence in accidents)
            or (rule.negatable and any(negated(n, index) for n in negations))
            or any(abs(d - index) <= 2 and sentence_of[d] == sentence for d in discussions)
        )

    def near(index: int, name: str, window: int) -> bool:
        return any(
            abs(other - index) <= window and sentence_of[other] == sentence_of[index] and other not in excluded
            for other in where[name]
        )

    hits: set[str] = set()
    for rule in possible:
        if rule.category in hits or not all(name in where for name in rule.concepts):
            continue
        anchor, *others = rule.concepts
        window = rule.window or WINDOW.get(language, DEFAULT_WINDOW)
        if any(
            not cancelled(rule, index) and all(near(index, name, window) for name in others) for index in where[anchor]
        ):
            hits.add(rule.category)
    return hits, guarded


# Laughing faces, read on the text as typed (normalisation keeps letters only).
LAUGHING = re.compile(
    "[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f639\U0001f480\u2620\U0001f643\U0001f61c\U0001f61d\U0001f92a]"
)
# What shows a wish to die is meant, whatever else the text says: said to be serious, lasting ("every day",
# "anymore"), hopelessness, nobody, not being alive, self-harm.
SERIOUS = ("serious", "hopeless", "nobody", "harm", "blade", "punish", "life")


def _everywhere(text: str) -> dict[str, list[int]]:
    """Every language's concepts found in ``text`` (normalised words), merged."""
    where: dict[str, list[int]] = {}
    present = scripts(text)
    for language in LANGUAGES:
        if concepts(language).scripts & present:
            for name, found in occurrences(language, text).items():
                where.setdefault(name, []).extend(found)
    return where


def held(text: str) -> frozenset[str]:
    """The names of the concepts of any language found in ``text`` (normalised words): features of the learned
    disclosure detector (:mod:`.disclosure_model`)."""
    return frozenset(_everywhere(text))


def held_by_sentence(text: str, parts: list[str]) -> list[frozenset[str]]:
    """:func:`held` of each of ``parts``, the sentences of ``text`` (its runs of words between the words "."), read
    from ``text``'s own occurrences: no entry holds a ".", so none runs across a sentence's end, and each sentence's
    are those of the text that start inside it (the languages read are those whose scripts the sentence has)."""
    tokens = text.split(" ")
    if "" in tokens:
        return [held(part) for part in parts]
    spans, start = [], None
    for at, word in enumerate([*tokens, "."]):
        if word != "." and start is None:
            start = at
        elif word == "." and start is not None:
            spans.append((start, at))
            start = None
    if len(spans) != len(parts):
        return [held(part) for part in parts]
    found: list[set[str]] = [set() for _ in parts]
    present = [scripts(part) for part in parts]
    for language in LANGUAGES:
        index = concepts(language)
        reads = [bool(index.scripts & one) for one in present]
        if not any(reads):
            continue
        for name, where in _occurrences(language, text).items():
            for k, (first, end) in enumerate(spans):
                if reads[k] and any(first <= at < end for at in where):
                    found[k].add(name)
    return [frozenset(names) for names in found]


def banter(raw: str, text: str) -> bool:
    """Whether a wish to die in ``raw`` (``text``: its normalised words) is a joke: laughter (a word or a laughing
    face) and a trivial cause ("this game is so hard i want to die lol", "ce niveau est tellement dur je vais
    mourir mdr", "这关太难了我要死了哈哈"), and nothing that shows it is meant ("lol but seriously", "nobody would
    care", "every day", a self-harm word). Laughter alone is not enough: a child may laugh to soften a disclosure.
    Since round 7 a hyperbole stands for the laughter (:func:`hyperbole`)."""
    where = _everywhere(text)
    laughing = "laughter" in where or "hyperbole" in where or LAUGHING.search(raw) is not None
    return laughing and "trivial" in where and not any(name in where for name in SERIOUS)


def hyperbole(text: str) -> bool:
    """Round 7: whether ``text`` (normalised words) exaggerates past belief about a trivial cause, with nothing
    serious: an absurd or impossible consequence in each language's idiom ("start planning the funeral", "je
    change de nom", "me entierra y me revive", "сменю имя", "ادفنوني", "大卸八块", "找个地缝钻进去") and a trivial
    cause (a test, a school report, a song, snacks, heat). Then a threat, a beating, leaving or dying said so is
    the child's joke, not a disclosure (not for sexual abuse, grooming, exploitation or bullying)."""
    where = _everywhere(text)
    if "hyperbole" not in where or "trivial" not in where:
        return False
    return not any(_serious(name, index, where) for name in SERIOUS for index in where.get(name, []))


def _serious(name: str, index: int, where: dict[str, list[int]]) -> bool:
    """Round 8: whether a serious concept at ``index`` is one. Living, right by the hyperbole, is the hyperbole's
    own ("vivre dans Minecraft", "сбегаю жить в Майнкрафт"); nobody just before asking or making is relief, not
    loneliness ("at least there nobody makes me do the dishes", "personne me demande", "没人叫我洗碗")."""
    if name == "life" and any(abs(index - other) <= HYPERBOLE_LIFE for other in where["hyperbole"]):
        return False
    return not (name == "nobody" and any(0 < other - index <= 3 for other in where.get("ask", [])))


HYPERBOLE_LIFE = 3


def helping(text: str, sentence_of: list[int]) -> set[int]:
    """The sentences that ask how to help someone else ("my friend is being bullied and i want to know how to help
    her"): a question, not a disclosure, for bullying (only: a friend's abuse is still worth a lead's look)."""
    return {sentence_of[i] for i in _everywhere(text).get("helping", [])}


LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
