"""Names of people, found from what comes before them ("my name is", "je m'appelle", "меня зовут", "اسمي",
"my friend", "me and") and from a list of given names (consultations/data/given_names/).

A given name on its own ("Tom keeps messaging me") is removed; a given name followed by a family name
("Greta Thunberg", "Lionel Messi") is left for the moderator, who sees it highlighted: children name their
friends by first name, and public figures by their full name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from cwgcop.consultations.redaction.base import Category, Hit


def _split(words: str) -> list[str]:
    return words.split()


DATA = Path(__file__).resolve().parents[1] / "data" / "given_names"
LETTERS = "A-Za-zÀ-ÖØ-öø-ɏЀ-ӿء-يٮ-ۓ"
TAIL = rf"[{LETTERS}'’\-]*"
WORD = rf"[{LETTERS}]{TAIL}"
CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞЀ-ЯЁ]")

# Titles and kin words: beside a name ("Mrs Singh", "don Ramiro", "خويا", "刘老师"), never part of it: a name found
# with one loses it (:func:`without_title`), the learned detector never labels one a name, and a Chinese word jieba
# tags as a person's name that ends in a title (刘老师, 王阿姨) is read as the name and the title. "don" only in lower
# case: "Don" is a given name too.
TITLE = re.compile(
    r"don|(?i:mr|mrs|ms|miss|mx|sir|dr|prof|mme|mlle|madame|monsieur|doña|señor|señora|senor|senora|sr|sra|"
    r"srta|seño|tonton|tata|tatie|tantine|маэстро|خويا|خوي|اخوي|اخويا|ختي|اختي|صاحبي|صاحبتي|صحبتي|رفيقي|رفيقتي|"
    r"جدي|جدتي|ستي|تيتا|عمو|خالو|الشيخ|شيخ|الدكتور|دكتور|الدكتورة|دكتورة|ابلة|أبلة|مس|مستر|مدام|"
    r"khouya|khoya|5ouya|sa7bti|sa7bi|omti|3ami|3amti|khalti|khali)"
)
ZH_TITLE = re.compile(
    r"(老师|同学|阿姨|叔叔|伯伯|奶奶|爷爷|姐姐|哥哥|老板|医生|教练|主任|校长|同桌|学长|学姐|姐|哥|妈|爸)$"
)


@lru_cache(maxsize=8192)
def is_title(word: str) -> bool:
    return TITLE.fullmatch(word) is not None or ZH_TITLE.fullmatch(word) is not None


LEADING_TITLE = re.compile(rf"(?:{TITLE.pattern}|M(?=\.))\.?\s+(?=\w)")


def without_title(text: str, hit: Hit) -> Hit | None:
    """A name less a title or kin word at its start ("Mrs Singh" → "Singh") or, in Chinese, at its end ("刘老师" →
    "刘"); ``None`` when nothing but the title is left. Other hits are returned as they are."""
    if hit.category is not Category.NAME:
        return hit
    start, end = hit.start, hit.end
    while (lead := LEADING_TITLE.match(text, start, end)) is not None:
        start = lead.end()
    trail = ZH_TITLE.search(text, start, end)
    if trail is not None and trail.start() > start:
        end = trail.start()
    if is_title(text[start:end]):
        return None
    return hit if (start, end) == (hit.start, hit.end) else Hit(start, end, Category.NAME)


STRONG = (
    r"my name is|my name's|my names|name is|names|my name:|name:|call me|i am called|i'm called|they call me|"
    r"je m'appelle|je m’appelle|j'm'appelle|mon prénom c'est|mon prénom c’est|mon prénom est|mon nom c'est|"
    r"mon nom est|je me nomme|on m'appelle|"
    r"me llamo|mi nombre es|me dicen|mi nombre:|"
    r"меня зовут|моё имя|мое имя|зовут меня|это пишет|пишет|"
    r"اسمي|إسمي|أسمي|اسمى|ادعى|أدعى|يسمونني|اسمه|اسمها|إسمه|إسمها|اسمو"
)
WEAK = r"i'm|i’m|im|i am|c'est|c’est|moi c'est|moi c’est|je suis|soy|yo soy|я|أنا|انا"
RELATION = (
    r"my (?:best |good |little |big |older |younger )?(?:friend|mate|bestie|bff|sister|brother|cousin|classmate|"
    r"girlfriend|boyfriend|neighbour|neighbor)|me and|and me|with|"
    r"mon (?:meilleur |petit |grand )?(?:ami|copain|pote|frère|cousin|voisin)|"
    r"ma (?:meilleure |petite |grande )?(?:amie|copine|pote|sœur|soeur|cousine|voisine)|"
    r"mi (?:mejor |buen |buena )?(?:amigo|amiga|hermano|hermana|primo|prima|compañero|compañera|novio|novia|"
    r"vecino|vecina)|"
    r"(?:у |с |со |для |к )?мо(?:й|я|его|ей|ему|им|ю) (?:лучш\w+ |двоюродн\w+ |младш\w+ |старш\w+ )?"
    r"(?:друг\w*|брат\w*|одноклассни\w+|сосед\w*|подруг\w*|сестр\w*)|"
    r"учительниц\w*|учител\w*|тренер\w*|"
    r"my (?:teacher|coach|tutor)|mon (?:prof|professeur|entraîneur)|ma (?:prof|maîtresse)|mi (?:profe|profesora?|"
    r"maestr[oa]|entrenador[a]?)|"
    r"صديقي|صديقتي|أخي|اخي|أختي|اختي|ابن عمي|بنت عمي|ابن خالي|بنت خالي|زميلي|زميلتي|استاذتنا|أستاذتنا|استاذنا|"
    r"أستاذنا|معلمتي|معلمي|مدرستي|مدرسي"
)
COMPANY = r"me and|and me|moi et|et moi|yo y|y yo|я и|и я|мы с"
GENERIC = r"with|avec|con|с|со|مع"
GREETING = r"hi|hello|hey|this is|it's|its|salut|coucou|bonjour|hola|привет|это|مرحبا"
# Words that follow a cue but are not names ("I'm scared", "je suis triste", "мы с тобой").
NOT_NAMES = frozenset(
    _split("""a an the not so very really just also too from in at on and or but is was will gonna going happy sad
    scared afraid sure ok okay fine good bad sorry here there 9 10 11 12 13 14 15 16 17 me you him her them
    us it this that my your his our their le la les un une pas très trop en au aux de des du et ou mais
    est suis ici là content contente triste désolé désolée moi toi lui elle nous vous eux el los las uno
    una no muy tan de del y o pero es soy aquí feliz triste yo tú él ella nosotros ты вы он она мы они
    меня тебя тобой ним ней нами вами ними мне мной нам вам им ему ей тебе себе не очень тоже уже здесь там
    и а но да нет это так
    لا نعم هذا هذه هنا في من على و أو لكن جدا حزين سعيد خائف أنت هو هي نحن""")
)
# A name may be followed by a family name: a capitalised word (Latin or Cyrillic), or an Arabic "al-" name.
FAMILY = re.compile(
    rf"\s+(?:(?:de|del|de la|da|do|dos|van|von|der|di|du|le|la|el|al|ibn|bin|ben)\s+)?"
    rf"(?P<family>[A-ZÀ-ÖØ-ÞЀ-ЯЁ]{TAIL}|ال[ء-يٮ-ۓ]{{2,}})"
)

# After "with", "avec", "con": a capitalised word is a name unless it is a platform or a brand.
BRANDS = re.compile(
    r"(?i)google|apple|samsung|huawei|xiaomi|microsoft|sony|nintendo|youtube|tiktok|instagram|snapchat|discord|"
    r"whatsapp|telegram|roblox|minecraft|fortnite|facebook|twitter|netflix|spotify|twitch|steam|xbox|playstation|"
    r"chatgpt|alexa|siri|wifi|internet|zoom|teams|skype|messenger|google meet|android|iphone|ipad|mum|mom|dad|papa|"
    r"mrbeast|pinterest|reddit|twitter|threads|vk|vkontakte|telegram|wechat|qq|kik|line|viber|signal|pubg|brawl stars|"
    r"clash royale|among us|free fire|genshin|pokemon|pokémon|lego|disney|marvel|netflix|prime|"
    r"mama|mamá|papá|maman|мамой|папой|мамой|Dios|God|Dieu|Allah"
)
CUE_RE = re.compile(
    rf"(?<![\w'’])(?=(?:(?P<strong>{STRONG})|(?P<relation>{RELATION})|(?P<company>{COMPANY})|(?P<generic>{GENERIC})"
    rf"|(?P<weak>{WEAK})|(?P<greeting>{GREETING}))(?![\w'’])[\s,:]*(?:is\s+|est\s+|es\s+|called\s+|named\s+|"
    rf"qui s'appelle\s+|que se llama\s+|llamado\s+|llamada\s+|по имени\s+|اسمه\s+|اسمها\s+)?"
    rf"(?P<name>{WORD}))",
    re.IGNORECASE,
)
ARABIC_GLUED = re.compile(r"(?<![\w])(?:أنا|انا)\s*و(?P<name>[؀-ۿ]{2,})")
BARE = re.compile(r"(?<![\w'’\-@#])(?P<name>[A-ZÀ-ÖØ-ÞЀ-ЯЁ][a-zß-öø-ÿа-яё'’]{1,20})(?![\w'’\-@])")


ALSO_WORDS = "latin_also_words.txt"


def _read(path: Path) -> set[str]:
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            names.update(line.split())
    return names


def _with_unaccented(names: set[str]) -> frozenset[str]:
    """``names`` and their Latin forms without accents: children often leave them out ("Ines", "Zoltan")."""
    return frozenset(names | {_unaccented(name) for name in names})


@cache
def given_names() -> frozenset[str]:
    return _with_unaccented(set().union(*(_read(path) for path in DATA.glob("*.txt") if path.name != ALSO_WORDS)))


@cache
def names_also_words() -> frozenset[str]:
    """Given names that are also everyday words ("Ruby", "Grace", "Clémence"): names only where they stand as one."""
    return _with_unaccented(_read(DATA / ALSO_WORDS))


def _unaccented(word: str) -> str:
    if word.isascii() or not any("À" <= c <= "ɏ" for c in word):
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def is_given_name(word: str, *, placed: bool = False) -> bool:
    """Whether ``word`` is a given name; ``placed``: it stands where a name does (after a cue, in a full name), so
    a capitalised name that is also a word counts too ("my friend Ruby", "Ruby Sinclair", not "ruby" or "Grace")."""
    lowered = word.lower().strip("'’-")
    names = given_names()
    if lowered in names or _unaccented(lowered) in names:
        return True
    if "-" in lowered:  # "Jean-Baptiste", "Félix-Antoine", "Анна-Мария": every part a given name
        return all(is_given_name(part, placed=placed) for part in lowered.split("-"))
    also = names_also_words()
    return placed and word[:1].isupper() and (lowered in also or _unaccented(lowered) in also)


ARABIC_WORD = re.compile(r"\s+(?P<family>[ء-يٮ-ۓ]{2,})")


def _with_family(text: str, start: int, end: int) -> int:
    match = FAMILY.match(text, end)
    if match and match.group("family").lower() not in NOT_NAMES:
        return match.end()
    arabic = ARABIC_WORD.match(text, end)
    if arabic and ARABIC.match(text, start) and is_given_name(arabic.group("family")):
        return arabic.end()  # "طارق حسن": a given name, then the father's
    return end


ARABIC = re.compile(r"[ء-يٮ-ۓ]")
CAP = r"[A-ZÀ-ÖØ-ÞЀ-ЯЁ][a-zß-öø-ÿа-яё'’]+(?:-[A-ZÀ-ÖØ-ÞЀ-ЯЁ]?[a-zß-öø-ÿа-яё'’]+)*"
AR = r"[ء-يٮ-ۓ]{2,}"
# A title and a family name ("Mr Hughes", "Mme Petit", "don Alberto"), a given name and a patronymic ("Марина
# Викторовна"), a title and a name in Arabic ("أ. هدى", "الأستاذة سارة"): how children name their teachers.
# A family name written after an Arabic given name: the father's ("عبد الله", "عبدالرحمن") or the family's
# ("الحداد").
AR_FAMILY = r"(?:\s+(?:عبد\s*ال?[ء-يٮ-ۓ]{2,}|ال[ء-يٮ-ۓ]{2,}))?"
TITLED = re.compile(
    r"(?<![\w'’])(?:(?:(?i:Mr|Mrs|Ms|Mx|Dr|Mme|Mlle|Sr|Sra|Srta)|M)\.?|Miss|Sir|Madame|Monsieur|Mademoiselle|"
    r"don|doña)\s+"
    rf"{CAP}(?:\s+{CAP})?"
    # A title written as a word is the child's words, not the name: "la profe [name]", "الأستاذ [name]".
    rf"|(?<![\w'’])(?i:señor|señora|señorita|seño|profe|maître|maîtresse|teacher|coach|учитель|учительница)\s+"
    rf"(?P<worded>{CAP}(?:\s+{CAP}){{0,2}})"
    rf"|{CAP}\s+[А-ЯЁ][а-яё]+(?:овна|евна|ична|инична|ович|евич|ьич|ич)(?![\w])(?:\s+{CAP})?"
    # Round 6: children write titles and names in small letters ("mr patel", "mme dupont", "told miss kowalczyk")
    r"|(?<![\w'’])(?:mr|mrs|ms|mme|mlle|dr|sr|sra|srta)\.?\s+(?P<small>[a-zà-ÿ][a-zà-ÿ'’\-]{2,})"
    r"|(?:(?<=told )|(?<=asked )|(?<=ask )|(?<=tell )|(?<=with )|(?<=from )|(?<=and ))miss\s+"
    r"(?P<missed>[a-z][a-z'’\-]{2,})"
    rf"|(?<![ء-يٮ-ۓ])(?:أ|ا|د)\.\s*{AR}"
    rf"|(?<![ء-يٮ-ۓ])(?:الأستاذة|الاستاذة|الأستاذ|الاستاذ|أستاذة|استاذة|أستاذ|استاذ|المعلمة|المعلم|"
    rf"الدكتورة|الدكتور|ابلة|أبلة|مس)\s+(?P<arabic>{AR}){AR_FAMILY}(?![ء-يٮ-ۓ])"
)
# A name said before what shows it is one: "Noah and me", "Isla and Ruby are my best friends", "Zainab said",
# "Léna trouve", "Софья говорит", "خالد وانا", "مريم تقول".
NAMES_BEFORE = re.compile(
    rf"(?<![\w'’\-@#])(?P<first>{CAP}|{AR})(?:(?:\s*[,&]\s*|\s+(?:and|et|y|e|и)\s+|\s+و\s*)"
    rf"(?P<second>{CAP}|{AR}))?\s*"
    r"(?=(?i:and me|and i|et moi|y yo|и я|и меня|со мной|وانا|وأنا|و انا|و أنا|"
    r"(?:is|are|est|sont|es|son|—|-|,)?\s*(?:my|ma|mon|mes|mi|mis|мой|моя|мои)\s+"
    r"(?:best |good |meilleure?s? |mejor(?:es)? |лучш\w+ )?"
    r"(?:friends?|mates?|bff|sister|brother|cousin|amie?s?|copines?|copains?|sœur|soeur|frère|cousine?|amig[oa]s?|"
    r"herman[oa]s?|prim[oa]s?|друз\w*|подруг\w*|друг|брат|сестра)"
    r"|(?:اعز|أعز|افضل|أفضل)\s+(?:صديق|صاحب|اصدقائي|أصدقائي|صديقاتي|صحباتي)|"
    r"said|says|told me|thinks|dit|trouve|pense|m'a dit|dice|dijo|piensa|говорит|сказал[аи]?|думает|"
    r"تقول|يقول|قالت|قال|تشوف|يشوف)(?![\w])|[ء-يٮ-ۓ]*\s*(?:وانا|وأنا))"
)
# Before a name: a capitalised word (a full name, "Taylor Swift said": left, like every full name) or a preposition
# ("в Телеграме моя подруга").
NOT_A_NAME_BEFORE = re.compile(
    r"(?:[A-ZÀ-ÖØ-ÞЀ-ЯЁ][\w'’\-]*|(?i:in|on|at|to|from|à|en|dans|de|sur|a|con|desde|в|на|из|с|о|об|في|من|على))\s+$"
)
FAVOURITE = re.compile(
    r"(?i:favou?rite|fav|préférée?s?|prefere|favorit[oa]s?|preferid[oa]s?|любим\w+|المفضل\w*)\s*(?:\S+\s+)?$"
)


# A pet's name is no person's ("a dog called Biscuit", "un perro que se llama Canela", "قطة اسمها لولو").
PET = re.compile(
    r"(?:(?i:\b(?:dog|dogs|puppy|cat|cats|kitten|hamster|rabbit|bunny|fish|bird|parrot|pony|horse|pet|guinea pig|"
    r"chien|chienne|chiot|chat|chatte|chaton|lapin|poisson|oiseau|perroquet|cheval|"
    r"perro|perra|perrito|perrita|gato|gata|gatito|gatita|conejo|pez|pájaro|loro|caballo|mascota|"
    r"собак\w*|пёс|пес|щен\w*|кошк\w*|кот|кота|котён\w*|котен\w*|хомяк\w*|кролик\w*|попуга\w*|рыбк\w*))"
    r"|(?:قطة|قطه|قطتي|قطتنا|قط|قطو|بسة|بسه|كلب|كلبة|كلبي|كلبنا|عصفور|ارنب|أرنب|سمكة|حصان|ببغاء))"
    # then at most two words and a word of naming: "a dog called", "un perro que se llama", "кошка, её зовут"
    r"(?:\W+\w+){0,2}?\W+(?i:called|named|name\s+is|name's|s'appelle|appelle|nommé|nommée|llama|llaman|llamado|"
    r"llamada|nombre\s+es|зовут|звать|кличка|кличут|اسمه|اسمها|اسمو|سميناه|سميناها)\W*$"
)


def after_pet(text: str, start: int) -> bool:
    """Whether the name at ``start`` is a pet's: a pet and a word of naming just before it ("my dog is called")."""
    return PET.search(text, max(0, start - 40), start) is not None


# Digits or an underscore glued to a name after "my name is": the name of an account, not a person's.
HANDLE_TAIL = re.compile(r"[\w.]*[\d_][\w.]*")


def names(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for match in CUE_RE.finditer(text):
        name = match.group("name")
        lowered = name.lower()
        if lowered in NOT_NAMES or any(c.isdigit() for c in name):
            continue
        if after_pet(text, match.start("name")):
            continue  # a pet's name
        known = is_given_name(name, placed=True)
        capital = CAPITALISED.match(name) is not None
        if not match.group("strong") and (
            BRANDS.fullmatch(name) or FAVOURITE.search(text, max(0, match.start() - 40), match.start())
        ):
            continue  # "with WhatsApp", "mon jeu préféré c'est Minecraft"
        tail = HANDLE_TAIL.match(text, match.end("name"))
        if match.group("strong") and tail:  # "me llamo CamiDios777", "im xXshadowXx99 on roblox": a handle
            hits.append(Hit(match.start("name"), tail.end(), Category.HANDLE))
            continue
        if (
            match.group("strong")
            or known
            or (capital and (match.group("relation") or match.group("company") or match.group("weak")))
            or (capital and match.group("generic"))
        ):
            end = _with_family(text, match.start("name"), match.end("name"))
            hits.append(Hit(match.start("name"), end, Category.NAME))
    for match in ARABIC_GLUED.finditer(text):
        if is_given_name(match.group("name")):
            end = _with_family(text, match.start("name"), match.end("name"))
            hits.append(Hit(match.start("name"), end, Category.NAME))
    hits += bare_given_names(text)
    hits += titled_names(text)
    hits += names_before_cues(text)
    hits += opening_names(text)
    hits += listed_names(text, hits)
    return hits


# A list going on after a name: ", ", " and ", " et ", " y ", " и ", " e ", "و" (glued or not), "el"/"la" before a
# nickname ("Brayan, el Chino y santi").
LIST_NEXT = re.compile(
    rf"(?:\s*,\s*|\s+(?:and|et|y|e|и|or|ou|o)\s+|\s*,\s*(?:and|et|y|e|и)\s+|\s+و\s*|\s*،\s*(?:و\s*)?)"
    rf"(?:(?i:el|la)\s+)?(?P<name>[{LETTERS}][{LETTERS}'’\-]*)"
)


def _list_item(word: str) -> bool:
    return not (word.lower() in NOT_NAMES or BRANDS.fullmatch(word) or FIRST_WORDS.fullmatch(word) or len(word) > 20)


def _chain(text: str, end: int) -> list[tuple[int, int, str]]:
    """The words that go on a list from ``end`` (at most five): each after a comma, "and" or "و"."""
    items: list[tuple[int, int, str]] = []
    while len(items) < 5 and (match := LIST_NEXT.match(text, end)):
        word = re.split("['’]", match.group("name"))[0]
        if not _list_item(word):
            break
        end = match.start("name") + len(word)
        items.append((match.start("name"), end, word))
    return items


def _named(text: str, word: str) -> bool:
    """A list's item that is surely a name: a given name, or a capitalised Latin name among Arabic ("Zak")."""
    foreign = word.isascii() and CAPITALISED.match(word) is not None and ARABIC.search(text) is not None
    return is_given_name(word.removeprefix("و")) or foreign


# "with", "avec", "con", "مع" and a list of two or more ("مع فهيد وبدر وZak").
WITH_LIST = re.compile(rf"(?<![\w'’])(?i:with|avec|con|мы с|с|со|مع)\s+(?P<name>[{LETTERS}][{LETTERS}'’\-]*)")


def listed_names(text: str, found: list[Hit]) -> list[Hit]:
    """Round 6: names in a list. After a name found, each item up to the last given name ("Noah, ilyes et
    Jean-Baptiste": ilyes is on no list, but stands between two names; "Brayan, el Chino y santi"); after
    "with" a list of two or more of which one is a given name ("مع فهيد وبدر وZak"). A list stops at the first word
    that is no name's (a pronoun, an article, a brand)."""
    hits: list[Hit] = []
    seeds: list[tuple[int, list[tuple[int, int, str]]]] = [
        (hit.end, []) for hit in found if hit.category == Category.NAME
    ]
    for match in WITH_LIST.finditer(text):
        word = match.group("name")
        if _list_item(word):
            seeds.append((match.end("name"), [(match.start("name"), match.end("name"), word)]))
    for end, first in seeds:
        items = first + _chain(text, end)
        if first and len(items) < 2:
            continue
        good = [i for i, (_, _, word) in enumerate(items) if _named(text, word)]
        if good:
            hits += [Hit(start, stop, Category.NAME) for start, stop, _ in items[: good[-1] + 1]]
    return hits


# Words a text often opens with that are also given names somewhere: not a name at the start of a text.
FIRST_WORDS = re.compile(
    r"(?i)i|a|so|my|the|we|me|he|she|it|in|at|on|to|no|yes|ok|and|but|or|if|when|then|also|just|like|"
    r"je|on|il|elle|ma|mon|mes|la|le|les|et|mais|si|quand|moi|en|ce|ça|tu|"
    r"yo|mi|mis|el|la|los|las|y|pero|si|cuando|me|te|se|en|un|una|nací|naci|"
    r"я|мы|мне|меня|и|а|но|если|когда|в|на|у|с|он|она|это|"
    r"أنا|انا|في|من|مع|و|لما|إذا|اذا|هو|هي|احنا|إحنا"
)
# A given name in small letters opening the text and followed by what a subject does ("tyler keeps sending me",
# "enzo arrête pas", "вика опять скинула", "renata me pasó", "hamza صاحبي"): children do not capitalise names, and
# a public figure is written capitalised and in full.
OPENING = re.compile(r"^\s*(?P<name>[a-zß-öø-ÿа-яё][a-zß-öø-ÿа-яё'’]{1,20})(?=\s+\S)")


def opening_names(text: str) -> list[Hit]:
    match = OPENING.match(text)
    if not match:
        return []
    name = match.group("name")
    if FIRST_WORDS.fullmatch(name) or name.lower() in NOT_NAMES or BRANDS.fullmatch(name):
        return []
    if not is_given_name(name) or name.lower() in names_also_words():
        return []
    return [Hit(match.start("name"), match.end("name"), Category.NAME)]


def titled_names(text: str) -> list[Hit]:
    """A title and a name ("Mr Hughes", "don Alberto", "Марина Викторовна", "أ. هدى")."""
    hits: list[Hit] = []
    for match in TITLED.finditer(text):
        if BRANDS.fullmatch(match.group(0).replace(" ", "")):
            continue  # "Mr Beast"
        if match.group("arabic") and not is_given_name(match.group("arabic")):
            continue  # "المعلمة أخبرتنا": "the teacher told us"
        worded = match.group("worded")
        if worded and worded.split()[0].lower() in NOT_NAMES:
            continue
        small = match.group("small") or match.group("missed")
        if small:
            if small.lower() in NOT_NAMES or FIRST_WORDS.fullmatch(small):
                continue
            hits.append(Hit(match.start("small" if match.group("small") else "missed"), match.end(), Category.NAME))
            continue
        start = match.start("arabic") if match.group("arabic") else match.start("worded") if worded else match.start()
        if re.match(r"(?:mr|mrs|ms|mx|dr|mme|mlle|sr|sra|srta)\b", text[start:]):
            # "mr Pemberton": the child's small-letter title is a word, the name is not
            start += re.match(r"\S+\s+", text[start:]).end()  # type: ignore[union-attr]
        hits.append(Hit(start, match.end(), Category.NAME))
    return hits


def names_before_cues(text: str) -> list[Hit]:
    """Names said before what shows they are names ("Isla and Ruby are my best friends", "Zainab said")."""
    hits: list[Hit] = []
    for match in NAMES_BEFORE.finditer(text):
        if NOT_A_NAME_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue  # "Taylor Swift said", "в Телеграме моя подруга"
        pair = [w.removeprefix("و") for w in (match.group("first"), match.group("second")) if w]
        for group in ("first", "second"):
            word = match.group(group)
            if not word or word.lower() in NOT_NAMES or BRANDS.fullmatch(word):
                continue
            if ARABIC.match(word) and not any(is_given_name(w) for w in pair):
                continue
            hits.append(Hit(match.start(group), match.end(group), Category.NAME))
    return hits


def bare_given_names(text: str) -> list[Hit]:
    """A capitalised given name standing alone: not next to another capitalised word (a full name)."""
    hits = []
    for match in BARE.finditer(text):
        if not is_given_name(match.group("name")):
            continue
        after = FAMILY.match(text, match.end())
        before = re.search(rf"[A-ZÀ-ÖØ-ÞЀ-ЯЁ]{TAIL}\s+$", text[max(0, match.start() - 30) : match.start()])
        if after or before or after_pet(text, match.start()):
            continue
        hits.append(Hit(match.start(), match.end(), Category.NAME))
    return hits
