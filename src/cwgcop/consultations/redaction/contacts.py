"""Contact details: e-mail addresses (plain and disguised), links, social handles, phone and ID numbers.

All functions read normalised text (see :mod:`.normalise`) and return :class:`~.base.Hit` spans in it.
"""

from __future__ import annotations

import re

import phonenumbers

from cwgcop.consultations.redaction.base import Category, Hit
from cwgcop.consultations.redaction.numbers import number_runs

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TLDS = (
    "com|net|org|edu|gov|info|biz|io|me|app|co|ly|gg|tv|xyz|online|site|"
    "cn|ru|uk|fr|es|de|it|pt|br|ar|mx|cl|co|pe|ve|ec|bo|uy|py|cu|ke|ng|za|gh|tz|ug|rw|et|eg|ma|dz|tn|ly|sd|"
    "sa|ae|qa|kw|bh|om|jo|lb|sy|iq|ye|ps|in|pk|bd|lk|np|sg|my|id|ph|th|vn|hk|tw|jp|kr|au|nz|ca|us|"
    "ch|be|nl|at|pl|cz|sk|hu|ro|bg|gr|tr|ua|by|kz|kg|uz|tj|tm|az|am|ge|md|su|рф"
)
PROVIDERS = (
    "gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|aol|gmx|proton|protonmail|mail|inbox|"
    "yandex|ya|rambler|bk|list|qq|163|126|sina|sohu|foxmail|aliyun|orange|free|sfr|laposte|wanadoo|"
    "terra|telefonica|movistar"
)
USER = r"(?<![A-Za-z0-9.+_-])[A-Za-z0-9][A-Za-z0-9._+-]{0,40}"
AT_WORDS = r"at|arobase|arroba|arrova|собака|собачка|собачку|эт|ат|آت|ات|أت"
DOT_WORDS = r"dot|point|punto|pto|точка|тчк|دوت|نقطة|نقطه"
AT = (
    rf"(?:\s*@\s*|\s*[(\[{{<]\s*(?:{AT_WORDS}|@)\s*[)\]}}>]\s*"
    rf"|\s+(?:{AT_WORDS})\s+|\s*(?:艾特|圈a|圈A|小老鼠|at)\s*)"
)
DOT = rf"(?:\s*\.\s*|\s*[(\[{{<]\s*(?:{DOT_WORDS}|\.)\s*[)\]}}>]\s*|\s+(?:{DOT_WORDS})\s+|\s*(?:点|點|dot)\s*)"
# The signs of an address's name spelled as words: "kayla underscore rose", "lera dash k", "tiret bas".
SIGN_WORDS = (
    r"underscore|under score|dash|hyphen|tiret bas|tiret du bas|tiret|guion bajo|guion|guión bajo|guión|"
    r"нижнее подч[её]ркивание|подч[её]ркивание|дефис|تحت خط|شرطة سفلية|شرطة|اندرسكور|أندرسكور"
)
# Providers and endings spelled in the child's script: "ات جيميل دوت كوم", "собака мейл точка ру".
SPELLED_PROVIDERS = (
    r"جيميل|جي ميل|جيمايل|جي مايل|هوتميل|هوت ميل|هوتمايل|ياهو|اوتلوك|أوتلوك|آوتلوك|آيكلاود|ايكلاود|"
    r"джимейл|джимэйл|гмейл|гмайл|мейл|мэйл|майл|яндекс|рамблер|хотмейл|аутлук"
)
SPELLED_TLDS = r"كوم|نت|أورج|اورج|ком|ру|нет|орг|рф"
# "ife dot o at yahoo dot com": a spelled dot (or underscore) inside the name before the "at" too.
SPELLED_DOT = rf"(?:\s+(?:{DOT_WORDS}|{SIGN_WORDS})\s+|\s*[(\[{{<]\s*(?:{DOT_WORDS}|{SIGN_WORDS})\s*[)\]}}>]\s*)"
USER = rf"{USER}(?:{SPELLED_DOT}[A-Za-z0-9][A-Za-z0-9._+-]{{0,40}}){{0,2}}"
EMAIL_RE = re.compile(
    rf"{USER}{AT}[A-Za-z0-9-]{{1,40}}(?:{DOT}[A-Za-z0-9-]{{1,40}})*{DOT}(?:{TLDS})(?![A-Za-z0-9])"
    rf"|{USER}{AT}(?:{PROVIDERS}|{SPELLED_PROVIDERS})(?:{DOT}(?:{TLDS}|{SPELLED_TLDS})(?![\w]))?(?![\w])",
    re.IGNORECASE,
)
URL_RE = re.compile(
    r"\b(?:https?://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|me|app|info|ly|gg|tv|cn|ru|uk|de|fr|es|ar|in|br|ke|ng|za)"
    r"(?:/\S*)?\b",
    re.IGNORECASE,
)
HANDLE_AT_RE = re.compile(
    rf"(?<![A-Za-z0-9_.@])@(?:[A-Za-z0-9_]*[{CJK}]{{1,4}}[A-Za-z0-9_]+|[A-Za-z0-9_][A-Za-z0-9_.]{{1,30}}(?<!\.))"
)
# Handles by their shape, wherever they are: a Discord tag ("shadowfox#4821"), a gamer tag ("xXDarkWolfXx99"),
# a word with an underscore ("PixelPanda_2012") or with a dot before digits ("farawla.22").
SHAPED_HANDLE_RE = re.compile(
    r"(?<![A-Za-z0-9_#@.])[A-Za-z0-9_.]{2,32}#\d{4}(?!\d)"
    r"|(?<![A-Za-z0-9_@])xX[A-Za-z0-9_]+?Xx\d*(?![A-Za-z0-9_@])"
    r"|(?<![\w@.\-])[A-Za-z][A-Za-z0-9]*(?:[._][A-Za-z0-9]+)*_[A-Za-z0-9]+(?![\w@]|\.\w)"
    r"|(?<![\w@.\-])[A-Za-z]{2}[A-Za-z0-9]*(?:[._][A-Za-z0-9]+)*\.\d{1,4}(?![\w@]|\.\w)"
    r"|(?<![\w@.\-])(?=[A-Za-z0-9._]*\d)[A-Za-z]{2}[A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+(?![\w@]|\.\w)"
)
# What a child calls their handle ("my gamer tag is", "mon pseudo c'est", "мой ник", "اسمي في اللعبة", "游戏名").
HANDLE_CUE_RE = re.compile(
    r"(?i:gamer\s?tag|gamertag|user\s?name|user|account|acc|nickname|nick|pseudo|compte|apodo|cuenta|usuario|"
    r"ник(?:нейм)?|логин|аккаунт|"
    r"اسمي في اللعبة|يوزري|اليوزر|حسابي|سنابي|انستي|游戏名|用户名|昵称|网名|账号)"
    r"(?:\s*(?:is|its|it's|es|est|c'est|c’est|:|：|=|это|是|هو|-))*\s*"
    r"(?P<value>(?=[A-Za-z0-9_.\-]*[0-9_.])[A-Za-z0-9_][A-Za-z0-9_.\-]{2,30})"
)
PLATFORMS = (
    r"snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|tt|discord|telegram|tg|whats\s?app|wa|wechat|weixin|wx|qq|"
    r"vk|vkontakte|kik|line|skype|signal|viber|threads|twitter|x\.com|facebook|fb|messenger|youtube|yt|twitch|"
    r"roblox|fortnite|epic|steam|xbox|psn|playstation|minecraft|free\s?fire|pubg|reddit|pinterest|tumblr|"
    r"вк|вконтакте|контакт[еа]?|инст[аеу]?|инстаграм[еа]?|телеграм[еау]?|телега|тг|тикток[еау]?|тик\s?ток[еау]?|"
    r"дискорд[еау]?|снэп(?:чат)?[еау]?|снап(?:чат)?[еау]?|ватсап[еау]?|вотсап[еау]?|вайбер[еау]?|одноклассник\w*|"
    r"ютуб[еау]?|роблокс[еау]?|стим[еау]?|"
    r"سناب(?:\s?شات)?|انستغرام|انستقرام|انستا|إنستغرام|تيك\s?توك|تيكتوك|تيليجرام|تلغرام|تليجرام|ديسكورد|"
    r"واتساب|واتس|فيسبوك|تويتر|يوتيوب|روبلوكس|"
    r"微信号?|微博|QQ号?|抖音号?|快手号?|小红书号?|B站|b站|钉钉|"
    r"sur snap|en snap"
)
FILLER = (
    r"(?:\s*(?:(?:is|es|est|c'est|c’est|as|named|called|name|username|user|id|account|handle|je suis|soy|mi|mon|ma|"
    r"me|en|on|sur|dans|в|на|это|я|мой|моя|ник|логин|هو|هي|في|على|اسمي|حقي)(?![\w'’])|[:=\-–—>]|号码|账号|id号|号|是|：|叫)\s*)*"
)
HANDLE_VALUE = r"@?[A-Za-z0-9_][A-Za-z0-9_.\-]{1,30}"
PLATFORM_RE = re.compile(
    rf"(?<![A-Za-z])(?:{PLATFORMS})(?![A-Za-z]){FILLER}\s*(?P<value>{HANDLE_VALUE}|[{CJK}A-Za-z0-9_]{{1,12}}_[A-Za-z0-9_]+)",
    re.IGNORECASE,
)
# A Latin handle glued to Chinese text ("加我lina2013", "微信xiaoming_01"): with a digit or an underscore.
CJK_HANDLE_RE = re.compile(rf"(?<=[{CJK}：:])(?=[A-Za-z0-9_.\-]*[0-9_])[A-Za-z][A-Za-z0-9_.\-]{{2,29}}")
# A handle that mixes Chinese and Latin with an underscore ("小雨_2013") after 加我 or a platform.
CJK_ADD_RE = re.compile(rf"(?:加我|加|找我|搜)(?P<value>[{CJK}]{{1,4}}_[A-Za-z0-9_]+|[A-Za-z0-9_.\-]{{3,30}})")
# What a child tells others to search for on a platform is an account's name, to the end of the phrase, Latin and
# Chinese mixed ("b站搜yuyu不吃香菜", "抖音搜索小鱼爱吃糖").
CJK_SEARCH_RE = re.compile(
    rf"(?:搜索|搜一下|搜|关注|昵称是|昵称叫|账号是)(?P<value>[A-Za-z0-9_.\-]{{2,30}}[{CJK}]{{1,8}}|[{CJK}]{{2,8}})"
    rf"(?=$|[，。！？,.!?；;\s]|就|吧)"
)
HANDLE_SHAPE = re.compile(r"[0-9_.@]|[a-z][A-Z]|^[A-Z]{2,}[a-z]")
# What someone is known as online (round 8): a made-up token with a digit or an underscore after "I know him as",
# "known as", "goes by", "je le connais sous", "lo conozco como", "знаю его как", "أعرفه باسم", or a name a
# platform gives someone ("他B站叫皓宇不吃香菜2011", "抖音上叫…").
KNOWN_AS_RE = re.compile(
    r"(?i:know\s+(?:him|her|them)\s+as|known\s+as|goes\s+by|connais\s+(?:sous|comme)(?:\s+le\s+(?:nom|pseudo)(?:\s+de)?)?|"
    r"conozco\s+como|conoce\s+como|знаю\s+(?:его|её|ее|их)\s+как|известен\s+как|أعرفه\s+باسم|أعرفها\s+باسم|"
    r"اعرفه\s+باسم|اعرفها\s+باسم)\s+"
    r"(?P<value>(?=[A-Za-z0-9_.\-]*[0-9_])[A-Za-z0-9_][A-Za-z0-9_.\-]{2,30})"
)
CJK_CALLED_ON_RE = re.compile(
    rf"(?:B站|b站|微信|微博|QQ|抖音|快手|小红书|小紅書|游戏里|遊戲裡|游戏|遊戲)(?:上|里|裡)?(?:叫|名叫|名字叫|ID是|id是)"
    rf"(?P<value>(?=[{CJK}A-Za-z0-9_]*[0-9_])[{CJK}A-Za-z0-9_]{{2,20}})"
)
ALNUM_ID_RE = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*\d)(?=[0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{5,20}(?![\w-])")
ID_CUES = (
    r"passport|passeport|pasaporte|паспорт\w*|جواز|id(?: card)?|identity|student (?:number|id)|"
    r"carte d'identité|carte d’identité|numéro INE|INE|DNI|NIE|CURP|RUT|CPF|cédula|cedula|"
    r"СНИЛС|ИНН|свидетельств\w*(?: о рождении)?|удостоверени\w*|"
    r"هويتي|هوية|الهوية|رقمي الوطني|الرقم الوطني|بطاقتي|"
    r"身份证号?码?|学号|学籍号|护照号?"
)
ID_CUE_RE = re.compile(
    rf"(?<![\w])(?:{ID_CUES})(?:\s*(?:number|no\.?|num|numéro|número|номер|№|رقم|号码?|is|est|es|c'est|:|：|是|says|dit))*"
    r"\s*(?=(?P<value>[\w][\w .\-/]{0,30}))",
    re.IGNORECASE,
)
ID_PART = re.compile(r"[^\s]+")


def _id_value(value: str) -> int:
    """How much of ``value`` (what follows an ID cue) is the number: parts with a digit, or short capitals."""
    end = 0
    for part in ID_PART.finditer(value):
        word = part.group(0)
        if any(c.isdigit() for c in word) or (len(word) <= 5 and word.replace("-", "").isupper()):
            end = part.end()
        else:
            break
    return end


# What a child calls their address before spelling it out: the words between it and a spelled "at" are the address's
# name, spaces and all ("my email is kayla dot brooks 09 at gmail dot com").
EMAIL_CUE = re.compile(
    r"(?i:e-?mail|mail|correo|courriel|почта|почты|имейл|емейл|ايميل|إيميل|الايميل|الإيميل|邮箱|郵箱)"
    r"(?:\s+(?i:is|es|est|c'est|это|هو)|\s*[:：=]|\s+(?i:me)(?:\s+(?i:at|on|to|à|a))?)\s*"
    r"(?<!\S)(?P<words>(?!(?i:at|on|to|à|a|is|es|est)\s)(?:[A-Za-z0-9][A-Za-z0-9._+-]*\s+){1,4})$"
)


def emails(text: str) -> list[Hit]:
    hits = []
    for match in EMAIL_RE.finditer(text):
        start = match.start()
        cue = EMAIL_CUE.search(text, max(0, start - 80), start)
        if cue is not None and "@" not in match.group():  # spelled out: its name may hold spaces
            start = cue.start("words")
        hits.append(Hit(start, match.end(), Category.EMAIL))
    return hits


def links(text: str) -> list[Hit]:
    return [Hit(m.start(), m.end(), Category.LINK) for m in URL_RE.finditer(text)]


def handles(text: str) -> list[Hit]:
    hits = [Hit(m.start(), m.end(), Category.HANDLE) for m in HANDLE_AT_RE.finditer(text)]
    for match in PLATFORM_RE.finditer(text):
        value = match.group("value").rstrip(".-")
        if len(value) < 2:
            continue
        if HANDLE_SHAPE.search(value) or re.search(r"[:：]\s*$", text[: match.start("value")]):
            hits.append(Hit(match.start("value"), match.start("value") + len(value), Category.HANDLE))
    hits += [Hit(m.start(), m.end(), Category.HANDLE) for m in CJK_HANDLE_RE.finditer(text)]
    hits += [Hit(m.start(), m.end(), Category.HANDLE) for m in SHAPED_HANDLE_RE.finditer(text)]
    for match in HANDLE_CUE_RE.finditer(text):
        value = match.group("value").rstrip(".-")
        hits.append(Hit(match.start("value"), match.start("value") + len(value), Category.HANDLE))
    for match in CJK_ADD_RE.finditer(text):
        if HANDLE_SHAPE.search(match.group("value")):
            hits.append(Hit(match.start("value"), match.end("value"), Category.HANDLE))
    hits += [Hit(m.start("value"), m.end("value"), Category.HANDLE) for m in CJK_SEARCH_RE.finditer(text)]
    for match in KNOWN_AS_RE.finditer(text):
        value = match.group("value").rstrip(".-")
        hits.append(Hit(match.start("value"), match.start("value") + len(value), Category.HANDLE))
    hits += [Hit(m.start("value"), m.end("value"), Category.HANDLE) for m in CJK_CALLED_ON_RE.finditer(text)]
    return hits


# The name of the number just before it ("INE 123456789AB", "DNI 12345678Z"): part of what identifies the child.
ID_ACRONYM = re.compile(r"(?<![\w])[A-ZА-ЯЁ]{2,6}\s*(?:no\.?|nº|№|:)?\s*$")


def ids(text: str) -> list[Hit]:
    hits = []
    for match in ALNUM_ID_RE.finditer(text):
        acronym = ID_ACRONYM.search(text, max(0, match.start() - 12), match.start())
        hits.append(Hit(acronym.start() if acronym else match.start(), match.end(), Category.ID))
    for match in ID_CUE_RE.finditer(text):
        length = _id_value(match.group("value"))
        value = match.group("value")[:length].rstrip(".,-/ ")
        if sum(c.isdigit() for c in value) >= 4:
            hits.append(Hit(match.start("value"), match.start("value") + len(value), Category.ID))
    return hits


def _looks_like_phone(digits: str, raw: str, region: str | None) -> bool:
    if raw.lstrip().startswith("+") or digits.startswith(("0", "8")) or 7 <= len(digits) <= 12:
        return True
    for candidate in {region or "ZZ", "ZZ"}:
        try:
            number = phonenumbers.parse(digits if candidate != "ZZ" else "+" + digits, candidate)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            return True
    return False


def phones_and_numbers(text: str, *, region: str | None = None) -> list[Hit]:
    """Runs of seven or more digits, written as digits, words (in six languages), Chinese numerals or letters
    that stand for digits (O for 0): a phone number when it could be one, an ID number otherwise."""
    hits: list[Hit] = []
    for run in number_runs(text):
        if len(run.digits) < 7:
            continue
        raw = text[run.start : run.end]
        phone = run.spelled or _looks_like_phone(run.digits, raw, region)
        hits.append(Hit(run.start, run.end, Category.PHONE if phone else Category.ID))
    return hits
