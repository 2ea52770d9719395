"""Round 7: names by general mechanisms, judged by whether they catch phrasings nobody has written yet.

- **Coordination**: in a list (commas, "and", "et", "y", "и", "و", "w", "n", "&") that holds the child
  ("me", "moi", "yo", "я", "أنا", "ana") or a name already found, every member that is not a common word of its
  language (:mod:`.lexicon`) is a name ("me Freya and Ashwin", "moi et noa", "я с Полиной, Даней и Ерланом",
  "أنا وتالا وعبودي"). A capitalised member is a name unless it is one of the most frequent words.
- **A title or a role and the word after it**: "miss", "madame", "le prof", "el maestro", "doña", "учитель",
  "классуха", "الأستاذ", "الحاجة", "coach" and kinship ("tía", "أخوي") before a word that is not a common word
  (or is a given name) is a person's name, with the capitalised words after it ("тёти Галины Сергеевны
  Кузнецовой"). The title stays.
- **What a person is called**: "everyone calls her X", "her real name is Y", "tout le monde l'appelle X", "en vrai
  elle s'appelle Y", "le dicen X", "все зовут его X", "на самом деле её зовут Y", "بنناديه X", "اسمه الحقيقي Y".

Public figures and brands stay: a member or a follower that :func:`.structure.is_public` or ``people.BRANDS``
knows is left.
"""

from __future__ import annotations

import re

from cwgcop.consultations.redaction import lexicon, people
from cwgcop.consultations.redaction.base import Category, Hit

L = people.LETTERS


def _words(text: str) -> list[str]:
    return text.split()


# A word (letters, an apostrophe or a hyphen inside; Arabizi digits 2, 3, 5, 7, 9 inside a Latin word: "3omar").
WORD = rf"(?:[{L}]|[23579](?=[A-Za-z]))(?:[{L}'’\-]|[23579](?=[A-Za-z]))*"
SELF = r"me|moi|yo|я|мы|мне|أنا|انا|ana|إليّ|إلي|الي|ليا"
AND = r"and|n|&|et|y|e|и|w|wa"
SEP = rf"(?:\s*[,،]\s*(?:(?i:{AND})\s+)?|\s+(?i:{AND})\s+|\s+و\s*|\s*&\s*)"
# "me Freya and Ashwin": the child and a member with no comma between; "я с Полиной": "with" after the child.
# Round 8: "me or Dev", "to me or to Dev", "moi ou à Inès", "ко мне или к Лёше", "إليّ أو إلى نور": an
# alternative to the child is a person too.
SELF_NEXT = (
    r"(?:\s*[,،]\s*|\s+(?i:and|n|et|y|e|и|w|wa|с|со|avec|con|with)\s+|\s*و\s*"
    r"|\s+(?i:or|ou|или)\s+(?i:(?:to|à|a|к|ко)\s+)?|\s+(?:أو|او)\s+(?:(?:إلى|الى|ل)\s*)?)"
)
# "me Freya and Ashwin", "moi Timéo et Nawel": a capitalised word after the child with no "and", if a list goes on.
SELF_BARE = rf"\s+(?=[A-ZÀ-ÖØ-ÞЀ-ЯЁ][{L}'’\-]*{SEP})"
MEMBER = re.compile(rf"(?P<word>{WORD})")
SELF_RE = re.compile(rf"(?<![\w'’\-])(?P<self>(?i:{SELF}))(?![\w'’\-])")
SEP_RE = re.compile(SEP)
SELF_NEXT_RE = re.compile(SELF_NEXT)
SELF_BARE_RE = re.compile(SELF_BARE)
UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞЀ-ЯЁ]")
FAMILY = re.compile(r"\s+(?P<family>[A-ZÀ-ÖØ-ÞЀ-ЯЁ][\w'’\-]+)")
# Words a list goes on with that are never members' names: pronouns, articles, determiners (any case).
NEVER = frozenset(
    _words("""i you he she we they it me him her us them my your his our their the a an this that
    je tu il elle on nous vous ils elles moi toi lui eux le la les un une des mon ma mes ton ta tes son sa ses
    yo tú tu él ella nosotros ellos ellas mi mis su sus el los las un una
    я ты он она мы они мне меня мной тебя тобой его её ее их нам нас вам вас
    أنا انا انت أنت هو هي نحن هم ana enta howa heya
    everyone everybody all tous toutes todos todas все всех
    im ive id ill dont cant wont isnt u ur""")
)


def _is_name(word: str, text: str, *, small: bool = False) -> bool:
    """A member or follower that is a person's name: a given name, or a word that is not common in its language
    (a capitalised one: not one of its most frequent words); never a brand, a pronoun or a public figure. A Latin
    or Cyrillic word in small letters only if ``small`` (a list that holds the child: "moi et noa"): the word lists
    miss many inflected forms ("estoy", "информатики")."""
    from cwgcop.consultations.redaction import structure

    bare = word.strip("'’-")
    refused = (
        re.search(r"^[^'’]{1,2}['’]", bare) is not None  # "j'ai", "c'est", "l'autre": an elided word
        or not 2 <= len(bare) <= 24
        or bare.lower() in NEVER
        or bare.lower() in people.NOT_NAMES
        or people.BRANDS.fullmatch(bare) is not None
        or structure.is_public(bare)
    )
    if refused:
        return False
    if people.is_given_name(bare, placed=True):
        return True
    arabic = lexicon.language_of(bare) == "ar"
    if UPPER.match(bare):
        return not lexicon.is_common(bare, very=True)
    # An Arabic word with the article is a noun, not a given name; small Latin or Cyrillic letters only if asked.
    return ((arabic and not bare.startswith("ال")) or (small and not arabic)) and not lexicon.is_common(bare)


def _extend(text: str, end: int) -> int:
    """A member's or a follower's capitalised family names and patronymics ("Camila Restrepo", "Галины Сергеевны
    Кузнецовой"), not a common word."""
    while (match := FAMILY.match(text, end)) and not lexicon.is_common(match["family"], very=True):
        if people.BRANDS.fullmatch(match["family"]):
            break
        end = match.end()
    return end


def _members(text: str, start: int) -> list[tuple[int, int]]:
    """The members of a list from ``start``: a word, then words each after a separator."""
    members: list[tuple[int, int]] = []
    position = start
    while len(members) < 6:
        member = MEMBER.match(text, position)
        if not member:
            break
        word = member["word"]
        if word.startswith("و") and lexicon.language_of(word) == "ar" and len(word) > 3:
            word = word[1:]  # "وتالا": the glued "and"
            begin = member.start() + 1
        else:
            begin = member.start()
        members.append((begin, begin + len(word)))
        sep = SEP_RE.match(text, member.end())
        if not sep:
            break
        position = sep.end()
    return members


def coordinated(text: str, found: list[Hit]) -> list[Hit]:
    """Members of a list that holds the child or a name found (see the module's doc)."""
    hits: list[Hit] = []
    starts: list[tuple[int, bool]] = []
    for match in SELF_RE.finditer(text):
        after = SELF_NEXT_RE.match(text, match.end())
        if not after and match["self"].lower() in {"me", "moi"}:
            after = SELF_BARE_RE.match(text, match.end())
        if after:
            starts.append((after.end(), True))
    for hit in found:
        if hit.category is Category.NAME and (sep := SEP_RE.match(text, hit.end)):
            starts.append((sep.end(), False))
    for start, small in starts:
        members = _members(text, start)
        if not members:
            continue
        # A single member right after the child without "and" ("me Freya") must go on to another one.
        for begin, end in members:
            word = text[begin:end]
            if not _is_name(word, text, small=small):
                break
            hits.append(Hit(begin, _extend(text, end), Category.NAME))
    return [hit for hit in hits if not _glued_pronoun(text, hit)]


def _glued_pronoun(text: str, hit: Hit) -> bool:
    """A pronoun is never a name ("me and you", "moi et lui")."""
    return text[hit.start : hit.end].lower() in NEVER


TITLES = (
    # English
    r"miss|mrs|mr|ms|mx|sir|madam|coach|auntie|aunty|aunt|uncle|nana|nan|granny|grandma|grandpa|teacher|"
    r"(?:the\s+)?(?:head|headteacher|headmaster|headmistress)"
    # French
    r"|madame|mme|monsieur|mademoiselle|mlle|maître|maitre|maîtresse|maitresse|(?:le|la|ma|mon)\s+profs?|"
    r"(?:le|la)\s+(?:professeure?|coach|directeur|directrice|cpe|surveillant|surveillante|pion|pionne)|"
    r"la\s+voisine|le\s+voisin|tata|tonton|tatie|mamie|papi|papy"
    # Spanish
    r"|doña|señora?|senora?|seño|profe|(?:el|la|mi)\s+(?:profe|profesora?|maestr[oa]|entrenadora?|"
    r"director[a]?|vecin[oa])|tía|tia|tío|tio|abuela|abuelo"
    # Russian
    r"|учитель|учительница|учителя|учительницы|классуха|классная|классный руководитель|тренер|директор|"
    r"тёти|тети|тётя|тетя|тётей|дяди|дядя|дядей|баба|бабы|бабушка|дедушка|соседка|сосед|"
    r"препод|преподаватель|физрук|завуч"
    # Arabic
    r"|الأستاذ|الاستاذ|الأستاذة|الاستاذة|أستاذ|استاذ|أستاذة|استاذة|المعلم|المعلمة|المدرس|المدرسة|الحاجة|الحاجه|الحاج|"
    r"الكوتش|كوتش|المدرب|المدربة|الشيخ|الشيخة|السيد|السيدة|المدير|المديرة|أخوي|اخوي|أختي|اختي|خالتي|عمتي|عمي|خالي|"
    r"جارتنا|جارنا|ستي|تيتا|الخالة|العمة"
    # Person nouns as an open class (round 8): kinship with dialect forms and diminutives, school, club, religious
    # and community roles, honorifics, in each language; the word after them that is a name is one.
    r"|pastor|imam|sheikh|rabbi|reverend|rev|father|youth\s+worker|counsellor|counselor|cousin|brother|sister|"
    r"(?:best\s+)?friend|bestie|mentor|captain|trainer|tutor|"
    r"(?:l')?imam|(?:le\s+)?pasteur|(?:le\s+)?père|cousine|(?:ma|mon)\s+(?:pote|copine|copain|meilleure?\s+amie?|"
    r"frère|sœur|soeur|cousine?|grand\s+frère|grande\s+sœur|petite?\s+(?:frère|sœur|soeur))|"
    r"pastor|padre|hermanit[oa]|herman[oa]|prim[oa]|primit[oa]|(?:mi\s+)?(?:mejor\s+)?amig[oa]|"
    r"entrenador[a]?|don|capitán|"
    r"отец|батюшка|брат|брату|брата|сестра|сестре|сестры|подруга|подруге|подруги|друг|другу|друга|"
    r"тренера|тренеру|имам|пастор|вожатый|вожатая|"
    r"المرشدة|المرشد|مرشدة|مرشد|الكابتن|كابتن|طنط|أبلة|ابلة|الإمام|الامام|إمام|القس|الأب|أبونا|"
    r"أخي|اخي|أخويا|اخويا|أختي|صاحبتي|صاحبي|رفيقي|رفيقتي|خالو|عمو|ابن\s+عمي|بنت\s+عمي|ابن\s+خالي|بنت\s+خالتي"
)
# Adjectives between a person noun and the name ("أختي الزغيرة جود", "my little sister Ava", "ma petite sœur").
ADJECTIVE = (
    r"(?:\s+(?:(?i:little|big|older|younger|baby|best|petite?|grande?|pequeñ[oa]|mayor|menor|младш(?:ий|ая|ему|ей)|"
    r"старш(?:ий|ая|ему|ей)|двоюродн(?:ый|ая|ому|ой))|الزغيرة|الصغيرة|الكبيرة|الزغير|الصغير|الكبير|الصغيره|الكبيره))?"
)
# A dialect possessive between the title and the name ("الكوتش ديالنا أنس", "الأستاذ تاعنا").
POSSESSIVE = r"(?:\s+(?:ديالنا|ديالي|تاعنا|تاعي|بتاعنا|بتاعي|حقنا|حقي|متاعنا|نتاعنا))?"
# A lookahead, so that titles in a row are each read ("la voisine madame Rakotomalala", "جارتنا الحاجة فاطمة").
# An Arabic title may carry a glued preposition or "and" ("لخالتي هبة", "للمرشدة ميس", "وأختي").
GLUED = r"(?:(?<![\w'’\-])|(?<=(?<![\w'’\-])[لوب])|(?<=(?<![\w'’\-])لل))"
TITLE_RE = re.compile(rf"{GLUED}(?=(?i:{TITLES})\.?{ADJECTIVE}{POSSESSIVE}\s+(?P<word>{WORD}))")
TITLE_WORD = re.compile(rf"(?i:{TITLES})")
# After an Arabic name found by a title, a compound's second part ("عبد الرحمن") and a family name with the article
# ending as a nisba does ("سعود الشمري", "الكابتن سعود الشمري").
AR_COMPOUND = re.compile(r"\s+(?P<word>ال[ء-ي]{2,})")
AR_NISBA = re.compile(r"\s+(?P<word>ال[ء-ي]{2,}(?:ي|ية))(?![ء-ي])")


def _arabic_name(word: str) -> bool:
    """An Arabic word after a person noun that is a given name, with the article too ("عمي الحسين")."""
    return word.startswith("ال") and people.is_given_name(word[2:], placed=True)


def _arabic_extend(text: str, word: str, end: int) -> int:
    if word in {"عبد", "عبدال"} and (compound := AR_COMPOUND.match(text, end)):
        end = compound.end()
    if (nisba := AR_NISBA.match(text, end)) and not lexicon.is_common(nisba["word"], very=True):
        end = nisba.end()
    return end


def titled(text: str) -> list[Hit]:
    """A title or role and the word after it, if that word is a name (see the module's doc)."""
    from cwgcop.consultations.redaction import structure

    hits = []
    for match in TITLE_RE.finditer(text):
        word = match["word"]
        if TITLE_WORD.fullmatch(word):
            continue  # titles in a row: each is read at its own place ("جارتنا طنط عفاف", "la vecina doña Maruja")
        if structure.is_public(text[match.start() : match.end("word")]):
            continue  # a character known by a title and a name ("Don Quijote", "Captain America", "كابتن ماجد")
        if lexicon.language_of(word) == "ar" and (word == "عبد" or _arabic_name(word) or _is_name(word, text)):
            hits.append(Hit(match.start("word"), _arabic_extend(text, word, match.end("word")), Category.NAME))
        elif _is_name(word, text) and not people.after_pet(text, match.start("word")):
            hits.append(Hit(match.start("word"), _extend(text, match.end("word")), Category.NAME))
    return hits


CALLED = (
    # "everyone calls her X", "we call him X", "her real name is Y", "her proper name is Y"
    r"(?:calls?|call|called)\s+(?:him|her|them|me)|(?:real|proper|actual|full)\s+name(?:'s|\s+is)"
    r"|(?:l'appelle|l’appelle|l'appellent|l’appellent|appelle|s'appelle|s’appelle|surnomme|surnommé|surnommée)"
    r"|(?:le|la|les)\s+(?:dicen|llaman|decimos|llamamos)|se\s+llama|(?:su\s+)?nombre\s+(?:real|de\s+verdad)\s+es"
    r"|(?:зовут|называют|зовём|зовем)(?:\s+(?:его|её|ее|их))?"
    r"|بنناديه|بنناديها|نناديه|نناديها|ينادونه|ينادونها|يناديه|يناديها|نسميه|نسميها|يسمونه|يسمونها"
    r"|اسمه\s+الحقيقي|اسمها\s+الحقيقي"
    # Round 8: someone calling himself X, and reported speech ("according to X", "comme dit X", "как говорит X").
    r"|call(?:s|ing)\s+(?:him|her|them)sel(?:f|ves)|se\s+fait\s+appeler|se\s+hace\s+llamar|называ(?:ет|ющий)\s+себя"
    r"|يسمي\s+نفسه|يسمّي\s+نفسه|تسمي\s+نفسها|سمى\s+نفسه"
    r"|according\s+to|comme\s+(?:dit|disait|le\s+dit)|como\s+(?:dice|decía|dijo)|как\s+(?:говорит|сказал|сказала)"
    r"|زي\s+ما\s+(?:قال|قالت|بيقول|بتقول)|كما\s+(?:قال|قالت|يقول|تقول)"
)
CALLED_RE = re.compile(rf"(?<![\w'’\-])(?i:{CALLED})\s+(?P<word>{WORD})")


def called(text: str) -> list[Hit]:
    """The name after what a person is called (see the module's doc), with its family names."""
    hits = []
    for match in CALLED_RE.finditer(text):
        word = match["word"]
        end = match.end("word")
        if word in {"عبد", "abd", "Abd"} and (after := re.match(rf"\s+(?P<word>{WORD})", text[end:])):
            end += after.end()  # "عبد العزيز": a compound name
        elif not _is_name(word, text) or people.after_pet(text, match.start("word")):
            continue
        hits.append(Hit(match.start("word"), _extend(text, end), Category.NAME))
    return hits


# Where a name stands in a question or beside a platform (round 8), in small letters too: the subject of "is it
# normal that X …" ("c'est normal que kylian", "es normal que thiago", "нормально ли, что данила", "واش عادي يونس"),
# "X from Roblox" ("callum from Roblox", "данила из Майнкрафта"), and an Arabic name before a kinship word in
# apposition ("قلت لسامر أخوي").
QUESTION_RE = re.compile(
    rf"(?i:(?:is\s+it|it's|its)\s+(?:normal|ok|okay|weird|fine)\s+(?:that|if|when)|c'est\s+(?:normal|grave|bizarre)\s+"
    rf"(?:que|qu'|qu’)|es\s+normal\s+que|(?:нормально|это\s+нормально)\s+ли,?\s+что|(?:واش|هل)\s+(?:عادي|طبيعي))"
    rf"\s*(?P<word>{WORD})"
)
GENERIC = frozenset({"internet", "wifi", "mum", "mom", "dad", "papa", "teams", "zoom"})
GAMES = r"майнкрафт\w*|роблокс\w*|фортнайт\w*|дискорд\w*|ماينكرافت|روبلوكس|فورتنايت|ديسكورد"
FROM_PLATFORM_RE = re.compile(
    rf"(?<![\w'’\-])(?P<word>{WORD})\s+(?P<from>(?i:from|de|del|d'|d’|из|с|من))\s*(?P<place>{WORD})"
)
KIN_AFTER_RE = re.compile(
    r"(?<![ء-ي])(?P<to>ل)?(?P<word>[ء-ي]{3,})\s+(?:أخوي|اخوي|أخويا|أختي|اختي|صاحبي|صاحبتي|ابن\s+عمي|بنت\s+عمي)(?![ء-ي])"
)


def _placed_name(word: str, text: str) -> bool:
    return _is_name(word, text, small=True) or people.is_given_name(word)


def placed(text: str) -> list[Hit]:
    """A name by where it stands in a question, beside a platform or before a kinship word (see above)."""
    hits = []
    for match in QUESTION_RE.finditer(text):
        if _placed_name(match["word"], text):
            hits.append(Hit(match.start("word"), _extend(text, match.end("word")), Category.NAME))
    for match in FROM_PLATFORM_RE.finditer(text):
        place = match["place"]
        platform = people.BRANDS.fullmatch(place) or re.fullmatch(GAMES, place, re.IGNORECASE)
        # "from", "из": a name in small letters too; "de", "с", "من" also mean "of" ("las rachas de Snapchat"), so
        # only a given name or a capitalised word that is not a common one.
        small = match["from"].lower() in {"from", "из"}
        word = match["word"]
        named = _placed_name(word, text) if small else (_is_name(word, text) or people.is_given_name(word))
        if platform and place.lower() not in GENERIC and not people.BRANDS.fullmatch(word) and named:
            hits.append(Hit(match.start("word"), match.end("word"), Category.NAME))
    for match in KIN_AFTER_RE.finditer(text):
        # After "to" ("قلت لسامر أخوي") or a given name: an imperative is no name ("كلموا أخوي").
        if (match["to"] or people.is_given_name(match["word"])) and _is_name(match["word"], text):
            hits.append(Hit(match.start("word"), match.end("word"), Category.NAME))
    return hits


def names(text: str, found: list[Hit]) -> list[Hit]:
    return titled(text) + called(text) + placed(text) + coordinated(text, found) + chinese(text, found)


# Chinese. The same three mechanisms on jieba's words: a list joined by 、, 和, 跟, 与, 還有 that holds 我 or a name
# found; a role word (导师, 老師, 班主任, 教练, 邻居) before a word jieba's dictionary does not hold as a common word;
# what a person is called (叫他, 大名叫, 真名是). A Latin word on such a list is a name too ("我和tingting").
HAN = re.compile(r"[一-鿿]")
ZH_ROLES = frozenset(
    {"导师", "導師", "老师", "老師", "班主任", "班导", "班導", "教练", "教練", "邻居", "鄰居", "同桌", "学长", "學長"}
    | {"学姐", "學姐", "网友", "網友", "队长", "隊長"}
    # Round 8: kinship and religious roles ("小姨苏敏", "表姐jessica", "我妹妹糖糖", "牧师", "教练").
    | {"小姨", "表哥", "表姐", "表妹", "表弟", "堂哥", "堂姐", "堂妹", "堂弟", "妹妹", "弟弟", "牧师", "牧師", "神父"}
    | {"舅舅", "姑姑", "姨妈", "姨媽", "小舅", "好朋友", "闺蜜", "閨蜜", "发小", "發小"}
)
ZH_CALLED = re.compile(r"(?:自称|自稱|叫他|叫她|大名叫|小名叫|真名叫|本名叫|真名是|本名是|外号叫|外號叫|绰号叫|綽號叫)")
LATIN_MEMBER = re.compile(r"[A-Za-z][A-Za-z\-]+(?:\s+[A-Z][a-z]+)?")
# "陈sir", "何sir": a family name and "sir" (Hong Kong's way of naming a teacher or a coach).
ZH_SIR = re.compile(r"(?P<name>[一-鿿])(?i:sir|madam|miss)(?![A-Za-z])")


ZH_SEPARATOR = re.compile(r"\s*(?:、|和|跟|与|與|及|还有|還有)\s*")
ZH_SELF_RE = re.compile(r"我(?![们們])")
ZH_ROLE_RE = re.compile("|".join(sorted(ZH_ROLES, key=len, reverse=True)))
# Characters that do not end a name: they start what is said of it ("乐乐在", "朵朵说").
ZH_AFTER_NAME = frozenset(
    "在是的了说說和跟也都就会會把被给給今昨明还還又很太们們他她我你" + "能可要想去来來不没沒让讓叫对對用看"
)
# What follows a family name without being a given name ("赵奶奶", "王老师"): the kinship or role word.
ZH_KIN = re.compile(r"奶奶|爷爷|爺爺|阿姨|叔叔|老师|老師|同学|同學|伯伯|哥哥|姐姐|大爷|大爺|大妈|大媽")


def _zh_member(text: str, start: int) -> tuple[int, int] | None:
    """The name at ``start`` if it is one: a Latin name, or two or three Chinese characters that are not a common
    word (the third only if it does not start what follows)."""
    from cwgcop.consultations.redaction import chinese as zh

    latin = LATIN_MEMBER.match(text, start)
    if latin:
        word = latin.group(0)
        return (start, latin.end()) if _is_name(word.split()[0], text, small=True) else None
    run = re.match(r"[一-鿿]{2,}", text[start : start + 6])
    if not run:
        return None
    length = 2
    doubled = run.group(0)[0] == run.group(0)[1]  # "糖糖才八岁": a doubled given name stops at two
    if len(run.group(0)) >= 3 and not doubled and run.group(0)[2] not in ZH_AFTER_NAME:
        following = text[start + 2 : start + 4]
        if len(run.group(0)) == 3 or zh.word_frequency(following) == 0:
            length = 3
    word = text[start : start + length]
    if ZH_KIN.match(text, start + 1):
        return None  # "赵奶奶": a family name and a kinship word, found elsewhere if at all
    if word[0] in ZH_AFTER_NAME or lexicon.is_common(word) or word in zh.NOT_PERSONS:
        return None
    return start, start + length


def chinese(text: str, found: list[Hit]) -> list[Hit]:
    if not HAN.search(text):
        return []
    from cwgcop.consultations.redaction import chinese as zh

    hits: list[Hit] = []
    starts = [match.end() for match in ZH_SELF_RE.finditer(text)]
    starts += [hit.end for hit in found if hit.category is Category.NAME]
    for start in starts:
        position = start
        for _ in range(6):  # a list: separators and names alternating
            separator = ZH_SEPARATOR.match(text, position)
            member = separator and _zh_member(text, separator.end())
            if not member:
                break
            hits.append(Hit(member[0], member[1], Category.NAME))
            position = member[1]
    for match in ZH_CALLED.finditer(text):
        if member := _zh_member(text, match.end()):
            hits.append(Hit(member[0], member[1], Category.NAME))
    for match in ZH_ROLE_RE.finditer(text):  # "導師吳怡君": after a role, a full name (a family name first)
        member = _zh_member(text, match.end())
        doubled = member and member[1] - member[0] == 2 and text[member[0]] == text[member[0] + 1]  # "糖糖"
        if member and (text[member[0]] in zh.SURNAMES or LATIN_MEMBER.match(text, member[0]) or doubled):
            hits.append(Hit(member[0], member[1], Category.NAME))
    for match in ZH_SIR.finditer(text):
        if match["name"] in zh.SURNAMES:
            hits.append(Hit(match.start("name"), match.end("name"), Category.NAME))
    return hits
