"""Names found by where they stand, not by a list: what carries over to names no list holds.

A child names a person the same few ways in every language, whatever the name:

- after a **kinship or role word** ("my step mum Claire Donovan", "ma belle-mère Sandrine Leroy", "mi madrastra
  Rocío Navarro", "моя мачеха Ирина Соколова", "زوجة ابوي منال القحطاني"): a capitalised word (Latin, Cyrillic)
  and the capitalised family name after it; in Arabic, which has no capitals, the word after the cue unless it is
  a common word (:data:`ARABIC_NOT_NAMES`);
- after a **verb of asking, telling, meeting or texting** ("ask Bethany", "demande à Maëlys", "pregúntale a
  Alba", "спроси Злату", "اسألوا رغد");
- before a **class or form code** ("Bethany in 7C", "Maëlys en 6e B", "Alba de 6ºB", "Злату из 6 «Б»",
  "رغد من سادس ب") or "from my class" ("Rayane de ma classe");
- at the start of "X and I" in Arabic ("سلطان وانا"), where the list of given names is short;
- a **full name** (two capitalised words, the first a given name) unless it is a public figure or place of the
  small list in ``data/public_names.txt`` ("Kylian Mbappé", "Taylor Swift", "Harry Potter").

Chinese names after kinship words and class codes are in :mod:`.chinese`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from cwgcop.consultations.redaction import people
from cwgcop.consultations.redaction.base import Category, Hit


def _words(text: str) -> list[str]:
    return text.split()


PUBLIC = Path(__file__).resolve().parents[1] / "data" / "public_names.txt"
UP = r"[A-ZÀ-ÖØ-ÞЀ-ЯЁ]"
LOW = r"[a-zß-öø-ÿа-яё'’]"
CAP = rf"{UP}{LOW}+(?:-{UP}{LOW}+)?"
NAME = rf"(?P<name>{CAP}(?:\s+{CAP})?)"
ONE_NAME = rf"(?P<name>{CAP})"

KIN = (
    # English
    r"(?:my|our|his|her)\s+(?:(?:best|good|new|old|little|big|older|younger|twin|other|step|half|online|school|"
    r"gaming|internet|irl|real)[\s\-]*)*"
    r"(?:friend|mate|bestie|bff|mum|mom|mother|dad|father|brother|bro|sister|sis|cousin|aunt|auntie|aunty|uncle|"
    r"nan|nana|nanny|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|neighbou?r|classmate|teacher|"
    r"tutor|coach|boyfriend|girlfriend|crush|babysitter|carer|godmother|godfather|stepmum|stepmom|stepdad|"
    r"stepfather|stepmother|stepbrother|stepsister|partner|bestfriend)"
    r"|step[\s\-]?(?:mum|mom|dad|mother|father|brother|sister)"
    # French
    r"|(?:mon|ma|mes|notre)\s+(?:(?:meilleure?|petite?|grande?|nouvelle?|nouvel|vieux|vieille|demi)[\s\-]*)*"
    r"(?:amie?|copain|copine|pote|chum|blonde|mère|mere|père|pere|frère|frere|sœur|soeur|cousine?|tante|oncle|tonton|tata|"
    r"mamie|papi|papy|grand-mère|grand-père|voisine?|camarade|prof|professeure?|maîtresse|maitresse|maître|"
    r"entraîneur|entraineur|entraîneuse|nounou|marraine|parrain)"
    r"|belle[\s\-]mère|belle[\s\-]mere|beau[\s\-]père|beau[\s\-]pere|demi[\s\-](?:frère|frere|sœur|soeur)"
    # Spanish
    r"|(?:mi|mis|nuestro|nuestra)\s+(?:(?:mejor|buen|buena|nuevo|nueva|pequeño|pequeña|hermano|hermana)\s+)*"
    r"(?:amig[oa]|compañer[oa]|compi|pana|cuate|compa|parce|parcero|parcera|madre|padre|herman[oa]|prim[oa]|tía|tia|tío|tio|abuel[oa]|vecin[oa]|profe|"
    r"profesora?|maestr[oa]|entrenadora?|novi[oa]|niñera|madrina|padrino|mamá|papá)"
    r"|madrastra|padrastro|hermanastr[oa]"
    # Russian
    r"|(?:мо[йяеи]|моего|моей|моему|моим|мою|наш[аиу]?|нашего|нашей)\s+"
    r"(?:(?:лучш\w+|стар\w+|младш\w+|нов\w+|двоюродн\w+|сводн\w+)\s+)*"
    r"(?:друг\w*|подруг\w*|мам\w*|пап\w*|брат\w*|сестр\w*|кузен\w*|кузин\w*|тёт\w*|тет\w*|дяд\w*|бабушк\w*|"
    r"дедушк\w*|сосед\w*|одноклассни\w*|учител\w*|учительниц\w*|тренер\w*|парн\w*|парень|девушк\w*|нян\w*|"
    r"крёстн\w*|крестн\w*)"
    r"|мачех\w*|отчим\w*"
)
KIN_NAME = re.compile(rf"(?<![\w'’])(?i:{KIN})\s*,?\s+{NAME}")

ASK = (
    r"ask|asked|asking|tell|told|telling|text|texted|texting|message|messaged|call|called|meet|met|dm|dmed|"
    r"snap|snapped|invite|invited|phone|phoned|ring|rang"
    r"|demande|demandez|demander|dis|dites|dire|écris|ecris|écrivez|appelle|appelez|appeler|rencontré|"
    r"rencontrer|invite|inviter|parle|parlez"
    r"|pregúntale|preguntale|pregunta|preguntad|pregúntele|dile|decile|díselo|escríbele|escribele|escribe|llama|"
    r"llamad|habla|hablad|conocí|conoci|invita|saluda"
    r"|спроси|спросите|спросить|скажи|скажите|напиши|напишите|позвони|позвоните|позови|позовите|передай|"
    r"передайте|встретил[аи]?|познакомил[асься]*"
    # Since round 5: what the child did, not only what they ask others to do ("I told Ruby", "je l'ai dit à
    # Clémence", "le conté a Alba", "я сказала Маше").
    r"|said|talked|spoke|showed|tagged|blocked|reported|played"
    r"|dit|raconté|racontée|parlé|écrit|ecrit|envoyé|montré|répondu|bloqué|signalé"
    r"|dije|dijo|conté|conte|contó|hablé|hable|habló|escribí|escribi|mandé|mande|enseñé|bloqueé|reporté"
    r"|сказал[аи]?|рассказал[аи]?|написал[аи]?|пожаловал[аи]сь|заблокировал[аи]?"
)
ASK_NAME = re.compile(rf"(?<![\w'’])(?i:{ASK})\s+(?:(?i:à|a|to|with|con|avec)\s+)?{ONE_NAME}(?![\w'’])")
# Round 6: the same in small letters, "tout"/"todo"/"everything" between ("j'ai tout raconté à maxime"): a given
# name of the lists only.
ASK_SMALL = re.compile(
    rf"(?<![\w'’])(?i:{ASK})\s+(?:(?i:tout|todo|everything|всё|все)\s+)?(?:(?i:à|a|to|with|con|avec)\s+)?"
    r"(?P<name>[a-zà-ÿа-яё][a-zà-ÿа-яё'’\-]{2,})(?![\w'’])"
)

CLASS_CODE = (
    r"(?:(?i:from my class|in my class|from our class|in our class|de ma classe|dans ma classe|de mi clase|en mi clase|"
    r"из моего класса|из нашего класса|в моём классе|в моем классе)(?![\w])|"
    r"(?i:in|from|of|en|de|du|del|из|с|в)\s+(?:(?i:class|year|form|classe|la|el|clase|класса?)\s+)?"
    r"(?:\d{1,2}\s*(?:e|è|ème|eme|º|°|ª|o)?\s*[«\"“]?[A-ZА-Я][»\"”]?|\d{1,2}[A-Za-zА-Яа-я])(?![\w])"
    # A year or grade without a letter ("from year 8", "in grade 6", "de 5e", "de 2º de la ESO", "из 7 класса",
    # "из 7-го класса"), a French primary class ("de CM2").
    r"|(?i:in|from|of)\s+(?i:year|grade|form|class|primary|p)\s*\d{1,2}(?![\w])"
    r"|(?i:en|de|du|del)\s+(?:(?i:clase\s+de|la\s+clase\s+de)\s+)?(?:\d{1,2}\s*(?:e|è|ème|eme|º|°|ª|o)"
    r"|(?i:CM1|CM2|CE1|CE2|CP|primero|segundo|tercero|cuarto|quinto|sexto|sixième|cinquième|quatrième|troisième))"
    r"(?![\w])"
    r"|(?i:из|с|в)\s+\d{1,2}(?:-?(?:го|м|ом|ого))?\s*(?i:класса|классе|класс|«[А-Яа-я]»)(?![\w]))"
)
NAME_CLASS = re.compile(rf"(?<![\w'’@#])(?P<name>{CAP})\s+{CLASS_CODE}")

AR = r"[ء-يٮ-ۓ]"
AR_KIN = (
    r"صديقي|صديقتي|صاحبي|صاحبتي|خويي|اخوي|اختي|أخي|أختي|اخي|زميلي|زميلتي|ابن عمي|بنت عمي|ولد عمي|ابن خالي|"
    r"بنت خالي|عمي|خالي|عمتي|خالتي|جدي|جدتي|زوجة ابوي|زوجة أبوي|زوجة أبي|زوجة ابي|زوج امي|زوج أمي|جاري|جارتي|"
    r"استاذي|أستاذي|معلمتي|معلمي|مدربي|مدربتي|"
    # dialects: "أخويا", "خويا", "ختي", "ولد خالتي", "رفيقي"
    r"أخويا|اخويا|خويا|ختي|خيتي|اخويه|ولد خالتي|بنت خالتي|ولد خالي|رفيقي|رفيقتي|صحبتي|صاحبي"
)
AR_ASK = r"اسألوا|اسالوا|اسأل|اسال|اسألي|اسالي|كلموا|كلمي|كلم|قولوا ل|قولي ل|قول ل|راسلوا|راسل|يا"
# "قلت لـجود", "اشتكيت لمعلمتي": a verb of telling and a name glued to its "ل".
AR_TOLD = (
    r"قلت|قلنا|قالت|قال|حكيت|حكت|اشتكيت|شكيت|كتبت|ارسلت|أرسلت|رسلت|بعثت|وريت|ورّيت|شرحت|قلتها|قلته|"
    r"خبرت|اخبرت|أخبرت|ضحكت|رحت"
)
AR_GRADE = r"اول|أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|الاول|الأول|الثاني|الثالث|الرابع|الخامس|السادس"
AR_NAME = rf"(?P<name>(?!ال){AR}{{2,}})"
AR_FAMILY = rf"(?:\s+(?P<family>ال{AR}{{2,}}))?"
AR_KIN_WORD = re.compile(AR_KIN)
ARABIC_KIN_NAME = re.compile(rf"(?<!{AR})(?:{AR_KIN})\s+{AR_NAME}{AR_FAMILY}(?!{AR})")
ARABIC_ASK_NAME = re.compile(rf"(?<!{AR})(?:{AR_ASK})\s+{AR_NAME}(?!{AR})")
ARABIC_NAME_CLASS = re.compile(
    rf"(?<!{AR}){AR_NAME}\s+من\s+(?:صف\s+|الصف\s+)?(?:(?:{AR_GRADE})(?:\s*{AR})?|\d{{1,2}}\s*(?:{AR}|[A-Za-z]))(?!{AR})"
)
# Not a pronoun glued to "ل" ("قلت لها", "قلت لهم").
AR_PRONOUN = rf"(?:ي|نا|ه|ها|هم|ك|كم)(?!{AR})"
ARABIC_TOLD_NAME = re.compile(
    rf"(?<!{AR})(?:{AR_TOLD})\s+ل(?:ـ)?(?P<name>(?!{AR_PRONOUN})(?!ال)(?!ل(?!ي)){AR}{{2,}})(?!{AR})"  # "للشلة": ل + ال
)
# A name and a family name before "from my class" ("لانا حداد من صفي"), like "Rayane de ma classe".
ARABIC_NAME_MY_CLASS = re.compile(
    rf"(?<!{AR}){AR_NAME}(?:\s+(?P<family>(?!من(?!{AR})){AR}{{2,}}))?\s+(?:من|في)\s+"
    rf"(?:صفي|فصلي|صفنا|فصلنا|شعبتي|الصف حقي|فصلي)(?!{AR})"
)
# Round 6: a kunya, "mother/father of" and a given name ("جدتي أم خالد", "أبو فهد"): how many adults are called.
ARABIC_KUNYA = re.compile(rf"(?<!{AR})(?P<kunya>أم|ام|أبو|ابو|أبي|ابي|بو)\s+(?P<name>(?!ال){AR}{{2,}})(?!{AR})")
ARABIC_NAME_AND_I = re.compile(rf"(?:^|(?<=[.!?،,\n]\s)|(?<=[.!?،,\n])){AR_NAME}\s*(?:وانا|وأنا|و انا|و أنا)")
# Words that follow a kinship cue or stand before "and I" without being a name ("صديقي العزيز", "اختي الصغيرة").
ARABIC_NOT_NAMES = frozenset(
    _words("""في من على عن مع الى إلى الي اللي التي الذي هو هي هم انا أنا كان كانت يقول تقول قال قالت عنده عندها
    عمره عمرها يحب تحب يلعب تلعب دايم دائما كل بعد قبل لما اذا إذا لو بس كمان ايضا أيضا جدا مره مرة
    الصغير الصغيرة الصغيره الكبير الكبيرة الكبيره العزيز العزيزة العزيزه المفضل المفضلة المفضله الحبيب
    الحبيبة يدرس تدرس ساعدني ساعدتني علمني علمتني عطاني عطتني صار صارت راح راحت جا جات يشتغل تشتغل ضبط
    ضبطت نفسه نفسها برضو والله طيب طيبة حلو حلوة شي شيء وش ايش هذا هذه هذي ذاك تلك هنا هناك ليش كيف متى
    اليوم امس أمس بكرة بنت ولد واحد واحدة شخص طالب طالبة بنات اولاد أولاد عيال الكل كلهم ساكن ساكنة عايش
    عايشة المعلمة المعلم الاستاذ الأستاذ الاستاذة الأستاذة امي أمي ابوي ابي أبي ماما بابا اهلي أهلي""")
)


def _key(words: str) -> str:
    """The first three letters of the first word and the first four of the last: "Юрия Гагарина" is "юри гага"."""
    parts = people._unaccented(words.lower()).split()
    return f"{parts[0][:3]} {parts[-1][:4]}" if len(parts) > 1 else parts[0]


@cache
def public_names() -> frozenset[str]:
    """Public figures, characters and places children name harmlessly in full: never redacted as a full name."""
    lines = PUBLIC.read_text(encoding="utf-8").splitlines()
    return frozenset(_key(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def is_public(words: str) -> bool:
    return _key(words) in public_names()


def _name(match: re.Match[str], text: str) -> Hit | None:
    name = match.group("name")
    first = name.split()[0]
    if people.BRANDS.fullmatch(first) or first.lower() in people.NOT_NAMES or is_public(name):
        return None
    if people.after_pet(text, match.start("name")):
        return None  # "a dog called Biscuit", "un perro que se llama Canela"
    end = people._with_family(text, match.start("name"), match.end("name"))
    return Hit(match.start("name"), end, Category.NAME)


def _arabic(match: re.Match[str]) -> Hit | None:
    name = match.group("name")
    if name in ARABIC_NOT_NAMES or name.removeprefix("و") in ARABIC_NOT_NAMES or len(name) > 8:
        return None
    if AR_KIN_WORD.fullmatch(name):
        return None  # "اسألوا صديقتي عمر": the cue's own word; the name after it is found by the kinship rule
    if name[0] in "يت" and len(name) >= 3 and not people.is_given_name(name):
        return None  # a verb in the present ("جدتي تسكن", "اخوي يلعب"), not one of the names that start so
    if "family" in match.re.groupindex and match.group("family") and match.group("family") in ARABIC_NOT_NAMES:
        return Hit(match.start("name"), match.end("name"), Category.NAME)
    end = match.end("family") if "family" in match.re.groupindex and match.group("family") else match.end("name")
    return Hit(match.start("name"), end, Category.NAME)


FULL_NAME = re.compile(rf"(?<![\w'’@#])(?P<first>{CAP})\s+(?P<last>{CAP})(?![\w'’])(?!\s+{UP})")
NOT_AFTER = re.compile(rf"{UP}[\w'’\-]*\s+$")


def full_names(text: str) -> list[Hit]:
    """Two capitalised words, the first a given name, not a public figure or place ("Claire Donovan"); not inside
    a longer run of capitalised words (a title: "Leí Don Quijote", "Kings Road Academy")."""
    hits = []
    for match in FULL_NAME.finditer(text):
        if not people.is_given_name(match["first"], placed=True) or is_public(match.group(0)):
            continue
        if people.BRANDS.fullmatch(match["last"]) or NOT_AFTER.search(text, max(0, match.start() - 30), match.start()):
            continue
        hits.append(Hit(match.start(), match.end(), Category.NAME))
    return hits


def names(text: str) -> list[Hit]:
    hits: list[Hit] = []
    if any("A" <= c <= "Z" or "À" <= c <= "ÿ" or "Ѐ" <= c <= "ӿ" for c in text):
        for pattern in (KIN_NAME, ASK_NAME, NAME_CLASS):
            hits += [hit for match in pattern.finditer(text) if (hit := _name(match, text))]
        hits += full_names(text)
        hits += [
            Hit(match.start("name"), match.end("name"), Category.NAME)
            for match in ASK_SMALL.finditer(text)
            if people.is_given_name(match.group("name"))
            and match.group("name") not in people.NOT_NAMES
            and match.group("name") not in people.names_also_words()
            and not people.FIRST_WORDS.fullmatch(match.group("name"))
        ]
    if any("ء" <= c <= "ۓ" for c in text):
        for pattern in (
            ARABIC_KIN_NAME,
            ARABIC_ASK_NAME,
            ARABIC_TOLD_NAME,
            ARABIC_NAME_CLASS,
            ARABIC_NAME_MY_CLASS,
            ARABIC_NAME_AND_I,
        ):
            hits += [hit for match in pattern.finditer(text) if (hit := _arabic(match))]
        hits += [
            Hit(match.start(), match.end(), Category.NAME)
            for match in ARABIC_KUNYA.finditer(text)
            if people.is_given_name(match.group("name")) and match.group("name") not in ARABIC_NOT_NAMES
        ]
    return hits


# Round 5: a name joined to one already found ("Kacper and Zoltan", "Léa et Inès", "Маша и Даша", "ريم وجنى").
AND_NAME = re.compile(rf"\s*(?:,|&|(?i:and|et|y|e|и))\s*{NAME}(?![\w'’])")
AND_ARABIC = re.compile(rf"\s*(?:،|,)?\s*و\s*(?P<name>(?!ال){AR}{{2,}})(?!{AR})")


def coordinated(text: str, found: list[Hit]) -> list[Hit]:
    """Names joined by "and" to a name already found: the second is a name too if it is a given name of the lists
    ("Машу и Медведя" is a cartoon), not a brand or a public figure."""
    hits: list[Hit] = []
    for hit in found:
        if hit.category is not Category.NAME:
            continue
        match = AND_NAME.match(text, hit.end)
        if match and people.is_given_name(match["name"].split()[0], placed=True) and (named := _name(match, text)):
            hits.append(named)
            continue
        arabic = AND_ARABIC.match(text, hit.end)
        if arabic and people.is_given_name(arabic.group("name")) and arabic.group("name") not in ARABIC_NOT_NAMES:
            hits.append(Hit(arabic.start("name"), arabic.end("name"), Category.NAME))
    return hits
