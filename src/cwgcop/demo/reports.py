"""The standing texts CWG-COP's reports to the Council cite (from the seed report, §§ cover and 1), versioned by
the dates they are in force, and what the seed report entered for its period (``PARTICULARS``)."""

from __future__ import annotations

import datetime

from cwgcop.bodies.models import Body
from cwgcop.reports import services
from cwgcop.reports.models import GoverningText

MANDATE: dict[str, dict[str, str]] = {
    "establishment": {
        "en": "The ITU Council Working Group on Child Online Protection (CWG-COP) was established by Council "
        "Resolution 1306 (rev. 2015) under Plenipotentiary Resolution 179 (Rev. Bucharest, 2022). CWG-COP is open "
        "to all relevant stakeholders.",
        "zh-hans": "国际电信联盟（国际电联）理事会保护上网儿童工作组（CWG-COP）是根据国际电联全权代表大会第179号决议"
        "（2022年，布加勒斯特，修订版），通过理事会第1306号决议（2015年，修订版）设立的。CWG-COP对所有相关利益攸关方开放。",
    },
    "terms_of_reference": {
        "en": "The terms of reference of CWG-COP are in Annex 1 of the outcome document of its first meeting.",
        "zh-hans": "CWG-COP的职责范围见第一次会议成果文件的附件1。",
    },
    "mandate_intro": {
        "en": "Resolution 179 (Rev. Bucharest, 2022) asks the Council to:",
        "zh-hans": "全权代表大会第179号决议（2022年，布加勒斯特，修订版）要求理事会：",
    },
    "mandate_items": {
        "en": "continue CWG-COP so that members can give input and guidance on ITU's role in child online protection, "
        "and as a platform to discuss and exchange best practice\n"
        "make it possible for all relevant stakeholders to take part in and contribute to CWG-COP\n"
        "encourage CWG-COP to liaise with the Council Working Group on international Internet-related public policy "
        "issues (CWG-Internet) where appropriate\n"
        "encourage CWG-COP to liaise with ITU-D Study Group 2 and share the outputs of CWG-COP meetings\n"
        "encourage CWG-COP to hold online consultations with young people before and during its meetings, to hear "
        "their views on child online protection\n"
        "continue to make output documents on child online protection publicly available without a password",
        "zh-hans": "继续开展CWG-COP的工作，以便成员就国际电联在保护上网儿童方面的作用提出输入意见和指导，并作为讨论和交流最佳做法的平台\n"
        "促进所有相关利益攸关方均能参与CWG-COP的工作并为之做出贡献\n"
        "鼓励CWG-COP与理事会国际互联网相关公共政策问题工作组（CWG-Internet）酌情联络\n"
        "鼓励CWG-COP与电信发展部门（ITU-D）第2研究组联络，分享CWG-COP会议的输出成果\n"
        "鼓励CWG-COP在其会议召开之前及会议期间与青年人开展在线磋商，以听取他们有关保护上网儿童各项事宜的意见和看法\n"
        "继续不设密码地公开提供有关保护上网儿童问题的输出文件",
    },
    "action_required": {"en": "The Council is invited to note this report.", "zh-hans": "请理事会将本报告记录在案。"},
    "strategic_plan": {
        "en": "Convening platform, digital applications, policy-framework development and knowledge products.",
        "zh-hans": "召集平台、数字应用、开发政策框架和知识产品。",
    },
    "financial_implications": {
        "en": "Within the budget allocated for 2024-2025.",
        "zh-hans": "在2024-2025年划拨预算范围内。",
    },
    "focus_areas": {
        "en": "Showing the results of the COP global programme and the COP holistic initiative\n"
        "Making sure children's voices are heard in child online protection work\n"
        "Bringing more ICT companies working in the field into the dialogue and knowledge sharing\n"
        "Promoting the work and efforts of ITU members and partners\n"
        "Sharing best practice and exploring cooperation",
        "zh-hans": "展示COP全球计划和COP整体举措的成果\n确保在保护上网儿童工作中听到儿童的声音\n"
        "鼓励更多在该领域工作的信息通信技术（ICT）企业参与进来，确保对话和知识共享\n促进国际电联成员和合作伙伴的工作和努力\n"
        "分享最佳做法并探索合作",
    },
}


ESTABLISHING = {
    "citation": {
        "en": "Council Resolution 1306 (2010)",
        "zh-hans": "理事会第1306号决议（2010年）",
    },
    "text": MANDATE["establishment"],
}
TERMS = {"text": MANDATE["terms_of_reference"]}
GOVERNING = {
    "citation": {
        "en": "Plenipotentiary Resolution 179 (Rev. Bucharest, 2022)",
        "zh-hans": "全权代表大会第179号决议（2022年，布加勒斯特，修订版）",
    },
    "text": MANDATE["mandate_intro"],
    "items": MANDATE["mandate_items"],
}
# The revision the Bucharest conference replaced, in force for the reports before 2023.
GOVERNING_DUBAI = {
    "citation": {
        "en": "Plenipotentiary Resolution 179 (Rev. Dubai, 2018)",
        "zh-hans": "全权代表大会第179号决议（2018年，迪拜，修订版）",
    },
    "text": {
        "en": "Resolution 179 (Rev. Dubai, 2018) asks the Council to:",
        "zh-hans": "全权代表大会第179号决议（2018年，迪拜，修订版）要求理事会：",
    },
    "items": {
        "en": "continue CWG-COP as a platform to discuss and exchange best practice\n"
        "make it possible for all relevant stakeholders to take part in CWG-COP",
        "zh-hans": "继续开展CWG-COP的工作，作为讨论和交流最佳做法的平台\n促进所有相关利益攸关方参与CWG-COP的工作",
    },
}
PARTICULARS = {
    "action_required": MANDATE["action_required"],
    "strategic_plan": MANDATE["strategic_plan"],
    "financial_implications": MANDATE["financial_implications"],
    "focus_areas": MANDATE["focus_areas"],
    "council_session": {
        "en": "Council 2025, Geneva, 17-27 June 2025",
        "zh-hans": "2025年理事会，日内瓦，2025年6月17-27日",
    },
}


def load(body: Body) -> list[str]:
    if GoverningText.objects.filter(body=body).exists():
        return []
    add = services.add_governing_text
    add(actor=None, body=body, kind="establishing", texts=ESTABLISHING, valid_from=datetime.date(2010, 10, 14))
    add(actor=None, body=body, kind="terms_of_reference", texts=TERMS, valid_from=datetime.date(2010, 10, 14))
    add(actor=None, body=body, kind="governing", texts=GOVERNING_DUBAI, valid_from=datetime.date(2019, 1, 1))
    add(actor=None, body=body, kind="governing", texts=GOVERNING, valid_from=datetime.date(2023, 1, 1))
    if not body.website:
        body.website = "https://www.itu.int/en/council/cwg-cop/"
        body.save(update_fields=["website"])
    return [f"governing texts of {body.acronym}"]
