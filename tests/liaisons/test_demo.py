from __future__ import annotations

import pytest
from django.test import Client

from cwgcop.demo.loader import load_demo
from cwgcop.liaisons import queries
from cwgcop.liaisons.models import Deliverable, LiaisonStatement

pytestmark = pytest.mark.django_db


def test_demo_holds_the_seeds_liaisons_and_the_gap_analysis_route(client: Client) -> None:
    load_demo()
    load_demo()
    statements = {s.title_en: s for s in LiaisonStatement.objects.all()}
    assert len(statements) == 3
    from_sg2 = statements["Liaison statement from ITU-D Study Group 2 Question 3/2 on child online protection"]
    to_sg2 = statements["Liaison statement to ITU-D Study Group 2 Question 3/2: outcomes of the twenty-first meeting"]
    assert (from_sg2.direction, from_sg2.state, str(from_sg2.meeting)) == ("incoming", "answered", "CWG-COP-21")
    assert (to_sg2.direction, to_sg2.state, to_sg2.reply_to) == ("outgoing", "sent", from_sg2)
    assert [d.symbol for d in to_sg2.attachments.order_by("symbol")] == ["CWG-COP-21/ADM/2", "CWG-COP-21/LS/3"]
    assert sorted(s.state for s in statements.values()) == ["answered", "noted", "sent"]
    deliverable = queries.deliverable("gap-analysis-report")
    assert deliverable is not None
    assert Deliverable.objects.count() == 1
    assert [(m.body.acronym, m.meeting and m.meeting.number, m.status) for m in deliverable.route()] == [
        ("CWG-COP", 22, "achieved"),
        ("CG-COP", None, "in-progress"),
        ("ITU-T SG17", None, "planned"),
        ("CWG-COP", 23, "planned"),
    ]
    assert deliverable.route()[0].document is not None
    assert deliverable.route()[0].document.symbol == "CWG-COP-22/ADM/1"
    html = client.get("/zh-hans/meetings/cwg-cop/23/").content.decode()
    assert "差距分析报告" in html
    response = client.post("/en/account/login/", {"login": "chair", "password": "cwgcop-demo"})
    assert response.status_code == 302
