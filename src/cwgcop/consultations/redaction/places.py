"""Schools and street addresses in Arabic, English, French, Russian and Spanish (Chinese: :mod:`.chinese`).

A school is a school word with a name ("Greenfield Academy", "collège Victor-Hugo", "Colegio San José",
"школа №57", "مدرسة النور"); "our school" or "le collège" alone is not personal. An address is a street word
with a name and a house number ("12 rue des Lilas", "ул. Ленина, д. 5", "شارع النيل 45"), or a house number and
a street after "I live at", "j'habite", "vivo en", "я живу", "أسكن".
"""

from __future__ import annotations

import re

from cwgcop.consultations.redaction.base import Category, Hit

UP = r"[A-ZÀ-ÖØ-ÞЀ-ЯЁ]"
W = r"[\wÀ-ÿ'’\-]"
CAP_WORD = rf"{UP}{W}*"
ANY_WORD = rf"{W}+"

EN_SCHOOL = re.compile(
    rf"(?:(?:St\.?|Saint|Sainte?)\s+)?(?:{CAP_WORD}\s+){{1,4}}"
    r"(?:(?:Primary|Secondary|High|Middle|Junior|Senior|Grammar|Girls'?|Boys'?|Community|International|Infant|"
    r"Elementary|Comprehensive|Catholic|Islamic|Christian|Public|Private|Prep|Preparatory)\s+)*"
    r"(?:(?:C\.?\s?of\s?E\.?|CofE|C\.E\.|R\.?C\.?)\s+)?"
    r"(?:School|Academy|College|Primary|Secondary|High|Elementary|Grammar|Prep)\b(?:\s+(?!School|And|The)"
    rf"{CAP_WORD})?"
)
EN_SCHOOL_CUE = re.compile(
    r"(?i:\b(?:i go to|i'm at|im at|i am at|i attend|i study at|my school is|our school is|at|from)\s+)"
    r"(?P<value>(?i:(?!the\b|my\b|our\b|a\b|school\b|home\b|this\b|that\b|your\b|his\b|her\b|their\b)"
    r"[a-z'’\-]+\s+){1,5}"
    r"(?i:primary|secondary|high school|high|academy|school|college|elementary|middle school))\b"
)
FR_SCHOOL = re.compile(
    r"(?i:\b(?:école secondaire|école|ecole|collège|college|lycée|lycee|groupe scolaire|institution|institut|cours|"
    r"polyvalente|cégep|cegep|complexe scolaire|CEG|CES|académie|academie|centre de formation)"
    r"(?:\s+(?:primaire|élémentaire|elementaire|maternelle|privé|privée|public|publique|professionnel|"
    r"général|general|international|moderne|classique|technique|municipal|municipale|catholique|"
    r"confessionnel|confessionnelle|bilingue|islamique|franco-arabe|d'enseignement général))*)"
    rf"(?P<name>(?:\s+(?:(?i:de la|de l'|des|du|de|d'|la|le|les|saint|sainte)\s*)?{CAP_WORD})+"
    r"|(?:\s+(?i:des|du|de la)\s+[a-zé]\w+))"
)
ES_SCHOOL = re.compile(
    r"(?:\b(?:IES|CEIP|IESO|CEI|CP|CEPA|CIFP|CPI|CEU)\b|(?i:\b(?:colegio|escuela|instituto|liceo|secundaria|"
    r"primaria|preparatoria|jardín|kínder|kinder|unidad educativa|institución educativa|centro educativo|academia)"
    r"(?:\s+(?:primaria|secundaria|técnica|tecnica|normal|nacional|pública|publica|privada|bilingüe))?))"
    rf"(?P<name>(?:\s+(?:(?i:de la|de los|de las|del|de|la|el|los|las|san|santa|santo|y)\s+)?{CAP_WORD})+"
    rf"|\s+(?i:san|santa|santo|sagrado|nuestra señora de)\s+[a-záéíóúñ]{{3,}}"
    rf"(?:\s+[a-záéíóúñ]{{4,}}(?<!\bnos)(?<!\bque))?"
    rf"|(?:\s+(?:n[°º]|no\.?|número)\s*\d+))"
)
RU_SCHOOL = re.compile(
    r"(?i:\b(?:(?:МБОУ|МАОУ|МКОУ|ГБОУ|ГБОУ|МОУ|ГОУ|ЧОУ|АНО)\s+)?(?:(?:средн\w+|общеобразовательн\w+|начальн\w+|основн\w+|специализированн\w+|"
    r"вечерн\w+|коррекционн\w+)\s+)?"
    r"(?:школ[аеуыой]|школой|гимнази[яиюей]|лице[йяюе]|лицеем|колледж\w*|интернат\w*|СОШ|МБОУ|ГБОУ|МОУ))"
    r"(?P<name>\s*(?:(?:№|No\.?|N)\s*\d+|номер\s*\d+|N\s*\d+|\d+|(?:имени|им\.)\s*[А-ЯЁ]\S*(?:\s+[А-ЯЁ]\S*){0,2})"
    r"(?:\s*(?:имени|им\.)\s*[А-ЯЁ]\S*(?:\s+[А-ЯЁ]\S*){0,2})?"
    rf"(?:\s+(?i:города|г\.|посёлка|поселка|села)\s*{CAP_WORD})?)"
)
AR_SCHOOL = re.compile(
    r"(?<!ال)(?:مدرسة|مدرسه|ثانوية|إعدادية|اعدادية|ابتدائية|أكاديمية|اكاديمية|روضة|معهد|مجمع مدارس|مدارس)"
    r"(?P<name>(?:\s+(?:الشهيدة|الشهيد|الإمام|الامام|الدكتورة|الدكتور|السيدة|الأستاذ|الاستاذ)(?:\s+(?!في|من|على|و)"
    r"[ء-يٮ-ۓ]{2,}){1,3}"
    r"|\s+(?:ال[ء-يٮ-ۓ]{2,}|ابن|بن|أبو|ابو|أم|ام|الملك|الأمير|الشيخ|رقم|\d+)(?:\s+(?!في|من|على|و)"
    r"[ء-يٮ-ۓ]{2,})?){1,3}"
    # its kind: private, for girls, preparatory…
    r"(?:\s+(?:ال|لل)(?:خاصة|خاصه|حكومية|دولية|إعدادية|اعدادية|ابتدائية|ثانوية|متوسطة|نموذجية|رسمية|أهلية|اهلية|بنات|بنين"
    r"|تجريبية|تجريبيه|غات|رياضية)|\s+لكرة\s+القدم)*)"
)
# Round 8: institutions a child belongs to as an open class, with their proper words: a club or a youth team
# ("Hollybank Juniors FC", "Riverside Youth Club"), a school of sport ("ДЮСШ №12"), a college or lycée whose name
# holds ordinary words before its number ("Колледже цифровых технологий №3", "Лицее информационных технологий №2").
EN_CLUB = re.compile(
    rf"(?:{CAP_WORD}\s+){{1,3}}(?:(?:Juniors?|Youth|Boys|Girls|Colts|Sports|Football|Swim(?:ming)?|Athletics?)\s+)*"
    r"(?:FC|AFC|JFC|F\.C\.|Club)\b"
)
RU_INSTITUTION = re.compile(
    r"(?:ДЮСШ|СДЮШОР|ДЮСШОР|СШОР|СДЮСШОР|ЦДТ|ДДТ|ДШИ|ДМШ)\s*(?:№|No\.?|N)?\s*\d+"
    r"|(?i:колледж\w*|лице[йяюе]|лицеем|техникум\w*|училищ\w*|гимнази[яиюей]|академи\w*)"
    r"(?:\s+[а-яё\-]{3,}){1,3}\s*(?:№|No\.?|N)\s*\d+"
)
SCHOOLS = [EN_SCHOOL, FR_SCHOOL, ES_SCHOOL, RU_SCHOOL, AR_SCHOOL, EN_CLUB, RU_INSTITUTION]

STREET_EN = (
    r"street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|court|ct|place|pl|terrace|grove|"
    r"boulevard|blvd|highway|hill|gardens|square|sq|row|walk|mews|park|estate"
)
EN_ADDRESS = re.compile(
    r"(?i:\b(?:flat|apt|apartment|unit|house|no\.?)\s*\d+[a-z]?,?\s+)?"
    rf"(?<![\d.,:/])\b\d{{1,5}}[a-zA-Z]?,?\s+(?:{ANY_WORD}\s+){{0,3}}(?i:{STREET_EN})\b\.?"
    rf"(?:,\s*{CAP_WORD})?"
    rf"|(?i:\b(?:flat|apt|apartment|unit)\s*\d+[a-z]?,?\s+\d{{1,5}}\s+){CAP_WORD}"
    rf"|(?i:\b(?:flat|apt|apartment|unit)\s*\d+[a-z]?,?\s+){CAP_WORD}(?:\s+{CAP_WORD})?\s+"
    r"(?i:court|house|tower|towers|heights|mansions|lodge|point|block|building)\b"
    rf"|\b\d{{1,5}}\s+{UP}[a-z]+(?:way|gate|side|field|fields)\b"
)
FR_ADDRESS = re.compile(
    r"(?i:\b\d{1,4}\s*(?:bis|ter)?,?\s*)?"
    r"(?i:\b(?:rue|avenue|av\.|bd|boulevard|impasse|allée|allee|chemin|place|route|quai|cours|square|"
    r"résidence|residence|lotissement|cité|cite|passage|sentier|hameau|lieu-dit))\s+"
    rf"(?:(?i:de la|de l'|de l’|des|du|de|d'|d’|la|le|les)\s*)?(?!(?i:in|on|at|and|the|of|to|for|with|is)\b)"
    rf"{ANY_WORD}(?:\s+{CAP_WORD})*(?:,?\s*\d{{5}})?(?:,\s*{CAP_WORD})?"
)
ES_ADDRESS = re.compile(
    r"(?i:\b(?:calle|c/|avenida|av\.|avda\.?|carrera|cra\.?|calle|paseo|plaza|camino|pasaje|jirón|jiron|"
    r"jr\.|carretera|ronda|travesía|transversal|diagonal|colonia|col\.|barrio|urbanización|urb\.))\s+"
    rf"(?:(?i:de la|de los|de las|del|de|la|el|los|las)\s+)?{ANY_WORD}(?:\s+(?:(?:de|del|de la|y)\s+)?{CAP_WORD})*"
    r"(?:,?\s*(?:n[°º]\.?|no\.?|número|#)?\s*\d{1,5}(?:\s*[-–]\s*\d{1,4})?(?:\s*[A-Za-z](?![\w]))?"
    r"(?:,?\s*\d{1,2}\s*[º°ª]?\s*[A-Za-z]?(?![\w]))?)"
)
RU_ADDRESS = re.compile(
    r"(?i:\b(?:ул\.|улиц[аеуы]|улицей|вул\.|вулиц[яіею]|пр-т|просп\.|проспект[еау]?|переул\w+|пер\.|"
    r"бульвар[еау]?|б-р|шоссе|площад[ьи]|набережн\w+|наб\.|микрорайон[еа]?|мкр\.?|проезд[еа]?|тупик[еа]?))"
    rf"\s*{CAP_WORD}(?:\s+{CAP_WORD})?(?:,?\s*(?:(?i:д\.|дом|буд\.)\s*)?\d{{1,4}}[а-яА-Я]?(?:\s*[-/]\s*\d{{1,4}})?)?"
    r"(?:,?\s*(?i:корп\.|корпус|стр\.)\s*\d+)?(?:,?\s*(?i:кв\.|квартира|кв)\s*\d+)?"
    rf"|{CAP_WORD}\s+(?i:улиц[аеуы]|улице|проспект[еау]?|переул\w+|бульвар[еау]?)\s*,?\s*(?:(?i:д\.|дом)\s*)?\d{{1,4}}"
    r"(?:,?\s*(?i:кв\.|квартира)\s*\d+)?"
)
AR_STREET = r"شارع|ش\.|طريق|جادة|زقاق|حارة|ممر|زنقة|نهج|درب|سكة|سكك"
AR_STOP = r"(?:في|من|على|مع|جنب|قرب|عند|رقم|منذ|من|الى|إلى)(?![ء-يٮ-ۓ])"
AR_ADDRESS = re.compile(
    rf"(?:\d{{1,5}}\s+)?(?:حي\s+ال[ء-يٮ-ۓ]+\s*[،,]?\s*)?(?:{AR_STREET})\s+(?:(?!{AR_STOP})[ء-يٮ-ۓ]{{2,}}\s+){{0,2}}"
    rf"(?:(?!{AR_STOP})[ء-يٮ-ۓ]{{2,}})(?:\s*(?:رقم|بناية|عمارة|منزل|بيت|مبنى|شقة)?\s*\d{{1,5}})?"
    r"(?:\s*[،,]?\s*(?:بناية|عمارة|شقة|منزل)\s*\d{1,5})?"
    r"|حي\s+ال[ء-يٮ-ۓ]+(?:\s*[،,]?\s*(?:" + AR_STREET + r")\s+[ء-يٮ-ۓ\d]+(?:\s+\d{1,5})?)?"
    # A street with a number for a name ("شارع 4512", as in the Gulf)
    rf"|(?:{AR_STREET})\s+\d{{1,5}}(?![\d])"
)
# Where someone lives, named without a street word in Russian: "живёт на Садовой 8-15", "живу на Ленина, 5".
RU_LIVES_ON = re.compile(
    r"(?i:\b(?:живу|живёт|живет|живём|живем|живут|живёшь|живешь|жила|жил|жили))\s+(?:на|в)\s+"
    rf"(?P<value>{CAP_WORD}(?:\s+{CAP_WORD})?\s*,?\s*(?:(?i:д\.|дом)\s*)?\d{{1,4}}[а-яА-Я]?"
    r"(?:\s*[-/]\s*\d{1,4}|,?\s*(?i:кв\.|квартира)\s*\d+)?)(?![\w])"
)
ADDRESSES = [EN_ADDRESS, FR_ADDRESS, ES_ADDRESS, RU_ADDRESS, AR_ADDRESS]
ADDRESS_CUE = re.compile(
    r"(?i:\b(?:i live at|i live on|i live in|we live at|we live on|my address is|my house is|my house is at|"
    r"moved to|come to|j'habite au|j'habite à|j'habite|j’habite|mon adresse c'est|mon adresse est|vivo en|"
    r"mi dirección es|mi casa está en|я живу на|я живу в|мой адрес|живу на))\s+"
    r"(?P<value>\d{1,5}[a-z]?,?\s+[\wÀ-ÿ'’\-]+(?:\s+[\wÀ-ÿ'’\-]+)?)"
    rf"|(?i:\b(?:address|my address is|adresse|mon adresse|dirección|direccion|mi dirección es|адрес|мой адрес)):?\s+"
    rf"(?P<named>{CAP_WORD}(?:\s+{CAP_WORD})?\s*,?\s*\d{{1,5}}[a-zа-я]?(?![\w]))"
)


# Parts that go with a street address, before or after it, separated by a comma: a flat, unit, block, floor,
# building or door ("Flat 3", "bâtiment C", "bloque 3", "1ºA", "кв. 7", "корпус 2", "عمارة 12", "الدور الثاني"),
# a postcode and town ("33000 Bordeaux", "Leeds LS6 2AB"), or a town alone ("Madrid", "Москва", "القاهرة").
UNIT_WORDS = (
    r"flat|apt\.?|apartment|unit|house|block|floor|building|"
    r"bâtiment|batiment|bât\.?|appartement|appt\.?|app\.?|étage|etage|escalier|porte|résidence|villa|"
    r"bloque|portal|piso|puerta|escalera|planta|depto\.?|departamento|int\.|interior|casa|"
    r"корпус\w*|корп\.|кв\.|квартира|кв|дом|д\.|подъезд|этаж|стр\.|строение|"
    r"عمارة|عماره|بناية|شقة|شقه|فيلا|منزل|بيت|مبنى|الدور|الطابق|مدخل|بلوك|رقم"
)
ORDINAL_AR = r"الأول|الاول|الثاني|الثالث|الرابع|الخامس|الأرضي|الارضي"
UNIT = (
    rf"(?i:{UNIT_WORDS})\s*(?:(?i:n[°º]|no\.|nº)\s*)?(?:\d{{1,5}}\s*[A-Za-zА-Яа-я]?(?![\w])|[A-Z](?![\w])|{ORDINAL_AR})"
)
# The side of the landing after a floor ("3º izquierda", "2e gauche").
SIDE = r"(?i:izquierda|izqda\.?|izda\.?|izq\.?|derecha|dcha\.?|der\.?|dcha|centro|gauche|droite)(?![\w])"
FLOOR = (
    r"(?:\d{1,2}\s*[º°ªo]?\s*[A-Za-z](?![\w])|\d{1,2}\s*(?:º|°|ª|o)(?![\w])|(?i:bajo|ático|atico|entresuelo))"
    rf"(?:\s*{SIDE})?"
)
POSTCODE = (
    r"(?:\d{5}|\d{6}|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})(?:\s+"
    + CAP_WORD
    + r")?"
    + r"|"
    + CAP_WORD
    + r"\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
)
NEIGHBOURHOOD = (
    r"(?i:col\.|colonia|barrio|villa|población|poblacion|fracc\.?|fraccionamiento|urbanización|urb\.|quartier|"
    r"cité|микрорайон|мкр\.?|район|р-н)"
)
TOWN = (
    rf"(?:{NEIGHBOURHOOD}\s*)?{CAP_WORD}(?:\s+(?:(?i:de|del|de la|las|los|la|el)\s+)?{CAP_WORD}){{0,2}}"
    rf"|(?:حي\s+)?ال[ء-يٮ-ۓ]{{2,}}(?:\s+ال[ء-يٮ-ۓ]{{2,}})?"
)
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
AFTER_ADDRESS = re.compile(
    rf"\s*[,،]\s*(?:{UNIT}|{FLOOR}|{POSTCODE}|{TOWN})(?![\w])|\s+{UK_POSTCODE}(?![\w])|(?<=\d{{5}})\s+{CAP_WORD}"
    rf"|(?<=[\d.])\s+{UNIT}(?![\w])|\s*[،,]\s*[ء-يٮ-ۓ]{{3,}}(?=\s*$|\s*[.!?؟،,])"
    rf"|(?:(?<=\d)|(?<=\d[º°ªo]))\s*{SIDE}"
)
BEFORE_ADDRESS = re.compile(
    rf"(?:{UNIT}|(?i:г\.|город|гор\.|пос\.|посёлок|поселок|с\.|село)\s*{CAP_WORD})\s*(?:[,،]\s*|\s+(?:по|على|في)\s+|\s+)$"
)
# A quarter and its number, then a house in it ("Sicap Liberté 6, villa n°2214", as in Dakar)
QUARTER_UNIT = re.compile(rf"{CAP_WORD}(?:\s+{CAP_WORD}){{0,2}}\s+\d{{1,3}}\s*,\s*{UNIT}(?![\w])")


def _extended(text: str, hit: Hit) -> Hit:
    """``hit`` with the flat, floor, postcode and town written around it."""
    start, end = hit.start, hit.end
    while match := AFTER_ADDRESS.match(text, end):
        end = match.end()
    while match := BEFORE_ADDRESS.search(text, max(0, start - 40), start):
        if match.end() != start or match.start() == start:
            break
        start = match.start()
    return Hit(start, end, hit.category)


# "We live in the blue house at 8 Station Road": what comes between "I live" and the address describes the home.
LIVE_CUE = re.compile(
    r"(?i:\b(?:i live|we live|i'm living|we're at|we are at|our house is|my house is|"
    r"j'habite|j’habite|on habite|nous habitons|on est au|vivo|vivimos|estamos en|mi casa es|"
    r"я живу|мы живём|мы живем|живу|живём|живем|живёт|живет|живут|lives|live|habite|habitent|vive|viven)\b"
    r"|(?:أسكن|اسكن|نسكن|ساكنين|ساكنة|ساكن|نعيش|أعيش|اعيش|بيتنا|بيتي)(?![ء-يٮ-ۓ]))"
)
CLAUSE_END = re.compile(r"[.!?;\n]|\b(?:and|but|et|mais|y|pero|и|но)\b")


PREPOSITION = re.compile(r"\s*(?:(?i:at|on|in|au|à|a|en|dans|в|во|на|по)\b|(?:في|الى|إلى|على|ب)(?![ء-يٮ-ۓ]))?\s*")


def _from_cue(text: str, hit: Hit) -> Hit:
    for cue in LIVE_CUE.finditer(text, max(0, hit.start - 60), hit.start):
        between = text[cue.end() : hit.start]
        if not CLAUSE_END.search(between) and len(between.split()) <= 10:
            start = PREPOSITION.match(text, cue.end(), hit.start)
            return Hit(start.end() if start else hit.start, hit.end, hit.category)
    return hit


# What a pattern cannot match without: Cyrillic or Arabic letters (its keywords; the Cyrillic ranges hold every
# letter that case-folds to one), or a digit. A text without them is not read by it (most answers hold one script).
CYRILLIC = re.compile("[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
ARABIC = re.compile("[\u0600-\u06ff]")
DIGIT = re.compile(r"\d")
NEEDS = {
    RU_SCHOOL: CYRILLIC,
    RU_INSTITUTION: CYRILLIC,
    RU_ADDRESS: CYRILLIC,
    RU_LIVES_ON: CYRILLIC,
    AR_SCHOOL: ARABIC,
    AR_ADDRESS: ARABIC,
    EN_ADDRESS: DIGIT,
    QUARTER_UNIT: DIGIT,
}


def _readable(text: str, patterns: list[re.Pattern[str]]) -> list[re.Pattern[str]]:
    """The ``patterns`` that can match in ``text`` (by :data:`NEEDS`), in their order."""
    return [p for p in patterns if (need := NEEDS.get(p)) is None or need.search(text)]


def schools(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for pattern in _readable(text, SCHOOLS):
        for match in pattern.finditer(text):
            hits.append(Hit(match.start(), match.end(), Category.SCHOOL))
    for match in EN_SCHOOL_CUE.finditer(text):
        hits.append(Hit(match.start("value"), match.end("value"), Category.SCHOOL))
    return hits


def addresses(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for pattern in _readable(text, ADDRESSES):
        for match in pattern.finditer(text):
            hits.append(Hit(match.start(), match.end(), Category.ADDRESS))
    for cue in _readable(text, [ADDRESS_CUE, RU_LIVES_ON]):
        for match in cue.finditer(text):
            group = "named" if "named" in cue.groupindex and match.group("named") else "value"
            hits.append(Hit(match.start(group), match.end(group), Category.ADDRESS))
    for pattern in _readable(text, [QUARTER_UNIT, UNIT_STREET]):
        for match in pattern.finditer(text):
            hits.append(Hit(match.start(), match.end(), Category.ADDRESS))
    found = [_from_cue(text, _extended(text, hit)) for hit in hits]
    for match in BARE_STREET.finditer(text):
        hit = Hit(match.start(), match.end(), Category.ADDRESS)
        if (widened := _from_cue(text, hit)) != hit:
            found.append(widened)  # "vivimos en la casa verde de la calle Olivo": no number, but where one lives
    return found


# A street named without a house number: an address only where the child says they live there.
BARE_STREET = re.compile(
    r"(?i:\b(?:calle|avenida|paseo|plaza|rue|avenue|boulevard|chemin|allée|impasse|street|road|lane|"
    r"улиц[аеуы]|проспект[еа]?|переулк[еа]))\s+"
    rf"(?:(?i:de la|de los|del|de|des|du|de l'|la|le)\s+)?{CAP_WORD}(?:\s+{CAP_WORD})?"
    rf"|{CAP_WORD}\s+(?i:street|road|lane|avenue|close|drive|way|crescent|улиц[аеуы]|проспект[еа]?)\b"
)


# A street without a number but with a flat or unit before it ("Unit 4, Mill Lane", "bloque 3, calle Sol").
UNIT_STREET = re.compile(
    rf"(?i:\b(?:flat|apt|apartment|unit|bâtiment|bloque|portal))\s*\d*[A-Za-z]?\s*,\s*{CAP_WORD}\s+(?i:{STREET_EN})\b"
)
