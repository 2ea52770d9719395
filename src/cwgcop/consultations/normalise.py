"""One normal form for what children type, shared by the safeguarding check and redaction.

A child (or someone hiding a word from a filter) can write the same word in many ways: full-width letters,
a zero-width space inside it, a right-to-left mark, a Cyrillic "а" inside a Latin word, capitals, accents,
"kiiiill", "k1ll". Each step below is one function so a caller can take only what it needs:

- :func:`clean`: Unicode NFKC (full-width and compatibility forms), zero-width and bidirectional controls and
  soft hyphens removed, typographic apostrophes made plain. Nothing else changes, so a caller that must keep
  the text readable (redaction) can use it before storing;
- :func:`fold`: :func:`clean`, then look-alike letters folded into the script of the word they sit in (a Latin
  "o" inside a Cyrillic word becomes "о" and the other way round), case folded, accents removed from Latin
  letters (Cyrillic "й" kept, "ё" becomes "е"), Arabic diacritics and tatweel removed and its letter variants
  folded (أ إ آ → ا, ى → ي, ة → ه), every decimal digit made ASCII;
- :func:`normalise`: :func:`fold`, then digits and symbols inside a word read as the letters they stand for
  (k1ll → kill, $h → sh) and repeated letters squeezed to one (kiiill → kil): a matching key, not a text to
  show. Word lists are put through the same function, so "kill" in a list is "kil" too.
"""

from __future__ import annotations

import re
import unicodedata

# Zero-width characters, joiners, the word joiner and invisible operators, soft hyphen, BOM, Mongolian vowel
# separator, and every bidirectional control (embeddings, overrides, isolates, marks).
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff]")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})

# Latin letters and the Cyrillic or Greek letters drawn the same way (lower case: folding comes after casefold).
_LATIN_CYRILLIC = {
    "a": "а",
    "c": "с",
    "e": "е",
    "o": "о",
    "p": "р",
    "x": "х",
    "y": "у",
    "k": "к",
    "m": "м",
    "t": "т",
    "h": "н",
    "b": "в",
    "i": "і",
}
TO_CYRILLIC = str.maketrans(_LATIN_CYRILLIC)
TO_LATIN = str.maketrans(
    {cyrillic: latin for latin, cyrillic in _LATIN_CYRILLIC.items()}
    | {"і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "α": "a", "ο": "o", "ε": "e", "ι": "i", "κ": "k"}
    | {"ν": "v", "τ": "t", "ρ": "p", "χ": "x", "υ": "u"}
)
ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
WORD = re.compile(r"\w+", re.UNICODE)
# Digits and symbols that stand for letters inside a word: only replaced in a word that also has letters.
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
LEET_WORD = re.compile(r"[\w@$!]+")
REPEATS = re.compile(r"([^\W\d_])\1+")


def clean(text: str) -> str:
    """NFKC, invisible and bidirectional controls removed, apostrophes made plain."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).translate(APOSTROPHES)


def _script(ch: str) -> str:
    if "a" <= ch <= "z":
        return "latin"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if "\u0370" <= ch <= "\u03ff":
        return "greek"
    return "other"


def _fold_lookalikes(match: re.Match[str]) -> str:
    word = match.group()
    scripts = [_script(ch) for ch in word]
    latin, cyrillic = scripts.count("latin"), scripts.count("cyrillic")
    if not (latin and cyrillic) and "greek" not in scripts:
        return word
    return word.translate(TO_CYRILLIC) if cyrillic > latin else word.translate(TO_LATIN)


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
    text = WORD.sub(_fold_lookalikes, clean(text).casefold())
    text = _strip_marks(text).replace("ё", "е")
    text = ARABIC_MARKS.sub("", text).translate(ARABIC)
    return _ascii_digits(text)


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
