"""Demo liaisons and deliverables from the seed report, loaded through the liaison services.

Kept apart from ``data.py`` and ``loader.py`` (which other features extend) so that each feature's demo
section merges on its own. Running it twice changes nothing.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.demo import files
from cwgcop.demo.data import noon_in_geneva
from cwgcop.documents import services as document_services
from cwgcop.documents.models import Document
from cwgcop.liaisons import services
from cwgcop.liaisons.models import Deliverable, LiaisonStatement
from cwgcop.meetings import services as meeting_services
from cwgcop.meetings.models import Meeting

CHAIR_USERNAME = "chair"
CHAIR_EMAIL = "chair@example.org"
CHAIR_PASSWORD = "cwgcop-demo"  # noqa: S105 - a published demo login for a local demo database

# The meeting the gap-analysis report is expected at. The seed says only "October 2025"; the days are a
# placeholder until the group fixes them.
NEXT_MEETING: dict[str, Any] = {
    "number": 23,
    "start_date": datetime.date(2025, 10, 1),
    "end_date": datetime.date(2025, 10, 2),
    "venues": {"en": "ITU headquarters, Geneva, Switzerland", "zh-hans": "瑞士日内瓦国际电联总部"},
    "format": "hybrid",
    "status": "planned",
}

DOCUMENTS: list[dict[str, Any]] = [
    {
        "symbol": "CWG-COP-21/LS/1",
        "published_on": datetime.date(2024, 9, 16),  # the day the statement was sent
        "titles": {
            "en": "Liaison statement from ITU-D Study Group 2 Question 3/2 on child online protection",
            "zh-hans": "ITU-D第2研究组第3/2号课题关于保护上网儿童的联络声明",
        },
        "text": {
            "en": [
                (
                    "ITU-D Study Group 2 Question 3/2 thanks CWG-COP for its contributions and reports the "
                    "progress of its work on child online protection."
                )
            ],
            "zh-hans": ["ITU-D第2研究组第3/2号课题感谢CWG-COP的贡献，并介绍其保护上网儿童工作的进展。"],
        },
    },
    {
        "symbol": "CWG-COP-21/LS/2",
        "published_on": datetime.date(2024, 9, 20),  # the day the statement was sent
        "titles": {
            "en": "Liaison statement concerning ITU-T Study Group 17: closing technical-standards gaps for child "
            "online protection",
            "zh-hans": "有关ITU-T第17研究组的联络声明：弥合保护上网儿童的技术标准差距",
        },
        "text": {
            "en": ["Progress in closing technical-standards gaps for child online protection in ITU-T Study Group 17."],
            "zh-hans": ["ITU-T第17研究组在弥合保护上网儿童技术标准差距方面取得的进展。"],
        },
    },
    {
        "symbol": "CWG-COP-21/LS/3",
        "published_on": datetime.date(2024, 10, 15),  # the day the statement was sent
        "titles": {
            "en": "Liaison statement to ITU-D Study Group 2 Question 3/2: outcomes of the twenty-first meeting",
            "zh-hans": "致ITU-D第2研究组第3/2号课题的联络声明：第二十一次会议成果",
        },
        "text": {
            "en": [
                (
                    "CWG-COP sends the outcomes of its twenty-first meeting to ITU-D Study Group 2 Question 3/2 "
                    "for consideration."
                )
            ],
            "zh-hans": ["CWG-COP将其第二十一次会议的成果提交ITU-D第2研究组第3/2号课题审议。"],
        },
    },
]

STATEMENTS: list[dict[str, Any]] = [
    {
        "key": "from-sg2",
        "direction": "incoming",
        "purpose": "information",
        "from": ["ITU-D SG2 Q3/2"],
        "to": ["CWG-COP"],
        "sent_on": datetime.date(2024, 9, 16),
        "attachments": ["CWG-COP-21/LS/1"],
        "considered_at": 21,
        "titles": DOCUMENTS[0]["titles"],
        "texts": {
            "en": "The liaison statement acknowledges CWG-COP's contributions and reports progress on closing "
            "technical-standards gaps for child online protection.",
            "zh-hans": "该联络声明认可了CWG-COP的贡献，并着重介绍了在弥合技术标准差距以保护上网儿童方面取得的进展。",
        },
    },
    {
        "key": "sg17",
        "direction": "incoming",
        "purpose": "information",
        "from": ["ITU-T SG17"],
        "to": ["CWG-COP"],
        "sent_on": datetime.date(2024, 9, 20),
        "attachments": ["CWG-COP-21/LS/2"],
        "considered_at": 21,
        "noted": True,
        "titles": DOCUMENTS[1]["titles"],
        "texts": {
            "en": "Reports progress on technical standards that close gaps in child online protection.",
            "zh-hans": "介绍在弥合保护上网儿童技术标准差距方面取得的进展。",
        },
    },
    {
        "key": "to-sg2",
        "direction": "outgoing",
        "purpose": "comment",
        "from": ["CWG-COP"],
        "to": ["ITU-D SG2 Q3/2"],
        "reply_to": "from-sg2",
        "meeting": 21,
        "sent_on": datetime.date(2024, 10, 15),
        "attachments": ["CWG-COP-21/LS/3", "CWG-COP-21/ADM/2"],
        "titles": DOCUMENTS[2]["titles"],
        "texts": {
            "en": "The twenty-first meeting agreed to send its outcomes to ITU-D Study Group 2 Question 3/2 for "
            "consideration.",
            "zh-hans": "第二十一次会议同意将其成果提交ITU-D第2研究组第3/2号课题审议。",
        },
    },
]

DELIVERABLE: dict[str, Any] = {
    "slug": "gap-analysis-report",
    "owner": "CG-COP",
    "titles": {"en": "Gap analysis report", "zh-hans": "差距分析报告"},
    "descriptions": {
        "en": "Prepared by the Correspondence Group on Child Online Protection. Still being updated at the "
        "twenty-second meeting, it goes to ITU-T Study Group 17 in April 2025 and then to the next CWG-COP "
        "meeting in October 2025.",
        "zh-hans": "由保护上网儿童通信组（CG-COP）编写。第二十二次会议时仍在更新中，将于2025年4月在第17研究组内进行"
        "讨论，然后提交2025年10月的下一次CWG-COP会议。",
    },
    "milestones": [
        {
            "titles": {
                "en": "Progress reported to CWG-COP: the report is still being updated",
                "zh-hans": "向CWG-COP通报进展：报告仍在更新中",
            },
            "body": "CWG-COP",
            "meeting": 22,
            "status": "achieved",
            "achieved_on": datetime.date(2025, 2, 13),
            "document": "CWG-COP-22/ADM/1",
        },
        {
            "titles": {"en": "Draft report prepared by CG-COP", "zh-hans": "CG-COP编写报告草案"},
            "body": "CG-COP",
            "status": "in-progress",
        },
        {
            "titles": {"en": "Discussed in ITU-T Study Group 17", "zh-hans": "在ITU-T第17研究组内讨论"},
            "body": "ITU-T SG17",
            "due_date": datetime.date(2025, 4, 1),
            "status": "planned",
        },
        {
            "titles": {"en": "Discussed at the next CWG-COP meeting", "zh-hans": "在下一次CWG-COP会议上讨论"},
            "body": "CWG-COP",
            "meeting": 23,
            "status": "planned",
        },
    ],
}


def _chair(cwg_cop: Body, created: list[str]) -> Any:
    user_model = get_user_model()
    user = user_model.objects.filter(username=CHAIR_USERNAME).first()
    if user is None:
        user = user_model.objects.create_user(username=CHAIR_USERNAME, email=CHAIR_EMAIL, password=CHAIR_PASSWORD)
        created.append(f"login {CHAIR_USERNAME}")
    # allauth refuses unverified addresses at login.
    EmailAddress.objects.update_or_create(user=user, email=CHAIR_EMAIL, defaults={"verified": True, "primary": True})
    Role.objects.get_or_create(user=user, body=cwg_cop, kind=RoleKind.CHAIR)
    return user


def _next_meeting(cwg_cop: Body, created: list[str]) -> Meeting:
    meeting = Meeting.objects.filter(body=cwg_cop, number=NEXT_MEETING["number"]).first()
    if meeting is None:
        meeting = meeting_services.create_meeting(actor=None, body=cwg_cop, **NEXT_MEETING)
        created.append(f"meeting {meeting}")
    return meeting


def _documents(cwg_cop: Body, meeting: Meeting, created: list[str]) -> None:
    for spec in DOCUMENTS:
        if Document.objects.filter(symbol=spec["symbol"]).exists():
            continue
        document = document_services.create_document(
            actor=None,
            body=cwg_cop,
            meeting=meeting,
            kind="liaison-statement",
            symbol=spec["symbol"],
            titles=spec["titles"],
        )
        for language, suffix in (("en", "e"), ("zh-hans", "c")):
            content = files.make_pdf(
                symbol=spec["symbol"],
                title=spec["titles"][language],
                paragraphs=spec["text"][language],
                language=language,
            )
            document_services.add_file(
                actor=None,
                document=document,
                language=language,
                name=f"{spec['symbol'].lower().replace('/', '-')}-{suffix}.pdf",
                size=len(content),
                stream=io.BytesIO(content),
            )
        document_services.publish_document(
            actor=None, document=document, published_at=noon_in_geneva(spec["published_on"])
        )
        created.append(f"document {document.symbol}")


def _statements(bodies: dict[str, Body], meetings: dict[int, Meeting], chair: Any, created: list[str]) -> None:
    made: dict[str, LiaisonStatement] = {}
    for spec in STATEMENTS:
        found = LiaisonStatement.objects.filter(title_en=spec["titles"]["en"]).first()
        if found is not None:
            made[spec["key"]] = found
            continue
        statement = services.create_statement(
            actor=None,
            direction=spec["direction"],
            purpose=spec["purpose"],
            titles=spec["titles"],
            texts=spec["texts"],
            from_bodies=[bodies[a] for a in spec["from"]],
            to_bodies=[bodies[a] for a in spec["to"]],
            attachments=list(Document.objects.filter(symbol__in=spec["attachments"])),
            sent_on=spec["sent_on"] if spec["direction"] == "incoming" else None,
            meeting=meetings[spec["meeting"]] if "meeting" in spec else None,
            reply_to_id=made[spec["reply_to"]].pk if "reply_to" in spec else None,
        )
        if "considered_at" in spec:
            services.consider_statement(actor=None, statement=statement, meeting=meetings[spec["considered_at"]])
        if spec.get("noted"):
            services.note_statement(actor=None, statement=statement)
        if spec["direction"] == "outgoing":
            services.approve_statement(actor=chair, statement=statement)
            services.send_statement(actor=None, statement=statement, sent_on=spec["sent_on"])
        made[spec["key"]] = statement
        created.append(f"liaison statement {statement.pk}")


def _deliverable(bodies: dict[str, Body], meetings: dict[int, Meeting], created: list[str]) -> None:
    if Deliverable.objects.filter(slug=DELIVERABLE["slug"]).exists():
        return
    deliverable = services.create_deliverable(
        actor=None,
        owner=bodies[DELIVERABLE["owner"]],
        titles=DELIVERABLE["titles"],
        descriptions=DELIVERABLE["descriptions"],
        slug=DELIVERABLE["slug"],
    )
    for spec in DELIVERABLE["milestones"]:
        services.add_milestone(
            actor=None,
            deliverable=deliverable,
            titles=spec["titles"],
            body=bodies[spec["body"]],
            meeting=meetings[spec["meeting"]] if "meeting" in spec else None,
            due_date=spec.get("due_date"),
            status=spec["status"],
            document=Document.objects.filter(symbol=spec["document"]).first() if "document" in spec else None,
            achieved_on=spec.get("achieved_on"),
        )
    created.append(f"deliverable {deliverable.slug}")


def load(created: list[str]) -> None:
    """Load the demo liaisons and the gap-analysis deliverable (after the bodies, meetings and documents)."""
    bodies = {b.acronym: b for b in Body.objects.all()}
    cwg_cop = bodies["CWG-COP"]
    chair = _chair(cwg_cop, created)
    _next_meeting(cwg_cop, created)
    meetings = {m.number: m for m in Meeting.objects.filter(body=cwg_cop)}
    _documents(cwg_cop, meetings[21], created)
    _statements(bodies, meetings, chair, created)
    _deliverable(bodies, meetings, created)
