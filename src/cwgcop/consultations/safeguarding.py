"""Spotting answers that suggest a child may be at risk, in all six languages whatever the page's language.

The word lists are data (``data/safeguarding/<language>.txt``, format in its README). The text is put through
:func:`cwgcop.consultations.normalise.normalise` (so "K\u200bILL", "k1ll", "kiiill" and "ｋｉｌｌ" are one word),
split into words (each Chinese character is a word of its own) and sentences, and read against every language's
lexicon:

- a **phrase** ("kill myself", "unalive", "不想活") is enough on its own;
- a **topic** word ("hits", "bullied", "nudes") counts only with an **experiencer** cue ("me", "my", "я", "我")
  in the same sentence within the lexicon's window of words, so "bullying is a big problem in many schools" is
  not flagged and "they bully me every day" is;
- either is dropped when a **negation** comes just before it ("nobody hits me", "I have never been bullied"), a
  topic also when a **discussion** cue is near ("our school should teach about cyberbullying", "the report on
  child abuse"), and both inside an **exception** ("I'd die for a pizza", "killed me in Fortnite").

A learned detector (:mod:`.disclosure_model`) reads every answer too (issue 13's tenth round). :func:`assess` flags
an answer the rules find nothing in when the model's score reaches its threshold (a finding without a category),
and sets aside what the rules found when the score is under its veto (a lower one for suicide and self-harm), unless
an explicit phrase found it (:func:`stands`): the rules' topic-and-cue matches were most of the false alarms on
unseen text, and the model reads them in context.

A false alarm costs a safeguarding lead a minute; a missed disclosure costs far more. The measured recall and
false-alarm rates per language and category are in docs/consultations.md (``bench/safeguarding_corpus.py``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

from cwgcop.consultations import concepts, disclosure_model
from cwgcop.consultations.enums import RiskCategory
from cwgcop.consultations.normalise import normalise

LISTS = Path(__file__).resolve().parent / "data" / "safeguarding"
LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")
CATEGORIES: tuple[str, ...] = tuple(RiskCategory.values)
CUES = ("experiencer", "negation", "discussion", "except")
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{CJK}]|[^\W_{CJK}]+|[.!?;\n。！？；؟…]+")  # a comma (Latin, Arabic "،") ends no sentence
# "don't", "I'm", "it's": one word; "j'ai", "m'a", "l'école": two.
CONTRACTION = re.compile(r"'(?=(?:t|m|re|ve|ll|d|s)\b)")
SENTENCE_END = "."


@dataclass(frozen=True)
class Finding:
    """What the check found: the categories of risk and the lexicons (languages) that found them; ``learned`` when
    the rules found nothing and the learned detector (:mod:`.disclosure_model`) took the answer for a disclosure
    (a case without a category: the lead reads "Found by the safeguarding check")."""

    categories: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    learned: bool = False
    # The categories found by an explicit phrase ("kill myself", "不想活"), not by a topic and a cue.
    phrased: frozenset[str] = frozenset()
    # What the rules found and the learned detector set aside (not flagged; kept for the measurement tools).
    doubted: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.categories) or self.learned


@dataclass
class Lexicon:
    language: str
    window: int = 5
    negation_window: int = 3
    cues: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    # Every phrase and topic of every category in one pattern: group ``p_<category>`` or ``t_<category>``.
    terms: re.Pattern[str] | None = None
    # The same, one pattern for each first character of its alternatives (read by :func:`term_matches`).
    by_first: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # The scripts its phrases and topics are written in: a text with letters of none of them cannot match one.
    scripts: frozenset[str] = frozenset()


def words(text: str) -> str:
    """The normalised text as words joined by single spaces; every sentence end is the word ``.``."""
    key = CONTRACTION.sub("", normalise(text)).replace("'", " ")
    return " ".join(SENTENCE_END if not token[0].isalnum() else token for token in TOKEN.findall(key))


def _term_regex(term: str) -> str:
    """``cut* myself``, ``dont want to .. alive``: ``*`` ends a prefix, ``..`` skips up to two words."""
    regex = ""
    gap = False
    for part in term.split():
        if part == "..":
            gap = True
            continue
        prefix = part.endswith("*")
        pieces = words(part.rstrip("*")).split()
        if not pieces:
            raise ValueError(f"empty term in safeguarding list: {term!r}")
        for i, piece in enumerate(pieces):
            token = re.escape(piece) + ("[^ .]*" if prefix and i == len(pieces) - 1 else "")
            if regex:
                regex += ("(?: [^ .]+){0,2}" if gap else "") + " "
            regex += token
            gap = False
    return regex


def _ordered(terms: list[str]) -> list[str]:
    """The terms' patterns, longest first."""
    return sorted({_term_regex(term) for term in terms}, key=len, reverse=True)


def _alternatives(terms: list[str]) -> str:
    return "|".join(_ordered(terms))


def _compile(terms: list[str]) -> re.Pattern[str] | None:
    if not terms:
        return None
    return re.compile(r"(?<![^ ])(?:" + _alternatives(terms) + r")(?![^ ])")


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon of ``language``, read from its list once per process."""
    sections: dict[str, list[str]] = {}
    current = ""
    settings: dict[str, int] = {}
    for raw in (LISTS / f"{language}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        if current == "settings":
            key, value = (piece.strip() for piece in line.split("=", 1))
            settings[key] = int(value)
            continue
        sections.setdefault(current, []).append(line)
    unknown = set(sections) - set(CUES) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown sections in safeguarding list {language}: {sorted(unknown)}")
    found = Lexicon(
        language=language, window=settings.get("window", 5), negation_window=settings.get("negation_window", 3)
    )
    found.cues = {cue: _compile(sections.get(cue, [])) for cue in CUES}
    groups: list[tuple[str, list[str]]] = []
    for category in CATEGORIES:
        for kind, mark in (("p", "="), ("t", "~")):
            terms = [line[1:].strip() for line in sections.get(category, []) if line.startswith(mark)]
            if terms:
                groups.append((f"{kind}_{category}", _ordered(terms)))
                found.scripts |= frozenset().union(*(concepts.scripts(words(term)) for term in terms))
    if groups:
        found.terms = re.compile(
            r"(?<![^ ])(?:" + "|".join(f"(?P<{name}>{'|'.join(alts)})" for name, alts in groups) + r")(?![^ ])"
        )
        found.by_first = _by_first(groups)
    return found


def _first(alternative: str) -> str:
    """The character a term's pattern must start with (its first piece is escaped literally)."""
    return alternative[1] if alternative.startswith("\\") else alternative[0]


def _by_first(groups: list[tuple[str, list[str]]]) -> dict[str, re.Pattern[str]]:
    """:attr:`Lexicon.terms` split by the first character of its alternatives, in the same order: at a word starting
    with ``c`` only the alternatives starting with ``c`` can match, so the pattern for ``c`` finds there what the
    whole pattern finds, reading a twentieth of it."""
    chars = {_first(alternative) for _name, alternatives in groups for alternative in alternatives}
    patterns = {}
    for char in chars:
        kept = [(name, [a for a in alternatives if _first(a) == char]) for name, alternatives in groups]
        body = "|".join(f"(?P<{name}>{'|'.join(alts)})" for name, alts in kept if alts)
        patterns[char] = re.compile(r"(?:" + body + r")(?![^ ])")
    return patterns


def term_matches(found: Lexicon, text: str) -> Iterator[re.Match[str]]:
    """What ``found.terms.finditer(text)`` finds in ``text`` (normalised words one space apart), reading at each word
    start only the alternatives that start with its first character."""
    end = start = 0
    by_first = found.by_first
    while start < len(text):
        pattern = by_first.get(text[start]) if start >= end else None
        match = pattern.match(text, start) if pattern is not None else None
        if match is not None:
            end = match.end()
            yield match
        space = text.find(" ", start)
        if space < 0:
            return
        start = space + 1


class _Words:
    """The normalised text as words, and for each word its sentence and the offset where it starts."""

    def __init__(self, text: str) -> None:
        self.text = words(text)
        self.starts: list[int] = []
        self.sentence_of: list[int] = []
        offset = sentence = 0
        for word in self.text.split(" "):
            sentence += word == SENTENCE_END
            self.starts.append(offset)
            self.sentence_of.append(sentence)
            offset += len(word) + 1

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        """Index of the first word of ``match`` and one past its last word."""
        first = bisect.bisect_left(self.starts, match.start())
        return first, first + match.group().count(" ") + 1

    def spans(self, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
        return [self.span(match) for match in pattern.finditer(self.text)] if pattern is not None else []


def _cues(found: Lexicon, text: _Words) -> dict[str, list[int]]:
    """The word indexes of the lexicon's negations (the last word: "no one", "从来没"), discussion cues and
    exceptions (every word of one)."""
    return {
        "negation": [end - 1 for _start, end in text.spans(found.cues["negation"])],
        "discussion": [start for start, _end in text.spans(found.cues["discussion"])],
        "except": sorted({i for start, end in text.spans(found.cues["except"]) for i in range(start, end)}),
    }


def by_concepts(text: str) -> frozenset[str]:
    """The categories the concept rules alone find, in all six languages: what the tests and the corpus script
    use to see how far the rules carry without the phrase lists."""
    split = _Words(text)
    found: set[str] = set()
    for language in LANGUAGES:
        found |= concepts.found(language, split.text, split.sentence_of, partial(_cues, lexicon(language), split))[0]
    return frozenset(found)


def _categories(found: Lexicon, text: _Words, text_scripts: frozenset[str], phrased: set[str]) -> set[str]:
    sentence_of = text.sentence_of
    read: dict[str, list[int]] = {}

    def cues() -> dict[str, list[int]]:  # read once, and only if needed
        if not read:
            read.update(_cues(found, text))
        return read

    hits, guarded = concepts.found(found.language, text.text, sentence_of, cues, text_scripts)
    if found.terms is None or found.scripts.isdisjoint(text_scripts):
        return hits  # an answer in Latin letters cannot hold an Arabic, Russian or Chinese phrase
    matches = [(match.lastgroup or "", *text.span(match)) for match in term_matches(found, text.text)]
    if not matches:
        return hits  # most answers: no term at all, and no cue needs reading
    excluded = set(cues()["except"])
    negations, discussions = cues()["negation"], cues()["discussion"]
    experiencers = text.spans(found.cues["experiencer"])

    def near(index: int, others: list[int], before: int, after: int) -> bool:
        return any(
            index - before <= other <= index + after and sentence_of[other] == sentence_of[index] for other in others
        )

    for group, start, end in matches:
        kind, category = group.split("_", 1)
        # A category already found is read again only by a phrase, so that what a phrase found is known (phrased).
        if (category in hits and (kind != "p" or category in phrased)) or excluded.intersection(range(start, end)):
            continue
        if near(start, negations, found.negation_window, -1):
            continue
        if kind == "p":
            hits.add(category)
            phrased.add(category)
            continue
        if sentence_of[start] in guarded or near(start, discussions, found.window, found.window):
            continue  # a topic in a news story, a lesson, advice, a trouble that is over
        others = [s for s, _e in experiencers if not start <= s < end]
        if near(start, others, found.window, found.window + end - start - 1):
            hits.add(category)
    return hits


def _read(split: _Words, phrased: set[str] | None = None) -> dict[str, set[str]]:
    """The categories each language's lexicon and concepts find in ``split`` (those found by a phrase are added to
    ``phrased``)."""
    text_scripts = concepts.scripts(split.text)
    seen = phrased if phrased is not None else set()
    return {language: _categories(lexicon(language), split, text_scripts, seen) for language in LANGUAGES}


# Round 7: what a hyperbole about a trivial cause cancels (concepts.hyperbole): the child threatening a sibling,
# "dead" if a parent sees a test, leaving for the moon. Never sexual abuse, grooming, exploitation or bullying.
JOKED = frozenset({"suicide", "self_harm", "physical_abuse", "running_away"})


# A wish to die or to hurt oneself: the learned detector sets it aside only under a lower veto of its own.
GRAVE = frozenset({"suicide", "self_harm"})


def stands(found: Finding, score: float, veto: float, grave_veto: float) -> bool:
    """Whether a finding of the rules stands beside the learned detector's ``score``: a category found by an explicit
    phrase always; suicide or self-harm when the score reaches ``grave_veto``; any other when it reaches ``veto``."""
    if found.phrased & found.categories:
        return True
    return score >= (grave_veto if GRAVE & found.categories else veto)


def assess(text: str) -> Finding:
    """The rules (:func:`rules`) and the learned disclosure detector (:mod:`.disclosure_model`): the model flags an
    answer the rules find nothing in at its threshold, and sets aside what the rules found under its vetoes
    (:func:`stands`)."""
    if not text.strip():
        return Finding()
    split = _Words(text)
    found = _rules(text, split)
    if found.phrased & found.categories:
        return found  # stands whatever the score: the model is not asked
    cut = disclosure_model.cuts()
    score = disclosure_model.score(split.text)
    if found:
        return found if stands(found, score, cut.veto, cut.grave_veto) else Finding(doubted=found.categories)
    return Finding(learned=True) if score >= cut.threshold else found


def rules(text: str) -> Finding:
    """Read ``text`` against the lexicons of all six languages. Since round 5, a wish to die said as a joke
    (:func:`concepts.banter`) is not a suicide disclosure, and bullying found only in sentences asking how to help
    someone else (:func:`concepts.helping`) is a question, not a disclosure."""
    if not text.strip():
        return Finding()
    return _rules(text, _Words(text))


def _rules(text: str, split: _Words) -> Finding:
    phrased: set[str] = set()
    by_language = _read(split, phrased)
    if any("bullying" in found for found in by_language.values()):
        helped = concepts.helping(split.text, split.sentence_of)
        if helped:
            kept = zip(split.text.split(" "), split.sentence_of, strict=True)
            rest = _Words(" ".join(w for w, sentence in kept if w == SENTENCE_END or sentence not in helped))
            for language, found in _read(rest).items():
                if "bullying" not in found:
                    by_language[language].discard("bullying")
    if any("suicide" in found for found in by_language.values()) and concepts.banter(text, split.text):
        for found in by_language.values():
            found.discard("suicide")
    if any(JOKED & found for found in by_language.values()) and concepts.hyperbole(split.text):
        for language, found in by_language.items():
            by_language[language] = found - JOKED
    categories = set().union(*by_language.values())
    languages = {language for language, found in by_language.items() if found}
    return Finding(
        categories=frozenset(categories), languages=frozenset(languages), phrased=frozenset(phrased & categories)
    )


def suggests_risk(text: str, language: str = "") -> bool:
    """Whether ``text`` suggests a child may be at risk. ``language`` (the page's) is not used: every answer is
    read in all six languages, since a child may write in any of them on any page."""
    return bool(assess(text))
