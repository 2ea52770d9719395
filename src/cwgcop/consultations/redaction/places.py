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
    r"(?:School|Academy|College|Primary|Secondary|High|Elementary|Grammar|Prep)\b(?:\s+(?!School|And|The)"
    rf"{CAP_WORD})?"
)
EN_SCHOOL_CUE = re.compile(
    r"(?i:\b(?:i go to|i'm at|im at|i am at|i attend|i study at|my school is|our school is|at|from)\s+)"
    r"(?P<value>(?i:(?!the\b|my\b|our\b|a\b|school\b|home\b)[a-z'’\-]+\s+){1,3}"
    r"(?i:primary|secondary|high school|high|academy|school|college|elementary|middle school))\b"
)
FR_SCHOOL = re.compile(
    r"(?i:\b(?:école|ecole|collège|college|lycée|lycee|groupe scolaire|institution|institut|cours)"
    r"(?:\s+(?:primaire|élémentaire|elementaire|maternelle|privé|privée|public|publique|professionnel|"
    r"général|general|international))?)"
    rf"(?P<name>(?:\s+(?:(?i:de la|de l'|des|du|de|d'|la|le|les|saint|sainte)\s*)?{CAP_WORD})+"
    r"|(?:\s+(?i:des|du|de la)\s+[a-zé]\w+))"
)
ES_SCHOOL = re.compile(
    r"(?i:\b(?:colegio|escuela|instituto|liceo|secundaria|primaria|preparatoria|jardín|kínder|kinder|"
    r"unidad educativa|institución educativa|centro educativo)(?:\s+(?:primaria|secundaria|técnica|tecnica|"
    r"normal|nacional|pública|publica|privada|bilingüe))?)"
    rf"(?P<name>(?:\s+(?:(?i:de la|de los|de las|del|de|la|el|los|las|san|santa|santo|y)\s+)?{CAP_WORD})+"
    rf"|(?:\s+(?:n[°º]|no\.?|número)\s*\d+))"
)
RU_SCHOOL = re.compile(
    r"(?i:\b(?:(?:средн\w+|общеобразовательн\w+|начальн\w+|основн\w+|специализированн\w+|"
    r"вечерн\w+|коррекционн\w+)\s+)?"
    r"(?:школ[аеуыой]|школой|гимнази[яиюей]|лице[йяюе]|лицеем|колледж\w*|интернат\w*|СОШ|МБОУ|ГБОУ|МОУ))"
    r"(?P<name>\s*(?:(?:№|No\.?|N)\s*\d+|номер\s*\d+|N\s*\d+|\d+|имени\s+\S+(?:\s+\S+)?|им\.\s*\S+(?:\s+\S+)?)"
    r"(?:\s*(?:имени\s+\S+(?:\s+\S+)?|им\.\s*\S+))?)"
)
AR_SCHOOL = re.compile(
    r"(?<!ال)(?:مدرسة|مدرسه|ثانوية|إعدادية|اعدادية|ابتدائية|أكاديمية|اكاديمية|روضة|معهد|مجمع مدارس|مدارس)"
    r"(?P<name>(?:\s+(?:ال[؀-ۿ]{2,}|ابن|بن|أبو|ابو|أم|ام|الملك|الأمير|الشيخ|رقم|\d+)(?:\s+(?!في|من|على|و)"
    r"[؀-ۿ]{2,})?){1,3})"
)
SCHOOLS = [EN_SCHOOL, FR_SCHOOL, ES_SCHOOL, RU_SCHOOL, AR_SCHOOL]

STREET_EN = (
    r"street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|crescent|court|ct|place|pl|terrace|grove|"
    r"boulevard|blvd|highway|hill|gardens|square|sq|row|walk|mews|park|estate"
)
EN_ADDRESS = re.compile(
    r"(?i:\b(?:flat|apt|apartment|unit|house|no\.?)\s*\d+[a-z]?,?\s+)?"
    rf"(?<![\d.,:/])\b\d{{1,5}}[a-zA-Z]?,?\s+(?:{ANY_WORD}\s+){{0,3}}(?i:{STREET_EN})\b\.?"
    rf"(?:,\s*{CAP_WORD})?"
    rf"|(?i:\b(?:flat|apt|apartment|unit)\s*\d+[a-z]?,?\s+\d{{1,5}}\s+){CAP_WORD}"
    rf"|\b\d{{1,5}}\s+{UP}[a-z]+(?:way|gate|side|field|fields)\b"
)
FR_ADDRESS = re.compile(
    r"(?i:\b\d{1,4}\s*(?:bis|ter)?,?\s*)?"
    r"(?i:\b(?:rue|avenue|av\.|bd|boulevard|impasse|allée|allee|chemin|place|route|quai|cours|square|"
    r"résidence|residence|lotissement|cité|cite|passage|sentier|hameau|lieu-dit))\s+"
    rf"(?:(?i:de la|de l'|de l’|des|du|de|d'|d’|la|le|les)\s*)?{ANY_WORD}(?:\s+{CAP_WORD})*"
    rf"(?:,?\s*\d{{5}})?(?:,\s*{CAP_WORD})?"
)
ES_ADDRESS = re.compile(
    r"(?i:\b(?:calle|c/|avenida|av\.|avda\.?|carrera|cra\.?|calle|paseo|plaza|camino|pasaje|jirón|jiron|"
    r"jr\.|carretera|ronda|travesía|transversal|diagonal|colonia|col\.|barrio|urbanización|urb\.))\s+"
    rf"(?:(?i:de la|de los|de las|del|de|la|el|los|las)\s+)?{ANY_WORD}(?:\s+{CAP_WORD})*"
    r"(?:,?\s*(?:n[°º]\.?|no\.?|número|#)?\s*\d{1,5}(?:\s*[-–]\s*\d{1,4})?(?:\s*[A-Za-z](?![\w]))?"
    r"(?:,?\s*\d{1,2}\s*[º°ª]?\s*[A-Za-z]?(?![\w]))?)"
)
RU_ADDRESS = re.compile(
    r"(?i:\b(?:ул\.|улиц[аеуы]|улицей|вул\.|вулиц[яіею]|пр-т|просп\.|проспект[еау]?|переул\w+|пер\.|"
    r"бульвар[еау]?|б-р|шоссе|площад[ьи]|набережн\w+|наб\.|микрорайон[еа]?|мкр\.?|проезд[еа]?|тупик[еа]?))"
    rf"\s*{CAP_WORD}(?:\s+{CAP_WORD})?(?:,?\s*(?:(?i:д\.|дом|буд\.)\s*)?\d{{1,4}}[а-яА-Я]?)?"
    r"(?:,?\s*(?i:корп\.|корпус|стр\.)\s*\d+)?(?:,?\s*(?i:кв\.|квартира|кв)\s*\d+)?"
    rf"|{CAP_WORD}\s+(?i:улиц[аеуы]|улице|проспект[еау]?|переул\w+|бульвар[еау]?)\s*,?\s*(?:(?i:д\.|дом)\s*)?\d{{1,4}}"
    r"(?:,?\s*(?i:кв\.|квартира)\s*\d+)?"
)
AR_STREET = r"شارع|ش\.|طريق|جادة|زقاق|حارة|ممر"
AR_ADDRESS = re.compile(
    rf"(?:\d{{1,5}}\s+)?(?:حي\s+ال[؀-ۿ]+\s*[،,]?\s*)?(?:{AR_STREET})\s+(?:[؀-ۿ]{{2,}}\s+){{0,2}}?"
    r"(?:[؀-ۿ]{2,})(?:\s*(?:رقم|بناية|عمارة|منزل|بيت|مبنى|شقة)?\s*\d{1,5})?"
    r"(?:\s*[،,]?\s*(?:بناية|عمارة|شقة|منزل)\s*\d{1,5})?"
    r"|حي\s+ال[؀-ۿ]+(?:\s*[،,]?\s*(?:" + AR_STREET + r")\s+[؀-ۿ\d]+(?:\s+\d{1,5})?)?"
)
ADDRESSES = [EN_ADDRESS, FR_ADDRESS, ES_ADDRESS, RU_ADDRESS, AR_ADDRESS]
ADDRESS_CUE = re.compile(
    r"(?i:\b(?:i live at|i live on|i live in|we live at|we live on|my address is|my house is|my house is at|"
    r"moved to|come to|j'habite au|j'habite à|j'habite|j’habite|mon adresse c'est|mon adresse est|vivo en|"
    r"mi dirección es|mi casa está en|я живу на|я живу в|мой адрес|живу на))\s+"
    r"(?P<value>\d{1,5}[a-z]?,?\s+[\wÀ-ÿ'’\-]+(?:\s+[\wÀ-ÿ'’\-]+)?)"
)


def schools(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for pattern in SCHOOLS:
        for match in pattern.finditer(text):
            hits.append(Hit(match.start(), match.end(), Category.SCHOOL))
    for match in EN_SCHOOL_CUE.finditer(text):
        hits.append(Hit(match.start("value"), match.end("value"), Category.SCHOOL))
    return hits


def addresses(text: str) -> list[Hit]:
    hits: list[Hit] = []
    for pattern in ADDRESSES:
        for match in pattern.finditer(text):
            hits.append(Hit(match.start(), match.end(), Category.ADDRESS))
    for match in ADDRESS_CUE.finditer(text):
        hits.append(Hit(match.start("value"), match.end("value"), Category.ADDRESS))
    return hits
