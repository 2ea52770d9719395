"""Turning text into search tokens, the same way for both engines and for documents and queries alike.

Both engines index the token stream this module makes, never the raw text, so that they find the same
documents for the same query:

- Latin, Cyrillic and Greek words are case- and accent-insensitive: NFKD, combining marks removed, casefolded
  (``Vérification`` → ``verification``, ``ё`` → ``е``; ``й`` is kept, it is a letter of its own in Russian).
- Chinese (and Japanese kana) has no spaces, so a run of such characters becomes its overlapping bigrams
  followed by its last character (``保护儿童`` → ``保护 护儿 儿童 童``). A query of n ≥ 2 characters becomes the
  phrase of its bigrams, which matches exactly where the query is a substring of the text; a query of one
  character becomes a prefix query, which matches both a bigram that starts with it and a run's last character.
- Arabic loses its diacritics and tatweel; the article with its attached prepositions (``ال``, ``وال``, ``بال``,
  ``كال``, ``فال``, ``لل``) and a leading ``و`` are removed, then alef, yaa and taa marbuta forms are unified
  (``أ إ آ ٱ → ا``, ``ى → ي``, ``ة → ه``). The article is the one written with a plain alef: removing it before
  the hamza forms are unified keeps ``إلكتروني`` and ``الإلكتروني`` one token (``الكتروني``), where unifying first
  made the second ``الالكتروني`` and the first lose its ``ال``.
- Words of English, French, Spanish, Russian and Arabic are stemmed (Snowball, ``snowballstemmer``) after
  folding, with the stemmer of the language version being indexed when the word is in that language's script,
  else with the script's usual one (Latin: English, Cyrillic: Russian, Arabic: Arabic). A query does not know
  its language: each word is stemmed for every language searched and the engines accept any of those stems
  (``SearchQuery.alternatives``). ``helplines`` and ``helpline`` are one token (``helplin``).
- Symbols split into their parts (``CWG-COP-21/5`` → ``cwg cop 21 5``) and a query symbol is searched as the
  phrase of those parts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

import snowballstemmer

# Characters written without spaces: CJK ideographs (with extensions and compatibility forms) and kana.
_CJK = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U00030000-\U0003134f"
)
# Combining marks that belong inside a word (Latin, Greek, Cyrillic, Hebrew, Arabic) and the Arabic tatweel.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd"
    "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
)
_LETTER = rf"[^\W_{_CJK}]"
# A word is a run of letters, digits and marks; written as letters with runs of marks between them rather than
# as a run of (letter | mark), it matches the same text about a quarter faster (no alternation per character).
TOKEN_RE = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>(?:{_LETTER}|[{_MARKS}]){_LETTER}*(?:[{_MARKS}]+{_LETTER}*)*)")

# One character that can stand inside a token (a word's letter, digit or mark, or a Chinese character): text
# is cut between tokens only at a character that is not one.
TOKEN_CHARACTER_RE = re.compile(rf"[{_CJK}{_MARKS}]|{_LETTER}")
NON_TOKEN_CHARACTER_RE = re.compile(rf"[^\w{_CJK}{_MARKS}]|_")
# One character of a word (not of a Chinese run): a word's token starts after a character that is not one.
WORD_CHARACTER_RE = re.compile(rf"[{_MARKS}]|{_LETTER}")
CJK_CHARACTERS = _CJK  # as the inside of a regular expression's [class]

# Longer tokens are cut: nobody searches for them, and both engines have limits on a token's length.
MAX_TOKEN_LENGTH = 60
# Only the start of a very long text is indexed (PostgreSQL limits a tsvector's size and positions).
MAX_INDEXED_CHARACTERS = 300_000

_ARABIC_LETTERS = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla → alef
        "\u0649": "\u064a",  # alef maksura → yaa
        "\u06cc": "\u064a",  # Persian yeh → yaa
        "\u0629": "\u0647",  # taa marbuta → haa
        "\u06a9": "\u0643",  # Persian kaf → kaf
        "\u0640": None,  # tatweel
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # extended Arabic-Indic digits
    }
)
_SHORT_I = "\ue000"  # stands in for й while marks are removed, so that it does not become и
# Prefixes removed from Arabic words, longest first, with the shortest stem each may leave.
_ARABIC_PREFIXES: tuple[tuple[str, int], ...] = (
    ("وبال", 2),
    ("وال", 2),
    ("بال", 2),
    ("كال", 2),
    ("فال", 2),
    ("لل", 2),
    ("ال", 2),
)
_ARABIC_CONJUNCTION = "و"
# Harakat and other marks inside Arabic words, and the tatweel: removed before the prefixes are looked for. The
# hamza forms of alef (أ إ آ) are kept until the prefixes are gone (see the module's docstring).
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]")
ARABIC_MARKS_RE = _ARABIC_MARKS
# Arabic stems shorter than this are too ambiguous (``آلية`` → ``ال``): the folded word is kept instead.
_SHORTEST_ARABIC_STEM = 3

# Languages whose words are stemmed, by the script of the word: a language version's own stemmer for the words
# of its script, else the script's usual one.
STEMMED_LANGUAGES = ("en", "fr", "es", "ru", "ar")
_SNOWBALL = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "ar": "arabic"}
_SCRIPT_DEFAULT = {"latin": "en", "cyrillic": "ru", "arabic": "ar"}
_LANGUAGE_SCRIPT = {"en": "latin", "fr": "latin", "es": "latin", "ru": "cyrillic", "ar": "arabic"}


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def _script(token: str) -> str | None:
    """The script of a folded word, for stemming: None for a word with a digit or of another script."""
    if any(ch.isdigit() for ch in token):
        return None
    first = token[0]
    if "a" <= first <= "z":
        return "latin"
    if "\u0430" <= first <= "\u045f":
        return "cyrillic"
    if "\u0620" <= first <= "\u064a":
        return "arabic"
    return None


def stemmer_language(token: str, language: str | None) -> str | None:
    """The language whose stemmer stems ``token`` (a folded word) in a text of ``language``, or None."""
    script = _script(token) if token else None
    if script is None or language is None:
        return None
    return language if _LANGUAGE_SCRIPT.get(language) == script else _SCRIPT_DEFAULT[script]


@cache
def _stemmer(language: str) -> Any:
    return snowballstemmer.stemmer(_SNOWBALL[language])


def warm_stemmers() -> None:
    for language in STEMMED_LANGUAGES:
        _stemmer(language).stemWord("warm")


@lru_cache(maxsize=200_000)
def fold_word(word: str, language: str | None = None) -> str:
    """The canonical token of one word (no spaces, no CJK): folded, and stemmed when ``language`` is given."""
    text = fold_letters(word)[:MAX_TOKEN_LENGTH]
    if text and _is_arabic(text):
        return _arabic_token(word, language)
    stemming = stemmer_language(text, language)
    if stemming is None:
        return text
    return _stemmer(stemming).stemWord(text) or text


def _arabic_token(word: str, language: str | None) -> str:
    bare = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", word)).replace("\u0671", "\u0627")
    bare = strip_arabic_prefixes(bare)
    folded = fold_letters(bare)[:MAX_TOKEN_LENGTH]
    if not folded or stemmer_language(folded, language) != "ar":
        return folded
    stem = fold_letters(_stemmer("ar").stemWord(bare))[:MAX_TOKEN_LENGTH]
    return stem if len(stem) >= _SHORTEST_ARABIC_STEM else folded


def fold_letters(word: str) -> str:
    """A word without case, marks or letter variants, letter by letter: ``fold_word`` before the Arabic prefixes
    are removed, the word stemmed and the token cut. Each character folds on its own, so the fold of a word is the
    sum of its characters' folds (``cwgcop.search.candidates`` relies on it)."""
    text = word.replace("й", _SHORT_I).replace("Й", _SHORT_I)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace(_SHORT_I, "й").casefold().translate(_ARABIC_LETTERS)


def strip_arabic_prefixes(word: str) -> str:
    """``والأطفال`` → ``أطفال``; ``وزاره`` → ``زاره``; words too short to carry a prefix stay whole. The article
    is ``ال`` with a plain alef: ``إلكتروني`` keeps its ``إل``."""
    for prefix, shortest in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= shortest:
            return word[len(prefix) :]
    if word.startswith(_ARABIC_CONJUNCTION) and len(word) >= 4:
        rest = word[1:]
        for prefix, shortest in _ARABIC_PREFIXES:
            if rest.startswith(prefix) and len(rest) - len(prefix) >= shortest:
                return rest[len(prefix) :]
        return rest
    return word


def _stemmed_prefix(word: str, stem: str) -> str:
    """The prefix to look for in the index's stems: what the typed prefix and its stem begin with alike
    (``moderat*`` → ``moder*``, which ``moderation``'s stem begins with), at least two letters."""
    folded = fold_word(word)
    same = next((i for i, (a, b) in enumerate(zip(folded, stem, strict=False)) if a != b), min(len(folded), len(stem)))
    return folded[:same] if same >= 2 else folded


def _is_cjk_token(token: str) -> bool:
    match = TOKEN_RE.fullmatch(token)
    return match is not None and match.lastgroup == "cjk"


def fold_cjk(run: str) -> str:
    return unicodedata.normalize("NFKC", run)


class Span(NamedTuple):
    """A token and where it stands in the text it came from (character offsets). A tuple: snippets make one
    per token of every result's text, and a tuple is several times cheaper to make than a dataclass."""

    token: str
    start: int
    end: int


def spans(text: str, start: int = 0, end: int | None = None, language: str | None = None) -> list[Span]:
    """Every token of ``text`` (or of ``text[start:end]``, cut between tokens) with its offsets in ``text``: the
    index stream of a text in ``language`` (stemmed; None: folded only), and what snippets are cut from."""
    found: list[Span] = []
    append = found.append
    new = tuple.__new__  # makes a Span without the NamedTuple's Python-level __new__, at half the cost
    for match in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        if match.lastgroup == "cjk":
            begin = match.start()
            run = fold_cjk(match.group())
            found.extend([new(Span, (run[i : i + 2], begin + i, begin + i + 2)) for i in range(len(run) - 1)])
            append(new(Span, (run[-1], begin + len(run) - 1, begin + len(run))))
        else:
            token = fold_word(match.group(), language)
            if token:
                append(new(Span, (token, match.start(), match.end())))
    return found


def index_text(text: str, language: str | None = None) -> str:
    """The token stream of ``text`` in ``language``, separated by spaces, as both engines index it (same tokens as
    :func:`spans`)."""
    tokens: list[str] = []
    append = tokens.append
    for raw_run, word in TOKEN_RE.findall(text[:MAX_INDEXED_CHARACTERS]):
        if raw_run:
            run = fold_cjk(raw_run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
            append(run[-1])
        else:
            token = fold_word(word, language)
            if token:
                append(token)
    return " ".join(tokens)


@dataclass(frozen=True)
class Phrase:
    """Tokens that must stand next to each other, in order; the last may be a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False


def phrase_of(text: str, *, prefix: bool = False, language: str | None = None) -> Phrase | None:
    """The phrase a piece of query text stands for (``None`` if it holds no word).

    A trailing Chinese run drops its last-character token (the text may go on after it in a document);
    a trailing single Chinese character is searched as a prefix.
    """
    matches = list(TOKEN_RE.finditer(text))
    found = spans(text, language=language)
    if prefix and found and not _is_cjk_token(found[-1].token):
        found[-1] = found[-1]._replace(token=_stemmed_prefix(matches[-1].group(), found[-1].token))
    tokens = [span.token for span in found]
    if not tokens:
        return None
    if matches[-1].lastgroup == "cjk":
        if len(matches[-1].group()) >= 2:
            tokens.pop()
        else:
            prefix = True
    return Phrase(tuple(tokens), prefix)
