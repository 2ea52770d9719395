"""The past as it was: symbols as written, the name a body bore then, action items carried by past meetings."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from django.test import Client
from django.urls import reverse

from cwgcop.bodies.models import Body
from cwgcop.bodies.services import record_former_name
from cwgcop.core.errors import DomainError
from cwgcop.documents import services
from cwgcop.documents.symbols import is_valid_symbol
from cwgcop.meetings.enums import MeetingStatus
from cwgcop.meetings.models import CarriedAction, Meeting
from cwgcop.meetings.services.meeting import create_meeting, update_meeting
from tests.factories import BodyFactory, MeetingFactory, pdf_bytes, secretariat
from tests.history.fixture import make_body
from tests.meetings.factories import action_item, outcome

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("symbol", "valid"),
    [
        ("WG-DL/16 Rev.1", True),
        ("C10/CWG-CP/3 (Add.1)", True),
        ("wg-dl/4", True),
        ("WG-DL/16  Rev.1", False),
        (" WG-DL/16", False),
        ("WG-DL/16 ", False),
        ("WG-DL?16", False),
        ("ФГ-ДЛ/1", False),
        ("A" * 81, False),
    ],
)
def test_the_symbol_rule(symbol: str, valid: bool) -> None:
    assert is_valid_symbol(symbol) is valid


def _old_style_document() -> services.Document:
    body = make_body()
    document = services.create_document(
        actor=None, body=body, kind="contribution", symbol="WG-dl/16 Rev.1", titles={"en": "Figures of 2012"}
    )
    content = pdf_bytes("Figures of 2012")
    services.add_file(
        actor=None, document=document, language="en", name="figures.pdf", size=len(content), stream=io.BytesIO(content)
    )
    services.publish_document(
        actor=None, document=document, published_at=datetime.datetime(2012, 5, 4, 10, tzinfo=datetime.UTC)
    )
    return document


def test_an_old_style_symbol_is_stored_as_written_and_answers_everywhere(client: Client) -> None:
    document = _old_style_document()
    assert document.symbol == "WG-dl/16 Rev.1"
    url = document.get_absolute_url()
    assert url == "/en/documents/WG-dl/16%20Rev.1/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Figures of 2012" in page.content.decode()
    assert '<time datetime="2012-05-04T12:00:00+02:00">4 May 2012</time>' in page.content.decode()
    download = client.get(reverse("download", kwargs={"symbol": document.symbol, "revision": 0, "language": "en"}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"  # type: ignore[attr-defined]
    api = client.get("/api/v1/documents/WG-dl/16%20Rev.1")
    assert (api.status_code, api.json()["symbol"], api.json()["published_at"]) == (
        200,
        "WG-dl/16 Rev.1",
        "2012-05-04T10:00:00Z",
    )


def test_a_symbol_differing_only_in_case_is_taken() -> None:
    _old_style_document()
    with pytest.raises(DomainError) as caught:
        services.create_document(
            actor=None, body=make_body(), kind="contribution", symbol="WG-DL/16 REV.1", titles={"en": "Again"}
        )
    assert caught.value.messages == ["A document with the symbol WG-dl/16 Rev.1 already exists."]


def test_a_publication_date_in_the_future_is_refused() -> None:
    body = make_body()
    document = services.create_document(actor=None, body=body, kind="report", symbol="WG-DL/9", titles={"en": "A"})
    content = pdf_bytes("A")
    services.add_file(
        actor=None, document=document, language="en", name="a.pdf", size=len(content), stream=io.BytesIO(content)
    )
    with pytest.raises(DomainError) as caught:
        services.publish_document(
            actor=None, document=document, published_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
        )
    assert caught.value.messages == ["A publication date cannot be in the future."]


def _former_name(
    body: Body, acronym: str, names: dict[str, str], valid_from: datetime.date, valid_until: datetime.date
) -> None:
    """Record, with no signed-in actor, that ``body`` was called ``acronym`` from ``valid_from`` to ``valid_until``."""
    record_former_name(
        actor=None, body=body, acronym=acronym, names=names, valid_from=valid_from, valid_until=valid_until
    )


def test_meeting_and_document_pages_show_the_name_in_force_then(client: Client) -> None:
    body = make_body()
    names = {"en": "Working Group on Digital Literacy"}
    _former_name(body, "WG-DL", names, datetime.date(2009, 6, 1), datetime.date(2014, 10, 31))
    old = MeetingFactory(
        body=body, number=3, start_date=datetime.date(2012, 3, 13), end_date=datetime.date(2012, 3, 13)
    )
    new = MeetingFactory(body=body, number=7, start_date=datetime.date(2016, 3, 1), end_date=datetime.date(2016, 3, 1))

    def body_line(url: str) -> str:
        html = client.get(url).content.decode()
        found = re.search(r"<dt>Body</dt><dd>(.*?)</dd>", html)
        assert found is not None
        return re.sub(r"<[^>]+>", "", found.group(1))

    assert body_line(old.get_absolute_url()) == "Working Group on Digital Literacy (WG-DL; now CWG-DL)"
    assert body_line(new.get_absolute_url()) == "Council Working Group on Digital Literacy"
    assert (
        body_line(_old_style_document().get_absolute_url()) == "Working Group on Digital Literacy (WG-DL; now CWG-DL)"
    )


def test_former_names_may_not_overlap() -> None:
    body = BodyFactory(acronym="CWG-X")
    names = {"en": "Group X"}
    _former_name(body, "WG-X", names, datetime.date(2001, 1, 1), datetime.date(2005, 12, 31))
    with pytest.raises(DomainError) as caught:
        _former_name(body, "G-X", names, datetime.date(2005, 1, 1), datetime.date(2006, 12, 31))
    assert caught.value.messages == ["CWG-X already had another name during that period."]


def _entered_as_held(body: Body, number: int, start: datetime.date, end: datetime.date) -> Meeting:
    """Meeting ``number`` of ``body`` created through the service as already held (as the past is entered)."""
    return create_meeting(
        actor=None, body=body, number=number, start_date=start, end_date=end, status=MeetingStatus.HELD
    )


def test_a_past_meeting_entered_as_held_carries_the_open_items_forward() -> None:
    body = BodyFactory(acronym="CWG-Y")
    first = _entered_as_held(body, 1, datetime.date(2011, 2, 1), datetime.date(2011, 2, 2))
    item = action_item(outcome(first))
    second = _entered_as_held(body, 2, datetime.date(2012, 2, 1), datetime.date(2012, 2, 2))
    assert list(CarriedAction.objects.filter(meeting=second).values_list("action_item", flat=True)) == [item.pk]
    third = create_meeting(
        actor=None, body=body, number=3, start_date=datetime.date(2013, 2, 1), end_date=datetime.date(2013, 2, 2)
    )
    assert CarriedAction.objects.filter(meeting=third).count() == 0
    update_meeting(actor=None, meeting=third, status=MeetingStatus.HELD)
    assert list(CarriedAction.objects.filter(meeting=third).values_list("action_item", flat=True)) == [item.pk]


def test_the_secretariat_publishes_a_document_of_the_past_on_its_day(client: Client) -> None:
    body = make_body()
    client.force_login(secretariat(body, "sec-dl"))
    document = services.create_document(actor=None, body=body, kind="report", symbol="WG-DL/7", titles={"en": "A"})
    content = pdf_bytes("A")
    services.add_file(
        actor=None, document=document, language="en", name="a.pdf", size=len(content), stream=io.BytesIO(content)
    )
    manage = f"/en/staff/documents/{document.symbol}/"
    future = client.post(f"{manage}publish/", {"published_on": "2999-01-01", "confirm": "on"}, follow=True)
    assert "A publication date cannot be in the future." in future.content.decode()
    assert client.post(f"{manage}publish/", {"published_on": "2012-03-01", "confirm": "on"}).status_code == 302
    document.refresh_from_db()
    assert document.published_at == datetime.datetime(2012, 3, 1, 11, 0, tzinfo=datetime.UTC)
