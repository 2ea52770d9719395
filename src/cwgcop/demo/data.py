"""The facts of the seed report (the group's report to the Council on its 21st and 22nd meetings)."""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
# The group's documents reach the archive about two weeks before their meeting, its chair's summary and
# outcomes a week after it; a revision a week after what it revises.
PUBLISHED_BEFORE_MEETING = datetime.timedelta(days=14)
PUBLISHED_AFTER_MEETING = datetime.timedelta(days=7)
AFTER_THE_MEETING = {"chairs-summary", "outcome"}
REVISED_AFTER = datetime.timedelta(days=7)


def noon_in_geneva(day: datetime.date) -> datetime.datetime:
    """When a demo document was published: noon in Geneva on ``day`` (the record gives days, not times)."""
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=GENEVA)


def publication_day(kind: str, start: datetime.date, end: datetime.date) -> datetime.date:
    """The day a document of ``kind`` for a meeting held from ``start`` to ``end`` reached the archive."""
    return end + PUBLISHED_AFTER_MEETING if kind in AFTER_THE_MEETING else start - PUBLISHED_BEFORE_MEETING


BODIES: list[dict[str, Any]] = [
    {
        "acronym": "COUNCIL",
        "slug": "council",
        "kind": "council",
        "symbol_prefix": "C",
        "names": {
            "en": "ITU Council",
            "zh-hans": "国际电联理事会",
            "fr": "Conseil de l'UIT",
            "es": "Consejo de la UIT",
            "ru": "Совет МСЭ",
            "ar": "مجلس الاتحاد",
        },
    },
    {
        "acronym": "CWG-COP",
        "slug": "cwg-cop",
        "kind": "cwg",
        "parent": "COUNCIL",
        "symbol_prefix": "CWG-COP",
        "names": {
            "en": "Council Working Group on Child Online Protection",
            "zh-hans": "理事会保护上网儿童工作组",
            "fr": "Groupe de travail du Conseil sur la protection en ligne des enfants",
            "es": "Grupo de Trabajo del Consejo sobre la Protección de la Infancia en Línea",
            "ru": "Рабочая группа Совета по защите ребенка в онлайновой среде",
            "ar": "فريق العمل التابع للمجلس المعني بحماية الأطفال على الإنترنت",
        },
        "descriptions": {
            "en": "Established by Council Resolution 1306 under Plenipotentiary Resolution 179 (Rev. Bucharest, "
            "2022). Open to all relevant stakeholders.",
            "zh-hans": "根据全权代表大会第179号决议（2022年，布加勒斯特，修订版），通过理事会第1306号决议设立。"
            "对所有相关利益攸关方开放。",
            "fr": "Créé par la Résolution 1306 du Conseil en application de la Résolution 179 (Rév. Bucarest, 2022) "
            "de la Conférence de plénipotentiaires. Ouvert à toutes les parties prenantes concernées.",
            "es": "Creado por la Resolución 1306 del Consejo en virtud de la Resolución 179 (Rev. Bucarest, 2022) de "
            "la Conferencia de Plenipotenciarios. Abierto a todas las partes interesadas pertinentes.",
            "ru": "Создана Резолюцией 1306 Совета в соответствии с Резолюцией 179 (Пересм. Бухарест, 2022 г.) "
            "Полномочной конференции. Открыта для всех соответствующих заинтересованных сторон.",
            "ar": "أُنشئ بموجب قرار المجلس 1306 في إطار القرار 179 لمؤتمر المندوبين المفوضين (المراجَع في بوخارست، "
            "2022). وهو مفتوح أمام جميع أصحاب المصلحة المعنيين.",
        },
    },
    {
        "acronym": "CWG-Internet",
        "slug": "cwg-internet",
        "kind": "cwg",
        "parent": "COUNCIL",
        "symbol_prefix": "CWG-INTERNET",
        "names": {
            "en": "Council Working Group on International Internet-related Public Policy Issues",
            "zh-hans": "理事会国际互联网相关公共政策问题工作组",
            "fr": "Groupe de travail du Conseil sur les questions de politiques publiques internationales "
            "relatives à l'Internet",
            "es": "Grupo de Trabajo del Consejo sobre cuestiones de política pública internacional relacionadas "
            "con Internet",
            "ru": "Рабочая группа Совета по международным вопросам государственной политики, касающимся Интернета",
            "ar": "فريق العمل التابع للمجلس المعني بقضايا السياسات العامة الدولية المتعلقة بالإنترنت",
        },
    },
    {
        "acronym": "ITU-D SG2",
        "slug": "itu-d-sg2",
        "kind": "study-group",
        "symbol_prefix": "SG2",
        "names": {
            "en": "ITU-D Study Group 2",
            "zh-hans": "ITU-D第2研究组",
            "fr": "Commission d'études 2 de l'UIT-D",
            "es": "Comisión de Estudio 2 del UIT-D",
            "ru": "2-я Исследовательская комиссия МСЭ-D",
            "ar": "لجنة الدراسات 2 لقطاع تنمية الاتصالات",
        },
    },
    {
        "acronym": "ITU-D SG2 Q3/2",
        "slug": "itu-d-sg2-q3",
        "kind": "question",
        "parent": "ITU-D SG2",
        "symbol_prefix": "SG2-Q3",
        "names": {
            "en": "ITU-D Study Group 2, Question 3/2",
            "zh-hans": "ITU-D第2研究组第3/2号课题",
            "fr": "Commission d'études 2 de l'UIT-D, Question 3/2",
            "es": "Comisión de Estudio 2 del UIT-D, Cuestión 3/2",
            "ru": "2-я Исследовательская комиссия МСЭ-D, Вопрос 3/2",
            "ar": "لجنة الدراسات 2 لقطاع تنمية الاتصالات، المسألة 3/2",
        },
    },
    {
        "acronym": "ITU-T SG17",
        "slug": "itu-t-sg17",
        "kind": "study-group",
        "symbol_prefix": "SG17",
        "names": {
            "en": "ITU-T Study Group 17 (Security)",
            "zh-hans": "ITU-T第17研究组（安全）",
            "fr": "Commission d'études 17 de l'UIT-T (Sécurité)",
            "es": "Comisión de Estudio 17 del UIT-T (Seguridad)",
            "ru": "17-я Исследовательская комиссия МСЭ-Т (Безопасность)",
            "ar": "لجنة الدراسات 17 لقطاع تقييس الاتصالات (الأمن)",
        },
    },
    {
        "acronym": "CG-COP",
        "slug": "cg-cop",
        "kind": "correspondence-group",
        "parent": "CWG-COP",
        "symbol_prefix": "CG-COP",
        "names": {
            "en": "Correspondence Group on Child Online Protection",
            "zh-hans": "保护上网儿童通信组",
            "fr": "Groupe par correspondance sur la protection en ligne des enfants",
            "es": "Grupo por Correspondencia sobre la Protección de la Infancia en Línea",
            "ru": "Группа по переписке по защите ребенка в онлайновой среде",
            "ar": "مجموعة المراسلة المعنية بحماية الأطفال على الإنترنت",
        },
    },
]

ORGANIZATIONS: list[dict[str, str]] = [
    {
        "name": "ITU Telecommunication Development Bureau (BDT)",
        "short_name": "BDT",
        "country": "CH",
        "stakeholder_kind": "un-igo",
    },
    {"name": "China", "short_name": "CHN", "country": "CN", "stakeholder_kind": "member-state"},
    {"name": "Saudi Arabia", "short_name": "KSA", "country": "SA", "stakeholder_kind": "member-state"},
    {"name": "Brazil", "short_name": "BRA", "country": "BR", "stakeholder_kind": "member-state"},
]

# Where the group meets, in every language.
ITU_HEADQUARTERS = {
    "en": "ITU headquarters, Geneva, Switzerland",
    "zh-hans": "瑞士日内瓦国际电联总部",
    "fr": "Siège de l'UIT, Genève, Suisse",
    "es": "Sede de la UIT, Ginebra, Suiza",
    "ru": "Штаб-квартира МСЭ, Женева, Швейцария",
    "ar": "مقر الاتحاد، جنيف، سويسرا",
}

MEETINGS: list[dict[str, Any]] = [
    {
        "body": "CWG-COP",
        "number": 21,
        "start_date": datetime.date(2024, 9, 30),
        "end_date": datetime.date(2024, 10, 1),
        "venues": ITU_HEADQUARTERS,
        "format": "hybrid",
        "status": "held",
        "participants_total": 129,
    },
    {
        "body": "CWG-COP",
        "number": 22,
        "start_date": datetime.date(2025, 2, 12),
        "end_date": datetime.date(2025, 2, 13),
        "venues": ITU_HEADQUARTERS,
        "format": "hybrid",
        "status": "held",
        "participants_total": 191,
    },
]

# The seed's facts end with a 23rd meeting planned for October 2025 (demo/liaisons.py keeps it as the seed
# says). The meeting after it is placed relative to the day the demo is loaded, so that on any day one meeting
# accepts contributions and registrations: about eight weeks ahead, on a Wednesday and Thursday in Geneva.
NEXT_MEETING_WEEKS_AHEAD = 8
NEXT_MEETING_CONTRIBUTIONS_CLOSE = datetime.timedelta(days=12)
NEXT_MEETING_REGISTRATION_CLOSES = datetime.timedelta(days=7)


def next_meeting(today: datetime.date) -> dict[str, Any]:
    """The 24th meeting, open for contributions, dated from ``today``."""
    ahead = today + datetime.timedelta(weeks=NEXT_MEETING_WEEKS_AHEAD)
    start = ahead + datetime.timedelta(days=(2 - ahead.weekday()) % 7)
    closes = datetime.datetime.combine(start, datetime.time(23, 59), tzinfo=GENEVA)
    return {
        "body": "CWG-COP",
        "number": 24,
        "start_date": start,
        "end_date": start + datetime.timedelta(days=1),
        "venues": MEETINGS[-1]["venues"],
        "format": "hybrid",
        "status": "open",
        "contribution_deadline": closes - NEXT_MEETING_CONTRIBUTIONS_CLOSE,
        "registration_deadline": closes - NEXT_MEETING_REGISTRATION_CLOSES,
    }


# Each document: its facts, and the paragraphs its generated files carry, per language.
DOCUMENTS: list[dict[str, Any]] = [
    {
        "symbol": "CWG-COP-21/ADM/1",
        "meeting": 21,
        "kind": "agenda",
        "sources": ["BDT"],
        "titles": {
            "en": "Draft agenda of the twenty-first meeting",
            "zh-hans": "第二十一次会议议程草案",
            "fr": "Projet d'ordre du jour de la vingt et unième réunion",
            "es": "Proyecto de orden del día de la vigesimoprimera reunión",
            "ru": "Проект повестки дня двадцать первого собрания",
            "ar": "مشروع جدول أعمال الاجتماع الحادي والعشرين",
        },
        "text": {
            "en": [
                "Opening of the meeting.",
                "Contributions and information documents received.",
                "Liaison statements from ITU-D Study Group 2 Question 3/2 and concerning ITU-T Study Group 17.",
                "Youth input to ITU's work on child online protection.",
            ],
            "zh-hans": [
                "会议开幕。",
                "收到的文稿和情况通报文件。",
                "来自ITU-D第2研究组第3/2号课题以及有关第17研究组的联络声明。",
                "青年人对国际电联保护上网儿童工作的输入意见。",
            ],
        },
        "formats": ["pdf"],
    },
    {
        "symbol": "CWG-COP-21/1",
        "meeting": 21,
        "kind": "contribution",
        "sources": ["BDT"],
        "titles": {
            "en": "Children's feedback on child helplines",
            "zh-hans": "儿童对求助热线的反馈意见",
            "fr": "Retour d'information des enfants sur les services d'assistance téléphonique pour les enfants",
            "es": "Opiniones de los niños sobre las líneas de ayuda a la infancia",
            "ru": "Отзывы детей о телефонах доверия для детей",
            "ar": "آراء الأطفال بشأن خطوط مساعدة الأطفال",
        },
        "text": {
            "en": [
                "This contribution summarises what children and young people said about child helplines in "
                "online consultations before the meeting.",
                "It proposes sharing the feedback with focal-point organisations and with the Global "
                "Cybersecurity Index (GCI) expert group.",
            ],
            "zh-hans": [
                "本文稿总结了儿童和青年人在会前在线磋商中对儿童求助热线的意见。",
                "建议将这些反馈意见分享给相关归口组织和全球网络安全指数（GCI）专家组。",
            ],
        },
        "formats": ["pdf"],
    },
    {
        "symbol": "CWG-COP-21/2",
        "meeting": 21,
        "kind": "contribution",
        "sources": ["China"],
        "titles": {
            "en": "Strengthening multi-stakeholder cooperation on child online protection",
            "zh-hans": "加强保护上网儿童方面的利益攸关多方合作",
            "fr": "Renforcer la coopération multipartite en matière de protection en ligne des enfants",
            "es": "Fortalecimiento de la cooperación entre múltiples partes interesadas en materia de protección de "
            "la infancia en línea",
            "ru": "Укрепление многостороннего сотрудничества в области защиты ребенка в онлайновой среде",
            "ar": "تعزيز التعاون بين أصحاب المصلحة المتعددين في مجال حماية الأطفال على الإنترنت",
        },
        "text": {
            "en": [
                "Stronger multi-stakeholder cooperation, more participation by children and better coordination "
                "with ITU study groups are proposed as the group's priorities."
            ],
            "zh-hans": [
                "建议将加强利益攸关多方合作、提升儿童参与度以及改善与国际电联研究组的协调作为工作组的优先事项。"
            ],
        },
        "formats": ["docx"],
    },
    {
        "symbol": "CWG-COP-21/INF/1",
        "meeting": 21,
        "kind": "information",
        "sources": ["BDT"],
        "titles": {
            "en": "Results of the COP global programme and the COP holistic initiative",
            "zh-hans": "COP全球计划和COP整体举措的成果",
            "fr": "Résultats du programme mondial COP et de l'initiative globale COP",
            "es": "Resultados del programa mundial de PIeL y de la iniciativa integral de PIeL",
            "ru": "Результаты глобальной программы ЗРОС и комплексной инициативы ЗРОС",
            "ar": "نتائج البرنامج العالمي لحماية الأطفال على الإنترنت والمبادرة الشاملة لحماية الأطفال على الإنترنت",
        },
        "text": {
            "en": ["An overview of the results of the child online protection global programme."],
            "zh-hans": ["保护上网儿童全球计划成果概述。"],
        },
        "formats": ["pdf"],
    },
    {
        "symbol": "CWG-COP-21/ADM/2",
        "meeting": 21,
        "kind": "chairs-summary",
        "sources": ["BDT"],
        "titles": {
            "en": "Chair's summary of the twenty-first meeting",
            "zh-hans": "第二十一次会议主席摘要报告",
            "fr": "Résumé du Président de la vingt et unième réunion",
            "es": "Resumen del Presidente de la vigesimoprimera reunión",
            "ru": "Резюме Председателя двадцать первого собрания",
            "ar": "ملخص الرئيس للاجتماع الحادي والعشرين",
        },
        "text": {
            "en": [
                "129 participants discussed the contributions and information documents received.",
                "A comprehensive record of all contributions and information documents is kept on the ITU COP "
                "website, accessible without a password.",
            ],
            "zh-hans": [
                "129名与会者讨论了收到的文稿和情况通报文件。",
                "在国际电联保护上网儿童网站上保留一份所有文稿和情况通报文件的全面记录，无需密码即可访问。",
            ],
        },
        "formats": ["pdf"],
    },
    {
        "symbol": "CWG-COP-22/1",
        "meeting": 22,
        "kind": "contribution",
        "sources": ["BDT"],
        "titles": {
            "en": "Proposal for an ICT industry round table",
            "zh-hans": "关于ICT行业圆桌会议的提案",
            "fr": "Proposition de table ronde du secteur des TIC",
            "es": "Propuesta de mesa redonda del sector de las TIC",
            "ru": "Предложение о проведении круглого стола отрасли ИКТ",
            "ar": "اقتراح بشأن مائدة مستديرة لقطاع تكنولوجيا المعلومات والاتصالات",
        },
        "text": {
            "en": [
                "As requested at the twenty-first meeting, the secretariat proposes an informal, BDT-led ICT "
                "industry round table to strengthen industry participation."
            ],
            "zh-hans": ["根据第二十一次会议的要求，秘书处提议举办由BDT主导的非正式ICT行业圆桌会议，以加强业界参与。"],
        },
        "formats": ["docx"],
    },
    {
        "symbol": "CWG-COP-22/INF/1",
        "meeting": 22,
        "kind": "concept-note",
        "sources": ["BDT"],
        "titles": {
            "en": "Concept note: ITU Industry Connect, a quarterly cross-sector discussion series on child "
            "online protection",
            "zh-hans": "概念说明：国际电联产业联通——有关保护上网儿童的季度性跨部门讨论系列活动",
            "fr": "Note conceptuelle : ITU Industry Connect, série trimestrielle de débats intersectoriels "
            "sur la protection en ligne des enfants",
            "es": "Nota conceptual: ITU Industry Connect, serie trimestral de debates intersectoriales sobre "
            "la protección de la infancia en línea",
            "ru": "Концептуальная записка: ITU Industry Connect – ежеквартальная серия межсекторальных "
            "обсуждений по вопросам защиты ребенка в онлайновой среде",
            "ar": "مذكرة مفاهيمية: ITU Industry Connect، سلسلة فصلية من المناقشات المشتركة بين القطاعات بشأن "
            "حماية الأطفال على الإنترنت",
        },
        "text": {
            "en": [
                "Industry Connect brings industry, governments and civil society together every quarter.",
                "Registration for its events is through the ITU COP website.",
            ],
            "zh-hans": ["产业联通每季度召集业界、政府和民间社会。", "活动注册通过国际电联COP网站进行。"],
        },
        "formats": ["pdf"],
        # Revised after the meeting, as the group asked (a second revision shows the history).
        "revision": "Updated from the 22nd meeting's feedback: references to Resolutions 179 and 67, child "
        "participation, accessibility through sign language, participation from all regions.",
    },
    {
        "symbol": "CWG-COP-22/ADM/1",
        "meeting": 22,
        "kind": "chairs-summary",
        "sources": ["BDT"],
        "titles": {
            "en": "Chair's summary of the twenty-second meeting",
            "zh-hans": "第二十二次会议主席摘要报告",
            "fr": "Résumé du Président de la vingt-deuxième réunion",
            "es": "Resumen del Presidente de la vigesimosegunda reunión",
            "ru": "Резюме Председателя двадцать второго собрания",
            "ar": "ملخص الرئيس للاجتماع الثاني والعشرين",
        },
        "text": {
            "en": [
                "191 participants discussed contributions and information documents, including the misuse of "
                "mobile phones in schools and age-verification toolkits."
            ],
            "zh-hans": ["191名与会者讨论了收到的文稿和情况通报文件，包括对校园内滥用手机的关切和年龄验证工具包。"],
        },
        "formats": ["pdf"],
    },
]

# What each meeting discussed (themes one per line) and a short summary, per language (seed §2.3, §2.5).
MEETING_RECORDS: dict[int, dict[str, dict[str, str]]] = {
    21: {
        "themes": {
            "en": "Stronger multi-stakeholder cooperation\nMore participation by children\nBetter coordination with ITU study groups",
            "zh-hans": "加强利益攸关多方合作\n提升儿童参与度\n改善与国际电联研究组的协调",
        },
        "summaries": {
            "en": "129 participants discussed the contributions and information documents received. A liaison statement "
            "from ITU-D Study Group 2 Question 3/2 and one concerning ITU-T Study Group 17 acknowledged the group's "
            "contributions and reported progress on closing technical-standards gaps for child online protection. "
            "The chair stressed industry participation, input from children and young people, and resource sharing "
            "among members.",
            "zh-hans": "由129名与会者组成的小组讨论了收到的文稿和情况通报文件。来自ITU-D第2研究组第3/2号课题的一份联络声明和"
            "有关第17研究组（SG17）的一份联络声明认可了CWG-COP的贡献，并着重介绍了在弥合技术标准差距以保护上网儿童方面"
            "取得的进展。主席强调了业界参与、儿童和青年人的输入意见以及成员之间资源共享的重要性。",
        },
    },
    22: {
        "themes": {
            "en": "Misuse of mobile phones in schools\nTechnical solutions to children's excessive internet use and screen "
            "time, such as end-to-end encryption and age-verification toolkits\nMulti-stakeholder participation\n"
            "Industry participation in the agenda",
            "zh-hans": "对校园内滥用手机的关切\n应对儿童过度使用互联网和屏幕时间过长的技术解决方案，如端到端加密和年龄验证工具包\n"
            "利益攸关多方参与\n会议议程中的业界参与",
        },
        "summaries": {
            "en": "191 participants discussed the contributions and information documents received, including concerns "
            "about the misuse of mobile phones in schools and technical solutions to children's excessive internet "
            "use and screen time. The meeting reaffirmed the importance of multi-stakeholder participation in child "
            "online protection and stressed the need for industry participation in its agenda and wider initiatives.",
            "zh-hans": "191名与会者讨论了收到的文稿和情况通报文件，重点议题包括对校园内滥用手机的关切，以及应对儿童过度使用互联网和"
            "屏幕时间过长的技术解决方案。会议重申了利益攸关多方参与在保护上网儿童工作中的重要性，并强调了会议议程和更广泛的"
            "举措中业界参与的必要性。",
        },
    },
}

# The agenda of the 21st meeting (from its draft agenda, CWG-COP-21/ADM/1), adopted at the opening.
AGENDAS: dict[int, list[dict[str, Any]]] = {
    21: [
        {"titles": {"en": "Opening of the meeting", "zh-hans": "会议开幕"}, "documents": ["CWG-COP-21/ADM/1"]},
        {
            "titles": {"en": "Contributions and information documents received", "zh-hans": "收到的文稿和情况通报文件"},
            "documents": ["CWG-COP-21/1", "CWG-COP-21/2", "CWG-COP-21/INF/1"],
        },
        {
            "titles": {
                "en": "Liaison statements from ITU-D Study Group 2 Question 3/2 and concerning ITU-T Study Group 17",
                "zh-hans": "来自ITU-D第2研究组第3/2号课题以及有关第17研究组的联络声明",
            },
            "documents": [],
        },
        {
            "titles": {
                "en": "Youth input to ITU's work on child online protection",
                "zh-hans": "青年人对国际电联保护上网儿童工作的输入意见",
            },
            "documents": ["CWG-COP-21/1"],
        },
    ],
}

# The main outcomes of each meeting, in the order of the seed report (§2.4 and §2.6).
OUTCOMES: dict[int, list[dict[str, Any]]] = {
    21: [
        {
            "kind": "welcomed",
            "texts": {
                "en": "Youth input to ITU's work on child online protection was welcomed, and the secretariat was "
                "commended for fostering children's participation.",
                "zh-hans": "主席欢迎青年人对国际电联保护上网儿童工作提出输入意见，并对秘书处促进儿童参与表示赞扬。",
            },
            "documents": ["CWG-COP-21/1"],
            "bodies": [],
        },
        {
            "kind": "requested",
            "texts": {
                "en": "The secretariat was requested to share children's feedback on child helplines with the relevant "
                "focal-point organisations and with the Global Cybersecurity Index (GCI) expert group, for inclusion in "
                "child online protection issues. Members were encouraged to consider children's input in their projects.",
                "zh-hans": "请秘书处将儿童对求助热线的反馈意见分享给相关归口组织和全球网络安全指数（GCI）专家组，以纳入保护上网儿童的"
                "问题中。鼓励成员在相关项目中考虑儿童的输入意见。",
            },
            "documents": ["CWG-COP-21/1"],
            "bodies": [],
        },
        {
            "kind": "agreed",
            "texts": {
                "en": "The ICT industry dialogue will move to a more informal format led by the Telecommunication "
                "Development Bureau (BDT): an ICT industry round table, to strengthen participation. The secretariat "
                "is to submit a proposal at the next meeting.",
                "zh-hans": "会议同意，ICT行业对话将转向由电信发展局（BDT）主导的较为非正式的形式，通过ICT行业圆桌会议加强参与。"
                "秘书处将在下一次会议上提交提案。",
            },
            "documents": [],
            "bodies": [],
        },
        {
            "kind": "agreed",
            "texts": {
                "en": "A comprehensive record of all contributions and information documents shared by members is kept "
                "on the ITU child online protection (COP) website, accessible without a password.",
                "zh-hans": "会议进一步同意，在国际电联保护上网儿童（COP）网站上保留一份成员分享的所有文稿和情况通报文件的全面记录，"
                "无需密码即可访问。",
            },
            "documents": [],
            "bodies": [],
        },
        {
            "kind": "agreed",
            "texts": {
                "en": "The outcomes of this meeting and of the January 2025 CWG-COP meeting will be submitted to ITU-D "
                "Study Group 2 Question 3/2 for consideration.",
                "zh-hans": "会议同意，本次会议的成果及2025年1月CWG-COP会议的成果将提交ITU-D第2研究组第3/2号课题进行审议。",
            },
            "documents": [],
            "bodies": ["ITU-D SG2 Q3/2"],
        },
    ],
    22: [
        {
            "kind": "welcomed",
            "texts": {
                "en": "The secretariat's publication of all resources submitted to CWG-COP meetings on its dedicated "
                "website was welcomed.",
                "zh-hans": "会议对秘书处将CWG-COP会议期间提交的所有资源发布在其专门网站的举措表示欢迎。",
            },
            "documents": [],
            "bodies": [],
        },
        {
            "kind": "approved",
            "texts": {
                "en": "The proposed ITU Industry Connect, a quarterly cross-sector discussion series on child online "
                "protection, was approved, and BDT was commended for the initiative. The secretariat confirmed that "
                "registration for its events will be through the ITU COP website.",
                "zh-hans": "会议批准了拟议的国际电联产业联通：有关保护上网儿童的季度性跨部门讨论系列活动，并对国际电联BDT的该项举措"
                "表示赞扬。秘书处确认，活动注册将可通过国际电联COP网站进行。",
            },
            "documents": ["CWG-COP-22/1", "CWG-COP-22/INF/1"],
            "bodies": [],
        },
        {
            "kind": "requested",
            "texts": {
                "en": "The secretariat was requested to update the concept note from the feedback received: references "
                "to ITU Resolutions 179 and 67, child participation, accessibility through sign language, and "
                "participation from all regions.",
                "zh-hans": "请秘书处根据反馈更新概念说明，包括参考国际电联第179号和第67号决议、儿童参与、通过手语实现无障碍以及各区域"
                "的参与。要求的修改将相应予以落实。",
            },
            "documents": ["CWG-COP-22/INF/1"],
            "bodies": [],
        },
        {
            "kind": "reaffirmed",
            "texts": {
                "en": "The importance of multi-stakeholder participation in child online protection work was "
                "reaffirmed, and the need for industry participation in the meeting agenda and in wider COP "
                "initiatives was stressed.",
                "zh-hans": "会议重申了利益攸关多方参与对于保护上网儿童工作的重要性，并强调了会议议程和更广泛的COP举措中业界参与的"
                "必要性。",
            },
            "documents": [],
            "bodies": [],
        },
        {
            "kind": "noted",
            "texts": {
                "en": "The group expects to discuss, at its next meeting in October 2025, the gap analysis report "
                "prepared by the Correspondence Group on Child Online Protection (CG-COP). Its co-conveners confirmed "
                "that the report is still being updated; it will be discussed in ITU-T Study Group 17 in April 2025 and "
                "then submitted to the next CWG-COP meeting.",
                "zh-hans": "会议表达了在2025年10月的下一次会议中讨论由保护上网儿童通信组（CG-COP）准备的差距分析报告的期望。该组的"
                "共同召集人确认，该报告仍在更新中。该报告将于2025年4月在第17研究组内进行讨论，然后提交给下一次CWG-COP会议。",
            },
            "documents": [],
            "bodies": ["CG-COP", "ITU-T SG17"],
        },
    ],
}

# The round-table action item: raised at the 21st meeting (from its third outcome), carried to the 22nd and
# closed there by the secretariat's proposal (seed §2.4: "the secretariat submitted a proposal at the next meeting").
ACTION_ITEMS: list[dict[str, Any]] = [
    {
        "meeting": 21,
        "outcome": 3,
        "descriptions": {
            "en": "Submit a proposal for an informal, BDT-led ICT industry round table to the next meeting.",
            "zh-hans": "向下一次会议提交关于由BDT主导的非正式ICT行业圆桌会议的提案。",
        },
        "owner_kind": "secretariat",
        "carried_to": [22],
        "closed": {"status": "done", "evidence_document": "CWG-COP-22/1"},
    },
]
