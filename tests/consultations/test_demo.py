"""The demo consultation: child helplines, linked to the 21st meeting of CWG-COP, in English and Chinese."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from cwgcop.consultations import redaction, results, services
from cwgcop.consultations.models import Answer, Consultation, Response, SafeguardingCase
from cwgcop.demo import consultations as demo
from cwgcop.demo.loader import load_demo
from tests.consultations.factories import send_package

pytestmark = pytest.mark.django_db


def test_the_demo_consultation_is_complete_answered_and_loaded_once(client: Client) -> None:
    load_demo()
    found = Consultation.objects.select_related("meeting__body").get(slug="child-helplines")
    assert (found.meeting.body.acronym, found.meeting.number) == ("CWG-COP", 21)  # type: ignore[union-attr]
    assert found.languages == ["en", "zh-hans"]
    assert services.missing_translations(found) == []
    assert Response.objects.filter(consultation=found).count() == 300
    # One case by the rules and, since the tenth round, three by the learned detector:
    # "晚上也要有人接电话，我晚上最难受" (nights are the hardest for me: a lead's look is fair) and "Call me on +254 …"
    # (a number offered to strangers).
    assert SafeguardingCase.objects.filter(consultation=found).count() == 4
    approved = Answer.objects.filter(response__consultation=found, question__kind="text", moderation="approved")
    assert approved.count() >= 10
    assert Answer.objects.filter(response__consultation=found, moderation="pending").exclude(text="").exists()
    assert found.feedback_published_at is not None
    data = results.public_results(found)
    assert data["closed"] is True
    assert data["responses"] == 300
    assert any(count is None for q in data["questions"] for g in q["breakdowns"]["region"] for count in g["counts"])
    assert demo.load() == []
    assert Response.objects.filter(consultation=found).count() == 300
    for username in ("moderator", "safeguarding"):
        assert client.login(username=username, password="cwgcop-demo")
        assert client.get("/en/staff/consultations/")["Location"] == "/en/account/2fa/totp/activate/"
        client.logout()
    page = client.get("/zh-hans/consult/child-helplines/results/").content.decode()
    assert "儿童求助热线：你怎么看？" in page
    assert "你听说过儿童求助热线吗？" in page


def test_the_demo_publishes_nothing_personal(client: Client) -> None:
    """The demo's answers go through the same redaction as a child's: the e-mail address, the phone number and
    the WeChat ID some of them hold reach neither the database nor the results page, the API or a package."""
    load_demo()
    found = Consultation.objects.get(slug="child-helplines")
    texts = list(Answer.objects.filter(response__consultation=found).exclude(text="").values_list("text", flat=True))
    assert {redaction.find(text, country=None) == [] for text in texts} == {True}
    assert sorted(t for t in set(texts) if "[" in t) == [
        "Call me on [phone] if you want to know more.",
        "You can write to me at [e-mail] about this.",
        "我的微信号是[handle]，可以加我。",
    ]
    package, _link = send_package(found, recipient="Child helpline network", email="network@example.org")
    published = {
        "results (en)": client.get("/en/consult/child-helplines/results/").content.decode(),
        "results (zh-hans)": client.get("/zh-hans/consult/child-helplines/results/").content.decode(),
        "API": client.get("/api/v1/consultations/child-helplines/results").content.decode(),
        "package": json.dumps(package.content, ensure_ascii=False),
        "package link": client.get(f"/en/consult/package/{services.token_for(package)}/json/").content.decode(),
    }
    quotes = [q["text"] for q in results.public_results(found)["quotes"]]
    assert len(quotes) >= 5
    for place, body in published.items():
        for original in ("xiaoming_2012", "demo.child@example.com", "example.com", "722 000 111", "+254"):
            assert original not in body, f"{original!r} in the {place}"
    for quote in quotes:
        assert redaction.find(quote) == [], quote
        assert "[" not in quote
