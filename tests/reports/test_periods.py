"""Reports right for any period: the governing texts in force, the period's own meetings, facts and figures, in
every rendition; the Council document number; bad input. Data made up here (not the demo's)."""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess

import docx
import pytest
from django.utils import timezone
from pypdf import PdfReader

from cwgcop.bodies.models import Body
from cwgcop.core.errors import DomainError
from cwgcop.meetings.models import ActionItem, Outcome
from cwgcop.reports import builder, services
from cwgcop.reports.models import CouncilReport, GoverningText
from tests.factories import BodyFactory, held_meeting, published_document

pytestmark = pytest.mark.django_db

EARLY = {"start": datetime.date(2021, 1, 1), "end": datetime.date(2021, 12, 31)}
LATE = {"start": datetime.date(2024, 1, 1), "end": datetime.date(2024, 12, 31)}


def _panel() -> Body:
    """The Ocean Data Panel: governed by Resolution 77 as revised at Lima (2018), then at Oslo (2022, in force
    from 2023); a meeting in 2021 and two in 2024."""
    body = BodyFactory(acronym="ODP", name="Ocean Data Panel", name_en="Ocean Data Panel", symbol_prefix="ODP")
    for kind, texts, valid_from in (
        (
            "establishing",
            {"citation": {"en": "Council Decision 640 (2017)", "ar": "مقرر المجلس 640 (2017)"}},
            datetime.date(2017, 6, 1),
        ),
        (
            "governing",
            {
                "citation": {"en": "Resolution 77 (Rev. Lima, 2018)"},
                "text": {"en": "Resolution 77 (Rev. Lima, 2018) asks the panel to:"},
                "items": {"en": "map the sea floor"},
            },
            datetime.date(2019, 1, 1),
        ),
        (
            "governing",
            {
                "citation": {"en": "Resolution 77 (Rev. Oslo, 2022)", "ar": "القرار 77 (المراجَع في أوسلو، 2022)"},
                "text": {"en": "Resolution 77 (Rev. Oslo, 2022) asks the panel to:"},
                "items": {"en": "share ocean data openly\nhear coastal communities"},
            },
            datetime.date(2023, 1, 1),
        ),
    ):
        services.add_governing_text(actor=None, body=body, kind=kind, texts=texts, valid_from=valid_from)
    held_meeting(body, 2, "2021-05-10", "2021-05-11", venue="Lima", format="virtual", participants_total=33)
    seventh = held_meeting(
        body,
        7,
        "2024-03-04",
        "2024-03-05",
        venue="Oslo",
        venue_ar="أوسلو",
        format="in-person",
        participants_total=None,
        participants_onsite=48,
        participants_remote=17,
        summary_en="The panel weighed a shared data licence.",
    )
    held_meeting(body, 8, "2024-10-01", venue="Oslo", venue_ar="أوسلو", format="hybrid", participants_total=1234)
    outcome = Outcome.objects.create(
        meeting=seventh, position=1, kind="agreed", text="Adopt the licence", text_en="Adopt the licence"
    )
    ActionItem.objects.create(
        outcome=outcome, meeting=seventh, number=1, description_en="Draft the licence", owner_kind="secretariat"
    )
    ActionItem.objects.create(
        outcome=outcome,
        meeting=seventh,
        number=2,
        description_en="Ask the coastal states",
        owner_kind="secretariat",
        status="done",
        closed_at=timezone.make_aware(datetime.datetime(2025, 2, 1)),
    )
    published_document(
        body=body, meeting=seventh, kind="contribution", symbol="ODP-7/3", titles={"en": "Licence draft"}
    )
    return body


def _text(sections: list[dict[str, object]]) -> str:
    return "\n".join(f"{s['title']}\n{s['text']}" for s in sections)


def test_each_period_cites_the_revision_in_force_and_only_its_own_meetings() -> None:
    body = _panel()
    early = _text(builder.build(body=body, language="en", **EARLY))
    late = _text(builder.build(body=body, language="en", **LATE))
    assert "It is submitted under Council Decision 640 (2017) and Resolution 77 (Rev. Lima, 2018)." in early
    assert "– map the sea floor" in early
    assert "Oslo" not in early
    assert "seventh" not in early
    assert "65" not in early
    assert "It is submitted under Council Decision 640 (2017) and Resolution 77 (Rev. Oslo, 2022)." in late
    assert "Lima" not in late
    assert "second meeting" not in late
    assert "33" not in late
    assert (
        "2.1 ODP held the seventh and eighth meetings on 4–5 March 2024 and 1 October 2024 at Oslo, "
        "in hybrid format and in person."
    ) in late
    assert (
        "2.2 At the seventh meeting, 65 participants discussed the contributions and information documents "
        "received. 48 took part on site and 17 remotely. The panel weighed a shared data licence. "
        "The meeting considered 1 contribution (ODP-7/3)."
    ) in late
    assert (
        "2.4 Action items raised at the seventh meeting, and their state on 31 December 2024:\n"
        "– ODP-7/A1 Draft the licence (The secretariat): open\n"
        "– ODP-7/A2 Ask the coastal states (The secretariat): open"  # closed only after the period's end
    ) in late
    assert "2.5 At the eighth meeting, 1,234 participants discussed" in late
    # The Lima revision closed the day before the Oslo one came into force.
    lima = GoverningText.objects.get(citation_en="Resolution 77 (Rev. Lima, 2018)")
    assert lima.valid_until == datetime.date(2022, 12, 31)


def test_a_second_body_has_its_own_texts_and_meetings() -> None:
    _panel()
    other = BodyFactory(acronym="RFG", name="Reef Group", name_en="Reef Group")
    held_meeting(other, 1, "2024-06-03", venue="Suva", format="hybrid", participants_total=12)
    text = _text(builder.build(body=other, language="en", **LATE))
    assert "held the first meeting on 3 June 2024 at Suva, in hybrid format." in text
    assert "Resolution 77" not in text
    assert "ODP" not in text
    assert "Oslo" not in text
    assert "It is submitted under" not in text  # the reef group has no governing text yet


def _words(data: bytes) -> str:
    return " ".join("".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).split())


def test_every_rendition_carries_the_period_and_not_the_other() -> None:
    body = _panel()
    report = services.create_draft(
        actor=None,
        body=body,
        languages=["en", "ar"],
        council_document="C25/77",
        particulars={"financial_implications": {"en": "Within the 2024-2025 budget."}},
        **LATE,
    )
    html = services.render_report(report, "en", "html").decode()
    word = "\n".join(p.text for p in docx.Document(io.BytesIO(services.render_report(report, "en", "docx"))).paragraphs)
    pdf = _words(services.render_report(report, "en", "pdf"))
    for rendition in (html, word, pdf):
        assert "Council document C25/77" in rendition
        assert "Resolution 77 (Rev. Oslo, 2022)" in rendition
        assert "Within the 2024-2025 budget." in rendition
        assert "48 took part on site and 17 remotely." in rendition
        assert "Lima" not in rendition
    # The period's chart lists the period's meetings only; the history chart is not asked for.
    assert '<th scope="row">7</th><td class="number">65</td>' in html
    assert '<th scope="row">8</th><td class="number">1,234</td>' in html
    assert '<th scope="row">2</th>' not in html
    assert "every meeting of the body" not in html


def test_arabic_pdf_keeps_logical_order_and_flags_missing_sections() -> None:
    body = _panel()
    report = services.create_draft(actor=None, body=body, languages=["ar"], council_document="C25/78", **LATE)
    sections = {s["key"]: s for s in report.latest.sections["ar"]}
    assert sections["purpose"]["missing"] == []  # both citations exist in Arabic
    assert sections["introduction"]["missing"] == ["قرار حاكم"]  # the governing resolution's text is English only
    html = services.render_report(report, "ar", "html", preview=True).decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "لم يُكتب بعد بالعربية" in html or "العربية" in html
    data = services.render_report(report, "ar", "pdf")
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is installed by the set-up"
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    logical = " ".join(re.sub("[\u202a-\u202e]", "", text).split())
    # Words in reading order (a visual-order text layer would give "المجلس مقرر"), brackets the right way round.
    assert "بموجب مقرر المجلس" in logical
    assert "(2017)" in logical
    assert ")2017(" not in logical


def test_bad_input_is_refused_and_nothing_is_written() -> None:
    body = _panel()
    with pytest.raises(DomainError) as empty:
        services.create_draft(
            actor=None, body=body, start=datetime.date(2022, 1, 1), end=datetime.date(2022, 12, 31), languages=["en"]
        )
    assert empty.value.code == "no_meetings"
    with pytest.raises(DomainError) as reversed_period:
        services.create_draft(actor=None, body=body, start=LATE["end"], end=LATE["start"], languages=["en"])
    assert reversed_period.value.messages == ["The period ends before it starts."]
    with pytest.raises(DomainError) as language:
        services.create_draft(actor=None, body=body, languages=["en", "de"], **LATE)
    assert language.value.code == "language_invalid"
    services.create_draft(actor=None, body=body, languages=["en"], council_document="C25/79", **LATE)
    with pytest.raises(DomainError) as taken:
        services.create_draft(actor=None, body=body, languages=["en"], council_document="C25/79", **EARLY)
    assert taken.value.messages == [
        "The Council document number C25/79 is already the report of ODP for 2024-01-01–2024-12-31."
    ]
    assert CouncilReport.objects.count() == 1
    with pytest.raises(DomainError) as overlap:
        services.add_governing_text(
            actor=None,
            body=body,
            kind="governing",
            texts={"citation": {"en": "Resolution 77 (Rev. Kigali, 2020)"}},
            valid_from=datetime.date(2020, 1, 1),
            valid_until=datetime.date(2021, 6, 30),
        )
    assert overlap.value.code == "dates_overlap"
    assert GoverningText.objects.filter(body=body).count() == 3


def test_particulars_rewrite_their_sections_and_keep_other_edits() -> None:
    body = _panel()
    report = services.create_draft(actor=None, body=body, languages=["en"], **LATE)
    services.edit(actor=None, report=report, language="en", texts={"references": "– Edited by hand"}, based_on=1)
    version = services.set_particulars(
        actor=None,
        report=report,
        based_on=2,
        council_document="C25/80",
        texts={"focus_areas": {"en": "Open licences\nCoastal voices"}, "action_required": {"en": "To note."}},
    )
    sections = {s["key"]: s["text"] for s in version.sections["en"]}
    assert version.number == 3
    assert sections["references"] == "– Edited by hand"
    assert sections["action"] == "To note."
    assert sections["activities"].split("\n\n")[1] == (
        "In the period, the group focused on:\n– Open licences\n– Coastal voices"
    )
    report.refresh_from_db()
    assert report.council_document == "C25/80"
