"""The fast path of snippets (``cwgcop.search.candidates``) gives exactly what tokenising the whole text gives."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest

from cwgcop.search import candidates, snippets
from cwgcop.search.query import parse_query
from cwgcop.search.snippets import SCAN_CHARACTERS, highlight, snippet
from cwgcop.search.text import CJK_CHARACTERS, NON_TOKEN_CHARACTER_RE, TOKEN_CHARACTER_RE, TOKEN_RE, spans

FILLER = "lorem ipsum dolor sit amet " * 40

TEXTS = [
    "Age verification keeps children safe. Vérification de l'âge, VERIFICATION, verifi\u0301cation.",
    "Straße und Strasse: die STRASSE der Kinder. Maß, Masse.",
    "İstanbul, ISTANBUL, istanbul, ıstanbul and Istanbul.",
    "Йод и йод, ёлка и елка, ЁЖИК, еж; уйти, уити. Защита детей в интернете.",
    "الأطفال والأطفال بالأطفال للأطفال وأطفال أطفالٌ الْأَطْفَال العمر بالعمر عمر وزارة ـالعمرـ",
    "关于保护上网儿童的年龄验证。儿童保护，儿童；儿。保护儿童是我们的共同责任",
    "ｶﾞ儿童 カタカナの儿童 ﬁnancial ﬁles ½ ㎏ Ⅻ ① \ufa10儿童 か\u3099 ゛",
    "mixed: age儿童verification, CWG-COP-21/5 and cwg cop 21 5, e-mail e\u0301-mail",
    "verification " * 3 + "children verification grooming " + FILLER,
    FILLER * 10 + "Age verification keeps children safe. " + FILLER,
    FILLER * 14 + "lorem grooming  ..  verification " + FILLER * 2,
    "x" * 230 + " verification " + "y" * 30 + " children",
    ("保护上网儿童是我们的共同责任，" * 30 + "年龄验证与儿童保护。" + "其他内容，" * 300),
    "no match at all in this text, only filler words " * 30,
    "",
    "   ",
    '&lt;<b>verification</b> & "children" <script>',
    "verif\u0640ication وَالْعُمْر verificación VERIFICACIÓN Verifikation",
    "a\u0301\u0302b " * 50 + "child children childhood CHILD" + "_verification_ verification_ _children",
    "\u00advérification\u200b children\u00a0verification\u2028grooming",
    "ｶﾞﾀ ｶﾀ カタ, Abcд ab\u0334cд abcd",
    "verification čeština verifičation? Ā ō — “quoted” verification’s Čeština, ČEŠTINA",
    "verification? Yes? “Vérification”, ‘VERIFICATION’ – ÉCOLE école",
    "Йод? да, йод… ёлка ā Ёлка; العُمر? نعم، العـمر",
    "Ελλάδα ελλαδα ΕΛΛΆΔΑ σοφός ΣΟΦΟΣ σοφὸς; שָׁלוֹם שלום; عام ٢٠٢٤ و2024 ۲۰۲۴ ２０２４",
    FILLER * 2 + "Die Straße, die STRASSE; ﬁnancial ﬁles, financial files. " + FILLER * 2,  # odd only later
]

QUERIES = [
    "verification",
    "verification children",
    '"age verification"',
    '"children verification grooming"',
    "verif*",
    "child*",
    "strasse",
    "straße",
    "istanbul",
    "İstanbul",
    "йод",
    "елка",
    "ёжик",
    "уйти",
    "الأطفال",
    "أطفال",
    "العمر",
    "عمر",
    "وزارة",
    "儿童",
    "儿",
    "保护儿童",
    "保护儿童 护儿",
    "护儿 保护儿童 儿",
    "年龄验证 儿童保护",
    "カ",
    "ｶ",
    "financial",
    "ﬁles",
    "CWG-COP-21/5",
    "e-mail",
    "grooming verification",
    "verificacion",
    "amet lorem",
    '"ipsum dolor"',
    "x",
    "カタ",
    "abcд",
    "cestina",
    "ecole",
    "ελλαδα",
    "σοφος",
    "שלום",
    "2024",
]


def slow(monkeypatch: pytest.MonkeyPatch, function, *args):  # type: ignore[no-untyped-def]
    with monkeypatch.context() as patch:
        patch.setattr(candidates, "is_plain", lambda text: False)
        return function(*args)


@pytest.mark.parametrize("raw", QUERIES)
def test_snippet_and_highlight_are_those_of_full_tokenisation(raw: str, monkeypatch: pytest.MonkeyPatch) -> None:
    query = parse_query(raw)
    for text in TEXTS:
        assert str(snippet(text, query)) == str(slow(monkeypatch, snippet, text, query)), text
        assert str(highlight(text, query)) == str(slow(monkeypatch, highlight, text, query)), text


@pytest.mark.parametrize(
    "raw", ["保护 护儿", "护儿 保护儿童", "儿 儿童", "verification children", '"ipsum dolor" amet']
)
def test_tokens_read_are_the_texts_own_each_once_in_order(raw: str) -> None:
    query = parse_query(raw)
    for raw_text in [*TEXTS, "保护儿，" * 40, "保护儿童保护儿童" * 10]:
        text = unicodedata.normalize("NFC", raw_text)
        if candidates.is_plain(text):
            read = candidates.Matches(text, query, candidates.places(query)).tokens(len(text))
            own = set(spans(text))
            assert [span for span in read if span in own] == read, text
            assert [span.start for span in read] == sorted({span.start for span in read}), text


def test_matches_near_the_end_of_what_is_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    for offset in (-400, -230, -30, -13, -12, -5, 0, 5, 300):
        text = "lorem ipsum " * ((SCAN_CHARACTERS + offset) // 12) + "verification children " + FILLER
        for raw in ("verification", "verification children", '"verification children"', "children"):
            query = parse_query(raw)
            assert str(snippet(text, query)) == str(slow(monkeypatch, snippet, text, query)), (offset, raw)


def test_matches_at_every_part_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    query = parse_query('"verification children" grooming')
    for size in snippets.PARTS[:4]:
        for shift in range(-30, 10, 3):
            text = "ab " * ((size + shift) // 3) + "verification children and grooming " + "cd " * 400
            assert str(snippet(text, query)) == str(slow(monkeypatch, snippet, text, query)), (size, shift)
            text = "ab " * ((size + shift) // 3) + "verification children " + "cd " * 70 + "grooming " + "ef " * 400
            assert str(snippet(text, query)) == str(slow(monkeypatch, snippet, text, query)), (size, shift)


PIECES = [
    *"aeiouyv ",
    "é",
    "E\u0301",
    "İ",
    "ı",
    "й",
    "Й",
    "и\u0306",
    "ё",
    "ver",
    "ification",
    "child",
    "ren",
    "ال",
    "و",
    "ب",
    "أطفال",
    "\u064e",
    "\u0640",
    "儿",
    "童",
    "保护",
    "，",
    "。",
    ". ",
    "-",
    "_",
    "ｶ",
    "ﾞ",
    "2",
    "²",
    "\n",
]


ODD_PIECES = ["ß", "ﬁ", "ゟ", "\u3099", "ภ"]


def test_random_texts_give_the_same_snippets(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(7)
    queries = [
        parse_query(raw) for raw in ("verification", "child* ren", '"ver ification"', "儿童", "儿", "أطفال", "ё")
    ]
    plain = 0
    for number in range(400):
        pieces = [rng.choice(PIECES) for _ in range(rng.randrange(5, 400))]
        if number % 4 == 0:
            pieces.insert(rng.randrange(len(pieces)), rng.choice(ODD_PIECES))
        text = "".join(pieces)
        plain += candidates.is_plain(unicodedata.normalize("NFC", text))
        for query in queries:
            assert str(snippet(text, query)) == str(slow(monkeypatch, snippet, text, query)), (text, query)
            assert str(highlight(text, query)) == str(slow(monkeypatch, highlight, text, query)), (text, query)
    assert plain == 300  # the fast path was taken for the texts without an odd character


def test_plain_texts_are_those_of_the_known_scripts() -> None:
    assert candidates.is_plain("Vérification, ёлка, العمر, 儿童，ｶﾞ — «x» ① → 🙂") is True
    assert [candidates.is_plain(text) for text in ("Straße", "ﬁle", "½", "\ufa10", "か\u3099", "ภาษา")] == [False] * 6


def test_token_character_expressions_agree_with_the_tokeniser() -> None:
    for point in range(0x30000):
        character = chr(point)
        token = TOKEN_RE.fullmatch(character) is not None
        assert (TOKEN_CHARACTER_RE.fullmatch(character) is not None) == token, hex(point)
        assert (NON_TOKEN_CHARACTER_RE.fullmatch(character) is None) == token, hex(point)


def test_chinese_characters_left_out_of_risky_ones_are_stable_under_nfkc() -> None:
    bounds = [(ord(CJK_CHARACTERS[i]), ord(CJK_CHARACTERS[i + 2])) for i in range(0, len(CJK_CHARACTERS), 3)]
    risky = candidates.RISKY_CJK
    risky_points = {p for i in range(0, len(risky), 3) for p in range(ord(risky[i]), ord(risky[i + 2]) + 1)}
    for low, high in bounds:
        for point in range(low, high + 1):
            character = chr(point)
            if point not in risky_points:
                assert unicodedata.normalize("NFKC", character) == character, hex(point)
                assert unicodedata.combining(character) == 0, hex(point)


def test_relevance_corpus_gives_the_same_snippets(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = json.loads(Path(__file__).with_name("relevance_corpus.json").read_text(encoding="utf-8"))
    texts = [text for item in corpus["documents"] for field in ("titles", "texts") for text in item[field].values()]
    for item in corpus["queries"]:
        query = parse_query(item["q"])
        for text in texts:
            assert str(snippet(text, query)) == str(slow(monkeypatch, snippet, text, query)), (item["q"], text)
            assert str(highlight(text, query)) == str(slow(monkeypatch, highlight, text, query)), (item["q"], text)


def test_warm_builds_every_folding_table_a_search_may_need() -> None:
    candidates._folds.cache_clear()
    candidates._fold_table.cache_clear()
    candidates._missing.cache_clear()
    candidates.warm()
    assert candidates._folds.cache_info().currsize == 1
    assert candidates._fold_table.cache_info().currsize == len(candidates.CODECS)
    assert candidates._missing.cache_info().currsize == len(candidates.CODECS)


STEMMED_TEXTS = [
    "Happy families: two national helplines, the helpline's counsellors; dying, lying, skies, generously, ability.",
    "Heureuse et heureux, les écoles protègent les élèves harcelés; forfaits familiaux, numériques.",
    "Las líneas de ayuda atienden a niños y niñas; protección, protecciones, educación, países.",
    "Детские телефоны доверия, дети и детей; защита, защиты; ёлки и ёжики в интернете.",
    "الأمن الإلكتروني والآلية الجديدة لحماية الأطفال من الألعاب الضارة، وصحتهم النفسية، مسؤولية ومسئولية.",
    *TEXTS[:8],
]
STEMMED_QUERIES = [
    "helpline",
    "happy families",
    '"national helpline"',
    "heureuse école",
    "niñas protección",
    "дети защита",
    "إلكتروني",
    "آلية ألعاب",
    "مسؤولية",
    "verification children",
    "grooming",
]


def _assert_fast_path_agrees(
    monkeypatch: pytest.MonkeyPatch, queries: list[str], texts: list[str], language: str | None
) -> None:
    """``snippet`` and ``highlight`` give, for every query and text, what they give with full tokenisation."""
    for raw in queries:
        query = parse_query(raw)
        for text in texts:
            fast = str(snippet(text, query, language))
            assert fast == str(slow(monkeypatch, snippet, text, query, language)), (raw, text)
            fast = str(highlight(text, query, language))
            assert fast == str(slow(monkeypatch, highlight, text, query, language)), (raw, text)


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "ar", "zh-hans"])
def test_snippets_of_stemmed_texts_are_those_of_full_tokenisation(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_fast_path_agrees(monkeypatch, STEMMED_QUERIES, STEMMED_TEXTS, language)


def test_snippet_marks_the_inflected_forms_a_stemmed_query_found() -> None:
    query = parse_query("helpline")
    assert str(snippet("Two national helplines answered.", query, "en")) == (
        "Two national <mark>helplines</mark> answered."
    )
    assert str(snippet("الأمن الإلكتروني للأطفال", parse_query("إلكتروني"), "ar")) == (
        "الأمن <mark>الإلكتروني</mark> للأطفال"
    )


def test_what_the_fast_path_looks_for_is_in_the_word_a_stem_came_from() -> None:
    """``candidates._key``: the start of a stem, all but its last two letters, is a substring of its word's fold."""
    from cwgcop.search.text import fold_letters, fold_word

    suite = json.loads(Path(__file__).with_name("relevance_suite").joinpath("corpus.json").read_text("utf-8"))
    corpus = json.loads(Path(__file__).with_name("relevance_corpus.json").read_text(encoding="utf-8"))
    texts = [text for texts in suite["documents"].values() for text in texts.values()]
    texts += [text for item in corpus["documents"] for text in item["texts"].values()]
    texts += STEMMED_TEXTS
    words = {match.group() for text in texts for match in TOKEN_RE.finditer(text) if match.lastgroup == "word"}
    assert len(words) == 1338
    missing = {
        (word, language, fold_word(word, language))
        for word in words
        for language in ("en", "fr", "es", "ru", "ar", "zh-hans")
        if candidates._key(fold_word(word, language)) not in fold_letters(word)
    }
    assert missing == set()
    # And the fast path finds each word's token in the word itself: at its start, or after the Arabic prefixes.
    plain = {unicodedata.normalize("NFC", word) for word in words}
    assert not {
        (word, language)
        for word in plain
        for language in ("en", "fr", "es", "ru", "ar", "zh-hans")
        if candidates.is_plain(word) and not _found_in_its_word(word, language)
    }


def _found_in_its_word(word: str, language: str | None) -> bool:
    from cwgcop.search.text import fold_word

    finder = candidates._token_finder(fold_word(word, language))
    return finder is not None and bool(list(candidates._places(word, (finder,))))


ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
# The article and attached prepositions the index takes off, and what Snowball's Arabic stemmer takes off or
# rewrites at a word's start: a verb's future س with its person prefix, the يست/تست/نست of its tenth form, hamza
# pairs, doubled prepositions.
ARABIC_PREFIXES = (
    "", "و", "ف", "ب", "ك", "ل", "ال", "وال", "بال", "كال", "فال", "لل", "وبال", "س", "سي", "ست", "سن", "سأ", "ي",
    "ت", "ن", "أ", "يست", "تست", "نست", "وسي", "فست", "أأ", "أا", "بب", "كك",
)  # fmt: skip
ARABIC_SUFFIXES = ("", "ون", "ين", "ات", "ة", "ها", "هم", "كم", "تم", "وا", "ان", "ية", "أ", "ئ", "ؤ", "آ", "ي", "ى")


def test_arabic_tokens_are_found_after_the_prefixes_their_words_lose() -> None:
    """An Arabic token is looked for only where its word's letters before it are those of the prefixes (and of
    its first letter, or any letter for an alef): checked on words of random letters with every prefix the index
    or the stemmer takes off, and every ending, once and twice (``سيتستر`` → ``ياستر``)."""
    rng = random.Random(17)
    words = {
        rng.choice(ARABIC_PREFIXES)
        + rng.choice(ARABIC_PREFIXES)
        + "".join(rng.choices(ARABIC_LETTERS, k=rng.randint(1, 6)))
        + rng.choice(ARABIC_SUFFIXES)
        for _ in range(4000)
    }
    assert len(words) == 4000
    assert {
        (w, language) for w in words for language in ("ar", "en", None) if not _found_in_its_word(w, language)
    } == set()


def test_arabic_places_inside_words_are_skipped() -> None:
    from cwgcop.search.text import fold_word

    text = "العمر وعمر سمر معمر يعمر بالعمر"
    tokens = [(span.token, span.start) for span in spans(text, language="ar")]
    assert tokens == [("عمر", 0), ("عمر", 6), ("سمر", 11), ("معمر", 15), ("يعمر", 20), ("عمر", 25)]
    finder = candidates._token_finder(fold_word("عمر", "ar"))  # looked for as "عم" after the prefixes only
    assert finder is not None
    assert finder.arabic_lead == ""
    assert list(candidates._places(text, (finder,))) == [(2, 4), (7, 9), (28, 30)]
    text = "سيستخدمون استخدم مستخدم ومستخدم تمستخدم"
    finder = candidates._token_finder(fold_word("استخدم", "ar"))  # "ستخ" after any letter (the stemmer's alef)
    assert finder is not None
    assert finder.arabic_lead == "ا"
    assert list(candidates._places(text, (finder,))) == [(2, 5), (11, 14), (18, 21), (26, 29)]


def test_a_three_letter_arabic_stem_ending_in_a_hamza_is_marked() -> None:
    """The stemmer writes a last hamza alone (``قرأ`` → ``قرء``): only the stem's middle letter is looked for."""
    query = parse_query("قرأ")
    assert str(snippet("هو قرأ الكتاب، خطأ", query, "ar")) == "هو <mark>قرأ</mark> الكتاب، خطأ"
    assert str(highlight("قرأ", query, "ar")) == "<mark>قرأ</mark>"


INSIDE_WORDS_TEXTS = [
    "preverification verifications cop21 abc21 xverif verification 21 and CWG-COP-21/5 or cwg-cop-21/50",
    "ال2024 الverification والverification عام 2024 و2024 verification",
    "\u0301verification a\u0301verification averification e\u0301cole ecole",
    "защитазащита незащита защита ЗАЩИТЫ сверхзащита",
    "儿童verification 保护verification verification儿童 age儿童",
    "page age usage Age-verification ages",
]


@pytest.mark.parametrize("language", [None, "en", "fr", "ru", "ar"])
def test_places_inside_words_are_skipped_as_full_tokenisation_skips_them(
    language: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = ["verification", "21", "CWG-COP-21/5", "2024", "защита", "ecole", "age", "verif*", '"age verification"']
    _assert_fast_path_agrees(monkeypatch, queries, INSIDE_WORDS_TEXTS, language)


def test_a_place_is_where_a_word_starts_or_after_an_arabic_letter() -> None:
    finder = candidates._finder(candidates._key("verif"))  # "ver"
    assert finder is not None
    assert finder.word_start is True
    places = list(candidates._places("preverification verif x\u0301verif", (finder,)))
    assert places == [(16, 19)]
    places = list(candidates._places("préverification \u0301verif الverif", (finder,)))
    assert places == [(17, 20), (25, 28)]
    # In a text a single-byte codec holds whole, a place after a letter is left out before any Python step.
    places = list(candidates._places("préverification éverif 2verif (verif) verif", (finder,)))
    assert places == [(31, 34), (38, 41)]
    folded = "éverif".encode("cp1252").translate(candidates._fold_table("cp1252"))
    assert not list(candidates._word_start_pattern(b"ver", "cp1252", False).finditer(folded))
    arabic = candidates._finder(candidates._key("اطفال"))
    assert arabic is not None
    assert arabic.word_start is False
    chinese = candidates._finder("儿童")
    assert chinese is not None
    assert chinese.word_start is False


def test_phrases_that_cannot_match_an_ascii_text_are_not_looked_for() -> None:
    query = parse_query("CWG-COP-21/5 children")
    assert candidates.possible("Children online, meeting 22.", query).phrases == (query.phrases[1],)
    assert candidates.possible("Children online, meeting 21/5.", query) is query
    assert candidates.possible("Enfants en ligne, réunion 22.", query) is query  # not ASCII: not checked
    prefixed = parse_query("verif* 21")
    assert candidates.possible("No such words here", prefixed).phrases == prefixed.phrases[:1]  # verif* kept
    assert candidates.possible("verbs here", parse_query('"21 ver*"')).phrases == ()
    assert candidates.possible("21 verbs", parse_query('"21 ver*"')).phrases == parse_query('"21 ver*"').phrases
    sentence = "The symbol of this contribution is in its title only. "
    # Nothing to mark: the start of the text, cut after a word.
    assert str(snippet(sentence * 6, parse_query("CWG-COP-21/5"), "en")) == sentence * 4 + "The …"
