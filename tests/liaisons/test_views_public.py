from __future__ import annotations

import datetime
import re
from typing import Any

import feedparser
import pytest
from django.test import Client

from cwgcop.liaisons import services
from cwgcop.liaisons.models import LiaisonStatement
from cwgcop.liaisons.templatetags.liaisons import meeting_liaisons
from tests.factories import MeetingFactory, published_document
from tests.liaisons.factories import Bodies, bodies, incoming, outgoing, sent

pytestmark = pytest.mark.django_db


def _titles(html: str, css_class: str = "liaison-title") -> list[str]:
    return re.findall(rf'class="{css_class}"[^>]*>([^<]+)<', html)


@pytest.fixture
def conversation() -> Bodies:
    """SG2 asks (2024), CWG-COP answers (2024); SG17 informs (2025); an outgoing draft is not public."""
    b = bodies()
    question = incoming(sender=b.sg2, addressee=b.cwg, title="Question from SG2", purpose="comment")
    sent(outgoing(sender=b.cwg, addressee=b.sg2, title="Answer to SG2", reply_to=question))
    incoming(
        sender=b.sg17,
        addressee=b.cwg,
        title="Progress in SG17",
        purpose="action",
        sent_on=datetime.date(2025, 1, 20),
        deadline=datetime.date(2025, 4, 1),
    )
    outgoing(sender=b.cwg, addressee=b.sg17, title="Unsent draft")
    return b


def test_register_lists_public_statements_newest_first(client: Client, conversation: Bodies) -> None:
    response = client.get("/en/liaisons/")
    assert response.status_code == 200
    assert _titles(response.content.decode()) == ["Progress in SG17", "Answer to SG2", "Question from SG2"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("direction=outgoing", ["Answer to SG2"]),
        ("direction=incoming", ["Progress in SG17", "Question from SG2"]),
        ("body=itu-d-sg2-q3", ["Answer to SG2", "Question from SG2"]),
        ("purpose=action", ["Progress in SG17"]),
        ("state=answered", ["Question from SG2"]),
        ("year=2024", ["Answer to SG2", "Question from SG2"]),
        ("body=cwg-cop&direction=incoming&year=2025", ["Progress in SG17"]),
    ],
)
def test_register_filters_have_stable_urls(
    client: Client, conversation: Bodies, query: str, expected: list[str]
) -> None:
    response = client.get(f"/en/liaisons/?{query}")
    assert _titles(response.content.decode()) == expected


def test_register_never_shows_drafts_even_when_asked(client: Client, conversation: Bodies) -> None:
    html = client.get("/en/liaisons/?state=draft").content.decode()
    assert "Select a valid choice. draft is not one of the available choices." in html
    assert "Unsent draft" not in html


def test_register_runs_the_same_queries_for_one_or_three_rows(client: Client, django_assert_num_queries: Any) -> None:
    b = bodies()
    incoming(sender=b.sg2, addressee=b.cwg, title="One")
    with django_assert_num_queries(5):
        assert client.get("/en/liaisons/").status_code == 200
    incoming(sender=b.sg17, addressee=b.cwg, title="Two")
    sent(outgoing(sender=b.cwg, addressee=b.sg2, title="Three"))
    with django_assert_num_queries(5):
        response = client.get("/en/liaisons/?sort=x")
    assert len(_titles(response.content.decode())) == 3


def test_statement_page_shows_the_public_thread_but_not_drafts(client: Client) -> None:
    b = bodies()
    meeting = MeetingFactory(body=b.cwg, number=21)
    attachment = published_document(meeting=meeting, symbol="CWG-COP-21/LS/1", kind="liaison-statement")
    question = incoming(sender=b.sg2, addressee=b.cwg, title="Question", attachments=[attachment])
    services.consider_statement(actor=None, statement=question, meeting=meeting)
    answer = sent(outgoing(sender=b.cwg, addressee=b.sg2, title="Answer", reply_to=question))
    outgoing(sender=b.cwg, addressee=b.sg2, title="Draft follow-up", reply_to=answer)
    html = client.get(f"/en/liaisons/{question.pk}/").content.decode()
    assert "<h1>Question</h1>" in html
    assert _titles(html) == ["Question", "Answer"]
    assert "Draft follow-up" not in html
    assert 'href="/en/documents/CWG-COP-21/LS/1/"' in html
    assert 'href="/en/meetings/' in html
    assert '<dd><span class="liaison-state">Answered</span></dd>' in html


def test_draft_statement_page_does_not_exist_for_the_public(client: Client) -> None:
    b = bodies()
    draft = outgoing(sender=b.cwg, addressee=b.sg2)
    assert client.get(f"/en/liaisons/{draft.pk}/").status_code == 404
    assert client.get("/en/liaisons/99999/").status_code == 404


def test_body_page_lists_liaisons_both_ways(client: Client, conversation: Bodies) -> None:
    html = client.get("/en/bodies/itu-d-sg2-q3/").content.decode()
    sent_part, received_part = html.split("Received by ITU-D SG2 Q3/2")
    assert _titles(sent_part.split("Sent by ITU-D SG2 Q3/2")[1]) == ["Question from SG2"]
    assert _titles(received_part) == ["Answer to SG2"]
    assert 'href="/en/liaisons/?body=itu-d-sg2-q3"' in html


@pytest.mark.parametrize("rows", [1, 3])
def test_body_and_meeting_sections_run_the_same_queries_for_one_or_three_rows(
    client: Client, django_assert_num_queries: Any, rows: int
) -> None:
    b = bodies()
    meeting = MeetingFactory(body=b.cwg, number=21)
    deliverable = services.create_deliverable(actor=None, owner=b.cwg, titles={"en": "Gap analysis report"})
    for number in range(rows):
        statement = incoming(sender=b.sg2, addressee=b.cwg, title=f"In {number}")
        services.consider_statement(actor=None, statement=statement, meeting=meeting)
        sent(outgoing(sender=b.cwg, addressee=b.sg2, title=f"Out {number}"))
        services.add_milestone(
            actor=None, deliverable=deliverable, titles={"en": f"Step {number}"}, body=b.cwg, meeting=meeting
        )
    # body; meetings; documents (none here); statements sent, with their from and to bodies; received, the
    # same; milestones expected of the body; its participation history
    with django_assert_num_queries(11):
        html = client.get("/en/bodies/cwg-cop/").content.decode()
    assert len(_titles(html)) == 2 * rows
    # statements considered, with their from and to bodies; milestones expected at the meeting
    with django_assert_num_queries(4):
        section = meeting_liaisons(meeting)
    assert (len(section["statements"]), len(section["milestones"])) == (rows, rows)


def test_meeting_page_lists_considered_statements_and_expected_deliverables(client: Client) -> None:
    b = bodies()
    meeting = MeetingFactory(body=b.cwg, number=21)
    statement = incoming(sender=b.sg2, addressee=b.cwg, title="Considered here")
    services.consider_statement(actor=None, statement=statement, meeting=meeting)
    deliverable = services.create_deliverable(actor=None, owner=b.cwg, titles={"en": "Gap analysis report"})
    services.add_milestone(actor=None, deliverable=deliverable, titles={"en": "Discussed"}, body=b.cwg, meeting=meeting)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert _titles(html) == ["Considered here"]
    assert "Deliverables expected at this meeting" in html
    assert '<a href="/en/workplan/gap-analysis-report/">Gap analysis report</a> (CWG-COP): Discussed' in html


def test_workplan_shows_each_route_in_a_fixed_number_of_queries(client: Client, django_assert_num_queries: Any) -> None:
    b = bodies()
    first = services.create_deliverable(actor=None, owner=b.cwg, titles={"en": "Report one"})
    services.add_milestone(actor=None, deliverable=first, titles={"en": "Draft"}, body=b.cwg, status="in-progress")
    with django_assert_num_queries(2):
        client.get("/en/workplan/")
    for title in ("Report two", "Report three"):
        other = services.create_deliverable(actor=None, owner=b.cwg, titles={"en": title})
        services.add_milestone(actor=None, deliverable=other, titles={"en": "To SG17"}, body=b.sg17)
    with django_assert_num_queries(2):
        html = client.get("/en/workplan/?x=1").content.decode()
    assert html.count('class="milestone-title"') == 3
    assert "Report three" in html


def test_deliverable_page_shows_its_route(client: Client) -> None:
    b = bodies()
    deliverable = services.create_deliverable(actor=None, owner=b.cwg, titles={"en": "Gap analysis report"})
    report = published_document(body=b.cwg, symbol="CWG-COP-22/ADM/1")
    services.add_milestone(
        actor=None,
        deliverable=deliverable,
        titles={"en": "Progress reported"},
        body=b.cwg,
        status="achieved",
        document=report,
        achieved_on=datetime.date(2025, 2, 13),
    )
    services.add_milestone(
        actor=None, deliverable=deliverable, titles={"en": "SG17"}, body=b.sg17, due_date=datetime.date(2025, 4, 1)
    )
    html = client.get("/en/workplan/gap-analysis-report/").content.decode()
    assert _titles(html, "milestone-title") == ["Progress reported", "SG17"]
    assert 'fulfilled by <a href="/en/documents/CWG-COP-22/ADM/1/">CWG-COP-22/ADM/1</a>' in html
    assert '<time datetime="2025-04">April 2025</time>' in html
    assert "<dt>Next step</dt><dd>SG17 (ITU-T SG17)</dd>" in html
    assert client.get("/en/workplan/nothing-here/").status_code == 404


def test_atom_feed_lists_public_statements(client: Client, conversation: Bodies) -> None:
    response = client.get("/feeds/liaisons.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["Progress in SG17", "Answer to SG2", "Question from SG2"]
    assert feed.entries[1].summary == "Outgoing · From CWG-COP to ITU-D SG2 Q3/2 · For comment · Sent"


def test_register_is_cached_for_readers_and_refreshed_by_a_change(
    client: Client, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.PAGE_CACHE_SECONDS = 300
    b = bodies()
    first = incoming(sender=b.sg2, addressee=b.cwg, title="First", sent_on=datetime.date(2024, 9, 1))
    assert _titles(client.get("/en/liaisons/").content.decode()) == ["First"]
    LiaisonStatement.objects.filter(pk=first.pk).update(title="Sneaky", title_en="Sneaky")
    assert _titles(client.get("/en/liaisons/").content.decode()) == ["First"]
    with django_capture_on_commit_callbacks(execute=True):
        incoming(sender=b.sg17, addressee=b.cwg, title="Second", sent_on=datetime.date(2024, 10, 1))
    assert _titles(client.get("/en/liaisons/").content.decode()) == ["Second", "Sneaky"]


def test_register_in_chinese(client: Client, conversation: Bodies) -> None:
    html = client.get("/zh-hans/liaisons/?direction=outgoing").content.decode()
    assert "<h1>联络声明</h1>" in html
    assert "1 份联络声明" in html


@pytest.mark.parametrize("rows", [1, 3])
def test_atom_feed_runs_a_fixed_number_of_queries(client: Client, django_assert_num_queries: Any, rows: int) -> None:
    b = bodies()
    for number in range(1, rows + 1):
        incoming(sender=b.sg17, addressee=b.cwg, title=f"Notice {number}")
    with django_assert_num_queries(3):  # the same for 1 or 3 statements
        response = client.get("/feeds/liaisons.atom")
    assert [entry.title for entry in feedparser.parse(response.content).entries] == [
        f"Notice {n}" for n in range(rows, 0, -1)
    ]
