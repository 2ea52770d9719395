"""The demo consultation: child helplines, linked to the 21st meeting of CWG-COP, in English and Chinese."""

from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.consultations import results, services
from cwgcop.consultations.models import Answer, Consultation, Response, SafeguardingCase
from cwgcop.demo import consultations as demo
from cwgcop.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_consultation_is_complete_answered_and_loaded_once(client: Client) -> None:
    load_demo()
    found = Consultation.objects.select_related("meeting__body").get(slug="child-helplines")
    assert (found.meeting.body.acronym, found.meeting.number) == ("CWG-COP", 21)  # type: ignore[union-attr]
    assert found.languages == ["en", "zh-hans"]
    assert services.missing_translations(found) == []
    assert Response.objects.filter(consultation=found).count() == 300
    assert SafeguardingCase.objects.filter(consultation=found).count() == 1
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
