"""Demo data for consultations: children's views on child helplines, asked before and during the 21st meeting.

The 21st meeting asked the secretariat to share children's feedback on child helplines with the focal-point
organisations and the GCI expert group; this consultation is that feedback. Everything goes through the
services (publish, submit, moderate, act, write back), with a fixed random seed so the answers are the same
on every machine. A moderator and a safeguarding lead log in with the demo password.
"""

from __future__ import annotations

import datetime
import random
import zoneinfo
from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings

from cwgcop.bodies.enums import RoleKind
from cwgcop.bodies.models import Body, Role
from cwgcop.consultations import services
from cwgcop.consultations.models import Consultation
from cwgcop.meetings.models import Meeting

SLUG = "child-helplines"
PASSWORD = "cwgcop-demo"  # noqa: S105 - the published demo password (see demo/loader.py)
LOGINS = {
    "moderator": ("moderator@example.org", RoleKind.MODERATOR),
    "safeguarding": ("safeguarding@example.org", RoleKind.SAFEGUARDING_LEAD),
}
ZONE = zoneinfo.ZoneInfo("Europe/Zurich")
RESPONSES = 300

TEXTS = {
    "title": {"en": "Child helplines: what do you think?", "zh-hans": "儿童求助热线：你怎么看？"},
    "introduction": {
        "en": "A child helpline is a free phone number or chat where you can talk to someone about anything that "
        "worries you. The working group on child online protection wants to know what you think of them, so that "
        "they can help more children. It takes about five minutes.",
        "zh-hans": "儿童求助热线是一个免费的电话号码或聊天服务，不管什么事让你担心，你都可以找人说一说。"
        "保护上网儿童工作组想知道你对求助热线的看法，好让它们帮助更多孩子。大约需要五分钟。",
    },
    "privacy_notice": {
        "en": "You don't need to tell us who you are. We only ask your age group and your country. A moderator "
        "reads every written answer before anyone else sees it. We delete all answers 180 days after the "
        "consultation closes. Only numbers for big groups are shown, so nobody can find you.",
        "zh-hans": "你不需要告诉我们你是谁。我们只问你的年龄组和国家。在别人看到之前，审核员会先读每一条文字回答。"
        "征集意见结束180天后，我们会删除所有回答。我们只显示人数多的组的数字，所以没有人能找到你。",
    },
}
FEEDBACK = {
    "en": "Thank you! More than 300 of you answered. Most of you had heard of a child helpline, and many of you "
    "said you would rather chat than call. At its 22nd meeting the working group asked ITU to share your views "
    "with the helplines and the experts who write the Global Cybersecurity Index, and to ask helplines to offer "
    "chat in more languages.",
    "zh-hans": "谢谢你们！有300多人回答了问题。你们中的大多数人听说过儿童求助热线，很多人说比起打电话更愿意在线聊天。"
    "在第22次会议上，工作组请国际电联把你们的意见分享给求助热线和编写全球网络安全指数的专家，"
    "并请求助热线用更多语言提供聊天服务。",
}
QUESTIONS: list[dict[str, Any]] = [
    {
        "kind": "single",
        "required": True,
        "text": {"en": "Have you ever heard of a child helpline?", "zh-hans": "你听说过儿童求助热线吗？"},
        "choices": [
            {"en": "Yes", "zh-hans": "听说过"},
            {"en": "No", "zh-hans": "没听说过"},
            {"en": "Not sure", "zh-hans": "不确定"},
        ],
    },
    {
        "kind": "multiple",
        "text": {"en": "How would you like to contact a helpline?", "zh-hans": "你想用什么方式联系求助热线？"},
        "choices": [
            {"en": "Phone call", "zh-hans": "打电话"},
            {"en": "Chat", "zh-hans": "在线聊天"},
            {"en": "Text message", "zh-hans": "发短信"},
            {"en": "E-mail", "zh-hans": "发电子邮件"},
            {"en": "Social media", "zh-hans": "社交媒体"},
        ],
    },
    {
        "kind": "scale",
        "text": {"en": "How much would you trust a helpline to help you?", "zh-hans": "你有多相信求助热线能帮助你？"},
    },
    {
        "kind": "single",
        "text": {
            "en": "If something online worried you, would you contact a helpline?",
            "zh-hans": "如果网上有什么事让你担心，你会联系求助热线吗？",
        },
        "choices": [
            {"en": "Yes", "zh-hans": "会"},
            {"en": "Maybe", "zh-hans": "也许会"},
            {"en": "No", "zh-hans": "不会"},
        ],
    },
    {
        "kind": "text",
        "text": {
            "en": "What would make child helplines better for young people like you?",
            "zh-hans": "怎样才能让儿童求助热线更适合像你这样的青少年？",
        },
    },
]
# Where the synthetic answers come from: (country, language, weight).
COUNTRIES = [
    ("KE", "en", 30),
    ("NG", "en", 20),
    ("ZA", "en", 15),
    ("CN", "zh-hans", 60),
    ("SG", "en", 10),
    ("IN", "en", 25),
    ("EG", "en", 15),
    ("BR", "en", 25),
    ("US", "en", 20),
    ("GB", "en", 25),
    ("CH", "en", 10),
    ("RU", "en", 5),
    ("FJ", "en", 5),
]
AGE_BANDS = [("9-12", 15), ("13-15", 40), ("16-17", 30), ("18-24", 15)]
GENDERS = [("girl", 45), ("boy", 40), ("other", 3), ("unsaid", 12)]
WORDS = {
    "en": [
        "Please let us chat instead of calling, it is less scary.",
        "Helplines should be open at night, that is when I feel worst.",
        "Tell us about helplines at school, I never knew about them.",
        "More languages please, my grandmother only speaks Swahili.",
        "Make sure nobody can see I contacted them on the family phone.",
        "It should be free on every phone network, also without credit.",
        "I would like to write to them on my games console.",
        "Adverts on social media so kids actually find them.",
        "My friend called and they were really kind, tell more people.",
        "You can write to me at demo.child@example.com about this.",
        "Call me on +254 722 000 111 if you want to know more.",
    ],
    "zh-hans": [
        "希望可以在线聊天，打电话有点害怕。",
        "晚上也要有人接电话，我晚上最难受。",
        "请在学校里介绍求助热线，我以前从来不知道。",
        "希望接电话的人能像朋友一样跟我们说话。",
        "不要让家长知道我联系过求助热线。",
        "我的微信号是@xiaoming_2012，可以加我。",
    ],
}
DISCLOSURE = "Someone I met in a game keeps asking me to send nude photos and I am scared to tell my parents."


def _weighted(rng: random.Random, options: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    return rng.choices(options, weights=[option[-1] for option in options])[0]


def _login(username: str, email: str, kind: RoleKind, body: Body) -> Any:
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(username=username, email=email, password=PASSWORD)
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    Role.objects.get_or_create(user=user, body=body, kind=kind)
    return user


def _write(body: Body, meeting: Meeting) -> Consultation:
    details = services.ConsultationDetails(
        slug=SLUG,
        body=body,
        meeting=meeting,
        languages=["en", "zh-hans"],
        age_bands=[band for band, _weight in AGE_BANDS],
        consent_required_bands=["9-12"],
        opens_at=datetime.datetime(2024, 8, 26, 9, 0, tzinfo=ZONE),
        closes_at=datetime.datetime(2024, 9, 27, 18, 0, tzinfo=ZONE),
        live_opens_at=datetime.datetime(2024, 9, 30, 9, 30, tzinfo=ZONE),
        live_closes_at=datetime.datetime(2024, 10, 1, 17, 30, tzinfo=ZONE),
        texts=TEXTS,
    )
    consultation = services.create_consultation(actor=None, details=details)
    for spec in QUESTIONS:
        services.add_question(
            actor=None,
            consultation=consultation,
            kind=spec["kind"],
            texts=spec["text"],
            choices=spec.get("choices"),
            required=spec.get("required", False),
        )
    return consultation


def _answers(consultation: Consultation, rng: random.Random, language: str, number: int) -> dict[int, Any]:
    questions = list(consultation.questions.prefetch_related("choices"))
    values: dict[int, Any] = {}
    heard, contact, trust, would, words = questions
    values[heard.pk] = str(heard.choices.all()[0 if rng.random() < 0.7 else rng.randint(1, 2)].pk)
    if rng.random() < 0.9:  # some skip the optional questions
        chosen = [c.pk for c in contact.choices.all() if rng.random() < (0.6 if c.order == 2 else 0.25)]
        values[contact.pk] = [str(pk) for pk in chosen] or [str(contact.choices.all()[1].pk)]
    if rng.random() < 0.85:
        values[trust.pk] = rng.choices([1, 2, 3, 4, 5], weights=[5, 10, 25, 35, 25])[0]
    if rng.random() < 0.8:
        values[would.pk] = str(would.choices.all()[rng.choices([0, 1, 2], weights=[50, 35, 15])[0]].pk)
    if number % 5 == 0:
        values[words.pk] = rng.choice(WORDS[language])
    return values


def _respond(consultation: Consultation, group_code: str) -> None:
    rng = random.Random(21)  # noqa: S311 - synthetic demo data, not security
    first = consultation.opens_at
    span = (consultation.closes_at - first).total_seconds()
    for number in range(1, RESPONSES + 1):
        country, language, _weight = _weighted(rng, COUNTRIES)
        band = _weighted(rng, AGE_BANDS)[0]
        moment = first + datetime.timedelta(seconds=rng.uniform(0, span))
        if number == RESPONSES // 2:
            # During the live window of the meeting: the one disclosure of the demo.
            moment = consultation.live_opens_at or moment
        submission = services.Submission(
            language=language,
            age_band=band,
            country=country,
            gender=_weighted(rng, GENDERS)[0],
            group_code=group_code if band == "9-12" else "",
            answers=_answers(consultation, rng, language, number),
        )
        if number == RESPONSES // 2:
            submission.answers[consultation.questions.get(kind="text").pk] = DISCLOSURE
            submission.language, submission.country = "en", "GB"
        services.submit_response(consultation=consultation, submission=submission, now=moment)


def _moderate(consultation: Consultation, moderator: Any) -> None:
    """Approve the first answers of each kind, reject two with a reason, leave the rest for the demo moderator."""
    from cwgcop.consultations import queries

    waiting = list(queries.moderation_queue(consultation))
    for number, answer in enumerate(waiting):
        if "[" in answer.text and number % 2 == 0:
            services.moderate(actor=moderator, answer=answer, approve=False, reason="personal-data")
        elif number < 30 and "[" not in answer.text:
            services.moderate(actor=moderator, answer=answer, approve=True, keep_highlighted=True)


def load() -> list[str]:
    """Create the consultation with its answers once; returns what was created (nothing the second time)."""
    if Consultation.objects.filter(slug=SLUG).exists():
        return []
    body = Body.objects.filter(acronym="CWG-COP").first()
    meeting = Meeting.objects.filter(body=body, number=21).first()
    if body is None or meeting is None:
        return []
    # The lead is e-mailed when the demo's disclosure arrives: that message goes nowhere.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
        users = {name: _login(name, email, kind, body) for name, (email, kind) in LOGINS.items()}
        consultation = _write(body, meeting)
        # The 9–12-year-olds answer in a class session whose school has their parents' consent.
        _group, code = services.create_group_code(
            actor=None,
            consultation=consultation,
            label="Geneva International School, class 6",
            facilitator="Class teacher (demo)",
            facilitator_contact="class6-teacher@example.org",
        )
        consultation = services.publish(actor=None, consultation=consultation)
        _respond(consultation, code)
        _moderate(consultation, users["moderator"])
        services.publish_feedback(actor=None, consultation=consultation, texts=FEEDBACK)
    return [f"consultation {SLUG} ({RESPONSES} answers)", "login moderator", "login safeguarding"]
