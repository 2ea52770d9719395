"""The facts of the seed report (the group's report to the Council on its 21st and 22nd meetings)."""

from __future__ import annotations

import datetime
from typing import Any

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

MEETINGS: list[dict[str, Any]] = [
    {
        "body": "CWG-COP",
        "number": 21,
        "start_date": datetime.date(2024, 9, 30),
        "end_date": datetime.date(2024, 10, 1),
        "venues": {
            "en": "ITU headquarters, Geneva, Switzerland",
            "zh-hans": "瑞士日内瓦国际电联总部",
            "fr": "Siège de l'UIT, Genève, Suisse",
            "es": "Sede de la UIT, Ginebra, Suiza",
            "ru": "Штаб-квартира МСЭ, Женева, Швейцария",
            "ar": "مقر الاتحاد، جنيف، سويسرا",
        },
        "format": "hybrid",
        "status": "held",
        "participants_total": 129,
    },
    {
        "body": "CWG-COP",
        "number": 22,
        "start_date": datetime.date(2025, 2, 12),
        "end_date": datetime.date(2025, 2, 13),
        "venues": {
            "en": "ITU headquarters, Geneva, Switzerland",
            "zh-hans": "瑞士日内瓦国际电联总部",
            "fr": "Siège de l'UIT, Genève, Suisse",
            "es": "Sede de la UIT, Ginebra, Suiza",
            "ru": "Штаб-квартира МСЭ, Женева, Швейцария",
            "ar": "مقر الاتحاد، جنيف، سويسرا",
        },
        "format": "hybrid",
        "status": "held",
        "participants_total": 191,
    },
]

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
