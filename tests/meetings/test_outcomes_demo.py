"""The demo data holds the seed report's outcomes, themes and the round-table action item."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from cwgcop.demo.loader import load_demo
from cwgcop.meetings.models import ActionItem, Meeting, Outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> None:
    load_demo()


def _kinds(number: int) -> list[str]:
    return list(Outcome.objects.filter(meeting__number=number).order_by("position").values_list("kind", flat=True))


@pytest.mark.usefixtures("demo")
def test_the_seeds_outcomes_are_loaded_in_order_in_english_and_chinese() -> None:
    assert _kinds(21) == ["welcomed", "requested", "agreed", "agreed", "agreed"]
    assert _kinds(22) == ["welcomed", "approved", "requested", "reaffirmed", "noted"]
    approved = Outcome.objects.get(meeting__number=22, position=2)
    assert approved.text_zh_hans.startswith("会议批准了拟议的国际电联产业联通")
    assert sorted(approved.documents.values_list("symbol", flat=True)) == ["CWG-COP-22/1", "CWG-COP-22/INF/1"]
    noted = Outcome.objects.get(meeting__number=22, position=5)
    assert sorted(noted.bodies.values_list("acronym", flat=True)) == ["CG-COP", "ITU-T SG17"]
    assert all(o.text_en and o.text_zh_hans for o in Outcome.objects.all())


@pytest.mark.usefixtures("demo")
def test_the_round_table_item_is_raised_at_21_carried_to_22_and_closed_by_the_proposal() -> None:
    item = ActionItem.objects.get()
    assert (item.reference, item.outcome.position, item.owner_kind, item.status) == (
        "CWG-COP-21/A1",
        3,
        "secretariat",
        "done",
    )
    assert (item.evidence_document.symbol, item.closed_at_meeting.number) == ("CWG-COP-22/1", 22)  # type: ignore[union-attr]
    assert [c.meeting.number for c in item.carried_to.all()] == [22]


@pytest.mark.usefixtures("demo")
def test_meetings_hold_their_themes_and_totals() -> None:
    m21, m22 = Meeting.objects.get(number=21), Meeting.objects.get(number=22)
    assert (m21.participants_total, m22.participants_total) == (129, 191)
    assert m21.display_themes[0] == "Stronger multi-stakeholder cooperation"
    with translation.override("zh-hans"):
        assert m22.display_themes[0] == "对校园内滥用手机的关切"
    assert m21.agenda_status == "adopted"


@pytest.mark.usefixtures("demo")
def test_loading_the_demo_again_adds_nothing() -> None:
    assert load_demo().created == []
    assert (Outcome.objects.count(), ActionItem.objects.count()) == (10, 1)


@pytest.mark.usefixtures("demo")
def test_the_22nd_meeting_page_shows_its_outcomes_and_the_closed_item(client: Client) -> None:
    page = client.get("/zh-hans/meetings/cwg-cop/22/").content.decode()
    assert "会议批准了拟议的国际电联产业联通" in page
    assert "CWG-COP-21/A1" in page
    assert '<td class="number">191</td>' in page
