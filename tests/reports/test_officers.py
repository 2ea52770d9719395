"""The report to the Council names the officers of each meeting in its period, in every rendition and language.
Data made up here (not the demo's): a tide-gauge network with one meeting in 2027 and one in 2030."""

from __future__ import annotations

import datetime
import io

import docx
import pytest
from pypdf import PdfReader

from cwgcop.meetings.services import Officer, set_meeting_officers
from cwgcop.reports import builder, services
from tests.factories import BodyFactory, OrganizationFactory, UserFactory, held_meeting

pytestmark = pytest.mark.django_db

PERIOD = {"start": datetime.date(2030, 1, 1), "end": datetime.date(2030, 12, 31)}


def _network() -> None:
    body = BodyFactory(acronym="TGN", name_en="Tide Gauge Network", symbol_prefix="TGN")
    earlier = held_meeting(body, 3, "2027-04-05")
    set_meeting_officers(actor=None, meeting=earlier, officers=[Officer(role="chair", name="Old Chair")])
    meeting = held_meeting(body, 5, "2030-06-02", "2030-06-03", venue="Apia", participants_total=21)
    institute = OrganizationFactory(name="Samoa Meteorology Division", country="WS")
    person = UserFactory(username="fetu", email="fetu@example.ws")
    set_meeting_officers(
        actor=None,
        meeting=meeting,
        officers=[
            Officer(role="chair", user=person, name="Fetu Lealaiauloto", organization=institute, country="WS"),
            Officer(role="vice-chair", name="Marie Dubois", country="FR"),
            Officer(role="vice-chair", name="Kenji Sato"),
        ],
    )


def _text(sections: list[dict[str, object]]) -> str:
    return "\n".join(f"{s['title']}\n{s['text']}" for s in sections)


def test_the_report_names_the_chair_and_vice_chairs_of_its_period_only() -> None:
    _network()
    english = _text(builder.build(body=BodyFactory(acronym="TGN"), language="en", **PERIOD))
    assert (
        "Fetu Lealaiauloto (Samoa Meteorology Division, Samoa) chaired the meeting, with Marie Dubois (France) "
        "and Kenji Sato as vice-chairs."
    ) in english
    assert "Old Chair" not in english
    french = _text(builder.build(body=BodyFactory(acronym="TGN"), language="fr", **PERIOD))
    assert (
        "Fetu Lealaiauloto (Samoa Meteorology Division, Samoa) a présidé la réunion, avec Marie Dubois (France) "
        "et Kenji Sato comme vice-présidents."
    ) in french


def test_a_chair_alone_and_vice_chairs_alone_are_named_in_the_readers_language() -> None:
    body = BodyFactory(acronym="TGX", name_en="Tide Gauge Experts", symbol_prefix="TGX")
    first = held_meeting(body, 1, "2030-02-01")
    second = held_meeting(body, 2, "2030-09-01")
    set_meeting_officers(actor=None, meeting=first, officers=[Officer(role="chair", name="Ana Lima", country="BR")])
    set_meeting_officers(actor=None, meeting=second, officers=[Officer(role="vice-chair", name="Omar Haddad")])
    text = _text(builder.build(body=body, language="en", **PERIOD))
    assert "Ana Lima (Brazil) chaired the meeting." in text
    assert "Omar Haddad was vice-chair of the meeting." in text
    spanish = _text(builder.build(body=body, language="es", **PERIOD))
    assert "Ana Lima (Brasil) presidió la reunión." in spanish


def test_every_rendition_names_the_officers() -> None:
    _network()
    report = services.create_draft(
        actor=None, body=BodyFactory(acronym="TGN"), languages=["en"], council_document="C30/12", **PERIOD
    )
    html = services.render_report(report, "en", "html").decode()
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(services.render_report(report, "en", "docx"))).paragraphs)
    pages = PdfReader(io.BytesIO(services.render_report(report, "en", "pdf"))).pages
    pdf = " ".join("".join(page.extract_text() for page in pages).split())
    for rendition in (html, word, pdf):
        assert "Fetu Lealaiauloto (Samoa Meteorology Division, Samoa) chaired the meeting" in rendition
        assert "Old Chair" not in rendition
