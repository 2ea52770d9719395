"""A learned detector of names, schools and street addresses: a linear-chain conditional random field over each
word's shape and context, used beside the rules.

The rules (:mod:`.people`, :mod:`.structure`, :mod:`.general`, :mod:`.chinese`, :mod:`.places`) hold one pattern per
phrasing seen and did not generalise to unseen texts (docs/consultations.md, "What the blind sets show"). This
detector labels every word of an answer as part of a person's name, a school or club, a street address, or none,
with a CRF (CRFsuite, through python-crfsuite) trained on the labelled corpora (every set but the blind set of the
round) on features meant to carry over: the word's shape, script and length, whether it is a common word of its
language (:func:`.lexicon.is_common`; a common word is a feature itself, so "Road", "улица", "Primary" and "中学"
weigh) or a given name of the lists (:func:`.people.is_given_name`), the one or two words before and after it
(lower-cased, their shape and class), its place in the sentence and, in Chinese, jieba's tag and whether it starts
with a family name. Unlike one regression a word, the CRF weighs the labels of neighbouring words together, so the
long tail of a school's or an address's name ("Лицей №1580 при МГТУ им. Баумана") follows its head. A word whose
marginal probability of a category reaches that category's threshold (stored beside the model) is part of such a
detail; neighbouring words of the same category make one detail (a name across spaces, a school or an address across
commas too).

The model is a data file (``data/name_model.crfsuite``, thresholds in ``data/name_model.json``) rebuilt by
``tools/train_name_model.py`` (fixed corpora, deterministic L-BFGS); nothing is trained or downloaded at run time.
"""

from __future__ import annotations

import json
import re
import threading
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

import pycrfsuite

from cwgcop.consultations.redaction import chinese, lexicon, people
from cwgcop.consultations.redaction.base import Category, Hit

DATA = Path(__file__).resolve().parents[1] / "data"
MODEL = DATA / "name_model.crfsuite"
THRESHOLDS = DATA / "name_model.json"
TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?。！？\n]")
KIN = re.compile(
    r"(?i:friend|mate|bestie|bff|sister|brother|cousin|mum|mom|dad|teacher|coach|aunt|auntie|uncle|neighbou?r|"
    r"classmate|miss|mr|mrs|ms|ami|amie|copain|copine|pote|frère|sœur|soeur|cousine|voisine?|prof|maîtresse|"
    r"madame|monsieur|amig[oa]|herman[oa]|prim[oa]|compañer[oa]|profe|vecin[oa]|tía|tío|abuel[oa]|señora?|"
    r"друг\w*|подруг\w*|брат\w*|сестр\w*|учител\w*|тренер\w*|сосед\w*|одноклассни\w*|тёт\w*|дяд\w*|"
    r"صديقي|صديقتي|أخي|اخي|أختي|اختي|زميلي|زميلتي|خالتي|عمي|خالي|عمتي|الأستاذ|الاستاذة|الأستاذة|أستاذ|استاذ|"
    r"同学|朋友|哥哥|姐姐|弟弟|妹妹|老师|阿姨|叔叔|表哥|表姐|表妹|表弟)"
)
TELL = re.compile(
    r"(?i:ask|asked|tell|told|said|says|text|texted|called|call|message|messaged|talk|talked|spoke|showed|met|"
    r"demande|dit|dis|raconté|parlé|appelle|écrit|pregunta|dije|dijo|conté|habla|hablé|llama|escribe|"
    r"спроси|сказал\w*|рассказал\w*|написал\w*|позвони\w*|говорит|قال|قالت|قلت|سألت|اسأل|كلمت|"
    r"说|告诉|问|叫|找)"
)
PREPOSITION = re.compile(
    r"(?i:with|to|and|or|for|from|by|avec|à|et|ou|pour|de|con|a|y|o|para|с|со|и|или|к|для|от|مع|و|أو|إلى|"
    r"和|跟|与|或|给|对)"
)


class Token(NamedTuple):
    word: str
    start: int
    end: int
    flag: str  # jieba's tag for a Chinese text's token, "" otherwise


def tokens(text: str) -> list[Token]:
    """The words of ``text``: jieba's words where the text holds Chinese, letters-and-digits runs otherwise."""
    if chinese.HAS_CJK.search(text):
        out = []
        for t in chinese.tokens(text):
            if not TOKEN.fullmatch(t.word):
                continue
            title = people.ZH_TITLE.search(t.word) if t.flag in chinese.PERSON else None
            if title is not None and title.start() > 0:
                cut = t.start + title.start()
                out += [Token(t.word[: title.start()], t.start, cut, t.flag), Token(title.group(), cut, t.end, "n")]
            else:
                out.append(Token(t.word, t.start, t.end, t.flag))
        return out
    return [Token(m.group(0), m.start(), m.end(), "") for m in TOKEN.finditer(text)]


@lru_cache(maxsize=65536)
def _common(word: str) -> bool:
    return lexicon.is_common(word)


@lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if any(c.isdigit() for c in word):
        return "ad"
    if not word[:1].isalpha() or lexicon.language_of(word) in ("ar", "zh"):
        return "n"  # no case
    if word.isupper() and len(word) > 1:
        return "X"
    if word[:1].isupper():
        return "Xx"
    return "xX" if any(c.isupper() for c in word[1:]) else "x"


def _class(word: str) -> str:
    lowered = word.lower()
    if KIN.fullmatch(lowered):
        return "kin"
    if TELL.fullmatch(lowered):
        return "tell"
    if PREPOSITION.fullmatch(lowered):
        return "prep"
    return "-"


def _gap(text: str, start: int, end: int) -> str:
    between = text[start:end].strip()
    if not between:
        return "_"
    if SENTENCE_END.search(between):
        return "."
    return between[-1] if between[-1] in ",،、，;:\"'«»()" else "p"


def _encoded(*found: str) -> tuple[bytes, ...]:
    """Features as CRFsuite reads them (UTF-8), encoded once: the three kinds below are cached."""
    return tuple(feature.encode("utf-8") for feature in found)


@lru_cache(maxsize=65536)
def _local(word: str) -> tuple[bytes, ...]:
    """The features of a word that do not depend on its neighbours (cached: most words of an answer are common)."""
    lowered, shape, given, common = word.lower(), _shape(word), people.is_given_name(word), _common(word)
    itself = (f"w0={lowered}",) if common else ()
    return _encoded(
        *itself,
        "b",
        f"shape={shape}",
        f"script={lexicon.language_of(word)}",
        f"len={min(len(word), 8)}",
        f"common={common}",
        f"given={given}",
        f"shape|given={shape}|{given}",
        f"suf2={lowered[-2:]}",
        f"pre2={lowered[:2]}",
        f"veryc={lexicon.is_common(word, very=True)}",
    )


@lru_cache(maxsize=65536)
def _around(word: str, d: int) -> tuple[bytes, ...]:
    """The features a word gives the word ``d`` places away from it (cached)."""
    return _encoded(
        f"w{d}={word.lower()}",
        f"shape{d}={_shape(word)}",
        f"class{d}={_class(word)}",
        f"given{d}={people.is_given_name(word)}",
        f"common{d}={_common(word)}",
    )


# What a word's place gives its features: its tag, the gaps before and after it, the word before it (lower-cased),
# and the tags of the two words on each side (None past the answer's ends).
Context = tuple[str, str, str, str, tuple[str | None, ...]]


@lru_cache(maxsize=65536)
def _placed(word: str, context: Context) -> tuple[bytes, ...]:
    """The features of a word that depend on its place: the sentence, punctuation, jieba's tags (cached by what they
    read)."""
    flag, before, after, previous, around = context
    shape = _shape(word)
    first = before in ("^", ".")
    f = [
        f"first={first}",
        f"shape|first|common={shape}|{first}|{_common(word)}",
        f"gap-={before}",
        f"gap+={after}",
        f"w-1|shape={previous}|{shape}",
    ]
    for d, neighbour in zip((-2, -1, 1, 2), around, strict=True):
        if neighbour is None:
            f.append(f"w{d}=<none>")
        elif flag:
            f.append(f"flag{d}={neighbour}")
    if flag:
        surname = word[0] in chinese.SURNAMES
        f += [
            f"flag={flag}",
            f"sur={surname}",
            f"sur|len={surname}|{len(word)}",
            f"known={chinese.word_frequency(word) > 0}",
            f"char0={word[0]}",
            f"char-1={word[-1]}",
        ]
    return _encoded(*f)


def features(text: str, toks: list[Token]) -> list[tuple[bytes, ...]]:
    """The features of each token of ``text``, encoded as CRFsuite reads them (a feature the model does not hold
    weighs nothing): the word itself, the two words on each side, and its place."""
    n = len(toks)
    # The gap after each word is the gap before the next: read once.
    gaps = ["^", *(_gap(text, toks[i].end, toks[i + 1].start) for i in range(n - 1)), "$"]
    flags = [None, None, *(tok.flag for tok in toks), None, None]
    words = [tok.word for tok in toks]
    # What each word gives the words two and one places after it and one and two places before it (in that order of
    # the features), with nothing past the answer's ends.
    none: tuple[bytes, ...] = ()
    edge = [none, none]
    before2 = [*edge, *[_around(word, -2) for word in words], *edge]
    before1 = [*edge, *[_around(word, -1) for word in words], *edge]
    after1 = [*edge, *[_around(word, 1) for word in words], *edge]
    after2 = [*edge, *[_around(word, 2) for word in words], *edge]
    out = []
    for i, word in enumerate(words):
        previous = words[i - 1].lower() if i else "^"
        around = (flags[i], flags[i + 1], flags[i + 3], flags[i + 4])
        out.append(
            (
                *_local(word),
                *before2[i],
                *before1[i + 1],
                *after1[i + 3],
                *after2[i + 4],
                *_placed(word, (toks[i].flag, gaps[i], gaps[i + 1], previous, around)),
            )
        )
    return out


CATEGORIES = (Category.NAME, Category.SCHOOL, Category.ADDRESS)
LABELS = ("name", "school", "address")  # the model's labels beside "O", in the order of CATEGORIES
Probabilities = tuple[float, float, float]
# Gaps across which neighbouring words of one category make one detail: spaces for a name ("Ana María"), spaces and
# commas for a school or an address ("Flat 3, 16 Cromer Road"); no gap at all between Chinese words.
PLACE_GAP = re.compile(r"[\s,،，、]*")
JOINS = {Category.NAME: re.compile(r"\s*"), Category.SCHOOL: PLACE_GAP, Category.ADDRESS: PLACE_GAP}
ONE_LETTER = re.compile(r"[^\W\d_]")
_taggers: dict[Path, pycrfsuite.Tagger] = {}
# A CRFsuite tagger holds the answer it was last given: one answer at a time goes through it. CRFsuite holds the GIL
# while it works, so threads sharing one tagger behind a lock wait no longer than they would for the GIL, and a
# process holds the model (6.5 MB) once instead of once a thread.
_lock = threading.RLock()


def tagger(path: Path = MODEL) -> pycrfsuite.Tagger:
    """The process's tagger of the model at ``path`` (use it under :data:`_lock`, as :func:`scored` does)."""
    with _lock:
        if path not in _taggers:
            opened = pycrfsuite.Tagger()
            opened.open(str(path))
            _taggers[path] = opened
        return _taggers[path]


def marginals(items: list[tuple[bytes, ...]], path: Path = MODEL) -> list[Probabilities]:
    """For each item (a token's :func:`features`), its probabilities of being part of a name, a school, an address:
    the marginal probabilities of the labels under the model at ``path``, given the whole sequence."""
    if not items:
        return []
    with _lock:
        crf = tagger(path)
        crf.set(items)
        marginal = crf.marginal
        return [(marginal(b"name", i), marginal(b"school", i), marginal(b"address", i)) for i in range(len(items))]


@lru_cache(maxsize=32)
def scored(text: str, path: Path = MODEL) -> tuple[tuple[Token, Probabilities], ...]:
    """Each token of ``text`` with its probabilities of being part of a name, a school, an address, under the model
    at ``path`` (default: the shipped one). The last answers' are kept: :func:`details` and :func:`trimmed` read the
    same answer's."""
    toks = tokens(text)
    return tuple(zip(toks, marginals(features(text, toks), path), strict=True))


@cache
def model() -> Probabilities:
    """The three thresholds chosen with the shipped model (data/name_model.json, written with the model by
    tools/train_name_model.py); the model is loaded once for the process."""
    thresholds = json.loads(THRESHOLDS.read_text(encoding="utf-8"))["thresholds"]
    tagger()
    return float(thresholds["name"]), float(thresholds["school"]), float(thresholds["address"])


def category_of(word: str, probabilities: Probabilities, thresholds: Probabilities) -> Category | None:
    """The category whose threshold the word reaches by the widest margin; none for a single letter outside Chinese
    (a pronoun or an initial: "I", "y", "и"); never a name for a title or a kin word (:func:`.people.is_title`)."""
    name, school, address = probabilities
    if name < thresholds[0] and school < thresholds[1] and address < thresholds[2]:
        return None  # most words: nothing to weigh
    if len(word) == 1 and ONE_LETTER.fullmatch(word) and not chinese.HAS_CJK.match(word):
        return None
    margins = [(p - t, i) for i, (p, t) in enumerate(zip(probabilities, thresholds, strict=True)) if p >= t]
    if name >= thresholds[0] and people.is_title(word):
        margins = [(margin, i) for margin, i in margins if i != 0]
    return CATEGORIES[max(margins)[1]] if margins else None


def joined(text: str, words: list[tuple[Token, Category | None]]) -> list[Hit]:
    """Neighbouring words of one category as one detail (across the gaps :data:`JOINS` allows)."""
    hits: list[Hit] = []
    for tok, category in words:
        if category is None:
            continue
        last = hits[-1] if hits else None
        if last is not None and last.category == category and JOINS[category].fullmatch(text[last.end : tok.start]):
            hits[-1] = Hit(last.start, tok.end, category)
        else:
            hits.append(Hit(tok.start, tok.end, category))
    return hits


def opening_word(text: str, tok: Token, following: Token | None = None) -> bool:
    """A word in Latin or Cyrillic letters that starts a sentence, is one of its language's most frequent words and
    no list holds as a given name, nor as a name that is also a word ("Call me on …", "Make it free"; not "Rose",
    "Paz"): capitalised only because it comes first. Not before another capitalised word ("Ah Seng", a name)."""
    return (
        _shape(tok.word) == "Xx"
        and (following is None or _shape(following.word) != "Xx")
        and SENTENCE_START.search(text, 0, tok.start) is not None
        and lexicon.is_common(tok.word, very=True)
        and not people.is_given_name(tok.word, placed=True)
    )


SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*)\W*$")


def details(text: str) -> list[Hit]:
    """The names, schools and addresses the learned model finds in ``text`` (a word opening a sentence only because
    it is capitalised, never a name: :func:`opening_word`)."""
    thresholds = model()
    found = scored(text)
    words = []
    for i, (t, p) in enumerate(found):
        category = category_of(t.word, p, thresholds)
        if category is Category.NAME and opening_word(text, t, found[i + 1][0] if i + 1 < len(found) else None):
            category = None
        words.append((t, category))
    return joined(text, words)


# A rule's school or address ends where the model is sure the words after its head are none of the three: a word
# under this probability of each is taken off the end of a rule's school or address ("مدرسة الملك عبدالعزيز
# الثانوية يسحبون الجوالات": the verb and its object are not the school). At 0.02 the words of a school the model
# has never seen stay ("colegio santa teresa": 0.031, 0.024); over every labelled set, no detail is cut short at
# any value from 0.005 to 0.05 (docs/consultations.md, "The fourteenth round").
TAIL = 0.02


def trimmed(text: str, hit: Hit) -> Hit:
    """A school or an address found by the rules, less the words at its end the model reads as none of a name, a
    school or an address (never its first word). Other hits as they are."""
    if hit.category not in (Category.SCHOOL, Category.ADDRESS):
        return hit
    inside = [(t, p) for t, p in scored(text) if hit.start <= t.start and t.end <= hit.end]
    end = hit.end
    while len(inside) > 1 and max(inside[-1][1]) < TAIL:
        inside.pop()
        end = inside[-1][0].end
    if end == hit.end:
        return hit
    return Hit(hit.start, end, hit.category)
