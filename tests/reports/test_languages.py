"""The report in each of the six languages: dates, ordinals and participant figures as each language writes them."""

from __future__ import annotations

import datetime

import pytest

from cwgcop.bodies.models import Body
from cwgcop.demo.loader import load_demo
from cwgcop.reports import builder, services
from cwgcop.reports.models import CouncilReport

pytestmark = pytest.mark.django_db

THIN = "\u2009"  # CLDR's thin spaces around the dash of a date range
NB = "\u00a0"

FACTS = {
    "zh-hans": [
        (
            "本报告总结了理事会保护上网儿童工作组（CWG-COP）分别于2024年9月30日至10月1日和2025年2月12日至13日召开的"
            "第二十一次和第二十二次会议的主要成果。"
        ),
        "2.2 在第二十一次会议上，129名与会者讨论了收到的文稿和情况通报文件。",
        "2.5 在第二十二次会议上，191名与会者讨论了收到的文稿和情况通报文件。",
        "2.6 第二十二次会议的主要成果是：",
    ],
    "en": [
        (
            f"This report summarises the main outcomes of the twenty-first and twenty-second meetings of the Council "
            f"Working Group on Child Online Protection (CWG-COP), held 30 September{THIN}–{THIN}1 October 2024 and "
            f"12–13 February 2025."
        ),
        (
            "2.2 At the twenty-first meeting, 129 participants discussed the contributions and information documents "
            "received."
        ),
        "2.5 At the twenty-second meeting, 191 participants discussed",
        "2.6 The main outcomes of the twenty-second meeting were:",
    ],
    "fr": [
        (
            "Le présent rapport résume les principaux résultats des vingt et unième et vingt-deuxième réunions du "
            f"Groupe de travail du Conseil sur la protection en ligne des enfants (CWG-COP), tenues respectivement les "
            f"30 septembre{THIN}–{THIN}1er octobre 2024 et 12–13 février 2025."
        ),
        (
            "2.2 À la vingt et unième réunion, 129 participants ont examiné les contributions et les documents "
            "d'information reçus."
        ),
        "2.5 À la vingt-deuxième réunion, 191 participants ont examiné",
        f"2.6 Principaux résultats de la vingt-deuxième réunion{NB}:",
    ],
    "es": [
        (
            "En el presente informe se resumen los principales resultados de las 21.ª y 22.ª reuniones del Grupo de "
            "Trabajo del Consejo sobre la Protección de la Infancia en Línea (CWG-COP), celebradas, respectivamente, "
            f"los días 30 de septiembre{THIN}–{THIN}1 de octubre de 2024 y 12–13 de febrero de 2025."
        ),
        (
            "2.2 En la 21.ª reunión, 129 participantes examinaron las contribuciones y los documentos informativos "
            "recibidos."
        ),
        "2.5 En la 22.ª reunión, 191 participantes examinaron",
        "2.6 Principales resultados de la 22.ª reunión:",
    ],
    "ru": [
        "В настоящем отчете кратко изложены основные результаты 21-го и 22-го собраний CWG-COP",
        "состоявшихся соответственно 30 сентября – 1 октября 2024\u202fг. и 12–13 февраля 2025\u202fг. Отчет",
        "2.1 21-е и 22-е собрания CWG-COP состоялись",
        "2.2 На 21-м собрании 129 участников обсудили полученные вклады и информационные документы.",
        "2.5 На 22-м собрании 191 участник обсудил полученные вклады и информационные документы.",
        "2.6 Основные результаты 22-го собрания:",
    ],
    "ar": [
        (
            "يلخص هذا التقرير النتائج الرئيسية للاجتماعين 21 و22 التي عقدها فريق العمل التابع للمجلس المعني بحماية "
            "الأطفال على الإنترنت (CWG-COP) في 30 سبتمبر – 1 أكتوبر 2024 و12–13 فبراير 2025 على التوالي."
        ),
        "2.1 عقد CWG-COP الاجتماعين 21 و22 في",
        "2.2 في الاجتماع 21، ناقش المشاركون، وعددهم 129، المساهمات ووثائق المعلومات الواردة.",
        "2.5 في الاجتماع 22، ناقش المشاركون، وعددهم 191، المساهمات ووثائق المعلومات الواردة.",
        "2.6 النتائج الرئيسية للاجتماع 22:",
    ],
}

TITLES = {
    "zh-hans": [
        "目的",
        "理事会需采取的行动",
        "与《战略规划》的关联",
        "财务影响",
        "参考文件",
        "1 引言",
        "2 CWG-COP的活动",
    ],
    "en": [
        "Purpose",
        "Action required by the Council",
        "Link to the Strategic Plan",
        "Financial implications",
        "References",
        "1 Introduction",
        "2 Activities of CWG-COP",
    ],
    "fr": [
        "Objet",
        "Suite à donner par le Conseil",
        "Lien avec le Plan stratégique",
        "Incidences financières",
        "Références",
        "1 Introduction",
        "2 Activités de CWG-COP",
    ],
    "es": [
        "Objeto",
        "Acción solicitada al Consejo",
        "Vínculo con el Plan Estratégico",
        "Repercusiones financieras",
        "Referencias",
        "1 Introducción",
        "2 Actividades de CWG-COP",
    ],
    "ru": [
        "Цель",
        "Необходимые решения Совета",
        "Связь со Стратегическим планом",
        "Финансовые последствия",
        "Справочные материалы",
        "1 Введение",
        "2 Деятельность CWG-COP",
    ],
    "ar": [
        "الغرض",
        "الإجراء المطلوب من المجلس",
        "الصلة بالخطة الاستراتيجية",
        "الآثار المالية",
        "المراجع",
        "1 مقدمة",
        "2 أنشطة CWG-COP",
    ],
}


def test_report_in_each_of_the_six_languages() -> None:
    load_demo()
    body = Body.objects.get(acronym="CWG-COP")
    start, end = datetime.date(2024, 6, 1), datetime.date(2025, 6, 30)
    missing = {}
    for language, facts in FACTS.items():
        sections = builder.build(body=body, start=start, end=end, language=language)
        assert [s["title"] for s in sections] == TITLES[language], language
        text = "\n".join(s["text"] for s in sections)
        missing[language] = [fact for fact in facts if fact not in text]
    assert missing == {code: [] for code in FACTS}
    # The same sections go out as a document in each language, right to left in Arabic.
    draft = CouncilReport(body=body, start=start, end=end, languages=list(FACTS))
    arabic = services.render_report(draft, "ar", "html", builder.build(body=body, start=start, end=end, language="ar"))
    assert '<html lang="ar" dir="rtl">' in arabic.decode()
    assert '<th scope="col">الاجتماع</th><th scope="col" class="number">المشاركون</th>' in arabic.decode()


@pytest.mark.parametrize(
    ("numbers", "language", "role", "expected"),
    [
        ([1], "fr", "object", "la première réunion"),
        ([21, 22], "fr", "of", "des vingt et unième et vingt-deuxième réunions"),
        ([21, 22], "fr", "at", "aux vingt et unième et vingt-deuxième réunions"),
        ([21], "es", "at", "en la 21.ª reunión"),
        ([21, 22], "es", "of", "de las 21.ª y 22.ª reuniones"),
        ([21], "ru", "object", "21-е собрание"),
        ([21, 22], "ru", "of", "21-го и 22-го собраний"),
        ([23], "ru", "at", "на 23-м собрании"),
        ([21], "ar", "of", "للاجتماع 21"),
        ([21, 22], "ar", "object", "الاجتماعين 21 و22"),
        ([21, 22, 23], "ar", "at", "في الاجتماعات 21، 22 و23"),
        ([21], "zh-hans", "at", "在第二十一次会议上"),
        ([21, 22], "en", "of", "of the twenty-first and twenty-second meetings"),
    ],
)
def test_meeting_phrases_take_the_form_their_place_needs(
    numbers: list[int], language: str, role: str, expected: str
) -> None:
    from cwgcop.reports import wording

    assert wording.meeting_phrase(numbers, language, role) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh-hans", "2025年4月"),
        ("en", "April 2025"),
        ("fr", "avril 2025"),
        ("es", "abril de 2025"),
        ("ru", "апрель 2025\u202fг."),
        ("ar", "أبريل 2025"),
    ],
)
def test_month_of_a_milestone_in_each_language(language: str, expected: str) -> None:
    from cwgcop.reports import wording

    assert wording.month(datetime.date(2025, 4, 1), language) == expected
