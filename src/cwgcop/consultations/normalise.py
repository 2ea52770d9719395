"""One normal form for what children type, shared by the safeguarding check and redaction.

A child (or someone hiding a word from a filter) can write the same word in many ways: full-width letters,
a zero-width space inside it, a right-to-left mark, a Cyrillic "а" inside a Latin word, capitals, accents,
"kiiiill", "k1ll". Each step below is one function so a caller can take only what it needs:

- :func:`clean` (one character at a time: :func:`clean_char`): Unicode NFKC (full-width and compatibility
  forms), every format character (zero-width, bidirectional controls, soft hyphen) removed, typographic
  apostrophes made plain. Redaction (:mod:`.redaction.normalise`) runs the same :func:`clean_char` character by
  character to keep a map back to the child's text, then :func:`fold_lookalikes`;
- :func:`fold`: :func:`clean`, then look-alike letters folded into the script of the word they sit in (a Latin
  "o" inside a Cyrillic word becomes "о" and the other way round), case folded, accents removed from Latin
  letters (Cyrillic "й" kept, "ё" becomes "е"), Arabic diacritics and tatweel removed and its letter variants
  folded (أ إ آ → ا, ى → ي, ة → ه), traditional Chinese characters written as simplified (:func:`simplified`),
  every decimal digit made ASCII;
- :func:`normalise`: :func:`fold`, then digits and symbols inside a word read as the letters they stand for
  (k1ll → kill, $h → sh) and repeated letters squeezed to one (kiiill → kil): a matching key, not a text to
  show. Word lists are put through the same function, so "kill" in a list is "kil" too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import opencc

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})

# Latin letters and the Cyrillic letters drawn the same way, both cases.
_LATIN_CYRILLIC = dict(zip("acepxykmthbiACEPXYKMTHBI", "асерхукмтнвіАСЕРХУКМТНВІ", strict=True))
TO_CYRILLIC = str.maketrans(_LATIN_CYRILLIC)
TO_LATIN = str.maketrans(
    {cyrillic: latin for latin, cyrillic in _LATIN_CYRILLIC.items()}
    | {"і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "Ј": "J", "Ѕ": "S"}
    | dict(zip("αεοριτυνκχΑΕΟΡΤΥΝΚΜΙΧ", "aeopituvkxAEOPTYNKMIX", strict=True))
)
ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
WORD = re.compile(r"\w+", re.UNICODE)
LATIN = re.compile(r"[a-zA-Z]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
GREEK = re.compile(r"[\u0370-\u03ff]")
# Digits and symbols that stand for letters inside a word: only replaced in a word that also has letters.
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
LEET_WORD = re.compile(r"[\w@$!]+")
REPEATS = re.compile(r"([^\W\d_])\1+")


def invisible(char: str) -> bool:
    """A format character (Unicode category Cf): zero-width spaces and joiners, the word joiner, soft hyphen, BOM,
    the Arabic letter mark, every bidirectional control (embeddings, overrides, isolates, marks), tag characters."""
    return unicodedata.category(char) == "Cf"


@lru_cache(maxsize=16384)  # children type the same few hundred characters
def clean_char(char: str) -> str:
    """The one cleaning step both checks share, for one character (so that redaction can keep a map from every
    character it reads back to the child's text): nothing for an invisible character, else its NFKC form
    (full-width and compatibility forms), with typographic apostrophes made plain."""
    if invisible(char):
        return ""
    return unicodedata.normalize("NFKC", char).translate(APOSTROPHES)


def clean(text: str) -> str:
    """:func:`clean_char` over the text (composed first: a letter and its combining accent are one character)."""
    if text.isascii():
        return text.translate(APOSTROPHES)
    return "".join(map(clean_char, unicodedata.normalize("NFC", text)))


def _script(ch: str) -> str:
    if "a" <= ch <= "z" or "A" <= ch <= "Z":
        return "latin"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if "\u0370" <= ch <= "\u03ff":
        return "greek"
    return "other"


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    scripts = [_script(ch) for ch in word]
    latin, cyrillic = scripts.count("latin"), scripts.count("cyrillic")
    if not (latin and cyrillic) and "greek" not in scripts:
        return word
    return word.translate(TO_CYRILLIC) if cyrillic > latin else word.translate(TO_LATIN)


def _fold_word(match: re.Match[str]) -> str:
    return _fold(match.group())


def fold_lookalikes(text: str) -> str:
    """Look-alike letters folded into the script of the word they sit in ("gmаil" with a Cyrillic "а" becomes
    Latin, "пpивет" with a Latin "p" becomes Cyrillic; Greek letters become Latin). One character for one, so
    offsets are kept."""
    if not GREEK.search(text) and not (LATIN.search(text) and CYRILLIC.search(text)):
        return text  # no word can mix scripts (most answers): nothing to fold
    return WORD.sub(_fold_word, text)


HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")  # OpenCC's own tables, in the package: nothing downloaded


@lru_cache(maxsize=4096)
def _simplified_char(char: str) -> str:
    converted: str = _t2s().convert(char)
    return converted if len(converted) == 1 else char


def simplified(text: str) -> str:
    """Traditional Chinese characters written as simplified (OpenCC's t2s: 學校 → 学校, 阿嬤 → 阿嬷), one character for
    one, so offsets are kept: jieba's dictionary, the name and place rules and the word lists are simplified, and a
    child in Taiwan or Hong Kong writes the same words. A text without Han characters is returned as it is; where
    OpenCC's phrase tables would change the length, each character is converted alone."""
    if not HAN.search(text):
        return text
    converted: str = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_simplified_char(char) if HAN.match(char) else char for char in text)


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    # U+0306 (breve) keeps Cyrillic "й"; every other combining mark goes (é → e, ñ → n).
    kept = "".join(ch for ch in decomposed if ch == "\u0306" or not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", kept)


def _ascii_digits(text: str) -> str:
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def fold(text: str) -> str:
    """:func:`clean`, look-alikes folded, case folded, accents and Arabic marks removed, digits ASCII."""
    text = fold_lookalikes(clean(text).casefold())
    text = _strip_marks(text).replace("ё", "е")
    text = ARABIC_MARKS.sub("", text).translate(ARABIC)
    return _ascii_digits(simplified(text))


def _deleet(match: re.Match[str]) -> str:
    word = match.group()
    if word.isalpha() or sum(ch.isalpha() for ch in word) < 2:
        return word  # a plain word, or a number ("116", "12h"): nothing to read
    core = word.rstrip("!")  # "help!" is not "helpi"
    return core.translate(LEET) + word[len(core) :]


def normalise(text: str) -> str:
    """The matching key: :func:`fold`, leetspeak read as letters, repeated letters squeezed to one."""
    text = LEET_WORD.sub(_deleet, fold(text))
    return REPEATS.sub(r"\1", text)
